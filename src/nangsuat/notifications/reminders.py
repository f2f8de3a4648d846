"""Deadline reminders: dossiers due within two working days, or overdue, remind the people who act
next — once per person, dossier and day, however often the command runs. A council member who has not
declared no conflict of interest is reminded of the tracking code alone (``receivers.names_dossier``)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from nangsuat.core.calendar import add_working_days, working_days_between
from nangsuat.core.formatting import format_date
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import FINAL_STATES, PRIVATE_STATES
from nangsuat.dossiers.tasks import task_url

from .receivers import dossier_lines, dossier_url, names_dossier, state_label
from .selectors import users_acting_next
from .services import notify

WARN_WORKING_DAYS = 2


def due_dossiers(today: dt.date) -> QuerySet[Dossier]:
    horizon = add_working_days(today, WARN_WORKING_DAYS)
    return (
        Dossier.objects.filter(due_on__isnull=False, due_on__lte=horizon)
        .exclude(state__in=FINAL_STATES | PRIVATE_STATES)
        .select_related("enterprise", "agency", "content")
        .order_by("due_on", "pk")
    )


def send_reminders(today: dt.date | None = None) -> dict[str, int]:
    """Remind every dossier's next actors; returns {"dossiers": n, "notifications": m}."""
    today = today or timezone.localdate()
    counts = {"dossiers": 0, "notifications": 0}
    for dossier in due_dossiers(today):
        counts["dossiers"] += 1
        code = dossier.tracking_code or f"#{dossier.pk}"
        late = working_days_between(dossier.due_on, today) if dossier.due_on < today else 0
        with transaction.atomic():
            for user, actions in users_acting_next(dossier).values():
                with translation.override(user.language or "vi"):  # each in their own language
                    sent = _remind(dossier, user, actions, code=code, late=late, today=today)
                counts["notifications"] += sent is not None
    return counts


def _remind(dossier, user, actions, *, code: str, late: int, today: dt.date):
    if late:
        title = _("Hồ sơ %(code)s đã quá hạn %(days)s ngày làm việc") % {"code": code, "days": max(late, 1)}
    else:
        title = _("Hồ sơ %(code)s đến hạn xử lý %(due)s") % {"code": code, "due": format_date(dossier.due_on)}
    body = "\n".join(
        (dossier_lines(dossier) if names_dossier(user, dossier) else [])
        + [
            _("Trạng thái: %(state)s") % {"state": state_label(dossier.state)},
            _("Hạn xử lý: %(due)s") % {"due": format_date(dossier.due_on)},
            _("Việc cần làm: %(actions)s") % {"actions": ", ".join(actions)},
        ]
    )
    return notify(
        user,
        title=title,
        body=body,
        url=task_url(user, dossier) or dossier_url(dossier),
        dossier=dossier,
        verb="reminder",
        key=f"reminder:{dossier.pk}:{today.isoformat()}",
    )
