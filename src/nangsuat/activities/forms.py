"""The forms of the activity records. The pages show them; the services clean every write through them
too (the API's bodies included), so a value is refused with the same Vietnamese message everywhere."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.widgets import DateInput
from nangsuat.dossiers.models import Call
from nangsuat.reference.models import SupportContent
from nangsuat.registry.importer import check_workbook
from nangsuat.registry.models import Enterprise

from .models import (
    Award,
    AwardKind,
    ConformityCertificate,
    Course,
    Event,
    Expert,
    ExpertLevel,
    Participation,
    SystemCertificate,
)
from .people import clean_identity_number

MIN_YEAR, MAX_YEAR = 2020, 2035  # the programme runs 2021–2030 (Quyết định 1322/QĐ-TTg); a margin each side
MAX_VND = 10**15
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _date(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=DateInput(), validators=[validate_plausible_date]
    )


def _year(label=None) -> forms.IntegerField:
    return forms.IntegerField(label=label or _("Năm kế hoạch"), min_value=MIN_YEAR, max_value=MAX_YEAR)


def _money(label=None) -> forms.IntegerField:
    return forms.IntegerField(
        label=label or _("Kinh phí (đồng)"), min_value=0, max_value=MAX_VND, required=False
    )


class EnterpriseFields(forms.Form):
    """The enterprise named by its tax code; the other three only to add one the registry lacks."""

    tax_code = forms.CharField(
        label=_("Mã số thuế doanh nghiệp"),
        max_length=20,
        help_text=_("Doanh nghiệp được đối chiếu với sổ doanh nghiệp theo mã số thuế."),
    )
    enterprise_name = forms.CharField(
        label=_("Tên doanh nghiệp (nếu chưa có trong sổ)"), max_length=255, required=False
    )
    vsic_code = forms.CharField(label=_("Mã ngành VSIC (nếu chưa có trong sổ)"), max_length=5, required=False)
    ward_code = forms.CharField(label=_("Mã xã/phường (nếu chưa có trong sổ)"), max_length=6, required=False)


class IdentityNumber:
    """Cleans the identity number as the person matching reads it (``people.clean_identity_number``)."""

    def clean_identity_number(self):
        try:
            return clean_identity_number(self.cleaned_data.get("identity_number"))  # type: ignore[attr-defined]
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["identity_number"]) from None


class CourseForm(forms.ModelForm):
    year = _year()
    starts_on = _date(_("Ngày bắt đầu"))
    ends_on = _date(_("Ngày kết thúc"))
    cost_vnd = _money()

    class Meta:
        model = Course
        fields = [
            "title",
            "kind",
            "year",
            "starts_on",
            "ends_on",
            "place",
            "organiser",
            "cost_vnd",
            "call",
            "registration_open",
        ]

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = Call.objects.filter(agency=agency).order_by("-year", "title")

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return cleaned


class ParticipantForm(IdentityNumber, EnterpriseFields):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=100, required=False)
    is_manager = forms.BooleanField(label=_("Là cán bộ quản lý doanh nghiệp"), required=False)
    identity_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD)"),
        max_length=20,
        required=False,
        help_text=_("Chỉ cán bộ của Sở xem được; dùng để nhận ra một người qua nhiều khóa."),
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    attended = forms.BooleanField(label=_("Có tham dự"), required=False, initial=True)
    certificate_number = forms.CharField(label=_("Số chứng nhận"), max_length=50, required=False)

    field_order = ["full_name", "position", "is_manager", "tax_code", "identity_number", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tax_code"].required = False
        self.fields["tax_code"].help_text = _(
            "Để trống nếu người tham gia không thuộc doanh nghiệp (cán bộ cơ quan nhà nước…)."
        )


class ExpertForm(IdentityNumber, forms.ModelForm, EnterpriseFields):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    identity_number = forms.CharField(label=_("Số định danh cá nhân (CCCD)"), max_length=20, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    tax_code = forms.CharField(
        label=_("Mã số thuế doanh nghiệp nơi công tác"),
        max_length=20,
        required=False,
        help_text=_("Để trống nếu chuyên gia công tác tại cơ quan, viện, trường."),
    )
    level = forms.ChoiceField(label=_("Cấp chứng chỉ"), choices=ExpertLevel.choices)
    certified_on = _date(_("Ngày cấp"), required=False)
    valid_until = _date(_("Hiệu lực đến"), required=False)

    class Meta:
        model = Expert
        fields = [
            "workplace",
            "course",
            "certificate_number",
            "certified_on",
            "issuer",
            "level",
            "valid_until",
        ]

    field_order = ["full_name", "identity_number", "phone", "workplace", "tax_code", "course"]

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.filter(agency=agency, deleted_at__isnull=True)
        self.fields["course"].label = _("Khóa đào tạo đã tham gia")

    def clean(self):
        cleaned = super().clean()
        issued, valid = cleaned.get("certified_on"), cleaned.get("valid_until")
        if issued and valid and valid < issued:
            self.add_error("valid_until", _("Ngày hết hiệu lực không được trước ngày cấp."))
        return cleaned


class EventForm(forms.ModelForm):
    held_on = _date(_("Ngày thực hiện"))
    audience = forms.IntegerField(
        label=_("Số người tham dự, tiếp cận"), min_value=0, max_value=10**9, required=False
    )
    cost_vnd = _money()

    class Meta:
        model = Event
        fields = ["title", "kind", "held_on", "place", "audience", "cost_vnd"]


class _Dated(forms.ModelForm):
    issued_on = _date(_("Ngày cấp"), required=False)
    expires_on = _date(_("Ngày hết hạn"), required=False)

    def clean(self):
        cleaned = super().clean()
        issued, expires = cleaned.get("issued_on"), cleaned.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("Ngày hết hạn không được trước ngày cấp."))
        return cleaned


class SystemForm(_Dated, EnterpriseFields):
    field_order = ["tax_code", "content"]

    class Meta:
        model = SystemCertificate
        fields = ["content", "certificate_number", "certifying_body", "issued_on", "expires_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].queryset = SupportContent.objects.filter(is_active=True)


class ConformityForm(_Dated, EnterpriseFields):
    field_order = ["tax_code", "kind", "product_group", "standard_code"]

    class Meta:
        model = ConformityCertificate
        fields = [
            "kind",
            "product_group",
            "standard_code",
            "certificate_number",
            "certifying_body",
            "issued_on",
            "expires_on",
        ]


class AwardForm(forms.ModelForm, EnterpriseFields):
    year = _year(_("Năm"))
    tax_code = forms.CharField(label=_("Mã số thuế doanh nghiệp"), max_length=20, required=False)

    class Meta:
        model = Award
        fields = ["kind", "year", "title", "recipient_name", "result", "decision_number"]

    field_order = ["kind", "year", "title", "tax_code", "recipient_name"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == AwardKind.NATIONAL_QUALITY and not cleaned.get("tax_code"):
            self.add_error("tax_code", _("Giải thưởng Chất lượng Quốc gia cần doanh nghiệp tham dự."))
        elif not cleaned.get("tax_code") and not cleaned.get("recipient_name"):
            self.add_error("recipient_name", _("Vui lòng nhập doanh nghiệp hoặc cá nhân được khen."))
        return cleaned


class AttendanceImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp danh sách (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Tệp quá lớn (tối đa 20 MB)."))
        check_workbook(upload, upload.name)
        upload.seek(0)
        return upload


class RecordSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), max_length=200, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False)
    kind = forms.ChoiceField(label=_("Loại"), required=False)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Tất cả"))] + list(kinds)
        if not kinds:
            del self.fields["kind"]


class ReachForm(EnterpriseFields):
    """An enterprise an event reached, by tax code."""


class RegistrationForm(IdentityNumber, forms.Form):
    """An enterprise registers one of its people for an open course."""

    enterprise = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=Enterprise.objects.none())
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=100, required=False)
    is_manager = forms.BooleanField(label=_("Là cán bộ quản lý doanh nghiệp"), required=False)
    identity_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD)"),
        max_length=20,
        required=False,
        help_text=_("Chỉ cán bộ của Sở xem được; dùng để nhận ra một người qua nhiều khóa."),
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)

    def __init__(self, *args, enterprises=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = Enterprise.objects.filter(pk__in=[e.pk for e in enterprises])
        if len(enterprises) == 1:
            self.fields["enterprise"].initial = enterprises[0].pk


class ParticipationEditForm(forms.ModelForm):
    """What an officer corrects on a participation; who the person is stays as matched."""

    class Meta:
        model = Participation
        fields = ["position", "is_manager", "attended", "certificate_number"]
