"""Deadline reminders: due within 2 working days or overdue, once per day per person."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from nangsuat.dossiers.states import State
from nangsuat.notifications.models import Notification
from nangsuat.notifications.reminders import send_reminders
from tests.dossiers.factories import DossierFactory

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 6, 7)


def test_due_and_overdue_dossiers_remind_their_next_actors_once_a_day(can_tho, officer, owner, dossier):
    dossier.due_on = MONDAY + dt.timedelta(days=2)  # Wednesday: within 2 working days
    dossier.save()
    overdue = DossierFactory(
        call=dossier.call, state=State.NEEDS_SUPPLEMENT, due_on=MONDAY - dt.timedelta(days=3)
    )
    from tests.registry.factories import enterprise_user

    overdue_owner = enterprise_user(overdue.enterprise)
    DossierFactory(call=dossier.call, due_on=MONDAY + dt.timedelta(days=10))  # far away: no reminder
    DossierFactory(call=dossier.call, state=State.PAID, due_on=MONDAY)  # finished: no reminder

    counts = send_reminders(MONDAY)
    # The officer for both (a late supplement may be refused), the enterprise for its late supplement.
    assert counts == {"dossiers": 2, "notifications": 3}
    assert set(Notification.objects.filter(user=officer).values_list("dossier", flat=True)) == {
        dossier.pk,
        overdue.pk,
    }
    late = Notification.objects.get(user=overdue_owner)
    assert "quá hạn" in late.title and late.verb == "reminder"
    assert not Notification.objects.filter(user=owner).exists()  # the officer acts on a submitted dossier

    # Running again the same day sends nothing more; the next day reminds again.
    assert send_reminders(MONDAY)["notifications"] == 0
    assert send_reminders(MONDAY + dt.timedelta(days=1))["notifications"] == 3


def test_command_reports_and_rejects_bad_dates(dossier, officer):
    dossier.due_on = MONDAY
    dossier.save()
    out = StringIO()
    call_command("send_reminders", "--date", MONDAY.isoformat(), stdout=out)
    assert "gửi 1 thông báo" in out.getvalue()
    call_command("send_reminders", "--date", MONDAY.isoformat(), stdout=out)
    assert Notification.objects.count() == 1
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "07/06/2027")
