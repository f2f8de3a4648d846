"""Issuing, checking and revoking API tokens. Tokens look like ``ns1_<43 url-safe characters>``."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

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
    token = ApiToken.objects.create(user=user, name=name[:100], prefix=raw[:12], digest=_digest(raw))
    record_audit(actor=actor or user, action="api.token.issued", target=token, data={"name": token.name})
    return token, raw


def user_for_token(raw: str):
    """The active user a valid, unrevoked token belongs to, or ``None``."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None, None
    token = (
        ApiToken.objects.select_related("user", "user__agency")
        .filter(digest=_digest(raw), revoked_at__isnull=True)
        .first()
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
