"""The call form: its fields, contents, rubric and priority rules."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.reference.models import SupportContent

from ..models import Call, PriorityRule
from ..registration import DEFAULT_REQUIRED_ATTACHMENTS, AttachmentKind
from ..services.calls import CALL_FIELDS
from .fields import REQUIRED, DateInput, MoneyField


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = ["year", *CALL_FIELDS]
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
