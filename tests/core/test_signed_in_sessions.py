"""What a signed-in session gets: HSTS over HTTPS, pages no browser or proxy keeps, and for staff a
session that ends after a spell of inactivity."""

import time

import pytest
from django.test import Client

from nangsuat.core.roles import Role
from tests.api.conftest import ApiClient
from tests.core.clients import client_for
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
ONE_YEAR = 365 * 24 * 3600


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_https_answers_carry_hsts_for_a_year_with_subdomains(can_tho):
    res = Client().get("/", secure=True)
    assert res["Strict-Transport-Security"] == f"max-age={ONE_YEAR}; includeSubDomains"


def test_signed_in_pages_are_not_stored(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    res = client_for(officer).get("/app/")
    assert res.status_code == 200
    assert "no-store" in res["Cache-Control"] and "private" in res["Cache-Control"]


def test_api_answers_to_a_signed_in_caller_are_not_stored(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    res = ApiClient(user).get("/api/v1/auth/me")
    assert res.status_code == 200
    assert "no-store" in res["Cache-Control"]
    assert "no-store" in client_for(user).get("/api/v1/auth/me")["Cache-Control"]


def test_public_pages_stay_cacheable(can_tho):
    res = Client().get("/")
    assert res.status_code == 200
    assert "no-store" not in res.get("Cache-Control", "")


def _idle(client: Client, minutes: float) -> None:
    session = client.session
    session["last_seen"] = time.time() - minutes * 60
    session.save()


def test_a_staff_session_ends_after_thirty_idle_minutes(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = client_for(officer)
    assert client.get("/app/").status_code == 200
    _idle(client, 31)
    res = client.get("/app/")
    assert res.status_code == 302 and res["Location"].startswith("/accounts/login/?next=/app/")
    page = client.get(res["Location"]).content.decode()
    assert "Phiên làm việc đã kết thúc sau 30 phút không hoạt động" in page
    assert client.get("/app/").status_code == 302  # signed out, not only redirected


def test_a_staff_session_in_use_goes_on(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = client_for(officer)
    client.get("/app/")
    _idle(client, 29)
    assert client.get("/app/").status_code == 200
    assert time.time() - client.session["last_seen"] < 60  # the request counted as activity


def test_the_notification_bell_polling_is_no_activity(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = client_for(officer)
    page = client.get("/app/").content.decode()
    assert 'hx-headers=\'{"X-Background": "true"}\'' in page  # the bell says so on every poll
    _idle(client, 20)
    poll = client.get("/notifications/bell/", HTTP_HX_REQUEST="true", HTTP_X_BACKGROUND="true")
    assert poll.status_code == 200
    assert time.time() - client.session["last_seen"] > 19 * 60


def test_an_ended_session_sends_a_page_polling_in_the_background_to_the_sign_in(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = client_for(officer)
    client.get("/app/")
    _idle(client, 31)
    res = client.get("/notifications/bell/", HTTP_HX_REQUEST="true", HTTP_X_BACKGROUND="true")
    assert res["HX-Redirect"].startswith("/accounts/login/")


def test_an_idle_staff_session_calling_the_api_is_unauthenticated(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = client_for(officer)
    client.get("/app/")
    _idle(client, 31)
    assert client.get("/api/v1/auth/me").status_code == 401


def test_the_idle_limit_is_a_setting(can_tho, settings):
    settings.STAFF_IDLE_TIMEOUT_MINUTES = 5
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = client_for(officer)
    client.get("/app/")
    _idle(client, 6)
    assert client.get("/app/").status_code == 302


def test_an_enterprise_session_has_no_staff_idle_limit(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = client_for(user)
    client.get("/app/")
    _idle(client, 120)
    assert client.get("/app/").status_code == 200
