"""The officer's forms for a good-practice model; every field refused with a Vietnamese message."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.widgets import DateInput

from .models import Case
from .services import FIGURES_PER_CASE, CaseText, Figure

FIGURE_LIMIT = 10**13


class CaseTextForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["title", "summary", "applied", "narrative"]
        widgets = {
            "applied": forms.Textarea(attrs={"rows": 4}),
            "narrative": forms.Textarea(attrs={"rows": 8}),
        }

    def text(self) -> CaseText:
        return CaseText(**{name: self.cleaned_data[name] for name in self.Meta.fields})


class NewCaseForm(CaseTextForm):
    dossier = forms.ModelChoiceField(
        label=_("Hồ sơ đã nghiệm thu"),
        queryset=None,
        error_messages={"invalid_choice": _("Chọn một hồ sơ đã nghiệm thu đạt chưa có mô hình.")},
    )

    class Meta(CaseTextForm.Meta):
        fields = ["dossier", *CaseTextForm.Meta.fields]

    def __init__(self, *args, dossiers, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["dossier"]
        field.queryset = dossiers
        field.label_from_instance = lambda d: f"{d.tracking_code} · {d.enterprise.name} · {d.content or ''}"

    def text(self) -> CaseText:
        return CaseText(**{name: self.cleaned_data[name] for name in CaseTextForm.Meta.fields})


def _figure_number(label) -> forms.DecimalField:
    # the label doubles as placeholder: on a phone the row's column headings are hidden
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=16,
        decimal_places=2,
        min_value=-FIGURE_LIMIT,
        max_value=FIGURE_LIMIT,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "placeholder": label}),
    )


class FigureForm(forms.Form):
    label = forms.CharField(
        label=_("Chỉ số"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Chỉ số, ví dụ: tỷ lệ sản phẩm lỗi")}),
    )
    before = _figure_number(_("Trước"))
    after = _figure_number(_("Sau"))
    unit = forms.CharField(
        label=_("Đơn vị"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Đơn vị")}),
    )

    def clean(self):
        data = super().clean()
        filled = [data.get(k) not in (None, "") for k in ("label", "before", "after")]
        if any(filled) and not all(filled):
            raise ValidationError(_("Ghi đủ tên chỉ số, giá trị trước và sau (hoặc để trống cả dòng)."))
        return data

    def figure(self) -> Figure | None:
        data = self.cleaned_data
        if not data.get("label"):
            return None
        return Figure(data["label"], data["before"], data["after"], data.get("unit") or "")


FigureFormSet = forms.formset_factory(FigureForm, extra=0, max_num=FIGURES_PER_CASE, validate_max=True)


def _plain(value: Decimal) -> Decimal:
    """1250.00 → 1250, 4.80 → 4.8: the figure as it was typed."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def figure_formset(case: Case | None, data=None):
    initial = (
        [
            {"label": f.label, "before": _plain(f.before), "after": _plain(f.after), "unit": f.unit}
            for f in case.figures.all()
        ]
        if case
        else []
    )
    formset = FigureFormSet(data, initial=initial, prefix="fig")
    formset.extra = min(3 if initial else 4, FIGURES_PER_CASE - len(initial))  # blank rows to fill in
    return formset


class EditorForm(forms.Form):
    """A form of the case's editor: its fields' ids carry the form's name, as several forms share a page
    (the photo's and the consent's both have a ``file``)."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class PhotoForm(EditorForm):
    id_prefix = "photo"
    file = forms.FileField(
        label=_("Ảnh"),
        help_text=_("Ảnh JPEG hoặc PNG, tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    caption = forms.CharField(label=_("Chú thích ảnh"), max_length=200, required=False)


class ConsentForm(EditorForm):
    id_prefix = "consent"
    given_by = forms.CharField(
        label=_("Người đại diện doanh nghiệp đồng ý"),
        max_length=150,
        help_text=_("Họ tên, chức vụ người ký văn bản đồng ý (không công bố)."),
    )
    given_on = forms.DateField(
        label=_("Ngày đồng ý"), widget=DateInput(), validators=[validate_plausible_date]
    )
    file = forms.FileField(
        label=_("Văn bản đồng ý công bố"),
        help_text=_("Bản scan PDF hoặc ảnh chụp văn bản có chữ ký, đóng dấu."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class WithdrawForm(EditorForm):
    id_prefix = "withdraw"
    reason = forms.CharField(label=_("Lý do gỡ"), min_length=5, max_length=300)
