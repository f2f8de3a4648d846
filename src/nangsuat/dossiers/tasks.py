"""“Việc cần làm”: what each person still has to do on dossiers, named as the step they take.

Most roles act on a dossier by its state (the ``TRANSITIONS`` table says which role moves it on). A role
whose work is not a state of the dossier — a council member declares, scores, and the secretary closes —
gets its tasks from the app that owns that work, which registers them (``@task_source(Role.COUNCIL)``),
and likewise tells the notifications who must act when a dossier arrives (``@awaited_workers``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nangsuat.core.roles import Role

from .models import Dossier
from .permissions import visible_dossiers
from .states import FINAL_STATES, Action, State
from .workflow import TRANSITIONS

if TYPE_CHECKING:
    from nangsuat.core.models import User

# Leaving the programme is always possible and is not a task.
NOT_TASKS = frozenset({Action.WITHDRAW, Action.TERMINATE})

# The step awaited in each state, named as the person who takes it calls it.
STEP_NAMES: dict[str, Promise] = {
    State.DRAFT: _("Hoàn thiện và nộp hồ sơ"),
    State.SUBMITTED: _("Kiểm tra hồ sơ"),
    State.NEEDS_SUPPLEMENT: _("Bổ sung hồ sơ"),
    State.VALID: _("Ghi nhận khảo sát"),
    State.SURVEYED: _("Chuyển Hội đồng tư vấn"),
    State.IN_COUNCIL: _("Ghi nhận kết quả của Hội đồng"),
    State.RECOMMENDED: _("Trình UBND thành phố"),
    State.PROPOSED: _("Ghi nhận quyết định của UBND thành phố"),
    State.APPROVED: _("Quyết định giao trực tiếp"),
    State.ASSIGNED: _("Ký hợp đồng hỗ trợ"),
    State.CONTRACTED: _("Thực hiện nhiệm vụ theo hợp đồng"),
    State.IN_PROGRESS: _("Hoàn thành nhiệm vụ, đề nghị nghiệm thu"),
    State.COMPLETION_REQUESTED: _("Kiểm tra thực tế tại doanh nghiệp"),
    State.INSPECTED: _("Nghiệm thu"),
    State.ACCEPTED: _("Thanh lý hợp đồng"),
    State.NOT_ACCEPTED: _("Thanh lý hợp đồng"),
    State.LIQUIDATED: _("Ghi nhận thanh toán"),
}


@dataclass
class Task:
    """One thing to do on one dossier. ``named`` is False while the person may not yet learn whom the
    dossier concerns (a council member before declaring no conflict of interest)."""

    dossier: Dossier
    step: str
    url: str
    due_on: dt.date | None = None
    named: bool = True
    waits_on_enterprise: bool = False

    @property
    def days_left(self) -> int | None:
        return None if self.due_on is None else (self.due_on - timezone.localdate()).days

    @property
    def days_late(self) -> int:
        return max(0, -(self.days_left or 0))

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.due_on < timezone.localdate()


# A role's tasks defined by a higher app: ``@task_source(role)`` on ``(user) -> list[Task]``.
TaskSource = Callable[["User"], list[Task]]
TASK_SOURCES: dict[str, TaskSource] = {}
# Who must act on a dossier that has just reached a state, for a role whose work is not the state's
# transition: ``@awaited_workers(role)`` on ``(dossier) -> {user: [step, …]}`` (the notifications read it).
WorkersRule = Callable[[Dossier], dict["User", list[str]]]
AWAITED_WORKERS: dict[str, WorkersRule] = {}


def task_source(role: str) -> Callable[[TaskSource], TaskSource]:
    def register(fn: TaskSource) -> TaskSource:
        if role in TASK_SOURCES:
            raise RuntimeError(f"task source for {role!r} registered twice")
        TASK_SOURCES[role] = fn
        return fn

    return register


def awaited_workers(role: str) -> Callable[[WorkersRule], WorkersRule]:
    def register(fn: WorkersRule) -> WorkersRule:
        if role in AWAITED_WORKERS:
            raise RuntimeError(f"awaited workers for {role!r} registered twice")
        AWAITED_WORKERS[role] = fn
        return fn

    return register


def acting_states(role: str) -> set[str]:
    """States in which a dossier awaits this role (from the workflow table). A step kept for a few named
    people (the council's secretary) is not every holder of the role's task."""
    return {
        state
        for t in TRANSITIONS
        if t.action not in NOT_TASKS and role in t.roles and not t.permissions
        for state in t.sources
    }


def _by_state(dossiers: QuerySet[Dossier], *, waits_on_enterprise: bool = False) -> list[Task]:
    return [
        Task(
            dossier=d,
            step=str(STEP_NAMES.get(d.state, State(d.state).label)),
            url=reverse("dossiers:dossier_detail", args=[d.pk]),
            due_on=d.due_on,
            waits_on_enterprise=waits_on_enterprise,
        )
        for d in dossiers.select_related("call", "enterprise", "content")
    ]


def _urgency(task: Task) -> tuple:
    """Overdue first, then the nearest due date, then the oldest; undated last (the same on every database,
    which sort missing dates differently)."""
    d = task.dossier
    return (not task.overdue, task.due_on is None, task.due_on or dt.date.max, d.created_at, d.pk)


def tasks_for(user: User) -> list[Task]:
    """What ``user`` still has to do, most urgent first."""
    if user.role in TASK_SOURCES:
        tasks = TASK_SOURCES[user.role](user)
    else:
        states = acting_states(user.role)
        if user.role != Role.ENTERPRISE:
            states -= acting_states(Role.ENTERPRISE)  # waiting on the enterprise: ``awaiting_enterprise``
        tasks = _by_state(visible_dossiers(Dossier.objects.all(), user).filter(state__in=states))
    return sorted(tasks, key=_urgency)


def awaiting_enterprise(user: User) -> list[Task]:
    """For staff: the dossiers they follow that now wait on the enterprise (a supplement asked for, a
    contract under way), kept apart from their own work."""
    if user.role not in (Role.OFFICER, Role.DIRECTOR):
        return []
    states = acting_states(Role.ENTERPRISE) - {State.DRAFT}
    qs = visible_dossiers(Dossier.objects.all(), user).filter(state__in=states)
    return sorted(_by_state(qs, waits_on_enterprise=True), key=_urgency)


def enterprise_dossiers(user: User) -> list[Task]:
    """An enterprise's dossiers still under way, each with its next step, whose step it is
    (``waits_on_enterprise``: the enterprise's own) and the date it is due; the enterprise's turn first."""
    theirs = acting_states(Role.ENTERPRISE)
    qs = (
        visible_dossiers(Dossier.objects.all(), user)
        .exclude(state__in=FINAL_STATES)
        .select_related("call", "enterprise", "content")
        .order_by("-created_at")[:20]
    )
    tasks = [
        Task(
            dossier=d,
            step=str(STEP_NAMES.get(d.state, State(d.state).label)),
            url=reverse("dossiers:dossier_detail", args=[d.pk]),
            due_on=d.due_on,
            waits_on_enterprise=d.state in theirs,
        )
        for d in qs
    ]
    return sorted(tasks, key=lambda t: (not t.waits_on_enterprise, *_urgency(t)))


def task_url(user: User, dossier: Dossier) -> str:
    """Where ``user`` does their step on ``dossier`` when a registered source names it (a council member's
    sheet: the dossier page stays closed to them until they declare); '' otherwise."""
    source = TASK_SOURCES.get(user.role)
    if source is None:
        return ""
    return next((t.url for t in source(user) if t.dossier.pk == dossier.pk), "")
