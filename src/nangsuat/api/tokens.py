"""Issuing, checking and revoking API tokens. Tokens look like ``ns1_<43 url-safe characters>``; each
expires ``settings.API_TOKEN_LIFETIME_DAYS`` after it is issued, and a new password revokes them all."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit

from .models import ApiToken

TOKEN_PREFIX = "ns1_"
# Write ``last_used_at`` at most this often, so a busy client does not turn every read into a write.
LAST_USED_GRANULARITY = timedelta(minutes=1)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def issue_token(*, user, name: str = "", actor=None) -> tuple[ApiToken, str]:
    """Create a token for ``user`` and return it with the raw secret (shown once, never stored)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=raw[:12],
        digest=_digest(raw),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_LIFETIME_DAYS),
    )
    record_audit(
        actor=actor or user,
        action="api.token.issued",
        target=token,
        data={"name": token.name, "expires_at": token.expires_at.isoformat()},
    )
    return token, raw


def user_for_token(raw: str):
    """The active user a valid token in use (neither revoked nor expired) belongs to, or ``None``."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None, None
    token = (
        ApiToken.objects.in_use().select_related("user", "user__agency").filter(digest=_digest(raw)).first()
    )
    if token is None or not token.user.is_active:
        return None, None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user, token


@transaction.atomic
def revoke_token(*, token: ApiToken, actor) -> ApiToken:
    """Revoke a token; revoking twice is harmless."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_audit(actor=actor, action="api.token.revoked", target=token)
    return token


@transaction.atomic
def revoke_all_tokens(*, user, actor=None, reason: str) -> int:
    """Revoke every token of ``user`` not yet revoked, with one audit entry saying how many and why (a
    stable code: ``password_changed``, ``deactivated``); returns how many."""
    count = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if count:
        record_audit(
            actor=actor or user,
            action="api.token.revoked_all",
            target=user,
            data={"count": count, "reason": reason},
        )
    return count


class RevokeTokensOnNewPassword:
    """Not a rule for passwords: Django calls each of ``AUTH_PASSWORD_VALIDATORS``' ``password_changed``
    whenever a user is saved with a new password (``set_password``), whatever the flow: allauth's change,
    set and reset pages, Django's admin, ``changepassword``. A password that is only rehashed at sign-in
    is not new and does not come here. A token copied while the old password was known must stop."""

    def validate(self, password, user=None) -> None:
        return None

    def password_changed(self, password, user=None) -> None:
        if user is not None and user.pk is not None:
            revoke_all_tokens(user=user, reason="password_changed")

    def get_help_text(self) -> str:
        return _("Đổi mật khẩu sẽ thu hồi mọi khóa truy cập API của tài khoản.")
