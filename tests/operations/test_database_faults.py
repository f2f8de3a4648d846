"""The database going away mid-request: a page or an API call answers 503 "try again" (never a 500 nor
a traceback), and the next request succeeds without a restart."""

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.dossiers import selectors
from tests.api.conftest import ApiClient
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _failing_once(monkeypatch, action):
    original = selectors.dossiers_for_user
    calls = {"n": 0}

    def once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            action()
        return original(*args, **kwargs)

    monkeypatch.setattr(selectors, "dossiers_for_user", once)


def _gone():
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
def test_an_api_call_answers_503_then_recovers(can_tho, monkeypatch):
    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    _failing_once(monkeypatch, _gone)
    response = client.get("/api/v1/dossiers")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "tạm thời không kết nối được cơ sở dữ liệu" in response.json()["detail"]
    assert client.get("/api/v1/dossiers").status_code == 200


@pytest.mark.django_db
def test_a_page_answers_503_then_recovers(can_tho, monkeypatch):
    client = client_after_totp(UserFactory(role=Role.OFFICER, agency=can_tho))
    _failing_once(monkeypatch, _gone)
    response = client.get(reverse("dossiers:dossier_list"))
    assert response.status_code == 503
    assert "Hệ thống đang tạm thời gián đoạn" in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert client.get(reverse("dossiers:dossier_list")).status_code == 200


@pytest.mark.skipif(not ON_POSTGRES, reason="a real PostgreSQL connection, killed by the server")
@pytest.mark.django_db(transaction=True)
def test_a_connection_the_server_kills_gives_503_and_the_next_request_works(can_tho, monkeypatch):
    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))

    def killed():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    _failing_once(monkeypatch, killed)
    response = client.get("/api/v1/dossiers")
    assert response.status_code == 503, response.content
    assert client.get("/api/v1/dossiers").status_code == 200
