"""The production server as ``nangsuat serve`` starts it: gunicorn, configured from the environment, with
database timeouts for web requests only."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from nangsuat.__main__ import gunicorn_options


def _option(options: list[str], name: str) -> str:
    return options[options.index(name) + 1]


def test_gunicorn_reads_its_settings_from_the_environment():
    options = gunicorn_options({"WEB_CONCURRENCY": "4", "NANGSUAT_BIND": "0.0.0.0:9000", "WEB_TIMEOUT": "90"})
    assert _option(options, "--workers") == "4" and _option(options, "--bind") == "0.0.0.0:9000"
    assert _option(options, "--timeout") == "90"
    defaults = gunicorn_options({})
    assert _option(defaults, "--bind") == "127.0.0.1:8000"  # behind the reverse proxy
    assert int(_option(defaults, "--workers")) == 2 * (os.cpu_count() or 1) + 1


def test_a_hanging_mail_server_holds_a_thread_seconds_not_for_ever():
    assert 0 < settings.EMAIL_TIMEOUT <= 30


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql", reason="PostgreSQL settings"
)
def test_web_requests_have_database_timeouts_and_commands_do_not():
    script = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'nangsuat.settings.test');"
        "{setup}; from django.db import connection; c = connection.cursor();"
        "c.execute('SHOW statement_timeout'); a = c.fetchone()[0]; c.execute('SHOW lock_timeout');"
        "print(a, c.fetchone()[0])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nangsuat.settings.test"}
    env.pop("NANGSUAT_WEB", None)
    web = subprocess.run(
        [sys.executable, "-c", script.format(setup="import nangsuat.wsgi")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    command = subprocess.run(
        [sys.executable, "-c", script.format(setup="django.setup()")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert web.stdout.split() == ["30s", "10s"]
    assert command.stdout.split() == ["0", "0"]
