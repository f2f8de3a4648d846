"""The estimate's forms: a line, the city's decision (registered for ``approve``), the appraisal's lines,
the director's override and a counterpart fund. Every field validated with a Vietnamese message."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nangsuat.core.widgets import DateInput
from nangsuat.dossiers.forms.fields import MoneyField
from nangsuat.reference.models import SupportContent

from .states import Task
from .workflow import action_form


class LineForm(forms.Form):
    task = forms.ChoiceField(label=_("Nhiệm vụ"), choices=Task.choices)
    content = forms.ModelChoiceField(
        label=_("Nội dung hỗ trợ"),
        queryset=SupportContent.objects.filter(is_active=True),
        required=False,
        help_text=_("Chỉ với dòng hỗ trợ doanh nghiệp."),
    )
    description = forms.CharField(label=_("Nội dung chi"), max_length=255)
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=60, required=False)
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=1, max_value=1_000_000)
    norm_vnd = forms.IntegerField(
        label=_("Định mức (đồng)"),
        min_value=0,
        max_value=10**13,
        required=False,
        help_text=_("Để trống để áp dụng định mức đang có hiệu lực vào ngày lập dự toán."),
    )
    justification = forms.CharField(
        label=_("Thuyết minh"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    plan_section = forms.CharField(label=_("Mục của kế hoạch"), max_length=60, required=False)


@action_form("approve")
class DecisionForm(forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định của UBND thành phố"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    decision_file = forms.FileField(label=_("Tệp quyết định (không bắt buộc)"), required=False)


@action_form("appraise")
class AppraisalForm(forms.Form):
    lines = forms.JSONField(label=_("Các dòng thẩm định"), required=False)

    def clean_lines(self):
        value = self.cleaned_data.get("lines") or []
        if not isinstance(value, list):
            raise forms.ValidationError(_("Danh sách dòng thẩm định không hợp lệ."))
        return value


class OverrideForm(forms.Form):
    reason = forms.CharField(label=_("Lý do cho phép vượt số dư"), widget=forms.Textarea(attrs={"rows": 3}))


class CounterpartForm(forms.Form):
    amount_vnd = MoneyField(
        label=_("Vốn đối ứng của doanh nghiệp (đồng)"),
        max_value=10**13,
        help_text=_("Số nguyên đồng, ví dụ 1.250.000.000."),
        error_messages={
            "required": _("Vui lòng nhập số vốn đối ứng."),
            "invalid": _("Số tiền phải là số nguyên đồng, ví dụ 1.250.000.000."),
            "min_value": _("Số tiền không được âm."),
            "max_value": _("Số tiền quá lớn."),
        },
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Ghi chú tối đa 300 ký tự.")},
    )
