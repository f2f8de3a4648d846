"""A call's support rate and ceiling come from the support norm in force on the day it opens, and stay on the
call: a norm changed later alters neither the opened call nor the contracts signed under it. The dossiers
never import the budget: the budget registers its norms as the calls' terms provider."""

import datetime as dt

import pytest

from nangsuat.dossiers.models import CallContent
from nangsuat.dossiers.services import calls
from nangsuat.dossiers.terms import terms_in_force
from tests.api.conftest import ApiClient
from tests.contracts.test_workflow import contracted
from tests.councils.conftest import _other_apps_effects, call, council
from tests.dossiers.factories import iso_9001

from .factories import NormFactory

pytestmark = pytest.mark.django_db

__all__ = ["_other_apps_effects", "call", "council"]

D = dt.date
ENTERED = {"support_rate_percent": 40, "ceiling_vnd": 120_000_000}


def support_norm(agency, *, effective_from, rate=50, ceiling=200_000_000, basis="Quyết định 25/2025/QĐ-UBND"):
    return NormFactory(
        agency=agency,
        kind="support",
        content=iso_9001(),
        name="Hỗ trợ áp dụng ISO 9001",
        rate_percent=rate,
        ceiling_vnd=ceiling,
        legal_basis=basis,
        effective_from=effective_from,
        is_example=False,
    )


OPENS = D(2026, 1, 5)


def opened(agency, officer, *, opens=OPENS) -> CallContent:
    call = calls.create_call(
        agency=agency,
        actor=officer,
        year=2026,
        title="Đợt hỗ trợ năm 2026",
        budget_vnd=1_000_000_000,
        registration_opens=opens,
        contents=[{"content": iso_9001(), **ENTERED}],
    )
    calls.publish_call(call=call, actor=officer)
    return call.contents.get()


def terms(offered: CallContent) -> tuple[int, int, str]:
    offered.refresh_from_db()
    return offered.support_rate_percent, offered.ceiling_vnd, offered.legal_basis


def test_the_budget_registers_its_norms_as_the_calls_terms(can_tho):
    assert terms_in_force(agency_id=can_tho.pk, content_id=iso_9001().pk, opened_on=D(2026, 1, 5)) is None
    support_norm(can_tho, effective_from=D(2025, 1, 1))
    assert terms_in_force(agency_id=can_tho.pk, content_id=iso_9001().pk, opened_on=D(2026, 1, 5)) == (
        50,
        200_000_000,
        "Quyết định 25/2025/QĐ-UBND",
    )


def test_a_norm_in_force_on_the_opening_day_sets_the_calls_terms(can_tho, officer):
    support_norm(can_tho, effective_from=D(2025, 1, 1))
    assert terms(opened(can_tho, officer)) == (50, 200_000_000, "Quyết định 25/2025/QĐ-UBND")


def test_a_norm_effective_after_the_opening_day_does_not_apply(can_tho, officer):
    support_norm(can_tho, effective_from=D(2026, 1, 6), rate=70, ceiling=300_000_000)
    assert terms(opened(can_tho, officer))[:2] == (40, 120_000_000)


def test_without_a_norm_the_call_keeps_the_figures_entered(can_tho, officer):
    assert terms(opened(can_tho, officer)) == (40, 120_000_000, "")


def test_a_later_norm_change_never_alters_the_opened_call(can_tho, officer):
    norm = support_norm(can_tho, effective_from=D(2025, 1, 1))
    offered = opened(can_tho, officer)
    norm.rate_percent, norm.ceiling_vnd = 30, 90_000_000
    norm.save()
    support_norm(can_tho, effective_from=D(2025, 6, 1), rate=60, ceiling=250_000_000, basis="Sửa đổi")
    calls.set_call_contents(call=offered.call, actor=officer, contents=[{"content": iso_9001(), **ENTERED}])
    assert terms(offered) == (50, 200_000_000, "Quyết định 25/2025/QĐ-UBND")


def test_an_unpublished_call_follows_the_norm_until_it_opens(can_tho, officer):
    call = calls.create_call(
        agency=can_tho,
        actor=officer,
        year=2026,
        title="Đợt dự thảo",
        budget_vnd=1_000_000_000,
        contents=[{"content": iso_9001(), **ENTERED}],
    )
    support_norm(can_tho, effective_from=D(2025, 1, 1), rate=60, ceiling=250_000_000)
    calls.set_call_contents(call=call, actor=officer, contents=[{"content": iso_9001(), **ENTERED}])
    assert terms(call.contents.get())[:2] == (60, 250_000_000)


def test_signed_contracts_keep_their_amounts_when_the_norm_changes(call, council, officer, director, can_tho):
    norm = support_norm(can_tho, effective_from=D(2025, 1, 1))
    calls.set_call_contents(call=call, actor=officer, contents=[{"content": iso_9001(), **ENTERED}])
    dossier = contracted(call, officer, director, council, amount=150_000_000)
    norm.ceiling_vnd = 100_000_000
    norm.save()
    calls.set_call_contents(call=call, actor=officer, contents=[{"content": iso_9001(), **ENTERED}])
    dossier.contract.refresh_from_db()
    assert dossier.contract.amount_vnd == 150_000_000
    assert terms(call.contents.get())[:2] == (50, 200_000_000)


def test_a_call_opened_through_the_api_offers_the_norms_terms(can_tho, officer):
    support_norm(can_tho, effective_from=D(2026, 12, 1), rate=60, ceiling=250_000_000)
    body = {
        "year": 2027,
        "title": "Đợt hỗ trợ năm 2027",
        "budget_vnd": 2_000_000_000,
        "publish": True,
        "contents": [{"content_id": iso_9001().pk, "support_rate_percent": 40, "ceiling_vnd": 150_000_000}],
    }
    created = ApiClient(officer).post("/api/v1/calls", body)
    assert created.status_code == 201, created.content
    offered = created.json()["contents"][0]
    assert (offered["support_rate_percent"], offered["ceiling_vnd"]) == (60, 250_000_000)
