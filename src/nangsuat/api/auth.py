"""Who is calling: a bearer token (integrations) or the browser's session (pages calling the API).

Every router gets ``DEFAULT_AUTH`` from the ``NinjaAPI``; an operation open to anyone says ``auth=None``.
Inside an operation the caller is ``request.auth`` (a ``core.User``), also set on ``request.user``.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from nangsuat.core.mfa import passed_second_factor

from .tokens import user_for_token


def staff_needs_totp(user) -> bool:
    """A staff account that has not enrolled TOTP yet may not use the API at all."""
    if not settings.STAFF_MFA_REQUIRED or not user.is_staff_role:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class BearerTokenAuth(HttpBearer):
    """``Authorization: Bearer ns1_…`` with a token from ``POST /api/v1/auth/token``."""

    def authenticate(self, request: HttpRequest, token: str):
        user, api_token = user_for_token(token)
        if user is None or staff_needs_totp(user):
            return None
        request.user = user
        request.api_token = api_token
        return user


class BrowserSessionAuth(SessionAuth):
    """The signed-in browser session (CSRF checked on writes). A staff session counts only once it has
    passed TOTP at its own sign-in, as on pages: not one opened by the password alone, nor one of a staff
    member who has not enrolled yet."""

    def __call__(self, request: HttpRequest):
        # CSRF guards a signed-in browser. A request with no session is not signed in at all: it answers
        # 401 like a read, not ninja's 403 "CSRF check Failed", which checks CSRF before the session.
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user is None or not user.is_active:
            return None
        if settings.STAFF_MFA_REQUIRED and user.is_staff_role and not passed_second_factor(request, user):
            return None
        return user


bearer_auth = BearerTokenAuth()
session_auth = BrowserSessionAuth()
DEFAULT_AUTH = [bearer_auth, session_auth]
