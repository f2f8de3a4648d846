"""E-mail that fails is sent again later (the e-mail queue itself: tests/operations/test_job_queue.py)."""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from nangsuat.notifications.services import notify, retry_unsent_email
from tests.core.factories import UserFactory


class DownBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("down")


@pytest.mark.django_db
def test_an_email_that_failed_is_sent_again_later(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    user = UserFactory(email="ha@example.gov.vn")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(user, title="Hồ sơ cần bổ sung")
    notification.refresh_from_db()
    assert notification.emailed_at is None  # the bell has it; the mail is owed

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = timezone.now() + dt.timedelta(hours=1)
    assert retry_unsent_email(now=later) == {"tried": 1, "sent": 1}
    assert len(mail.outbox) == 1 and "Hồ sơ cần bổ sung" in mail.outbox[0].subject
    assert retry_unsent_email(now=later) == {"tried": 0, "sent": 0}
    assert retry_unsent_email(now=later + dt.timedelta(days=5)) == {"tried": 0, "sent": 0}


@pytest.mark.django_db
def test_a_user_who_turned_mail_off_is_not_retried(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    user = UserFactory(email="ha@example.gov.vn")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, title="Nhắc hạn")
    user.email_notifications = False
    user.save()
    assert retry_unsent_email(now=timezone.now() + dt.timedelta(hours=1))["tried"] == 0
