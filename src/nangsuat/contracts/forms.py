"""The extra fields of the contract steps' actions (registered with ``workflow.action_form``) and the
enterprise's progress-report form. Each action form's ``cleaned_data`` becomes the step's payload.

Payload keys: approve / not_approve → decision_number, decision_date, decision_file (optional);
assign → decision_number, decision_date; sign_contract → number, signed_on, amount_vnd, deliverables,
deadline; request_completion → self_assessment, evidence (files, optional); accept / not_accept →
rating, minutes_date; liquidate → final_amount_vnd, liquidated_on; pay → amount_vnd, paid_on, reference;
terminate → terminated_on (optional, default today).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.widgets import DateInput
from nangsuat.documents.models import DocumentKind
from nangsuat.documents.numbering import suggest_number
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.dossiers.uploads import check_upload, random_name, safe_original_name
from nangsuat.dossiers.workflow import action_form

from . import amounts

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def stored_safely(upload):
    """Check an uploaded file by its content (PDF, DOCX, XLSX, JPEG, PNG; the size limit), as dossier
    attachments are, and give it a storage name nobody can guess; its own name stays in
    ``upload.original_name`` for display and download."""
    if upload is None:
        return None
    try:
        checked = check_upload(upload)
    except ValidationError as exc:
        raise forms.ValidationError(exc.messages) from exc
    upload.original_name = safe_original_name(upload.name, checked.extension)
    upload.name = random_name(checked.extension)
    return upload


def _lower_first(text) -> str:
    text = str(text)
    return text[:1].lower() + text[1:]


_lower_lazy = lazy(_lower_first, str)


def _required(label) -> dict:
    return {"required": format_lazy(_("Vui lòng nhập {}."), _lower_lazy(label))}


def date_field(label, required=True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        validators=[validate_plausible_date],
        widget=DateInput(),
        error_messages={**_required(label), "invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
    )


def amount_field(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=10**15,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1"}),
        error_messages={
            **_required(label),
            "invalid": _("Số tiền phải là số nguyên (đồng)."),
            "min_value": _("Số tiền không được âm."),
            "max_value": _("Số tiền quá lớn."),
        },
    )


def text_field(label, max_length=None, textarea=False) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.Textarea if textarea else None,
        error_messages={**_required(label), "max_length": _("Tối đa %(limit_value)d ký tự.")},
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        return [stored_safely(f) for f in cleaned if f is not None]


@action_form("approve")
class CityDecisionForm(forms.Form):
    decision_number = text_field(_("Số quyết định"), max_length=50)
    decision_date = date_field(_("Ngày quyết định"))
    decision_file = forms.FileField(label=_("Tệp quyết định (nếu có)"), required=False)

    def clean_decision_file(self):
        return stored_safely(self.cleaned_data.get("decision_file"))


@action_form("not_approve")
class CityRefusalForm(CityDecisionForm):
    pass


@action_form("assign")
class AssignmentForm(forms.Form):
    decision_number = text_field(_("Số quyết định giao"), max_length=50)
    decision_date = date_field(_("Ngày quyết định"))

    @staticmethod
    def initial_for(dossier: Dossier) -> dict:
        """The register's next decision number (taken only when the step is done: a number typed over it,
        or one the register already holds, is checked then) and today."""
        today = timezone.localdate()
        kind = DocumentKind.ASSIGNMENT_DECISION
        return {
            "decision_number": suggest_number(agency=dossier.agency, kind=kind, year=today.year),
            "decision_date": today,
        }


@action_form("sign_contract")
class ContractForm(forms.Form):
    number = text_field(_("Số hợp đồng"), max_length=50)
    signed_on = date_field(_("Ngày ký"))
    amount_vnd = amount_field(_("Kinh phí hỗ trợ (đồng)"))
    deliverables = text_field(_("Sản phẩm phải giao nộp"), textarea=True)
    deadline = date_field(_("Thời hạn hoàn thành"))

    @staticmethod
    def initial_for(dossier: Dossier) -> dict:
        """The register's next contract number, the support the city approved, signed today, due when the
        dossier's own period ends (else the call's contract deadline)."""
        today = timezone.localdate()
        kind = DocumentKind.SUPPORT_CONTRACT
        return {
            "number": suggest_number(agency=dossier.agency, kind=kind, year=today.year),
            "signed_on": today,
            "amount_vnd": amounts.approved_support(dossier),
            "deadline": dossier.period_end or dossier.call.contract_ends,
        }

    def clean(self):
        data = super().clean()
        if data.get("signed_on") and data.get("deadline") and data["deadline"] < data["signed_on"]:
            self.add_error("deadline", _("Thời hạn hoàn thành phải sau ngày ký hợp đồng."))
        return data


@action_form("request_completion")
class CompletionRequestForm(forms.Form):
    note_field = "self_assessment"  # the self-assessment is the request's note

    self_assessment = text_field(_("Báo cáo tự đánh giá"), textarea=True)
    evidence = MultipleFileField(label=_("Minh chứng (giấy chứng nhận, báo cáo...)"), required=False)


def _ratings(passing: bool) -> list[tuple[str, str]]:
    """The ratings of every call's scale (passing ones: all but the last; failing: the last), for a form
    built without its dossier; the effect checks the rating against the dossier's own call."""
    seen: list[str] = []
    scales = [Call().ratings()] + [
        list(r)
        for r in Call.objects.exclude(acceptance_ratings=[]).values_list("acceptance_ratings", flat=True)
        if r
    ]
    for scale in scales:
        for rating in scale[:-1] if passing else scale[-1:]:
            if rating not in seen:
                seen.append(rating)
    return [(r, r) for r in seen]


def _passing_ratings():
    return _ratings(True)


def _failing_ratings():
    return _ratings(False)


class _AcceptanceForm(forms.Form):
    minutes_date = date_field(_("Ngày biên bản nghiệm thu"))
    passing = True

    def __init__(self, *args, dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        if dossier is not None:
            ratings = dossier.call.ratings()
            choices = [(r, r) for r in (ratings[:-1] if self.passing else ratings[-1:])]
        else:
            choices = _passing_ratings if self.passing else _failing_ratings
        self.fields["rating"] = forms.ChoiceField(
            label=_("Xếp loại"),
            choices=choices,
            required=self.passing,
            error_messages={
                "required": _("Vui lòng chọn xếp loại."),
                "invalid_choice": _("Xếp loại không hợp lệ."),
            },
        )
        self.order_fields(["rating", "minutes_date"])


@action_form("accept")
class AcceptanceForm(_AcceptanceForm):
    passing = True


@action_form("not_accept")
class RejectionForm(_AcceptanceForm):
    passing = False


@action_form("liquidate")
class LiquidationForm(forms.Form):
    final_amount_vnd = amount_field(_("Kinh phí quyết toán (đồng)"))
    liquidated_on = date_field(_("Ngày thanh lý"))

    @staticmethod
    def initial_for(dossier: Dossier) -> dict:
        contract = getattr(dossier, "contract", None)  # a missing reverse one-to-one is an AttributeError
        return {
            "final_amount_vnd": contract.amount_vnd if contract is not None else None,
            "liquidated_on": timezone.localdate(),
        }


@action_form("pay")
class PaymentForm(forms.Form):
    amount_vnd = amount_field(_("Số tiền thanh toán (đồng)"))
    paid_on = date_field(_("Ngày thanh toán"))
    reference = text_field(_("Số chứng từ"), max_length=100)

    @staticmethod
    def initial_for(dossier: Dossier) -> dict:
        liquidation = getattr(getattr(dossier, "contract", None), "liquidation", None)
        return {
            "amount_vnd": liquidation.final_amount_vnd if liquidation is not None else None,
            "paid_on": timezone.localdate(),
        }


@action_form("terminate")
class TerminationForm(forms.Form):
    terminated_on = date_field(_("Ngày chấm dứt"), required=False)


class ProgressReportForm(forms.Form):
    period = text_field(_("Kỳ báo cáo"), max_length=100)
    text = text_field(_("Nội dung"), textarea=True)
    file = forms.FileField(label=_("Tệp đính kèm (nếu có)"), required=False)

    def clean_file(self):
        return stored_safely(self.cleaned_data.get("file"))
