"""Page forms of calls and dossiers; every field validated with a Vietnamese message."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.reference.models import SupportContent

from .forms_actions import DateInput
from .models import Call, Dossier, EligibilityCheck, PriorityRule
from .registration import DEFAULT_REQUIRED_ATTACHMENTS, REQUIRED_FIELDS, AttachmentKind

REQUIRED = {"required": _("Vui lòng nhập trường này."), "invalid": _("Giá trị không hợp lệ.")}


class MoneyField(forms.IntegerField):
    """An amount in đồng; accepts '1.250.000.000' as people write it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault(
            "error_messages",
            {**REQUIRED, "min_value": _("Số tiền không được âm."), "max_value": _("Số tiền quá lớn.")},
        )
        kwargs.setdefault("max_value", 10**15)
        super().__init__(**kwargs)
        self.widget.input_type = "text"
        self.widget.attrs.update({"inputmode": "numeric", "class": "money"})

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(".", "").replace(",", "").replace(" ", "").replace("đ", "")
        return super().to_python(value)


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = [
            "year",
            "title",
            "description",
            "registration_opens",
            "registration_closes",
            "review_ends",
            "contract_ends",
            "budget_vnd",
            "pass_total_min",
            "pass_criterion_min_ratio",
            "contract_days",
            "legal_basis",
            "effective_date",
        ]
        widgets = {
            "registration_opens": DateInput(),
            "registration_closes": DateInput(),
            "review_ends": DateInput(),
            "contract_ends": DateInput(),
            "effective_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    budget_vnd = MoneyField(label=_("Dự toán kinh phí (đồng)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages = {**REQUIRED, **field.error_messages}
            field.error_messages["required"] = REQUIRED["required"]
        self.fields["year"].min_value = 2021
        self.fields["year"].max_value = 2030

    def clean(self):
        data = super().clean()
        opens, closes = data.get("registration_opens"), data.get("registration_closes")
        if opens and closes and closes < opens:
            self.add_error("registration_closes", _("Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ."))
        for name in ("review_ends", "contract_ends"):
            if data.get(name) and closes and data[name] < closes:
                self.add_error(name, _("Thời hạn này phải sau hạn nộp hồ sơ."))
        return data


class CallContentForm(forms.Form):
    content = forms.ModelChoiceField(
        label=_("Nội dung hỗ trợ"),
        queryset=SupportContent.objects.filter(is_active=True),
        required=False,
        error_messages={"invalid_choice": _("Nội dung không hợp lệ.")},
    )
    support_rate_percent = forms.IntegerField(
        label=_("Tỷ lệ hỗ trợ (%)"),
        min_value=1,
        max_value=100,
        initial=50,
        required=False,
        error_messages={
            "min_value": _("Từ 1 đến 100."),
            "max_value": _("Từ 1 đến 100."),
            "invalid": _("Nhập số."),
        },
    )
    ceiling_vnd = MoneyField(label=_("Mức tối đa (đồng)"), required=False, initial=200_000_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].empty_label = _("— Chọn nội dung —")

    required_attachments = forms.MultipleChoiceField(
        label=_("Hồ sơ kèm theo bắt buộc"),
        choices=AttachmentKind.choices,
        required=False,
        initial=DEFAULT_REQUIRED_ATTACHMENTS,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if data.get("content") and (data.get("ceiling_vnd") is None or not data.get("support_rate_percent")):
            raise ValidationError(_("Vui lòng nhập tỷ lệ hỗ trợ và mức tối đa cho nội dung đã chọn."))
        return data


CallContentFormSet = forms.formset_factory(CallContentForm, extra=3, can_delete=True)


class RubricForm(forms.Form):
    """Three to six criteria; total 100."""

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        rows = list(criteria) + [None] * max(0, 5 - len(criteria))
        for i, c in enumerate(rows):
            self.fields[f"name_{i}"] = forms.CharField(
                label=_("Tiêu chí %(n)s") % {"n": i + 1},
                max_length=200,
                required=False,
                initial=getattr(c, "name", ""),
            )
            self.fields[f"points_{i}"] = forms.IntegerField(
                label=_("Điểm tối đa"),
                min_value=1,
                max_value=100,
                required=False,
                initial=getattr(c, "max_points", None),
                error_messages={"min_value": _("Từ 1 đến 100."), "max_value": _("Từ 1 đến 100.")},
            )
        self.count = len(rows)

    def rows(self):
        return [(self[f"name_{i}"], self[f"points_{i}"]) for i in range(self.count)]

    def clean(self):
        data = super().clean()
        criteria = [
            {"name": data[f"name_{i}"], "max_points": data[f"points_{i}"]}
            for i in range(self.count)
            if data.get(f"name_{i}") and data.get(f"points_{i}")
        ]
        if sum(c["max_points"] for c in criteria) != 100:
            raise ValidationError(_("Tổng điểm tối đa các tiêu chí phải bằng 100."))
        data["criteria"] = criteria
        return data


class PriorityForm(forms.Form):
    def __init__(self, *args, rules=(), **kwargs):
        super().__init__(*args, **kwargs)
        current = {r.basis: r for r in rules}
        for basis, label in PriorityRule.Basis.choices:
            rule = current.get(basis)
            self.fields[f"points_{basis}"] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=100,
                required=False,
                initial=getattr(rule, "points", 0),
                error_messages={"min_value": _("Từ 0 đến 100."), "max_value": _("Từ 0 đến 100.")},
            )
        self.fields["threshold_jobs"] = forms.IntegerField(
            label=_("Số việc làm tối thiểu"),
            min_value=1,
            required=False,
            initial=getattr(current.get("jobs"), "threshold", 10),
        )

    def rules(self) -> dict:
        d = self.cleaned_data
        return {
            basis: (d.get(f"points_{basis}") or 0, d.get("threshold_jobs") if basis == "jobs" else None)
            for basis in PriorityRule.Basis.values
        }


class DossierForm(forms.ModelForm):
    """Phiếu đăng ký. Saving a draft needs only the content; submitting checks completeness."""

    total_cost_vnd = MoneyField(label=_("Tổng kinh phí thực hiện (đồng)"), required=False)
    requested_support_vnd = MoneyField(label=_("Kinh phí đề nghị hỗ trợ (đồng)"), required=False)

    class Meta:
        model = Dossier
        fields = [
            "content",
            "title",
            "objectives",
            "expected_results",
            "total_cost_vnd",
            "requested_support_vnd",
            "period_start",
            "period_end",
            "consultant",
            "other_state_support",
            "other_state_support_detail",
            "uses_domestic_materials",
            "export_potential",
            "jobs_created",
        ]
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
