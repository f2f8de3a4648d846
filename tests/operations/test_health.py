"""The probes a data centre runs: the process answers, and it is ready to serve or says which part is not."""

import pytest
from django.db import connections
from django.test import Client

from nangsuat.core import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(monkeypatch):
    def broken(*args, **kwargs):
        raise AssertionError("healthz touched the database")

    monkeypatch.setattr(connections["default"], "cursor", broken)
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_is_ok_when_every_part_answers():
    response = Client().get("/readyz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"] == dict.fromkeys(health.CHECKS, True)
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("part", ["database", "cache", "queue", "media", "disk", "migrations"])
def test_readyz_is_503_naming_the_part_that_fails(monkeypatch, part):
    def failing():
        raise OSError("unreachable")

    monkeypatch.setitem(health.CHECKS, part, failing)
    response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["checks"][part] is False
    assert "unreachable" not in response.content.decode()  # the reason is in the log only


def test_readyz_fails_on_a_nearly_full_disk(settings):
    settings.READY_MIN_FREE_MB = 10**12
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["disk"] is False


def test_readyz_fails_with_a_migration_not_applied(monkeypatch):
    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])
    assert Client().get("/readyz").json()["checks"]["migrations"] is False


def test_metrics_are_off_unless_turned_on_and_then_for_the_scraper_only(settings):
    assert Client().get("/metrics").status_code == 404
    settings.METRICS_ENABLED = True
    response = Client().get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "nangsuat_queue_oldest_ready_seconds 0" in text and "# TYPE nangsuat_jobs_stale gauge" in text
    assert Client().get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
