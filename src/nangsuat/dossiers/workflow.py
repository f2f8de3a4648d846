"""The dossier workflow as data (Kế hoạch 14/KH-UBND, II.3 a–g; PRODUCT.md "Dossier states").

``TRANSITIONS`` is the one table the service, the pages (which buttons to show), the API and the tests
read. Each row names its source states, target, roles, and the *named* permissions, conditions and
effects that apply. The names are registered by the app that owns the rule (``dossiers.effects``,
``councils.effects``, ``contracts.effects``, ``documents.effects``) with the decorators below, so the
table stays readable and every rule lives beside its data. A test checks every name is registered.

Order inside :func:`perform`, all in one transaction with the dossier row locked:
role → agency/enterprise scope → named permissions (403) → source state → named conditions (409) →
effects (may raise ``ValidationError`` → 400) → new state → audit entry → ``dossier_transitioned``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Conflict, Forbidden
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
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[str]
    permissions: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    note_required: bool = False

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
        effects=("record_contract", "support_contract"),
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
        effects=("record_liquidation", "liquidation_minutes"),
    ),
    Transition(
        Action.PAY,
        (S.LIQUIDATED,),
        S.PAID,
        frozenset({R.OFFICER}),
        effects=("record_payment", "payment_request"),
    ),
    # Leaving the programme, with a reason.
    Transition(Action.WITHDRAW, _BEFORE_CONTRACT, S.WITHDRAWN, frozenset({R.ENTERPRISE}), note_required=True),
    Transition(
        Action.TERMINATE,
        _UNDER_CONTRACT,
        S.TERMINATED,
        frozenset({R.DIRECTOR}),
        effects=("record_termination",),
        note_required=True,
    ),
)

BY_ACTION: dict[str, Transition] = {t.action: t for t in TRANSITIONS}


# --- Registries of named rules -------------------------------------------------------------------


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

PERMISSIONS: dict[str, PermissionRule] = {}
CONDITIONS: dict[str, ConditionRule] = {}
EFFECTS: dict[str, EffectRule] = {}


def _registrar(registry: dict[str, Any], name: str):
    def decorate(fn):
        if name in registry:
            raise RuntimeError(f"workflow rule {name!r} registered twice")
        registry[name] = fn
        return fn

    return decorate


def permission(name: str):
    return _registrar(PERMISSIONS, name)


def condition(name: str):
    return _registrar(CONDITIONS, name)


def effect(name: str):
    return _registrar(EFFECTS, name)


# The fields an action takes beyond its note (a contract's number and amount, a decision's date...),
# as a Django form class registered by the app that owns the action's effects. The dossier page renders
# it; the API validates the JSON body's extra fields with it; its ``cleaned_data`` becomes ``Step.payload``.
ACTION_FORMS: dict[str, type] = {}


def action_form(action: str):
    return _registrar(ACTION_FORMS, action)


def clean_payload(action: str, data: dict[str, Any] | None, files=None) -> dict[str, Any]:
    """Validate an action's extra fields; raises ``ValidationError`` (→ 400 with the field names)."""
    form_class = ACTION_FORMS.get(action)
    if form_class is None:
        return {}
    form = form_class(data=data or {}, files=files)
    if not form.is_valid():
        raise ValidationError({k: [str(m) for m in v] for k, v in form.errors.items()})
    return form.cleaned_data


def missing_rules() -> set[str]:
    """Names used in the table that no app registered (a test keeps this empty)."""
    used = {n for t in TRANSITIONS for n in t.permissions} - PERMISSIONS.keys()
    used |= {n for t in TRANSITIONS for n in t.conditions} - CONDITIONS.keys()
    used |= {n for t in TRANSITIONS for n in t.effects} - EFFECTS.keys()
    return used


dossier_transitioned = Signal()  # sender=Dossier, step=Step, inside the transaction


# --- Deciding and acting ----------------------------------------------------------------------------


def may_act(user: User, dossier: Dossier, transition: Transition) -> Decision:
    """Whether this user's role and scope allow the action at all (state aside)."""
    if not user.is_authenticated or not user.has_role(*transition.roles):
        return deny(_("Vai trò của bạn không được thực hiện thao tác này."))
    if user.role == R.ENTERPRISE:
        if not is_enterprise_member(user, dossier.enterprise_id):
            return deny(_("Bạn không đại diện cho doanh nghiệp của hồ sơ này."))
    elif not can_see_dossier(user, dossier):
        return deny(_("Hồ sơ không thuộc đơn vị của bạn."))
    for name in transition.permissions:
        decision = PERMISSIONS[name](dossier, user)
        if not decision:
            return decision
    return ALLOW


def check_conditions(dossier: Dossier, transition: Transition) -> Decision:
    if dossier.state not in transition.sources:
        return deny(
            _("Không thể “%(action)s” khi hồ sơ đang ở trạng thái “%(state)s”.")
            % {"action": transition.label, "state": State(dossier.state).label}
        )
    for name in transition.conditions:
        decision = CONDITIONS[name](dossier)
        if not decision:
            return decision
    return ALLOW


def available_actions(user: User, dossier: Dossier) -> list[tuple[Transition, Decision]]:
    """The actions this user could take now, each with whether its conditions hold (for buttons)."""
    result = []
    for t in TRANSITIONS:
        if dossier.state in t.sources and may_act(user, dossier, t):
            result.append((t, check_conditions(dossier, t)))
    return result


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
    transition = BY_ACTION.get(action)
    if transition is None:
        raise ValidationError({"action": _("Thao tác “%(action)s” không tồn tại.") % {"action": action}})
    note = (note or "").strip()
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().select_related("call", "enterprise").get(pk=dossier.pk)
        decision = may_act(actor, locked, transition)
        if not decision:
            raise Forbidden(decision.reason)
        decision = check_conditions(locked, transition)
        if not decision:
            raise Conflict(decision.reason)
        if transition.note_required and not note:
            raise ValidationError({"note": _("Vui lòng ghi rõ lý do.")})
        step = Step(locked, actor, transition, locked.state, note, dict(payload or {}))
        locked.due_on = None
        locked.due_step = ""
        for name in transition.effects:
            EFFECTS[name](step)
        locked.state = transition.target
        locked.state_changed_at = timezone.now()
        locked.save()
        record_audit(
            actor=actor,
            action=transition.action,
            target=locked,
            from_state=step.from_state,
            to_state=transition.target,
            note=note,
        )
        dossier_transitioned.send(sender=Dossier, step=step)
    dossier.refresh_from_db()
    return dossier
