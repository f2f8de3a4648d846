"""The estimate's lifecycle on the shared engine: who does each step, in which state, with its audit."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from nangsuat.budget import services
from nangsuat.budget.balances import line_balances, totals
from nangsuat.budget.models import Estimate
from nangsuat.budget.workflow import WORKFLOW
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow as dossier_workflow
from nangsuat.notifications.models import Notification
from tests.core.factories import UserFactory

from .factories import approved

pytestmark = pytest.mark.django_db


def test_every_rule_named_in_the_table_is_registered():
    assert WORKFLOW.missing_rules() == set()
    assert dossier_workflow.missing_rules() == set()
    assert dossier_workflow.WORKFLOW is not WORKFLOW and dossier_workflow.EFFECTS is not WORKFLOW.effects


def test_amount_is_quantity_times_norm_exact_to_the_dong(estimate):
    lines = list(estimate.lines.all())
    assert [line.amount_vnd for line in lines] == [450_000_000, 15_000_000]
    assert all(isinstance(line.amount_vnd, int) for line in lines)


def test_only_the_director_submits(estimate, officer, finance, can_tho):
    for user in (officer, finance, UserFactory(role=Role.ENTERPRISE, agency=can_tho)):
        with pytest.raises(Forbidden):
            services.act(estimate=estimate, action="submit", actor=user)
    director = UserFactory(role=Role.DIRECTOR, agency=can_tho)
    services.act(estimate=estimate, action="submit", actor=director)
    estimate.refresh_from_db()
    assert estimate.state == "submitted"
    entry = AuditEntry.objects.filter(action="submit", object_id=str(estimate.pk)).get()
    assert (entry.from_state, entry.to_state, entry.actor_id) == ("draft", "submitted", director.pk)


def test_only_finance_appraises_and_only_once_submitted(estimate, officer, director, finance):
    with pytest.raises(Conflict):
        services.act(estimate=estimate, action="appraise", actor=finance, payload={"lines": []})
    services.act(estimate=estimate, action="submit", actor=director)
    for user in (officer, director):
        with pytest.raises(Forbidden):
            services.act(estimate=estimate, action="appraise", actor=user, payload={"lines": []})
    services.act(estimate=estimate, action="appraise", actor=finance, payload={"lines": []})
    estimate.refresh_from_db()
    assert estimate.state == "appraised"


def test_another_agencys_director_is_refused(estimate, vinh_long):
    other = UserFactory(role=Role.DIRECTOR, agency=vinh_long)
    with pytest.raises(Forbidden):
        services.act(estimate=estimate, action="submit", actor=other)


def test_appraisal_cuts_a_line_and_the_approved_budget_carries_the_cut(estimate, officer, director, finance):
    support = estimate.lines.get(task="support")
    approved(estimate, officer=officer, director=director, finance=finance, cuts={support: 300_000_001})
    estimate.refresh_from_db()
    assert estimate.state == "approved" and estimate.decision_number == "123/QĐ-UBND"
    assert estimate.decision_date == dt.date(2026, 2, 1)
    figures = totals(line_balances(estimate))
    assert figures["planned_vnd"] == 465_000_000
    assert figures["approved_vnd"] == 315_000_001 == figures["remaining_vnd"]


def test_appraisal_refuses_a_line_of_another_estimate_or_a_bad_amount(
    estimate, director, finance, can_tho, officer
):
    services.act(estimate=estimate, action="submit", actor=director)
    line = estimate.lines.first()
    with pytest.raises(ValidationError):
        services.act(
            estimate=estimate, action="appraise", actor=finance, payload={"lines": [{"id": 999_999}]}
        )
    with pytest.raises(ValidationError):
        services.act(
            estimate=estimate,
            action="appraise",
            actor=finance,
            payload={"lines": [{"id": line.pk, "appraised_amount_vnd": 1.5}]},
        )
    estimate.refresh_from_db()
    assert estimate.state == "submitted"


def test_return_needs_a_reason_and_reopens_the_lines(estimate, officer, director, finance):
    services.act(estimate=estimate, action="submit", actor=director)
    with pytest.raises(ValidationError):
        services.act(estimate=estimate, action="return", actor=finance)
    services.act(estimate=estimate, action="return", actor=finance, note="Thiếu thuyết minh")
    services.save_line(
        estimate=estimate,
        actor=officer,
        data={"task": "other", "description": "Văn phòng phẩm", "quantity": 1, "norm_vnd": 2_000_000},
    )
    services.act(estimate=estimate, action="submit", actor=director)
    estimate.refresh_from_db()
    assert estimate.state == "submitted" and estimate.lines.count() == 3


def test_lines_are_frozen_once_submitted(estimate, officer, director):
    services.act(estimate=estimate, action="submit", actor=director)
    with pytest.raises(Conflict):
        services.save_line(
            estimate=estimate,
            actor=officer,
            data={"task": "other", "description": "X", "quantity": 1, "norm_vnd": 1},
        )


def test_approval_needs_the_city_decision(estimate, officer, director, finance):
    services.act(estimate=estimate, action="submit", actor=director)
    services.act(estimate=estimate, action="appraise", actor=finance, payload={"lines": []})
    services.act(estimate=estimate, action="send_to_city", actor=director)
    with pytest.raises(ValidationError):
        services.act(estimate=estimate, action="approve", actor=officer, data={})
    with pytest.raises(Forbidden):
        services.act(
            estimate=estimate,
            action="approve",
            actor=director,
            data={"decision_number": "1/QĐ", "decision_date": "2026-02-01"},
        )


def test_an_adjustment_replaces_the_approved_version_once_approved(estimate, officer, director, finance):
    approved(estimate, officer=officer, director=director, finance=finance)
    adjustment = services.create_adjustment(estimate=estimate, actor=officer)
    assert adjustment.version == 2 and adjustment.state == "draft"
    with pytest.raises(Conflict):
        services.create_adjustment(estimate=estimate, actor=officer)
    services.save_line(
        estimate=adjustment,
        actor=officer,
        data={"task": "survey", "description": "Khảo sát bổ sung", "quantity": 2, "norm_vnd": 5_000_000},
    )
    approved(adjustment, officer=officer, director=director, finance=finance)
    estimate.refresh_from_db()
    assert estimate.state == "superseded"
    assert Estimate.objects.get(year=2026, state="approved") == adjustment
    assert totals(line_balances(adjustment))["approved_vnd"] == 475_000_000


def test_the_next_actor_is_notified(estimate, director, finance):
    services.act(estimate=estimate, action="submit", actor=director)
    assert Notification.objects.filter(user=finance).count() == 1
    assert not Notification.objects.filter(user=director).exists()
