"""Every staff session has passed TOTP at its own sign-in, however it was opened: pages, the admin site, the
API called from the browser and the token page all refuse a session opened by the password alone."""

import pytest
from django.core.cache import cache
from django.test import Client

from nangsuat.api.models import ApiToken
from nangsuat.core.mfa import current_totp_code, enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Test@12345"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # allauth remembers used TOTP codes


@pytest.fixture
def national_admin(db):
    user = UserFactory(role=Role.ADMIN, agency=None, is_staff=True, is_superuser=True)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


@pytest.fixture
def officer(can_tho):
    user = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


def _password_only(user) -> Client:
    """A session opened without the TOTP step (Django's own login, a session from before the rule)."""
    client = Client()
    client.force_login(user)
    return client


def _signed_in_with_totp(user) -> Client:
    client = Client()
    res = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert res["Location"] == "/accounts/2fa/authenticate/"
    res = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(user)})
    assert res.status_code == 302
    return client


def test_admin_login_page_sends_to_the_product_sign_in_with_next():
    res = Client().get("/admin/login/", {"next": "/admin/core/user/"})
    assert res.status_code == 302
    assert res["Location"] == "/accounts/login/?next=/admin/core/user/"


def test_password_alone_at_the_admin_login_opens_no_session(national_admin):
    client = Client()
    client.post(
        "/admin/login/", {"username": national_admin.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    assert client.get("/app/").status_code == 302


def test_staff_page_session_without_the_totp_step_is_signed_out(officer):
    client = _password_only(officer)
    res = client.get("/app/")
    assert res.status_code == 302 and res["Location"] == "/accounts/login/?next=/app/"
    assert "_auth_user_id" not in client.session
    assert client.get("/app/").status_code == 302


def test_admin_site_refuses_a_national_superuser_without_the_totp_step(national_admin):
    res = _password_only(national_admin).get("/admin/")
    assert res.status_code == 302 and res["Location"].startswith("/accounts/login/")


def test_api_refuses_a_staff_session_without_the_totp_step(officer):
    assert _password_only(officer).get("/api/v1/auth/me").status_code == 401


def test_token_page_mints_nothing_for_a_staff_session_without_the_totp_step(officer):
    res = _password_only(officer).post("/api-tokens/", {"name": "Phần mềm kế toán"})
    assert res.status_code == 302 and res["Location"].startswith("/accounts/login/")
    assert not ApiToken.objects.filter(user=officer).exists()


def test_session_that_passed_totp_at_sign_in_reaches_pages_api_tokens_and_admin(national_admin):
    client = _signed_in_with_totp(national_admin)
    assert client.get("/app/").status_code == 200
    assert client.get("/api/v1/auth/me").json()["username"] == national_admin.username
    assert client.post("/api-tokens/", {"name": "Phần mềm kế toán"}).status_code == 302
    assert ApiToken.objects.filter(user=national_admin).exists()
    assert client.get("/admin/").status_code == 200
