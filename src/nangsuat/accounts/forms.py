"""The enterprise sign-up form (django-allauth) and the administrator's staff form."""

from allauth.account.forms import SignupForm
from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.core.text import nfc
from nangsuat.reference.models import VsicCode, Ward
from nangsuat.registry.models import EnterpriseKind
from nangsuat.registry.tax_code import normalize_tax_code

from .services import default_agency, record_signup_claim

NEW_ENTERPRISE_FIELDS = ("enterprise_name", "kind", "ward", "vsic")


class VsicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: VsicCode) -> str:
        return f"{obj.code} — {obj.name}"


class EnterpriseSignupForm(SignupForm):
    """Sign-up of an enterprise representative: who they are, and which enterprise (by tax code).

    The enterprise's details are asked whatever the tax code: asking them only for a code the registry
    lacks would tell anyone which codes it holds. They become a registry record only when the code is not
    registered, and only once the e-mail is verified (``services.file_signup_claim``)."""

    full_name = forms.CharField(label=_("Họ và tên người đại diện"), max_length=150)
    phone = forms.RegexField(
        label=_("Số điện thoại"),
        max_length=20,
        regex=r"^\+?[0-9 .\-]{8,19}$",
        error_messages={"invalid": _("Số điện thoại chỉ gồm chữ số, 8–15 số (ví dụ 0292 3820 123).")},
    )
    tax_code = forms.CharField(
        label=_("Mã số thuế của doanh nghiệp"),
        max_length=20,
        help_text=_("10 chữ số; 13 chữ số dạng 0123456789-001 cho chi nhánh; 12 chữ số cho hộ kinh doanh."),
    )
    enterprise_name = forms.CharField(
        label=_("Tên doanh nghiệp"),
        max_length=255,
        error_messages={"required": _("Vui lòng nhập tên doanh nghiệp.")},
    )
    kind = forms.ChoiceField(
        label=_("Loại hình"),
        choices=EnterpriseKind.choices,
        initial=EnterpriseKind.COMPANY,
        error_messages={"required": _("Vui lòng chọn loại hình.")},
    )
    ward = forms.ModelChoiceField(
        label=_("Xã/phường nơi đặt trụ sở"),
        queryset=Ward.objects.none(),
        error_messages={"required": _("Vui lòng chọn xã/phường nơi đặt trụ sở.")},
    )
    vsic = VsicChoiceField(
        label=_("Ngành kinh tế chính (VSIC 2018)"),
        queryset=VsicCode.objects.none(),
        error_messages={"required": _("Vui lòng chọn ngành kinh tế chính.")},
    )

    field_order = [
        "full_name",
        "phone",
        "email",
        "username",
        "password1",
        "password2",
        "tax_code",
        "enterprise_name",
        "kind",
        "ward",
        "vsic",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = default_agency()
        province = self.agency.province_code if self.agency else None
        self.fields["ward"].queryset = Ward.objects.filter(province_id=province).order_by("name")
        self.fields["vsic"].queryset = VsicCode.objects.filter(level=2).order_by("code")
        self.fields["ward"].empty_label = _("— Chọn xã/phường —")
        self.fields["vsic"].empty_label = _("— Chọn ngành —")
        self.fields["email"].label = _("Thư điện tử (e-mail)")
        self.fields["email"].help_text = _("Dùng để xác nhận tài khoản và nhận thông báo.")
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password1"].label = _("Mật khẩu")
        self.fields["password2"].label = _("Nhập lại mật khẩu")
        for name in ("email", "username", "password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)
        # The password rules are listed beside the form; Django's bullet list under the field is noise.
        self.fields["password1"].help_text = ""
        self.existing_enterprise = None

    def clean_full_name(self):
        return nfc(self.cleaned_data["full_name"])

    def clean_tax_code(self):
        try:
            return normalize_tax_code(self.cleaned_data["tax_code"])
        except ValidationError as exc:
            raise ValidationError(exc.messages[0]) from None

    def clean(self):
        cleaned = super().clean()
        if self.agency is None:
            raise ValidationError(_("Hệ thống chưa có cơ quan thực hiện; vui lòng liên hệ quản trị."))
        tax_code = cleaned.get("tax_code")
        if not tax_code:
            return cleaned
        kind = cleaned.get("kind") or EnterpriseKind.COMPANY
        if len(tax_code) == 12 and kind not in ("household", "establishment"):
            self.add_error(
                "kind",
                _(
                    "Mã 12 chữ số (số định danh cá nhân) chỉ dùng cho hộ kinh doanh, cơ sở sản xuất kinh doanh."
                ),
            )
        return cleaned

    def signup(self, request, user):
        data = self.cleaned_data
        user.full_name = data["full_name"]
        user.phone = data["phone"].strip()
        user.save(update_fields=["full_name", "phone"])
        record_signup_claim(
            user=user,
            agency=self.agency,
            tax_code=data["tax_code"],
            name=data["enterprise_name"],
            kind=data["kind"],
            ward=data["ward"],
            vsic=data["vsic"],
        )


STAFF_ROLE_CHOICES = [(r.value, r.label) for r in Role if r != Role.ENTERPRISE]


class StaffAccountForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    username = forms.RegexField(
        label=_("Tên đăng nhập"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Chỉ gồm chữ, số và các ký tự . @ + - _ (không dấu cách).")},
    )
    email = forms.EmailField(label=_("Thư điện tử (e-mail)"))
    role = forms.ChoiceField(label=_("Vai trò"), choices=STAFF_ROLE_CHOICES)
    agency = forms.ModelChoiceField(
        label=_("Cơ quan"),
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("— Không gắn cơ quan (Bộ KH&CN, quản trị toàn hệ thống) —"),
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    password = forms.CharField(
        label=_("Mật khẩu tạm thời"),
        widget=forms.PasswordInput(render_value=False),
        min_length=10,
        help_text=_("Ít nhất 10 ký tự. Người dùng đăng ký xác thực hai lớp (TOTP) ở lần đăng nhập đầu."),
    )

    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        if not actor.is_national_admin:
            # An agency's administrator creates accounts of its own agency only (``create_staff_account``).
            self.fields["role"].choices = [c for c in STAFF_ROLE_CHOICES if c[0] != Role.MINISTRY]
            agency = self.fields["agency"]
            agency.queryset = Agency.objects.filter(pk=actor.agency_id)
            agency.required = True
            agency.empty_label = None
            agency.initial = actor.agency_id
            agency.error_messages["required"] = _(
                "Vui lòng chọn cơ quan: tài khoản bạn tạo phải gắn với một cơ quan thực hiện, cơ quan của bạn."
            )

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password
