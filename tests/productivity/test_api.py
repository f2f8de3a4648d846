"""/api/v1/enterprises/{id}/productivity and /api/v1/productivity/benchmarks: who reads and writes,
Vietnamese validation, sources, suppression of small cells."""

import pytest

from nangsuat.core.roles import Role
from nangsuat.productivity.benchmarks import refresh_benchmarks
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import year_with_figures

pytestmark = pytest.mark.django_db

FIGURES = {
    "employees": 40,
    "revenue_vnd": 20_000_000_000,
    "wages_vnd": 2_000_000_000,
    "depreciation_vnd": 500_000_000,
    "operating_surplus_vnd": 1_200_000_000,
    "production_taxes_vnd": 300_000_000,
    "hours_worked": 80_000,
    "fixed_assets_vnd": 8_000_000_000,
    "energy_kwh": 400_000,
    "defect_rate": 2.5,
}


def url(enterprise, year=None) -> str:
    base = f"/api/v1/enterprises/{enterprise.pk}/productivity"
    return f"{base}/{year}" if year else base


def test_the_enterprise_writes_its_year_and_reads_sources_and_measures(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    member = enterprise_user(enterprise)
    client = ApiClient(member)
    response = client.put(url(enterprise, 2024), FIGURES)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["figures"]["wages_vnd"] == {
        "value": 2_000_000_000,
        "source": "enterprise",
        "entered_by": member.get_full_name() or member.username,
        "entered_at": body["figures"]["wages_vnd"]["entered_at"],
    }
    assert body["figures"]["employees"]["value"] == 40  # written to the registry's year
    assert enterprise.years.get(year=2024).employees == 40
    assert body["value_added_vnd"] == 4_000_000_000
    assert body["measures"]["labour_productivity"] == 100_000_000
    read = client.get(url(enterprise)).json()
    assert [y["year"] for y in read["years"]] == [2024]


def test_an_officer_writes_for_the_agency_and_the_source_says_so(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    response = ApiClient(officer).put(url(enterprise, 2023), {"value_added_vnd": 5_000_000_000})
    assert response.status_code == 200
    assert response.json()["figures"]["value_added_vnd"]["source"] == "officer"


@pytest.mark.parametrize(
    "role, status", [("other_enterprise", 404), (Role.CITY, 403), (Role.FINANCE, 403), ("other_officer", 404)]
)
def test_others_may_not_write(can_tho, vinh_long, role, status):
    enterprise = EnterpriseFactory(agency=can_tho)
    if role == "other_enterprise":
        user = enterprise_user(EnterpriseFactory(agency=can_tho))
    elif role == "other_officer":
        user = UserFactory(role=Role.OFFICER, agency=vinh_long)
    else:
        user = UserFactory(role=role, agency=can_tho)
    assert ApiClient(user).put(url(enterprise, 2024), FIGURES).status_code == status
    assert ApiClient().put(url(enterprise, 2024), FIGURES).status_code == 401


@pytest.mark.parametrize(
    "year, data, field, message",
    [
        (1999, {}, "year", "Năm số liệu phải từ 2000"),
        (2024, {"wages_vnd": -5}, "wages_vnd", "Không được là số âm."),
        (2024, {"defect_rate": 130}, "defect_rate", "Tỷ lệ lỗi phải từ 0 đến 100"),
        (2024, {"hours_worked": 10**18}, "hours_worked", "Giá trị quá lớn"),
    ],
)
def test_bad_figures_are_400_in_vietnamese(can_tho, year, data, field, message):
    enterprise = EnterpriseFactory(agency=can_tho)
    response = ApiClient(enterprise_user(enterprise)).put(url(enterprise, year), data)
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"][field])


def test_a_year_from_2000_is_accepted_and_a_loss_is_a_negative_surplus(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    response = ApiClient(enterprise_user(enterprise)).put(
        url(enterprise, 2000), {"operating_surplus_vnd": -10}
    )
    assert response.status_code == 200


def test_benchmarks_suppress_small_cells_for_all_but_the_agency_staff(can_tho):
    enterprises = [EnterpriseFactory(agency=can_tho, size_class="small") for _ in range(2)]
    for enterprise in enterprises:
        year_with_figures(enterprise, 2024)
    refresh_benchmarks()
    path = "/api/v1/productivity/benchmarks"
    anonymous = ApiClient().get(path, {"year": 2024, "size_class": "small"}).json()
    assert anonymous["measures"][0] == {
        "measure": "labour_productivity",
        "label": anonymous["measures"][0]["label"],
        "suppressed": True,
        "n": None,
        "p25": None,
        "median": None,
        "p75": None,
    }
    member = ApiClient(enterprise_user(enterprises[0])).get(path, {"year": 2024}).json()
    assert all(m["suppressed"] for m in member["measures"])
    staff = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho)).get(path, {"year": 2024}).json()
    assert staff["measures"][0]["n"] == 2 and not staff["measures"][0]["suppressed"]
    assert staff["measures"][0]["median"] == 100_000_000


def test_benchmarks_refuse_an_unknown_size(can_tho):
    response = ApiClient().get("/api/v1/productivity/benchmarks", {"year": 2024, "size_class": "huge"})
    assert response.status_code == 400 and "size_class" in response.json()["errors"]
