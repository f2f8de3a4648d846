from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-up of enterprise representatives, staff accounts managed by an administrator, lockout."""

    name = "nangsuat.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  files a sign-up claim once the e-mail is verified
