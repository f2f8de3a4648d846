from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from nangsuat.indicators.definitions import PERIOD

from .kinds import ReportKind, ReportState
from .models import SECTION_FIELDS, Report

MAX_SECTION = 20_000


class ReportCreateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại báo cáo"),
        choices=ReportKind.choices,
        error_messages={
            "required": _("Chọn loại báo cáo."),
            "invalid_choice": _("Loại báo cáo không hợp lệ."),
        },
        help_text=_("Sơ kết lập cho năm 2028, tổng kết cho năm 2030."),
    )
    year = forms.TypedChoiceField(
        label=_("Năm báo cáo"),
        choices=[(y, y) for y in PERIOD],
        coerce=int,
        error_messages={"required": _("Chọn năm báo cáo."), "invalid_choice": _("Năm báo cáo không hợp lệ.")},
    )


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = SECTION_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 7}) for name in SECTION_FIELDS}
        help_texts = {
            "results": _("Mỗi dòng là một đoạn; dòng bắt đầu bằng “-” là một ý liệt kê."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.max_length = MAX_SECTION
            field.widget.attrs["maxlength"] = MAX_SECTION
            field.validators.append(
                MaxLengthValidator(MAX_SECTION, message=_("Mỗi phần tối đa %(limit_value)s ký tự."))
            )


class ReportFilters(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại báo cáo"), choices=[("", _("Tất cả"))] + ReportKind.choices, required=False
    )
    year = forms.TypedChoiceField(
        label=_("Năm"),
        choices=[("", _("Tất cả"))] + [(y, y) for y in PERIOD],
        coerce=int,
        required=False,
        empty_value=None,
    )
    state = forms.ChoiceField(
        label=_("Tình trạng"), choices=[("", _("Tất cả"))] + ReportState.choices, required=False
    )
