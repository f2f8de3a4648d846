"""The floor views of ``nangsuat bench pages``: absent unless switched on; when on, the bare one answers
anyone and the base template one only the signed-in."""

import pytest
from django.conf import settings
from django.test import Client

from nangsuat.core.roles import Role
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_off_by_default():
    assert settings.BENCH_FLOOR_VIEWS is False


@pytest.mark.parametrize("path", ["/bench-floor/bare/", "/bench-floor/base/"])
def test_not_found_by_default(can_tho, path):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    assert Client().get(path).status_code == 404
    assert client_after_totp(officer).get(path).status_code == 404


@pytest.mark.urls("tests.bench.floor_urls")
def test_bare_answers_a_few_bytes_to_anyone(can_tho):
    res = Client().get("/bench-floor/bare/")
    assert res.status_code == 200
    assert res.content == b"ok"


@pytest.mark.urls("tests.bench.floor_urls")
def test_base_needs_sign_in_and_draws_the_base_template(can_tho):
    res = Client().get("/bench-floor/base/")
    assert res.status_code == 302 and "/accounts/login/" in res["Location"]
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà")
    res = client_after_totp(officer).get("/bench-floor/base/")
    assert res.status_code == 200
    assert "Nguyễn Thị Thu Hà" in res.content.decode()
    assert "mainnav" in res.content.decode()
