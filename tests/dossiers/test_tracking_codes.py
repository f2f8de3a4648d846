"""Tracking codes: each agency numbers its own dossiers under its own prefix, and a code carries a random
part, so the previous code does not tell the next one; the public lookup's limit is shared by every
process that serves it."""

import multiprocessing
import re

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings
from django.utils import timezone

from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.views.lists import LOOKUPS_PER_WINDOW, lookup_throttled
from nangsuat.settings import base as product_settings
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import make_call, make_dossier

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


@pytest.fixture(autouse=True)
def _other_apps_quiet(monkeypatch):
    monkeypatch.setitem(workflow.EFFECTS, "receipt_slip", lambda step: None)


def submitted(agency):
    enterprise = EnterpriseFactory(agency=agency)
    dossier = make_dossier(call=make_call(agency=agency), enterprise=enterprise)
    workflow.perform(dossier=dossier, action="submit", actor=enterprise_user(enterprise))
    dossier.refresh_from_db()
    return dossier.tracking_code


def parts(code: str) -> tuple[str, int, int, str]:
    match = re.fullmatch(r"([A-Z]{1,6})-(\d{4})-(\d{6})-([0-9A-HJKMNP-TV-Z]{4})", code)
    assert match, code
    prefix, year, number, check = match.groups()
    return prefix, int(year), int(number), check


def test_each_agency_numbers_its_dossiers_under_its_own_prefix(can_tho, vinh_long):
    assert parts(submitted(can_tho))[:3] == ("CT", YEAR, 1)
    assert parts(submitted(vinh_long))[:3] == ("VL", YEAR, 1)
    assert parts(submitted(can_tho))[:3] == ("CT", YEAR, 2)


def test_the_next_code_cannot_be_told_from_the_previous_one(can_tho):
    checks = [parts(submitted(can_tho))[3] for _ in range(8)]
    assert len(set(checks)) > 1  # eight equal random parts: one chance in 32**28


def test_the_public_lookup_needs_the_random_part_too(client, can_tho):
    code = submitted(can_tho)
    tax_code = Dossier.objects.get().enterprise.tax_code
    other = "0000" if not code.endswith("0000") else "1111"
    guessed = f"{code[:-4]}{other}"
    assert client.get("/dossiers/tra-cuu/", {"code": code, "tax_code": tax_code}).status_code == 200
    assert client.get("/dossiers/tra-cuu/", {"code": guessed, "tax_code": tax_code}).status_code == 404


def _lookups(n: int) -> None:
    request = RequestFactory().get("/dossiers/tra-cuu/", REMOTE_ADDR="203.0.113.7")
    for _ in range(n):
        lookup_throttled(request)


def test_the_product_keeps_lookup_counts_in_a_cache_every_process_shares(tmp_path):
    backend = product_settings.CACHES["default"]["BACKEND"]
    assert backend not in {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
    shared = {**product_settings.CACHES["default"], "LOCATION": str(tmp_path / "cache")}
    with override_settings(CACHES={"default": shared}):
        caches["default"].clear()
        # Another process spends the whole allowance; this one is then refused.
        worker = multiprocessing.get_context("fork").Process(target=_lookups, args=(LOOKUPS_PER_WINDOW,))
        worker.start()
        worker.join(30)
        assert worker.exitcode == 0
        request = RequestFactory().get("/dossiers/tra-cuu/", REMOTE_ADDR="203.0.113.7")
        assert lookup_throttled(request)
