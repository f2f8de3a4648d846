"""A contract that would overrun its line of the approved budget is refused with 409 through the API, and
signed once the director has allowed the overrun with a reason."""

import datetime as dt

import pytest

from nangsuat.budget import services
from nangsuat.budget.models import Spending
from nangsuat.dossiers import workflow
from tests.api.conftest import ApiClient
from tests.contracts.test_workflow import recommended
from tests.councils.conftest import _other_apps_effects, call, council

from .test_money import budget_2026, contracted

pytestmark = pytest.mark.django_db

__all__ = ["_other_apps_effects", "budget_2026", "call", "council"]


def test_a_contract_beyond_its_lines_balance_is_409_until_the_director_allows_it(
    budget_2026, call, officer, director, council
):
    contracted(call, officer, director, council, amount=150_000_000)  # 50 triệu left on the 200 triệu line
    dossier = recommended(call, officer, council)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "77/QĐ-UBND", "decision_date": dt.date(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": "77/QĐ-SKHCN", "decision_date": dt.date(2026, 6, 10)},
    )
    body = {
        "action": "sign_contract",
        "number": "77/2026/HĐ-SKHCN",
        "signed_on": "2026-06-20",
        "amount_vnd": 50_000_001,
        "deliverables": "Giấy chứng nhận ISO 9001:2015",
        "deadline": "2026-12-31",
    }
    url = f"/api/v1/dossiers/{dossier.pk}/transitions"
    refused = ApiClient(director).post(url, body)
    assert refused.status_code == 409, refused.content
    assert "vượt số dư" in refused.json()["detail"] and "50.000.000 đ" in refused.json()["detail"]
    dossier.refresh_from_db()
    assert dossier.state == "assigned" and Spending.objects.count() == 1
    services.allow_overrun(dossier=dossier, director=director, reason="Doanh nghiệp dẫn đầu ngành")
    signed = ApiClient(director).post(url, body)
    assert signed.status_code == 200 and signed.json()["state"] == "contracted"
    assert Spending.objects.get(contract__dossier=dossier).amount_vnd == 50_000_001
