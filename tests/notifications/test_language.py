"""A person who chose English reads their notifications and e-mails in English; the others in Vietnamese.
The choice made with the language switch is remembered on the account."""

import pytest
from django.conf import settings
from django.core import mail

from nangsuat.core.models import User
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from nangsuat.notifications.models import Notification
from tests.core.clients import client_for
from tests.registry.factories import enterprise_user

pytestmark = pytest.mark.django_db


def test_the_language_switch_is_remembered_on_the_account(owner):
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.get("/")
    assert User.objects.get(pk=owner.pk).language == "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    client.get("/")
    assert User.objects.get(pk=owner.pk).language == "vi"


def test_each_person_is_notified_in_their_own_language(
    dossier, officer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    english = enterprise_user(dossier.enterprise, email="en@example.com")
    english.language = "en"
    english.save()
    vietnamese = enterprise_user(dossier.enterprise, email="vi@example.com")
    dossier.state = State.SUBMITTED
    dossier.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(
            dossier=dossier,
            action="request_supplement",
            actor=officer,
            note="Thiếu",
            payload={"items": "Báo cáo"},
        )
    en = Notification.objects.get(user=english)
    vi = Notification.objects.get(user=vietnamese)
    assert "Dossier" in en.title and "Status:" in en.body and "Hồ sơ" not in en.title
    assert vi.title.startswith("Hồ sơ") and "Trạng thái:" in vi.body
    sent = {m.to[0]: m for m in mail.outbox}
    assert "Dear" in sent["en@example.com"].body or "Kính gửi" not in sent["en@example.com"].body
    assert "Kính gửi" in sent["vi@example.com"].body
