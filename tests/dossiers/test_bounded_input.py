"""Ids, dates and filters of the calls' and dossiers' API are bounded: an id of 10**30, a date in year 1
or 2099, an unknown state or sort is 400 naming the field, never 500 nor "everything"."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from nangsuat.dossiers import workflow

from .factories import make_dossier

pytestmark = pytest.mark.django_db
HUGE = 10**30


@pytest.mark.parametrize("param", ["call", "content"])
def test_a_huge_id_in_the_dossier_filters_is_400(officer, api_client, param):
    r = api_client(officer).get("/api/v1/dossiers", {param: str(HUGE)})
    assert r.status_code == 400 and param in r.json()["errors"]


@pytest.mark.parametrize("param", ["state", "sort"])
def test_an_unknown_state_or_sort_is_400_not_everything(officer, api_client, param):
    r = api_client(officer).get("/api/v1/dossiers", {param: "khong-co"})
    assert r.status_code == 400 and param in r.json()["errors"]


def test_known_states_and_sorts_still_filter(call, enterprise, officer, api_client):
    make_dossier(call=call, enterprise=enterprise, state="submitted")
    client = api_client(officer)
    assert client.get("/api/v1/dossiers", {"state": "submitted", "sort": "-priority"}).json()["total"] == 1
    assert client.get("/api/v1/dossiers", {"state": "valid", "sort": "code"}).json()["total"] == 0


def test_a_huge_content_id_when_creating_a_call_is_400(officer, api_client):
    body = {"year": 2026, "title": "Đợt 1", "budget_vnd": 1, "contents": [{"content_id": HUGE}]}
    r = api_client(officer).post("/api/v1/calls", body)
    assert r.status_code == 400 and any("content_id" in field for field in r.json()["errors"])


@pytest.mark.parametrize("field", ["call_id", "content_id", "enterprise_id"])
def test_huge_ids_when_creating_a_dossier_are_400(call, ent_user, api_client, field):
    body = {"call_id": call.pk, "content_id": call.contents.first().content_id, field: HUGE}
    r = api_client(ent_user).post("/api/v1/dossiers", body)
    assert r.status_code == 400 and field in r.json()["errors"]


@pytest.mark.parametrize(
    "path", ["/api/v1/dossiers/{huge}", "/api/v1/dossiers/{huge}/history", "/api/v1/calls/{huge}"]
)
def test_a_huge_id_in_a_path_is_not_a_server_error(officer, api_client, path):
    r = api_client(officer).get(path.format(huge=HUGE))
    assert r.status_code in (400, 404) and r.json()["detail"]


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2099-01-01"])
def test_implausible_dates_of_a_call_or_a_dossier_are_400(
    call, enterprise, ent_user, officer, api_client, day
):
    body = {"year": 2026, "title": "Đợt 1", "budget_vnd": 1, "registration_opens": day}
    r = api_client(officer).post("/api/v1/calls", body)
    assert r.status_code == 400 and "registration_opens" in r.json()["errors"]
    dossier = make_dossier(call=call, enterprise=enterprise, state="draft")
    r = api_client(ent_user).patch(f"/api/v1/dossiers/{dossier.pk}", {"period_start": day})
    assert r.status_code == 400 and "period_start" in r.json()["errors"]


@pytest.mark.parametrize(
    ("action", "payload", "field"),
    [
        ("pay", {"amount_vnd": 1, "paid_on": "2099-01-01", "reference": "UNC 1"}, "paid_on"),
        (
            "sign_contract",
            {
                "number": "1",
                "signed_on": "0001-01-01",
                "amount_vnd": 1,
                "deliverables": "x",
                "deadline": "2026-12-31",
            },
            "signed_on",
        ),
        (
            "sign_contract",
            {
                "number": "1",
                "signed_on": "2026-06-01",
                "amount_vnd": 1,
                "deliverables": "x",
                "deadline": "2199-12-31",
            },
            "deadline",
        ),
        ("liquidate", {"final_amount_vnd": 1, "liquidated_on": "1900-01-01"}, "liquidated_on"),
        ("approve", {"decision_number": "1", "decision_date": "0999-01-01"}, "decision_date"),
        ("record_survey", {"visited_on": "1990-01-01", "participants": "x", "findings": "y"}, "visited_on"),
        ("request_supplement", {"items": "x", "deadline": "2199-01-01"}, "deadline"),
    ],
)
def test_implausible_dates_of_a_step_are_refused(action, payload, field):
    with pytest.raises(ValidationError) as exc:
        workflow.clean_payload(action, payload)
    assert field in exc.value.message_dict
    assert "01/01/2000" in exc.value.message_dict[field][0]


def test_plausible_dates_of_a_step_pass():
    today = dt.date.today()
    payload = {"amount_vnd": 1, "paid_on": today.isoformat(), "reference": "UNC 1"}
    assert workflow.clean_payload("pay", payload)["paid_on"] == today


def test_the_pages_drop_a_huge_id_filter(officer):
    from nangsuat.dossiers.selectors import DossierFilters, dossiers_for_user

    filters = DossierFilters.from_params({"call": str(HUGE), "content": "12"})
    assert (filters.call, filters.content) == (None, 12)
    assert list(dossiers_for_user(user=officer, filters=filters)) == []
