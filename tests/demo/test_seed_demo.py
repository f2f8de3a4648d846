"""The demo's seed writes published passwords and TOTP keys: it runs on the embedded demo database with
DEBUG on, and anywhere else only when forced."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from nangsuat.core.models import User
from nangsuat.demo.management.commands import seed_demo

pytestmark = pytest.mark.django_db

VAR = Path("/srv/nangsuat/var")
EMBEDDED = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(VAR / "nangsuat.sqlite3")}
POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "nangsuat"}


@pytest.fixture
def seeds(monkeypatch) -> list[str]:
    """The seeds replaced by one that records it ran (the real ones take seconds)."""
    ran: list[str] = []
    monkeypatch.setattr(seed_demo, "SEEDS", (("Lõi hệ thống", lambda out: ran.append("core")),))
    return ran


def test_seed_demo_refuses_a_database_with_debug_off(settings, seeds):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=io.StringIO())
    assert seeds == [] and not User.objects.exists()


def test_seed_demo_refuses_a_database_other_than_the_embedded_demo_even_with_debug_on(settings, seeds):
    settings.DEBUG = True  # the test database is in memory, not var/nangsuat.sqlite3
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=io.StringIO())
    assert seeds == []


def test_seed_demo_runs_when_forced(settings, seeds):
    settings.DEBUG = False
    call_command("seed_demo", "--force", stdout=io.StringIO())
    assert seeds == ["core"]


@pytest.mark.parametrize(
    ("debug", "database", "refused"),
    [
        (True, EMBEDDED, False),
        (False, EMBEDDED, True),
        (True, POSTGRES, True),
        (True, {**EMBEDDED, "NAME": "/srv/prod/nangsuat.sqlite3"}, True),
    ],
)
def test_only_the_embedded_demo_database_with_debug_on_is_seeded_unforced(debug, database, refused):
    assert bool(seed_demo.refusal(debug=debug, database=database, var_dir=VAR)) == refused
