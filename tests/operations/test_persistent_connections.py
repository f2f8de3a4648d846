"""A web worker keeps its database connection between requests (CONN_MAX_AGE, checked before reuse): the
session keeps the web's timeouts, and a connection the server dropped is replaced without an error."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.utils import load_backend

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
SRC = Path(__file__).resolve().parents[2] / "src"


def _web_settings(**env) -> dict:
    """The database settings a web worker gets from ``settings/base.py`` with this environment."""
    code = (
        "import json; from nangsuat.settings import base; d = base.DATABASES['default'];"
        "print(json.dumps({k: d.get(k) for k in ('CONN_MAX_AGE', 'CONN_HEALTH_CHECKS', 'OPTIONS')}))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in {"CONN_MAX_AGE", "DJANGO_SETTINGS_MODULE"}}
    environment.update(
        PYTHONPATH=str(SRC), SECRET_KEY="s" * 60, MFA_ENCRYPTION_KEY="m" * 60, NANGSUAT_WEB="1", **env
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_connections_are_kept_a_minute_with_a_health_check_by_default():
    web = _web_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert web["CONN_MAX_AGE"] == 60
    assert web["CONN_HEALTH_CHECKS"] is True
    assert "statement_timeout=30000" in web["OPTIONS"]["options"]
    assert "lock_timeout=10000" in web["OPTIONS"]["options"]
    assert _web_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/x", CONN_MAX_AGE="0")["CONN_MAX_AGE"] == 0


def _web_connection():
    """A connection configured as a web worker's: kept 60 s, health-checked, with the web's timeouts."""
    config = {
        **settings.DATABASES[DEFAULT_DB_ALIAS],
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"options": "-c statement_timeout=1234 -c lock_timeout=567"},
    }
    return load_backend(config["ENGINE"]).DatabaseWrapper(config, DEFAULT_DB_ALIAS)


def _one(wrapper, sql):
    with wrapper.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


@pytest.mark.skipif(not ON_POSTGRES, reason="a real PostgreSQL session")
@pytest.mark.django_db(transaction=True)
def test_a_kept_connection_keeps_the_timeouts_and_survives_the_server_dropping_it():
    web = _web_connection()
    try:
        pid = _one(web, "SELECT pg_backend_pid()")
        for _request in range(3):  # what Django does at each request's start and end
            web.close_if_unusable_or_obsolete()
            assert _one(web, "SELECT pg_backend_pid()") == pid, "the connection was not kept"
            assert _one(web, "SHOW statement_timeout") == "1234ms"
            assert _one(web, "SHOW lock_timeout") == "567ms"

        _one(connection, f"SELECT pg_terminate_backend({pid})")  # a restart, an idle connection killed
        web.close_if_unusable_or_obsolete()  # the next request's start: checked before its first query
        new_pid = _one(web, "SELECT pg_backend_pid()")
        assert new_pid != pid
        assert _one(web, "SHOW statement_timeout") == "1234ms"
    finally:
        web.close()
        connections[DEFAULT_DB_ALIAS].close()
