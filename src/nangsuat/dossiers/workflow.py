"""The dossier workflow as data (Kế hoạch 14/KH-UBND, II.3 a–g; PRODUCT.md "Dossier states").

``TRANSITIONS`` is the one table the service, the pages (which buttons to show), the API and the tests
read. Each row names its source states, target, roles, and the *named* permissions, conditions and
effects that apply. The names are registered by the app that owns the rule (``dossiers.effects``,
``councils.effects``, ``contracts.effects``, ``documents.effects``) with the decorators below, so the
table stays readable and every rule lives beside its data. A test checks every name is registered.

The engine is ``core.workflow``: this module is the dossier's instance of it (``WORKFLOW``), its scope
rule (agency, or the enterprise's members) and the names the other apps import.
Order inside :func:`perform`: see ``core.workflow``; the signal is ``dossier_transitioned``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nangsuat.core import workflow as engine
from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import Role
from nangsuat.registry.permissions import is_enterprise_member

from .models import Dossier
from .permissions import can_see_dossier
from .states import Action, State

if TYPE_CHECKING:
    from nangsuat.core.models import User

S = State
R = Role


@dataclass(frozen=True)
class Transition(engine.Transition):
    @property
    def label(self) -> str:
        return str(Action(self.action).label)


_BEFORE_CONTRACT = (
    S.DRAFT,
    S.SUBMITTED,
    S.NEEDS_SUPPLEMENT,
    S.VALID,
    S.SURVEYED,
    S.IN_COUNCIL,
    S.RECOMMENDED,
    S.PROPOSED,
    S.APPROVED,
    S.ASSIGNED,
)
_UNDER_CONTRACT = (S.CONTRACTED, S.IN_PROGRESS, S.COMPLETION_REQUESTED, S.INSPECTED)

TRANSITIONS: tuple[Transition, ...] = (
    # a. Intake: the enterprise submits inside the call's window; the officer checks validity.
    Transition(
        Action.SUBMIT,
        (S.DRAFT,),
        S.SUBMITTED,
        frozenset({R.ENTERPRISE}),
        conditions=("registration_window_open", "form_complete", "required_attachments"),
        effects=("assign_tracking_code", "snapshot_revision", "start_validity_clock", "receipt_slip"),
    ),
    Transition(
        Action.REQUEST_SUPPLEMENT,
        (S.SUBMITTED,),
        S.NEEDS_SUPPLEMENT,
        frozenset({R.OFFICER}),
        effects=("record_supplement_request", "supplement_request_letter"),
        note_required=True,
    ),
    Transition(
        Action.RESUBMIT,
        (S.NEEDS_SUPPLEMENT,),
        S.SUBMITTED,
        frozenset({R.ENTERPRISE}),
        conditions=("form_complete", "required_attachments"),
        effects=("snapshot_revision", "close_supplement_request", "start_validity_clock"),
    ),
    Transition(
        Action.MARK_VALID,
        (S.SUBMITTED,),
        S.VALID,
        frozenset({R.OFFICER}),
        conditions=("eligibility_checklist_met", "no_duplicate_support"),
        effects=("compute_priority", "validity_minutes"),
    ),
    Transition(
        Action.MARK_INVALID,
        (S.SUBMITTED, S.NEEDS_SUPPLEMENT),
        S.INVALID,
        frozenset({R.OFFICER}),
        effects=("validity_minutes",),
        note_required=True,
    ),
    # b. Survey, then the advisory council.
    Transition(
        Action.RECORD_SURVEY,
        (S.VALID,),
        S.SURVEYED,
        frozenset({R.OFFICER}),
        effects=("record_survey", "survey_minutes"),
    ),
    Transition(
        Action.SEND_TO_COUNCIL,
        (S.SURVEYED,),
        S.IN_COUNCIL,
        frozenset({R.OFFICER}),
        conditions=("call_has_council",),
        effects=("open_score_sheets",),
    ),
    Transition(
        Action.RECOMMEND,
        (S.IN_COUNCIL,),
        S.RECOMMENDED,
        frozenset({R.COUNCIL, R.OFFICER}),
        permissions=("council_secretary",),
        conditions=("council_result_passed",),
        effects=("close_council_result", "council_minutes"),
    ),
    Transition(
        Action.NOT_RECOMMEND,
        (S.IN_COUNCIL,),
        S.NOT_RECOMMENDED,
        frozenset({R.COUNCIL, R.OFFICER}),
        permissions=("council_secretary",),
        conditions=("council_result_failed",),
        effects=("close_council_result", "council_minutes"),
    ),
    # c–d. The city's list, the assignment and the contract.
    Transition(
        Action.PROPOSE,
        (S.RECOMMENDED,),
        S.PROPOSED,
        frozenset({R.DIRECTOR}),
        conditions=("within_call_budget",),
        effects=("add_to_city_submission", "city_proposal"),
    ),
    Transition(
        Action.APPROVE,
        (S.PROPOSED,),
        S.APPROVED,
        frozenset({R.OFFICER}),
        effects=("record_city_decision",),
    ),
    Transition(
        Action.NOT_APPROVE,
        (S.PROPOSED,),
        S.NOT_APPROVED,
        frozenset({R.OFFICER}),
        effects=("record_city_decision",),
        note_required=True,
    ),
    Transition(
        Action.ASSIGN,
        (S.APPROVED,),
        S.ASSIGNED,
        frozenset({R.DIRECTOR}),
        effects=("record_assignment", "assignment_decision", "start_contract_clock"),
    ),
    Transition(
        Action.SIGN_CONTRACT,
        (S.ASSIGNED,),
        S.CONTRACTED,
        frozenset({R.DIRECTOR}),
        effects=("record_contract", "commit_to_budget", "support_contract"),
    ),
    # e–g. Implementation, acceptance, liquidation and the one-time payment.
    Transition(Action.START, (S.CONTRACTED,), S.IN_PROGRESS, frozenset({R.ENTERPRISE})),
    Transition(
        Action.REQUEST_COMPLETION,
        (S.CONTRACTED, S.IN_PROGRESS),
        S.COMPLETION_REQUESTED,
        frozenset({R.ENTERPRISE}),
        effects=("record_completion_request",),
    ),
    Transition(
        Action.INSPECT,
        (S.COMPLETION_REQUESTED,),
        S.INSPECTED,
        frozenset({R.OFFICER}),
        effects=("record_inspection", "inspection_minutes"),
    ),
    Transition(
        Action.ACCEPT,
        (S.INSPECTED,),
        S.ACCEPTED,
        frozenset({R.DIRECTOR}),
        effects=("record_acceptance", "acceptance_minutes"),
    ),
    Transition(
        Action.NOT_ACCEPT,
        (S.INSPECTED,),
        S.NOT_ACCEPTED,
        frozenset({R.DIRECTOR}),
        effects=("record_acceptance", "acceptance_minutes"),
        note_required=True,
    ),
    Transition(
        Action.LIQUIDATE,
        (S.ACCEPTED, S.NOT_ACCEPTED),
        S.LIQUIDATED,
        frozenset({R.DIRECTOR}),
        effects=("record_liquidation", "settle_commitment", "liquidation_minutes"),
    ),
    Transition(
        Action.PAY,
        (S.LIQUIDATED,),
        S.PAID,
        frozenset({R.OFFICER}),
        effects=("record_payment", "spend_payment", "payment_request"),
    ),
    # Leaving the programme, with a reason.
    Transition(Action.WITHDRAW, _BEFORE_CONTRACT, S.WITHDRAWN, frozenset({R.ENTERPRISE}), note_required=True),
    Transition(
        Action.TERMINATE,
        _UNDER_CONTRACT,
        S.TERMINATED,
        frozenset({R.DIRECTOR}),
        effects=("record_termination", "settle_commitment"),
        note_required=True,
    ),
)

BY_ACTION: dict[str, Transition] = {t.action: t for t in TRANSITIONS}


# --- The named rules' shapes ----------------------------------------------------------------------


@dataclass
class Step:
    """What an effect receives: the locked dossier, who acts, the note and the action's extra fields."""

    dossier: Dossier
    actor: User
    transition: Transition
    from_state: str
    note: str = ""
    payload: dict[str, Any] = field(default_factory=dict)


PermissionRule = Callable[["Dossier", "User"], Decision]
ConditionRule = Callable[["Dossier"], Decision]
EffectRule = Callable[[Step], None]

dossier_transitioned = Signal()  # sender=Dossier, step=Step, inside the transaction


def _scope(user: User, dossier: Dossier) -> Decision:
    if user.role == R.ENTERPRISE:
        if not is_enterprise_member(user, dossier.enterprise_id):
            return deny(_("Bạn không đại diện cho doanh nghiệp của hồ sơ này."))
    elif not can_see_dossier(user, dossier):
        return deny(_("Hồ sơ không thuộc đơn vị của bạn."))
    return ALLOW


def _clear_clock(dossier: Dossier) -> None:
    dossier.due_on = None
    dossier.due_step = ""


def _stamp(dossier: Dossier) -> None:
    dossier.state_changed_at = timezone.now()


WORKFLOW = engine.Workflow(
    name="dossier",
    model=Dossier,
    transitions=TRANSITIONS,
    step_class=Step,
    signal=dossier_transitioned,
    scope=_scope,
    state_label=lambda code: str(State(code).label),
    wrong_state=gettext_lazy("Không thể “%(action)s” khi hồ sơ đang ở trạng thái “%(state)s”."),
    before_effects=_clear_clock,
    after_effects=_stamp,
    select_related=("call", "enterprise"),
)

# The registries and decorators, under the names the other apps import.
PERMISSIONS: dict[str, PermissionRule] = WORKFLOW.permissions
CONDITIONS: dict[str, ConditionRule] = WORKFLOW.conditions
EFFECTS: dict[str, EffectRule] = WORKFLOW.effects
# The fields an action takes beyond its note (a contract's number and amount, a decision's date...),
# as a Django form class registered by the app that owns the action's effects. The dossier page renders
# it; the API validates the JSON body's extra fields with it; its ``cleaned_data`` becomes ``Step.payload``.
ACTION_FORMS: dict[str, type] = WORKFLOW.action_forms

permission = WORKFLOW.permission
condition = WORKFLOW.condition
effect = WORKFLOW.effect
action_form = WORKFLOW.action_form
clean_payload = WORKFLOW.clean_payload
missing_rules = WORKFLOW.missing_rules


# --- Deciding and acting ----------------------------------------------------------------------------


def may_act(user: User, dossier: Dossier, transition: Transition) -> Decision:
    """Whether this user's role and scope allow the action at all (state aside)."""
    return WORKFLOW.may_act(user, dossier, transition)


def check_conditions(dossier: Dossier, transition: Transition) -> Decision:
    return WORKFLOW.check_conditions(dossier, transition)


def available_actions(user: User, dossier: Dossier) -> list[tuple[engine.Transition, Decision]]:
    """The actions this user could take now, each with whether its conditions hold (for buttons)."""
    return WORKFLOW.available_actions(user, dossier)


def perform(
    *,
    dossier: Dossier,
    action: str,
    actor: User,
    note: str = "",
    payload: dict[str, Any] | None = None,
) -> Dossier:
    """Move a dossier by one action of the table. Refuses with 403 (role, scope, named permission),
    409 (wrong state, unmet condition) or 400 (unknown action, bad fields, missing note)."""
    return WORKFLOW.perform(dossier, action=action, actor=actor, note=note, payload=payload)
