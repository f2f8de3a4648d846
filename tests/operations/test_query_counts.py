"""A list's number of queries does not depend on its number of rows: each list is read with N rows and
with 3N rows (several pages' worth, varied wards, kinds and states), under each of its filters and sorts,
and must run the same queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.registry.models import EnterpriseKind
from tests.activities.factories import activity_world
from tests.api.conftest import ApiClient
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory
from tests.dossiers.factories import make_call, make_dossier
from tests.reference.factories import some_ward
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

N = 4
KINDS = [EnterpriseKind.COMPANY, EnterpriseKind.COOPERATIVE, EnterpriseKind.HOUSEHOLD]
STATES = ["submitted", "valid", "draft"]


@pytest.fixture
def world(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    return {"agency": can_tho, "officer": officer, "call": make_call(agency=can_tho, actor=officer), "n": 0}


def _add(world, count: int) -> None:
    ward = some_ward()
    for i in range(count):
        world["n"] += 1
        enterprise = EnterpriseFactory(agency=world["agency"], ward=ward, kind=KINDS[i % 3])
        make_dossier(call=world["call"], enterprise=enterprise, state=STATES[i % 3], attachments=False)
        activity_world(world["agency"], officer=world["officer"], enterprise=enterprise)  # a course, an event
    world["ward"] = ward.code


def _queries(get, url: str) -> list[str]:
    get(url)  # the caches a first request fills (session, calendar) are not the list's
    with CaptureQueriesContext(connection) as captured:
        response = get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


def _flat(world, urls, get) -> None:
    _add(world, N)
    few = {url(world): _queries(get, url(world)) for url in urls}
    _add(world, 2 * N)
    for url in urls:
        many = _queries(get, url(world))
        assert len(many) == len(few[url(world)]), (url(world), len(few[url(world)]), len(many))


PAGES = [
    lambda w: reverse("registry:enterprise_list"),
    lambda w: reverse("registry:enterprise_list") + f"?ward={w['ward']}&kind=cooperative&sort=tax_code",
    lambda w: reverse("registry:enterprise_list") + "?sort=-revenue&page_size=2",
    lambda w: reverse("dossiers:dossier_list"),
    lambda w: reverse("dossiers:dossier_list") + "?state=submitted&sort=due",
    lambda w: reverse("dossiers:dossier_list") + f"?ward={w['ward']}&sort=-enterprise",
    *(lambda w, kind=kind: reverse("activities:record_list", args=[kind]) for kind in ("courses", "events")),
    lambda w: "/dashboard/indicators/enterprises_reached/",
    lambda w: "/dashboard/indicators/manager_trainings/",
]
API = [
    lambda w: "/api/v1/enterprises?page_size=5",
    lambda w: f"/api/v1/enterprises?ward_code={w['ward']}&kind=cooperative&order=tax_code",
    lambda w: "/api/v1/dossiers?page_size=5",
    lambda w: "/api/v1/dossiers?state=submitted",
]


def test_list_pages_run_as_many_queries_with_three_times_the_rows(world):
    client = client_after_totp(world["officer"])
    _flat(world, PAGES, client.get)


def test_api_lists_run_as_many_queries_with_three_times_the_rows(world):
    client = ApiClient(world["officer"])
    _flat(world, API, client.get)
