"""A council member learns which enterprise a dossier belongs to only after declaring no conflict: until
then the bell, the e-mail and the reminders name the dossier by its tracking code alone."""

import datetime as dt

import pytest
from django.core import mail

from nangsuat.councils import services as council_services
from nangsuat.dossiers import workflow
from nangsuat.notifications.models import Notification
from nangsuat.notifications.reminders import send_reminders
from tests.councils.factories import make_council
from tests.dossiers.factories import DossierFactory

pytestmark = pytest.mark.django_db


def _texts(user) -> list[str]:
    notes = Notification.objects.filter(user=user)
    mails = [m.subject + "\n" + m.body for m in mail.outbox if m.to == [user.email]]
    return [f"{n.title}\n{n.body}" for n in notes] + mails


@pytest.fixture
def sent(can_tho, officer, django_capture_on_commit_callbacks):
    """A dossier sent to a council of five scorers and a secretary."""
    dossier = DossierFactory(call__agency=can_tho)
    council, scorers, secretary = make_council(dossier.call, officer=officer)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    return dossier, scorers, secretary


def test_members_notified_of_a_dossier_sent_to_the_council_see_only_its_code(sent):
    dossier, scorers, secretary = sent
    for member in scorers:
        texts = _texts(member.user)
        assert texts, "every scoring member is told a dossier awaits them"
        for text in texts:
            assert dossier.tracking_code in text
            assert dossier.enterprise.name not in text and dossier.title not in text
            # Each member is told to declare; recommending is the secretary's, once every sheet is in.
            assert "Khai báo xung đột lợi ích" in text
            assert "đề xuất" not in text.lower()
    assert _texts(secretary.user) == []


def test_reminders_name_the_enterprise_only_to_members_who_declared_no_conflict(
    sent, django_capture_on_commit_callbacks
):
    dossier, scorers, _secretary = sent
    declared, recused, undecided = scorers[0], scorers[1], scorers[2]
    for member, conflict in ((declared, False), (recused, True)):
        council_services.declare_conflict(
            sheet=member.sheets.get(dossier=dossier),
            actor=member.user,
            has_conflict=conflict,
            reason="Người thân",
        )
    Notification.objects.all().delete()
    mail.outbox.clear()
    dossier.due_on = dt.date(2027, 6, 8)
    dossier.save(update_fields=["due_on"])

    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(dt.date(2027, 6, 7))

    assert any(dossier.enterprise.name in text for text in _texts(declared.user))
    assert all("Chấm điểm" in text for text in _texts(declared.user))
    texts = _texts(undecided.user)
    assert texts and all("Khai báo xung đột lợi ích" in t for t in texts)
    assert all(dossier.enterprise.name not in t and dossier.title not in t for t in texts)
    # A member who recused has nothing left to do on the dossier: no reminder.
    assert _texts(recused.user) == []


def test_the_secretary_is_told_once_when_every_sheet_is_in(sent, django_capture_on_commit_callbacks):
    from tests.councils.factories import score_all

    dossier, scorers, secretary = sent
    with django_capture_on_commit_callbacks(execute=True):
        score_all(dossier, scorers[:-1])
    assert _texts(secretary.user) == []
    with django_capture_on_commit_callbacks(execute=True):
        score_all(dossier, scorers[-1:])
    notes = Notification.objects.filter(user=secretary.user)
    assert [n.verb for n in notes] == ["council_complete"]
    assert "chờ bạn chốt kết quả" in notes[0].title and dossier.tracking_code in notes[0].title


def test_a_members_notification_leads_to_their_sheet_not_the_closed_dossier_page(sent):
    from django.urls import reverse

    dossier, scorers, _secretary = sent
    member = scorers[0]
    note = Notification.objects.get(user=member.user, dossier=dossier)
    assert note.url == reverse("councils:sheet", args=[member.council_id, dossier.pk])
