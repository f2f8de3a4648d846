"""``/api/v1/budget``: the estimate drafted, walked and appraised by JSON, its history and the balances."""

import pytest

from nangsuat.core.roles import Role
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory
from tests.dossiers.factories import iso_9001

pytestmark = pytest.mark.django_db

BASE = "/api/v1/budget"


def test_draft_submit_appraise_with_a_cut_and_approve_by_api(officer, director, finance, can_tho):
    as_officer, as_director, as_finance = ApiClient(officer), ApiClient(director), ApiClient(finance)
    created = as_officer.post(f"{BASE}/estimates", {"year": 2026})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    line = as_officer.post(
        f"{BASE}/estimates/{pk}/lines",
        {
            "task": "support",
            "content_id": iso_9001().pk,
            "description": "Hỗ trợ ISO 9001",
            "quantity": 3,
            "norm_vnd": 150_000_000,
            "plan_section": "II.2.a",
        },
    )
    assert line.status_code == 201 and line.json()["amount_vnd"] == 450_000_000
    line_id = line.json()["id"]

    assert as_officer.post(f"{BASE}/estimates/{pk}/transitions", {"action": "submit"}).status_code == 403
    assert as_director.post(f"{BASE}/estimates/{pk}/transitions", {"action": "submit"}).status_code == 200
    assert as_director.post(f"{BASE}/estimates/{pk}/transitions", {"action": "submit"}).status_code == 409
    body = {
        "action": "appraise",
        "note": "Giảm một doanh nghiệp",
        "lines": [{"id": line_id, "appraised_amount_vnd": 300_000_000, "note": "Cắt giảm"}],
    }
    assert as_director.post(f"{BASE}/estimates/{pk}/transitions", body).status_code == 403
    appraised = as_finance.post(f"{BASE}/estimates/{pk}/transitions", body)
    assert (
        appraised.status_code == 200 and appraised.json()["lines"][0]["appraised_amount_vnd"] == 300_000_000
    )
    bad = as_finance.post(f"{BASE}/estimates/{pk}/transitions", {"action": "return"})
    assert bad.status_code == 400  # a return needs its reason
    assert (
        as_director.post(f"{BASE}/estimates/{pk}/transitions", {"action": "send_to_city"}).status_code == 200
    )
    missing = as_officer.post(f"{BASE}/estimates/{pk}/transitions", {"action": "approve"})
    assert missing.status_code == 400
    done = as_officer.post(
        f"{BASE}/estimates/{pk}/transitions",
        {"action": "approve", "decision_number": "12/QĐ-UBND", "decision_date": "2026-02-01"},
    )
    assert done.status_code == 200 and done.json()["state"] == "approved"

    history = as_finance.get(f"{BASE}/estimates/{pk}/history").json()
    assert [h["action"] for h in history if h["to_state"]][-4:] == [
        "submit",
        "appraise",
        "send_to_city",
        "approve",
    ]
    balances = as_director.get(f"{BASE}/balances", {"year": 2026}).json()
    assert (
        balances["totals"]["approved_vnd"] == 300_000_000
        and balances["lines"][0]["remaining_vnd"] == 300_000_000
    )


def test_an_enterprise_and_another_agency_get_404(estimate, can_tho, vinh_long):
    for user in (
        UserFactory(role=Role.ENTERPRISE, agency=can_tho),
        UserFactory(role=Role.DIRECTOR, agency=vinh_long),
    ):
        client = ApiClient(user)
        assert client.get(f"{BASE}/estimates/{estimate.pk}").status_code == 404
        assert (
            client.post(f"{BASE}/estimates/{estimate.pk}/transitions", {"action": "submit"}).status_code
            == 404
        )
        valid = {"task": "other", "description": "Văn phòng phẩm", "quantity": 1, "norm_vnd": 1}
        assert client.post(f"{BASE}/estimates/{estimate.pk}/lines", valid).status_code == 404


def test_bad_fields_answer_400_in_vietnamese(estimate, officer):
    client = ApiClient(officer)
    response = client.post(
        f"{BASE}/estimates/{estimate.pk}/lines", {"task": "support", "description": "x", "quantity": 0}
    )
    assert response.status_code == 400
    assert client.post(f"{BASE}/estimates", {"year": 2026}).status_code == 409  # the year has its estimate
