"""The page's form of one year's figures; the service cleans the numbers (``services.clean_figures``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nangsuat.reference.models import Ward
from nangsuat.registry.models import SizeClass

from .models import FIRST_YEAR

MONEY_HELP = _("Đồng, số nguyên; ví dụ 1.250.000.000.")


def _number(label, help_text=MONEY_HELP):
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        max_length=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class FiguresForm(forms.Form):
    year = forms.IntegerField(
        label=_("Năm số liệu"),
        min_value=FIRST_YEAR,
        error_messages={"required": _("Vui lòng nhập năm."), "invalid": _("Năm phải là một số nguyên.")},
    )
    employees = _number(_("Lao động bình quân năm (người)"), _("Ghi vào số liệu năm của sổ doanh nghiệp."))
    revenue_vnd = _number(_("Doanh thu (đồng)"))
    wages_vnd = _number(_("Thu nhập của người lao động (đồng)"))
    depreciation_vnd = _number(_("Khấu hao tài sản cố định (đồng)"))
    operating_surplus_vnd = _number(_("Thặng dư sản xuất (đồng)"), _("Có thể âm khi lỗ."))
    production_taxes_vnd = _number(_("Thuế sản xuất (đồng)"))
    value_added_vnd = _number(
        _("Giá trị tăng thêm (đồng)"), _("Chỉ cần khi không đủ bốn thành phần bên trên.")
    )
    hours_worked = _number(_("Tổng số giờ làm việc"), _("Giờ làm việc thực tế của mọi lao động trong năm."))
    fixed_assets_vnd = _number(_("Giá trị tài sản cố định (đồng)"))
    energy_kwh = _number(_("Năng lượng sử dụng (kWh quy đổi)"), _("Điện, nhiên liệu quy đổi ra kWh."))
    defect_rate = _number(_("Tỷ lệ sản phẩm lỗi (%)"), _("Từ 0 đến 100, ví dụ 2,5."))


class BenchmarkFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False)
    vsic_section = forms.ChoiceField(label=_("Ngành cấp 1"), required=False)
    size_class = forms.ChoiceField(
        label=_("Quy mô"), required=False, choices=[("", _("Mọi quy mô")), *SizeClass.choices]
    )
    ward = forms.ChoiceField(label=_("Xã, phường"), required=False)

    def __init__(self, *args, years=(), sections=(), province_code="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in years]
        self.fields["vsic_section"].choices = [("", _("Mọi ngành")), *sections]
        wards = Ward.objects.filter(province_id=province_code).order_by("name").values_list("code", "name")
        self.fields["ward"].choices = [("", _("Toàn thành phố")), *wards]
