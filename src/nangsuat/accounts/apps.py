from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-up of enterprise representatives, staff accounts managed by an administrator, lockout."""

    name = "nangsuat.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from nangsuat.core.audit import label_actions

        from . import receivers  # noqa: F401  files a sign-up claim once the e-mail is verified

        label_actions(
            {
                "account.staff_created": _("Tạo tài khoản cán bộ"),
                "account.signup_claim_held": _("Giữ yêu cầu liên kết khi đăng ký tài khoản"),
                "account.mfa_reset": _("Đặt lại xác thực hai lớp"),
                "account.activated": _("Mở khóa tài khoản"),
                "account.deactivated": _("Khóa tài khoản"),
            }
        )
