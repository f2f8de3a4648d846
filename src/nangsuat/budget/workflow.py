"""The estimate's lifecycle as data, on the engine the dossiers use (``core.workflow``).

The Department's officer drafts; the director submits it to the Department of Finance; Finance appraises it
line by line or returns it; the director sends it to the City People's Committee; the officer records the
city's decision, which makes it the year's budget (and supersedes the version it adjusts). The named rules
are registered by ``budget.effects``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nangsuat.core import workflow as engine
from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import Role

from .models import Estimate
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


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        Action.SUBMIT,
        (S.DRAFT, S.RETURNED),
        S.SUBMITTED,
        frozenset({R.DIRECTOR}),
        conditions=("has_lines",),
        effects=("clear_appraisal", "estimate_document"),
    ),
    Transition(
        Action.APPRAISE,
        (S.SUBMITTED,),
        S.APPRAISED,
        frozenset({R.FINANCE}),
        effects=("record_appraisal",),
    ),
    Transition(
        Action.RETURN,
        (S.SUBMITTED, S.APPRAISED),
        S.RETURNED,
        frozenset({R.FINANCE}),
        note_required=True,
    ),
    Transition(Action.SEND_TO_CITY, (S.APPRAISED,), S.SENT_TO_CITY, frozenset({R.DIRECTOR})),
    Transition(
        Action.APPROVE,
        (S.SENT_TO_CITY,),
        S.APPROVED,
        frozenset({R.OFFICER}),
        effects=("record_budget_decision", "supersede_previous"),
    ),
)

BY_ACTION: dict[str, Transition] = {t.action: t for t in TRANSITIONS}


@dataclass
class Step:
    """What an effect receives: the locked estimate, who acts, the note and the action's extra fields."""

    estimate: Estimate
    actor: User
    transition: Transition
    from_state: str
    note: str = ""
    payload: dict[str, Any] = field(default_factory=dict)


estimate_transitioned = Signal()  # sender=Estimate, step=Step, inside the transaction


def _scope(user: User, estimate: Estimate) -> Decision:
    if user.agency_id != estimate.agency_id:
        return deny(_("Dự toán không thuộc đơn vị của bạn."))
    return ALLOW


def _stamp(estimate: Estimate) -> None:
    estimate.state_changed_at = timezone.now()


WORKFLOW = engine.Workflow(
    name="estimate",
    model=Estimate,
    transitions=TRANSITIONS,
    step_class=Step,
    signal=estimate_transitioned,
    scope=_scope,
    state_label=lambda code: str(State(code).label),
    wrong_state=gettext_lazy("Không thể “%(action)s” khi dự toán đang ở trạng thái “%(state)s”."),
    after_effects=_stamp,
)

condition = WORKFLOW.condition
effect = WORKFLOW.effect
action_form = WORKFLOW.action_form
