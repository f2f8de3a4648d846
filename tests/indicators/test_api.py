"""``GET /api/v1/indicators`` and ``/api/v1/indicators/{code}/records``: each indicator's target, values per
year and total, and a records path whose list totals that value; the caller's agency only."""

import pytest

from nangsuat.core.roles import Role
from nangsuat.indicators.definitions import CODES, PERIOD
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory

from .test_counting import EXPECTED, world  # noqa: F401  the same hand-built records and their traps

pytestmark = pytest.mark.django_db


def test_each_indicator_has_its_target_years_total_and_records(world, can_tho):  # noqa: F811
    client = ApiClient(UserFactory(role=Role.DIRECTOR, agency=can_tho))
    items = client.get("/api/v1/indicators").json()["items"]
    assert [i["code"] for i in items] == list(CODES)
    for item in items:
        years, total = EXPECTED[item["code"]]
        assert item["by_year"] == {str(y): years.get(y, 0) for y in PERIOD}
        assert item["total"] == total
        assert item["target"] > 0 and item["name"] and item["definition"]
        listed = client.get(item["records"]).json()
        assert listed["total"] == total, item["code"]
        assert set(listed) == {"items", "total", "page", "page_size", "pages", "total_capped"}


def test_a_year_gives_that_years_value_and_records(world, can_tho):  # noqa: F811
    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    items = client.get("/api/v1/indicators", {"year": 2027}).json()["items"]
    reached = next(i for i in items if i["code"] == "enterprises_reached")
    assert reached["total"] == 3 and reached["records"].endswith("?year=2027")
    rows = client.get(reached["records"]).json()["items"]
    assert {r["enterprise_name"] for r in rows} == {world[k].name for k in "abc"}
    assert all(r["kind"] == "enterprise" for r in rows)


def test_records_name_what_is_counted_page_by_page(world, can_tho):  # noqa: F811
    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    page = client.get("/api/v1/indicators/manager_trainings/records", {"page_size": 1}).json()
    assert (page["total"], page["pages"], len(page["items"])) == (2, 2, 1)
    row = page["items"][0]
    assert row["kind"] == "participation" and row["date"] == "2026-06-10" and row["enterprise_tax_code"]
    assert "identity_number" not in row and "phone" not in row


def test_bad_input_is_400_in_vietnamese_and_other_roles_403(world, can_tho):  # noqa: F811
    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    assert client.get("/api/v1/indicators", {"year": 1999}).status_code == 400
    assert client.get("/api/v1/indicators/nope/records").status_code == 400
    for role in (Role.ENTERPRISE, Role.COUNCIL):
        assert ApiClient(UserFactory(role=role, agency=can_tho)).get("/api/v1/indicators").status_code == 403


def test_the_ministry_reads_the_national_sum_or_one_agency(world, vinh_long):  # noqa: F811
    client = ApiClient(UserFactory(role=Role.MINISTRY, agency=None))
    items = {i["code"]: i for i in client.get("/api/v1/indicators").json()["items"]}
    assert items["manager_trainings"]["total"] == 3
    one = client.get("/api/v1/indicators", {"agency_id": vinh_long.pk}).json()["items"]
    assert next(i for i in one if i["code"] == "manager_trainings")["total"] == 1
