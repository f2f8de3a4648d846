"""TOTP helpers around django-allauth's MFA: enrolling a known secret (demo accounts) and computing
the current code (the demo's `nangsuat totp` command and the browser tests)."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt

TOTP_PERIOD = 30


def enrol_totp(user, secret: str) -> None:
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)


def current_totp_code(user, *, at: float | None = None) -> str:
    auth = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(auth.data["secret"])
    counter = int(at if at is not None else time.time()) // TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
