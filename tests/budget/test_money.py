"""Money against the approved budget: a contract commits on its line when it is signed, a payment is spent on
it, courses and events spend on theirs; nothing beyond a balance without the director's leave; norms apply by
the day an estimate is opened."""

import datetime as dt

import pytest

from nangsuat.budget import norms, services
from nangsuat.budget.balances import line_balances, totals
from nangsuat.budget.models import Spending
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from tests.activities.factories import EventFactory
from tests.contracts.test_workflow import recommended
from tests.core.factories import UserFactory
from tests.councils.conftest import _other_apps_effects, call, council
from tests.dossiers.factories import iso_9001

from .factories import NormFactory, approved

pytestmark = pytest.mark.django_db

__all__ = ["_other_apps_effects", "call", "council"]

D = dt.date
_numbers = iter(range(1, 1000))


def contracted(call, officer, director, council, amount):
    """A dossier of the call taken through the council, the city's approval and the assignment to its
    contract (each document with its own number)."""
    n = next(_numbers)
    dossier = recommended(call, officer, council)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": f"{n}/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": f"{n}/QĐ-SKHCN", "decision_date": D(2026, 6, 10)},
    )
    return workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload={
            "number": f"{n}/2026/HĐ-SKHCN",
            "signed_on": D(2026, 6, 20),
            "amount_vnd": amount,
            "deliverables": "Giấy chứng nhận ISO 9001:2015",
            "deadline": D(2026, 12, 31),
        },
    )


@pytest.fixture
def budget_2026(estimate, officer, director, finance):
    """The 2026 budget, approved with Finance's cut of the ISO 9001 line to 200 triệu."""
    support = estimate.lines.get(task="support")
    return approved(
        estimate, officer=officer, director=director, finance=finance, cuts={support: 200_000_000}
    )


def test_a_signed_contract_commits_on_its_line(budget_2026, call, officer, director, council):
    dossier = contracted(call, officer, director, council, amount=150_000_000)
    spending = Spending.objects.get(contract__dossier=dossier)
    assert spending.kind == "contract" and spending.line.content == iso_9001()
    support = next(b for b in line_balances(budget_2026) if b.line.task == "support")
    assert (support.approved_vnd, support.committed_vnd, support.remaining_vnd) == (
        200_000_000,
        150_000_000,
        50_000_000,
    )


def test_a_contract_beyond_the_balance_is_refused_without_the_directors_leave(
    budget_2026, call, officer, director, council
):
    contracted(call, officer, director, council, amount=150_000_000)
    with pytest.raises(Conflict):
        contracted(call, officer, director, council, amount=50_000_001)
    refused = Dossier.objects.filter(state=State.ASSIGNED).get()
    assert not hasattr(refused, "contract") or refused.contract is None
    assert Spending.objects.count() == 1


def test_the_director_may_let_a_contract_overrun_with_a_reason(budget_2026, call, officer, director, council):
    contracted(call, officer, director, council, amount=150_000_000)
    with pytest.raises(Conflict):
        contracted(call, officer, director, council, amount=60_000_000)
    dossier = Dossier.objects.get(state=State.ASSIGNED)
    with pytest.raises(Forbidden):
        services.allow_overrun(dossier=dossier, director=officer, reason="x")
    services.allow_overrun(dossier=dossier, director=director, reason="Doanh nghiệp đạt giải thưởng, ưu tiên")
    assert AuditEntry.objects.filter(
        action="budget.overrun_allowed", note__startswith="Doanh nghiệp"
    ).exists()
    workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload={
            "number": "900/2026/HĐ",
            "signed_on": dt.date(2026, 6, 21),
            "amount_vnd": 60_000_000,
            "deliverables": "GCN",
            "deadline": dt.date(2026, 12, 31),
        },
    )
    figures = totals(line_balances(budget_2026))
    assert figures["committed_vnd"] == 210_000_000
    assert Spending.objects.get(contract__dossier=dossier).override_reason.startswith("Doanh nghiệp")


def test_without_an_approved_budget_a_contract_commits_nothing(estimate, call, officer, director, council):
    contracted(call, officer, director, council, amount=150_000_000)
    assert not Spending.objects.exists()


def test_an_event_spends_on_its_line_within_the_balance(budget_2026, officer, can_tho):
    council_line = budget_2026.lines.get(task="council")
    event = EventFactory(agency=can_tho, cost_vnd=10_000_000)
    services.spend_on_activity(line=council_line, actor=officer, event=event)
    with pytest.raises(Conflict):
        services.spend_on_activity(
            line=council_line, actor=officer, event=EventFactory(agency=can_tho, cost_vnd=5_000_001)
        )
    balance = next(b for b in line_balances(budget_2026) if b.line.pk == council_line.pk)
    assert (balance.committed_vnd, balance.paid_vnd, balance.remaining_vnd) == (
        10_000_000,
        10_000_000,
        5_000_000,
    )


def test_a_norm_applies_to_estimates_opened_after_its_effective_date(can_tho, officer):
    NormFactory(agency=can_tho, amount_vnd=1_500_000, effective_from=dt.date(2025, 1, 1))
    NormFactory(agency=can_tho, amount_vnd=2_000_000, effective_from=dt.date(2026, 7, 1))
    before = norms.norm_in_force(agency_id=can_tho.pk, kind="council", on=dt.date(2026, 6, 30))
    after = norms.norm_in_force(agency_id=can_tho.pk, kind="council", on=dt.date(2026, 7, 1))
    assert (before.amount_vnd, after.amount_vnd) == (1_500_000, 2_000_000)

    estimate = services.create_estimate(agency=can_tho, year=2026, actor=officer)
    estimate.opened_on = dt.date(2026, 3, 1)
    estimate.save()
    line = services.save_line(
        estimate=estimate,
        actor=officer,
        data={"task": "council", "description": "Họp hội đồng", "quantity": 3},
    )
    assert (line.norm_vnd, line.amount_vnd) == (1_500_000, 4_500_000)


def test_a_support_norm_sets_a_later_calls_terms_only(can_tho):
    content = iso_9001()
    NormFactory(agency=can_tho, kind="support", content=content, rate_percent=50, ceiling_vnd=200_000_000)
    NormFactory(
        agency=can_tho,
        kind="support",
        content=content,
        rate_percent=70,
        ceiling_vnd=250_000_000,
        effective_from=dt.date(2027, 1, 1),
    )
    assert norms.call_terms(agency_id=can_tho.pk, content_id=content.pk, opened_on=dt.date(2026, 12, 31))[
        :2
    ] == (50, 200_000_000)
    assert norms.call_terms(agency_id=can_tho.pk, content_id=content.pk, opened_on=dt.date(2027, 1, 1))[
        :2
    ] == (70, 250_000_000)


def test_a_signed_contract_keeps_its_amount_when_a_norm_changes(
    budget_2026, call, officer, director, council, can_tho
):
    dossier = contracted(call, officer, director, council, amount=150_000_000)
    NormFactory(
        agency=can_tho,
        kind="support",
        content=iso_9001(),
        rate_percent=30,
        ceiling_vnd=100_000_000,
        effective_from=dt.date(2026, 7, 1),
    )
    assert Spending.objects.get(contract__dossier=dossier).amount_vnd == 150_000_000
    dossier.contract.refresh_from_db()
    assert dossier.contract.amount_vnd == 150_000_000


def test_a_counterpart_fund_is_recorded_per_dossier(budget_2026, call, officer, director, council, can_tho):
    dossier = contracted(call, officer, director, council, amount=150_000_000)
    fund = services.record_counterpart_fund(
        dossier=dossier, actor=officer, amount_vnd=180_000_000, note="Vốn tự có"
    )
    assert fund.amount_vnd == 180_000_000
    with pytest.raises(Forbidden):
        services.record_counterpart_fund(
            dossier=dossier, actor=UserFactory(role=Role.FINANCE, agency=can_tho), amount_vnd=1
        )


def test_termination_returns_the_commitment_to_the_line(budget_2026, call, officer, director, council):
    dossier = contracted(call, officer, director, council, amount=150_000_000)
    workflow.perform(dossier=dossier, action="terminate", actor=director, note="Doanh nghiệp giải thể")
    support = next(b for b in line_balances(budget_2026) if b.line.task == "support")
    assert (support.committed_vnd, support.remaining_vnd) == (0, 200_000_000)
    assert AuditEntry.objects.filter(action="budget.settled").exists()
