"""django-allauth adapters: who may sign up, and every message allauth shows, in Vietnamese
(allauth ships no Vietnamese catalogue)."""

import time
from datetime import UTC, datetime

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from . import encryption
from .roles import Role


class AccountAdapter(DefaultAccountAdapter):
    """Self sign-up creates enterprise users only; staff accounts are created by an administrator."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("Tài khoản này đang bị khóa. Vui lòng liên hệ quản trị hệ thống."),
        "cannot_remove_primary_email": _("Không thể xóa địa chỉ e-mail chính."),
        "duplicate_email": _("Địa chỉ e-mail này đã gắn với tài khoản của bạn."),
        "email_password_mismatch": _("Địa chỉ e-mail hoặc mật khẩu không đúng."),
        "email_taken": _("Đã có tài khoản đăng ký bằng địa chỉ e-mail này."),
        "enter_current_password": _("Vui lòng nhập mật khẩu hiện tại."),
        "incorrect_code": _("Mã không đúng."),
        "incorrect_password": _("Mật khẩu không đúng."),
        "invalid_or_expired_key": _("Liên kết không hợp lệ hoặc đã hết hạn."),
        "invalid_login": _("Thông tin đăng nhập không hợp lệ."),
        "invalid_password_reset": _("Liên kết đặt lại mật khẩu không hợp lệ hoặc đã được dùng."),
        "too_many_login_attempts": _("Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau."),
        "unknown_email": _("Địa chỉ e-mail này không gắn với tài khoản nào."),
        "unverified_primary_email": _("Địa chỉ e-mail chính của bạn chưa được xác nhận."),
        "username_blacklisted": _("Không dùng được tên đăng nhập này, vui lòng chọn tên khác."),
        "username_password_mismatch": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "username_taken": _("Tên đăng nhập này đã có người dùng."),
        "select_only_one": _("Vui lòng chỉ chọn một."),
        "same_as_current": _("Giá trị mới phải khác giá trị hiện tại."),
        "rate_limited": _("Bạn gửi yêu cầu quá nhanh, vui lòng chờ một lát rồi thử lại."),
    }

    def format_email_subject(self, subject) -> str:
        return f"[Chương trình 1322] {subject}"

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A user enrolling TOTP right after signing in with the password is not asked for the password
        a second time; every other sensitive step keeps allauth's rule."""
        if app == "allauth.mfa" and self._signed_in_recently_without_mfa():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _signed_in_recently_without_mfa(self) -> bool:
        request = self.request
        user = getattr(request, "user", None)
        if request is None or user is None or not user.is_authenticated:
            return False
        records = [r for r in get_authentication_records(request, user) if r.get("method") == "password"]
        if not records or time.time() - records[-1]["at"] >= app_settings.REAUTHENTICATION_TIMEOUT:
            return False
        # Only while enrolling: no second factor existed when the password was given (the recovery codes
        # shown right after activation count as part of the enrolment).
        signed_in_at = datetime.fromtimestamp(records[-1]["at"], tz=UTC)
        return not Authenticator.objects.filter(user=user, created_at__lt=signed_in_at).exists()

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.role = Role.ENTERPRISE
        if commit:
            user.save()
        return user


class MfaAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _("Tài khoản cán bộ không được tắt xác thực hai lớp."),
        "incorrect_code": _("Mã xác thực không đúng hoặc đã hết hạn."),
        "unverified_email": _("Cần xác nhận địa chỉ e-mail trước khi bật xác thực hai lớp."),
        "cannot_generate_recovery_codes": _("Cần bật xác thực hai lớp trước khi tạo mã khôi phục."),
    }

    def can_delete_authenticator(self, authenticator) -> bool:
        # Every staff role must keep TOTP; an enterprise user may switch it off.
        return not authenticator.user.is_staff_role

    # allauth stores the TOTP seed and the recovery codes' seed through these: encrypted at rest.
    def encrypt(self, text: str) -> str:
        return encryption.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return encryption.decrypt(encrypted_text)
