"""The registration form and the forms of a dossier's page: attachments, checklist, override, comments."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nangsuat.reference.models import SupportContent

from ..models import Call, Dossier, EligibilityCheck
from ..registration import (
    DEFAULT_REQUIRED_ATTACHMENTS,
    FORM_FIELDS,
    REQUIRED_FIELDS,
    AttachmentKind,
    kind_label,
)
from .fields import REQUIRED, DateInput, MoneyField

ATTACH_PREFIX = "paper_"


class DossierForm(forms.ModelForm):
    """Phiếu đăng ký. Saving a draft needs only the content; submitting checks completeness."""

    total_cost_vnd = MoneyField(label=_("Tổng kinh phí thực hiện (đồng)"), required=False)
    requested_support_vnd = MoneyField(label=_("Kinh phí đề nghị hỗ trợ (đồng)"), required=False)

    class Meta:
        model = Dossier
        fields = [name for name, _kind, _required in FORM_FIELDS]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
            "other_state_support_detail": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].queryset = SupportContent.objects.filter(
            pk__in=call.contents.values("content_id")
        ).order_by("ordering", "name")
        self.fields["content"].empty_label = _("— Chọn nội dung —")
        self.fields["title"].required = False
        self.fields["jobs_created"].required = False
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, "required": REQUIRED["required"]}
            field.error_messages.setdefault("invalid", REQUIRED["invalid"])
        self.fields["content"].error_messages["invalid_choice"] = _("Nội dung không thuộc đợt đăng ký này.")
        for name in REQUIRED_FIELDS:
            self.fields[name].needed_to_submit = True  # starred: a draft may leave it empty, a submission not
        # The papers the call asks for, attachable in the same step as the form (each optional here).
        for kind in self.paper_kinds(call):
            self.fields[ATTACH_PREFIX + kind] = forms.FileField(
                label=kind_label(kind), required=False, error_messages={"empty": _("Tệp rỗng.")}
            )

    @staticmethod
    def paper_kinds(call: Call) -> list[str]:
        """The papers any of the call's contents asks for, in the order they are first asked."""
        kinds: list[str] = []
        for offered in call.contents.all():
            for kind in offered.required_attachments or DEFAULT_REQUIRED_ATTACHMENTS:
                if kind not in kinds and kind in AttachmentKind.values:
                    kinds.append(kind)
        return kinds

    def papers(self) -> list[tuple[str, str, object]]:
        """(field name, kind, upload) of each paper attached with the form."""
        return [
            (name, name[len(ATTACH_PREFIX) :], upload)
            for name, upload in self.cleaned_data.items()
            if name.startswith(ATTACH_PREFIX) and upload
        ]

    def dossier_data(self) -> dict:
        """The form's values for the dossier services, without the papers."""
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith(ATTACH_PREFIX)}

    def _post_clean(self):
        # The services validate the model; the form only parses.
        pass

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        total, asked = data.get("total_cost_vnd"), data.get("requested_support_vnd")
        if total is not None and asked is not None and asked > total:
            self.add_error("requested_support_vnd", _("Không được lớn hơn tổng kinh phí thực hiện."))
        if data.get("jobs_created") is None:
            data["jobs_created"] = 0
        return data


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại giấy tờ"), choices=AttachmentKind.choices, error_messages=REQUIRED)
    file = forms.FileField(
        label=_("Tệp (PDF, DOCX, XLSX, JPEG, PNG)"),
        error_messages={"required": _("Vui lòng chọn tệp."), "empty": _("Tệp rỗng.")},
    )


class EligibilityForm(forms.Form):
    def __init__(self, *args, checks=(), **kwargs):
        super().__init__(*args, **kwargs)
        current = {c.item: c for c in checks}
        for item, label in EligibilityCheck.Item.choices:
            c = current.get(item)
            self.fields[f"met_{item}"] = forms.BooleanField(
                label=label, required=False, initial=getattr(c, "met", False)
            )
            self.fields[f"evidence_{item}"] = forms.CharField(
                label=_("Căn cứ, minh chứng"),
                max_length=500,
                required=False,
                initial=getattr(c, "evidence", ""),
            )

    def rows(self):
        return [
            (item, label, self[f"met_{item}"], self[f"evidence_{item}"])
            for item, label in EligibilityCheck.Item.choices
        ]

    def items(self) -> dict:
        d = self.cleaned_data
        return {item: (d[f"met_{item}"], d[f"evidence_{item}"]) for item in EligibilityCheck.Item.values}


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do chấp nhận"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=10,
        max_length=2000,
        error_messages={"required": _("Vui lòng ghi rõ lý do."), "min_length": _("Ít nhất 10 ký tự.")},
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Ý kiến"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
        error_messages={"required": _("Vui lòng nhập nội dung ý kiến.")},
    )
    internal = forms.BooleanField(label=_("Chỉ cán bộ xem"), required=False, initial=True)
