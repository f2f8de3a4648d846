from allauth.account.internal.flows.login import record_authentication
from django.http import HttpRequest
from django.test import Client


def client_for(user) -> Client:
    """A test client signed in as ``user`` (pages; the tests that use it lift the staff TOTP rule)."""
    client = Client()
    client.force_login(user)
    return client


def sign_in_after_totp(client: Client, user) -> Client:
    """Sign ``client`` in as ``user`` as the sign-in leaves a staff member after the TOTP step: the
    session carries allauth's record of the second factor (``core.mfa.passed_second_factor``)."""
    client.force_login(user)
    request = HttpRequest()
    request.session = client.session
    record_authentication(request, user, "mfa", type="totp")
    request.session.save()
    return client


def client_after_totp(user) -> Client:
    return sign_in_after_totp(Client(), user)
