"""Workflow guards and effects of the contract steps, registered on import (see dossiers.workflow).

- condition ``within_call_budget``: the call's committed amounts plus this dossier's ≤ its budget.
- effects ``add_to_city_submission`` and ``city_proposal`` (propose: the Tờ trình), ``record_city_decision`` (approve / not_approve),
  ``record_assignment`` and ``start_contract_clock`` (assign), ``record_contract`` (sign_contract),
  ``record_completion_request``, ``record_acceptance`` (accept / not_accept), ``record_liquidation``,
  ``record_payment``, ``record_termination``. Payload keys: see ``contracts.forms``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from nangsuat.core.permissions import ALLOW, deny
from nangsuat.dossiers.states import Action
from nangsuat.dossiers.workflow import condition, effect

from . import (
    amounts,
    forms,  # noqa: F401  registers the action forms
    services,
)


def _require(payload: dict, *keys: str) -> None:
    missing = {k: _("Thiếu thông tin bắt buộc.") for k in keys if payload.get(k) in (None, "")}
    if missing:
        raise ValidationError(missing)


@condition("within_call_budget")
def within_call_budget(dossier):
    committed = amounts.committed_total(dossier.call, exclude_pk=dossier.pk)
    extra = amounts.proposed_support(dossier)
    message = amounts.budget_message(dossier.call, committed, extra)
    if committed + extra > dossier.call.budget_vnd:
        return deny(_("Vượt dự toán kinh phí của đợt. %(detail)s") % {"detail": message})
    return ALLOW


@effect("add_to_city_submission")
def add_to_city_submission(step):
    services.add_to_city_submission(dossier=step.dossier, actor=step.actor)


@effect("city_proposal")
def city_proposal(step):
    """A dossier proposed on its own gets its own Tờ trình; the city list page proposes several at once
    and signs one for all of them (``services.propose_to_city``)."""
    if not step.payload.get(services.IN_ONE_PROPOSAL):
        services.issue_city_proposal(call=step.dossier.call, dossiers=[step.dossier], actor=step.actor)


@effect("record_city_decision")
def record_city_decision(step):
    _require(step.payload, "decision_number", "decision_date")
    approved = step.transition.action == Action.APPROVE
    services.record_city_decision(
        dossier=step.dossier, actor=step.actor, approved=approved, payload=step.payload
    )


@effect("record_assignment")
def record_assignment(step):
    _require(step.payload, "decision_number", "decision_date")
    services.record_assignment(dossier=step.dossier, actor=step.actor, payload=step.payload)


@effect("start_contract_clock")
def start_contract_clock(step):
    services.start_contract_clock(dossier=step.dossier)


@effect("record_contract")
def record_contract(step):
    _require(step.payload, "number", "signed_on", "amount_vnd", "deliverables", "deadline")
    services.record_contract(dossier=step.dossier, actor=step.actor, payload=step.payload)


@effect("record_completion_request")
def record_completion_request(step):
    _require(step.payload, "self_assessment")
    services.record_completion_request(dossier=step.dossier, actor=step.actor, payload=step.payload)


@effect("record_acceptance")
def record_acceptance(step):
    passed = step.transition.action == Action.ACCEPT
    _require(step.payload, "minutes_date", *(("rating",) if passed else ()))
    services.record_acceptance(
        dossier=step.dossier, actor=step.actor, passed=passed, payload=step.payload, note=step.note
    )


@effect("record_liquidation")
def record_liquidation(step):
    _require(step.payload, "final_amount_vnd", "liquidated_on")
    services.record_liquidation(dossier=step.dossier, actor=step.actor, payload=step.payload, note=step.note)


@effect("record_payment")
def record_payment(step):
    _require(step.payload, "amount_vnd", "paid_on", "reference")
    services.record_payment(dossier=step.dossier, actor=step.actor, payload=step.payload)


@effect("record_termination")
def record_termination(step):
    services.record_termination(
        dossier=step.dossier, actor=step.actor, reason=step.note, payload=step.payload
    )
