"""Numbers are numbers and ids are within bounds across the API's other routers."""

import pytest

from nangsuat.core.roles import Role
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory

from .conftest import ApiClient

pytestmark = pytest.mark.django_db
HUGE = 10**30


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


@pytest.mark.parametrize("field", ["employees", "revenue_vnd", "year"])
def test_true_is_not_a_number_of_employees(officer, field):
    enterprise = EnterpriseFactory(agency=officer.agency)
    r = ApiClient(officer).patch(f"/api/v1/enterprises/{enterprise.pk}", {"year": 2025, field: True})
    assert r.status_code == 400 and field in r.json()["errors"]


def test_a_huge_dossier_id_filtering_documents_is_400(officer):
    r = ApiClient(officer).get("/api/v1/documents", {"dossier_id": str(HUGE)})
    assert r.status_code == 400 and "dossier_id" in r.json()["errors"]


def test_huge_ids_proposed_to_the_city_are_400(officer):
    director = UserFactory(role=Role.DIRECTOR, agency=officer.agency)
    r = ApiClient(director).post("/api/v1/calls/1/city-proposal", {"dossiers": [HUGE]})
    assert r.status_code == 400 and r.json()["errors"]
    r = ApiClient(director).post("/api/v1/calls/1/city-proposal", {"dossiers": [True]})
    assert r.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/enterprises/{huge}",
        "/api/v1/contracts/{huge}",
        "/api/v1/documents/{huge}",
        "/api/v1/documents/{huge}/pdf",
        "/api/v1/councils/{huge}",
    ],
)
def test_a_huge_id_in_a_path_is_not_a_server_error(officer, path):
    r = ApiClient(officer).get(path.format(huge=HUGE))
    assert r.status_code in (400, 404) and r.json()["detail"]


@pytest.mark.parametrize("param", ["state", "sort"])
def test_an_unknown_contract_state_or_sort_is_400(officer, param):
    r = ApiClient(officer).get("/api/v1/contracts", {param: "khong-co"})
    assert r.status_code == 400 and param in r.json()["errors"]
