"""Notifications sent when a dossier moves (see dossiers.workflow.dossier_transitioned).

The people who act next (read from the TRANSITIONS table: the roles whose actions start from the new
state, within the dossier's agency) are told what awaits them; the enterprise's members are told of
every change of their dossier's state. The one who acted is not notified of their own step.

A council member is told which enterprise a dossier belongs to only once they may open it, after declaring
no conflict of interest: until then the dossier is named by its tracking code alone (``names_dossier``).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from nangsuat.core.formatting import format_date
from nangsuat.core.roles import Role
from nangsuat.dossiers.permissions import can_see_dossier
from nangsuat.dossiers.states import State
from nangsuat.dossiers.tasks import task_url
from nangsuat.dossiers.workflow import dossier_transitioned
from nangsuat.registry.permissions import enterprise_members

from .selectors import users_acting_next
from .services import notify

log = logging.getLogger(__name__)


def dossier_url(dossier) -> str:
    try:
        return reverse("dossiers:dossier_detail", args=[dossier.pk])
    except NoReverseMatch:
        return ""


def state_label(state: str) -> str:
    try:
        return str(State(state).label)
    except ValueError:
        return state


def names_dossier(user, dossier) -> bool:
    """Whether a notification to ``user`` may name the dossier's enterprise and title (and carry notes that
    could): a council member only once they may open the dossier, after declaring no conflict of interest,
    so that a member who then recuses never learns whom the dossier concerns."""
    return user.role != Role.COUNCIL or can_see_dossier(user, dossier)


def dossier_lines(dossier) -> list[str]:
    """What names the dossier beyond its tracking code: its enterprise, its content and title."""
    return [
        _("Doanh nghiệp: %(name)s") % {"name": dossier.enterprise.name},
        _("Nội dung: %(content)s — %(title)s") % {"content": dossier.content, "title": dossier.title},
    ]


def _details(step, *, named: bool) -> list[str]:
    dossier = step.dossier
    lines = dossier_lines(dossier) if named else []
    lines += [
        _("Trạng thái: %(old)s → %(new)s")
        % {"old": state_label(step.from_state), "new": state_label(step.transition.target)},
        _("Người thực hiện: %(actor)s") % {"actor": step.actor},
    ]
    if step.note and named:
        lines.append(_("Ghi chú: %(note)s") % {"note": step.note})
    if dossier.due_on:
        lines.append(_("Hạn xử lý: %(due)s") % {"due": format_date(dossier.due_on)})
    return lines


def notify_transition(step) -> int:
    """Notify the next actors and the enterprise of one step; returns how many were notified."""
    dossier = step.dossier
    code = dossier.tracking_code or f"#{dossier.pk}"
    state = step.transition.target
    url = dossier_url(dossier)
    next_actors = users_acting_next(dossier, state)
    members = {u.pk: u for u in enterprise_members(dossier.enterprise_id)}
    sent = 0
    for pk in set(next_actors) | set(members):
        if pk == getattr(step.actor, "pk", None):
            continue
        user, actions = next_actors.get(pk, (members.get(pk), []))
        with translation.override(getattr(user, "language", None) or "vi"):
            sent += _notify_one(step, user, actions, is_member=pk in members, code=code, url=url)
    return sent


def _notify_one(step, user, actions, *, is_member: bool, code: str, url: str) -> int:
    """One recipient's notification, worded in their language."""
    dossier, state = step.dossier, step.transition.target
    if is_member:
        title = _("Hồ sơ %(code)s: %(state)s") % {"code": code, "state": state_label(state)}
    else:
        title = _("Hồ sơ %(code)s chờ bạn xử lý: %(actions)s") % {"code": code, "actions": ", ".join(actions)}
    body = _details(step, named=names_dossier(user, dossier))
    if actions:
        body.append(_("Việc cần làm: %(actions)s") % {"actions": ", ".join(actions)})
    where = task_url(user, dossier) or url
    sent = notify(
        user, title=title, body="\n".join(body), url=where, dossier=dossier, verb=f"dossier_{state}"
    )
    return 1 if sent else 0


@receiver(dossier_transitioned, dispatch_uid="notifications.on_transition")
def on_transition(sender, step, **kwargs) -> None:
    # A savepoint: a failure here rolls back the notifications only, never the step itself.
    try:
        with transaction.atomic():
            notify_transition(step)
    except Exception:  # noqa: BLE001
        log.exception("notifications for dossier %s failed", getattr(step.dossier, "pk", None))
