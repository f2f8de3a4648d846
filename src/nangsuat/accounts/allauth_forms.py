"""django-allauth's forms with Vietnamese labels (allauth ships no Vietnamese catalogue).
Wired in settings through ACCOUNT_FORMS and MFA_FORMS."""

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django.utils.translation import gettext_lazy as _

LABELS = {
    "login": _("Tên đăng nhập hoặc e-mail"),
    "password": _("Mật khẩu"),
    "remember": _("Ghi nhớ đăng nhập trên máy này"),
    "email": _("Thư điện tử (e-mail)"),
    "oldpassword": _("Mật khẩu hiện tại"),
    "password1": _("Mật khẩu mới"),
    "password2": _("Nhập lại mật khẩu mới"),
    "code": _("Mã xác thực 6 chữ số"),
}


class _Vietnamese:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in LABELS:
                field.label = LABELS[name]
            field.help_text = ""
            field.widget.attrs.pop("placeholder", None)
        if "code" in self.fields:
            self.fields["code"].widget.attrs.update(
                {"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": "8", "autofocus": True}
            )


class LoginForm(_Vietnamese, account_forms.LoginForm):
    pass


class ResetPasswordForm(_Vietnamese, account_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(_Vietnamese, account_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(_Vietnamese, account_forms.ChangePasswordForm):
    pass


class SetPasswordForm(_Vietnamese, account_forms.SetPasswordForm):
    pass


class AuthenticateForm(_Vietnamese, mfa_forms.AuthenticateForm):
    pass


class ReauthenticateForm(_Vietnamese, mfa_forms.ReauthenticateForm):
    pass


class ActivateTOTPForm(_Vietnamese, totp_forms.ActivateTOTPForm):
    pass


class ReauthenticatePasswordForm(_Vietnamese, account_forms.ReauthenticateForm):
    pass
