"""Forms of the registry pages. They parse input; the services validate again and write."""

from allauth.account.forms import SignupForm
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.core.widgets import DateInput
from nangsuat.reference.choices import section_choices, ward_choices
from nangsuat.reference.models import VsicCode, Ward

from .importer import check_workbook
from .models import EnterpriseKind, SizeClass
from .services import SELF_SERVICE_FIELDS, clean_year_figures
from .tax_code import normalize_tax_code

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class EnterpriseSignupForm(SignupForm):
    """Sign-up for an enterprise representative."""


class VsicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: VsicCode) -> str:
        return f"{obj.code} — {obj.name}"


class EnterpriseForm(forms.Form):
    """Create or edit an enterprise's profile. ``agency`` limits the wards to its province."""

    tax_code = forms.CharField(
        label=_("Mã số thuế"),
        max_length=20,
        help_text=_(
            "10 chữ số; 13 chữ số dạng 0123456789-001 cho đơn vị phụ thuộc; 12 chữ số cho hộ kinh doanh."
        ),
    )
    name = forms.CharField(label=_("Tên doanh nghiệp"), max_length=255)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Loại hình"), choices=EnterpriseKind.choices)
    vsic = VsicChoiceField(label=_("Ngành kinh tế chính (VSIC 2018)"), queryset=VsicCode.objects.none())
    ward = forms.ModelChoiceField(label=_("Xã/phường"), queryset=Ward.objects.none())
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    website = forms.URLField(label=_("Trang web"), required=False, assume_scheme="https")
    representative = forms.CharField(label=_("Người đại diện theo pháp luật"), max_length=150, required=False)
    representative_title = forms.CharField(label=_("Chức vụ người đại diện"), max_length=100, required=False)
    founded_on = forms.DateField(
        label=_("Ngày thành lập"),
        required=False,
        widget=DateInput(),
    )
    bank_account = forms.CharField(
        label=_("Số tài khoản ngân hàng"),
        max_length=30,
        required=False,
        help_text=_("Tài khoản nhận kinh phí hỗ trợ, in trên hợp đồng và đề nghị thanh toán."),
    )
    bank_name = forms.CharField(label=_("Ngân hàng"), max_length=150, required=False)
    bank_branch = forms.CharField(label=_("Chi nhánh"), max_length=150, required=False)

    def __init__(self, *args, agency: Agency, self_service: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].queryset = Ward.objects.filter(province_id=agency.province_code).order_by("name")
        self.fields["vsic"].queryset = VsicCode.objects.filter(level__gte=2).order_by("code")
        if self_service:
            for name in list(self.fields):
                if name not in SELF_SERVICE_FIELDS:
                    del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if "tax_code" in self.fields and cleaned.get("tax_code"):
            try:
                cleaned["tax_code"] = normalize_tax_code(cleaned["tax_code"], kind=cleaned.get("kind"))
            except ValidationError as exc:
                self.add_error("tax_code", exc.messages[0])
        return cleaned


class YearFiguresForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1990)
    employees = forms.IntegerField(
        label=_("Lao động BHXH"), min_value=0, help_text=_("bình quân năm, người tham gia BHXH")
    )
    revenue_vnd = forms.IntegerField(label=_("Tổng doanh thu (đồng)"), min_value=0, required=False)
    capital_vnd = forms.IntegerField(label=_("Tổng nguồn vốn (đồng)"), min_value=0, required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                clean_year_figures(**cleaned)
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    self.add_error(field, messages)
        return cleaned


class ContactForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=100, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)


class EnterpriseFilterForm(forms.Form):
    """The list's filters; unknown values are ignored rather than refused. The wards and VSIC sections come
    from the shared cache of reference lists (``reference.choices``), not a query per page."""

    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    ward = forms.ChoiceField(label=_("Xã/phường"), required=False)
    vsic_section = forms.ChoiceField(label=_("Ngành cấp 1"), required=False)
    kind = forms.ChoiceField(
        label=_("Loại hình"), choices=[("", _("Tất cả"))] + EnterpriseKind.choices, required=False
    )
    size = forms.ChoiceField(
        label=_("Quy mô"),
        required=False,
        choices=[("", _("Tất cả")), *SizeClass.choices, ("unknown", _("Chưa xác định"))],
    )
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, province_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].choices = [("", _("Tất cả")), *ward_choices(province_code)]
        self.fields["vsic_section"].choices = [("", _("Tất cả")), *section_choices()]

    def selector_kwargs(self) -> dict:
        self.is_valid()  # a bad value drops that filter only; the valid ones stay in cleaned_data
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "ward": data.get("ward") or None,
            "vsic_section": data.get("vsic_section") or "",
            "kind": data.get("kind") or "",
            "size": data.get("size") or "",
            "order": data.get("sort") or "",
        }

    def filters_used(self) -> list[tuple[str, str]]:
        """(label, value as shown) of each filter given, for the export's filters line."""
        if not self.is_bound:
            return []
        self.is_valid()
        used = []
        for name in ("q", "ward", "vsic_section", "kind", "size"):
            value, field = self.cleaned_data.get(name), self.fields[name]
            if value:
                shown = (
                    dict(field.choices).get(value, value) if isinstance(field, forms.ChoiceField) else value
                )
                used.append((str(field.label), str(shown)))
        return used


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) hoặc CSV"), help_text=_("Dùng tệp mẫu; dòng đầu là tiêu đề cột.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Tệp lớn hơn 20 MB; vui lòng chia nhỏ."))
        if name.endswith(".xlsx"):
            check_workbook(upload, upload.name)  # refused now, not in the background job
        return upload


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Xác nhận")), ("reject", _("Từ chối"))])
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("note"):
            self.add_error("note", _("Vui lòng ghi lý do từ chối."))
        return cleaned
