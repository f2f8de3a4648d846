"""TOTP helpers around django-allauth's MFA: whether the current sign-in passed the second factor, enrolling a
known secret (demo accounts) and computing the current code (the demo's `nangsuat totp` command and the
browser tests)."""

import time

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt

TOTP_PERIOD = 30


def passed_second_factor(request, user) -> bool:
    """Whether the current sign-in included a second factor. allauth records every step of a sign-in
    in the session: the code given at login or at a reauthentication is an ``mfa`` record; the password
    alone (or Django's own login, which records nothing) is not."""
    return any(r.get("method") == "mfa" for r in get_authentication_records(request, user))


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def count_enrolment_as_second_factor(request, authenticator: Authenticator) -> None:
    """Enrolling TOTP takes a code from the new authenticator: the session has passed the second factor
    (allauth records no authentication when it enrols; its enrolment page calls this after it)."""
    record_authentication(request, authenticator.user, "mfa", id=authenticator.pk, type=authenticator.type)


def enrol_totp(user, secret: str) -> None:
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)


def current_totp_code(user, *, at: float | None = None) -> str:
    auth = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(auth.data["secret"])
    counter = int(at if at is not None else time.time()) // TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
