"""E-mail that fails is sent again, and a command waits for its mail before it exits."""

import datetime as dt
import smtplib
import time

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from nangsuat.notifications.models import Notification
from nangsuat.notifications.services import notify, retry_unsent_email, wait_for_mail
from tests.core.factories import UserFactory


class DownBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("down")


class SlowBackend(locmem.EmailBackend):
    """A mail server that takes its time."""

    def send_messages(self, messages):
        time.sleep(0.5)
        return super().send_messages(messages)


@pytest.mark.django_db(transaction=True)
def test_a_command_waits_for_the_mail_its_threads_send(settings):
    settings.TASKS_RUN_INLINE = False  # mail goes out on a thread, as on a server
    settings.EMAIL_BACKEND = f"{__name__}.SlowBackend"
    user = UserFactory(email="ha@example.gov.vn")
    notify(user, title="Nhắc hạn")  # no transaction: dispatched at once, on its thread
    assert len(mail.outbox) == 0  # still being sent: a command exiting now would lose it
    assert wait_for_mail(timeout=30) == 0
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


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
