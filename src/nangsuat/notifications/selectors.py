"""Reading a user's notifications, and who acts next on a dossier (read from the workflow table)."""

from __future__ import annotations

from django.db.models import QuerySet

from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.dossiers.tasks import AWAITED_WORKERS, NOT_TASKS
from nangsuat.dossiers.workflow import TRANSITIONS
from nangsuat.registry.permissions import enterprise_members

from .models import Notification

# Actions open from almost every state that nobody is waiting for.
NOT_AWAITED = NOT_TASKS


def notifications_for(user: User, *, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.filter(user=user).select_related("dossier")
    return qs.filter(read_at__isnull=True) if unread_only else qs


def unread_count(user: User) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def awaited_actions(state: str) -> dict[str, list[str]]:
    """Role → the actions it may take from ``state`` (by the TRANSITIONS table)."""
    by_role: dict[str, list[str]] = {}
    for transition in TRANSITIONS:
        if state in transition.sources and transition.action not in NOT_AWAITED:
            for role in transition.roles:
                by_role.setdefault(role, []).append(transition.label)
    return by_role


def users_acting_next(dossier, state: str | None = None) -> dict[int, tuple[User, list[str]]]:
    """The people who may take the dossier's next step, with the actions awaiting them: staff of the
    dossier's agency by role, and the enterprise's members when the enterprise acts next. A role whose work
    is not the state's transition (council members: declare, score, and for the secretary alone, close)
    is named by the rule its app registered (``dossiers.tasks.awaited_workers``)."""
    state = state or dossier.state
    result: dict[int, tuple[User, list[str]]] = {}
    for work in AWAITED_WORKERS.values():
        for user, steps in work(dossier).items():
            result[user.pk] = (user, steps)
    for role, actions in awaited_actions(state).items():
        if role in AWAITED_WORKERS:
            continue
        if role == Role.ENTERPRISE:
            users = list(enterprise_members(dossier.enterprise_id))
        else:
            users = list(User.objects.filter(role=role, is_active=True, agency_id=dossier.agency_id))
        for user in users:
            known = result.get(user.pk, (user, []))[1]
            result[user.pk] = (user, known + [a for a in actions if a not in known])
    return result
