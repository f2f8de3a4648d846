"""Sending notifications: one row per recipient for the bell, and an e-mail after the commit.

``notify(user, title=..., body=..., url=..., dossier=..., verb=..., key=..., email=True)`` is the one
way to notify someone; the e-mail is a task on the job queue. With a ``key``, the same user is notified at most once for it (reminders).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from nangsuat.core.audit import record_audit
from nangsuat.core.jobs import enqueue_on_commit
from nangsuat.core.models import User

from .models import Notification

log = logging.getLogger(__name__)
SUBJECT_PREFIX = "[Chương trình 1322] "


def notify(
    user: User,
    *,
    title: str,
    body: str = "",
    url: str = "",
    dossier=None,
    verb: str = "info",
    key: str = "",
    email: bool = True,
) -> Notification | None:
    """Notify ``user`` in the app and, when ``email``, the user has an address and has not turned e-mail
    off, by e-mail after the commit. Returns None (and sends nothing) for an inactive user or a key already used for them."""
    if user is None or not user.is_active:
        return None
    if key and Notification.objects.filter(user=user, key=key).exists():
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user,
                dossier=dossier,
                verb=verb[:40],
                title=title[:255],
                body=body,
                url=url[:500],
                key=key,
            )
    except IntegrityError:  # the same key sent at the same moment by another process
        return None
    if email and user.email and user.email_notifications:
        # Queued with the step's transaction: a rolled-back step sends nothing, a restart loses nothing.
        enqueue_on_commit(send_email, notification.pk)
    return notification


@task()
def send_email(notification_id: int) -> None:
    """The queue's task: send one notification's e-mail (a failure is left for ``retry_unsent_email``)."""
    _send_email(notification_id)


def wait_for_mail(timeout: float = 120.0) -> int:
    """E-mails leave through the job queue, which keeps them across a restart: a command has nothing
    to wait for. Kept for the callers that ask; returns how many are still being sent here (none)."""
    return 0


# A notification whose e-mail failed is sent again by ``retry_unsent_email`` (the daily timer) for this long.
RETRY_WINDOW = dt.timedelta(days=3)


def retry_unsent_email(*, now=None) -> dict[str, int]:
    """Send again, one by one in this process, the e-mails that failed (``emailed_at`` still empty) in
    the last three days, for users who still want them. Returns counts of tried and sent."""
    now = now or timezone.now()
    pending = Notification.objects.filter(
        emailed_at__isnull=True,
        created_at__gte=now - RETRY_WINDOW,
        created_at__lte=now - dt.timedelta(minutes=5),  # not those the worker may be sending right now
        user__is_active=True,
        user__email_notifications=True,
    ).exclude(user__email="")
    tried = sent = 0
    for notification_id in pending.values_list("pk", flat=True).order_by("pk")[:2000]:
        tried += 1
        _send_email(notification_id)
        sent += Notification.objects.filter(pk=notification_id, emailed_at__isnull=False).count()
    return {"tried": tried, "sent": sent}


@transaction.atomic
def set_email_preference(*, user: User, enabled: bool) -> None:
    """Turn the user's e-mail copies of notifications on or off; the bell always keeps them."""
    if user.email_notifications == enabled:
        return
    user.email_notifications = enabled
    user.save(update_fields=["email_notifications"])
    record_audit(
        actor=user, action="notifications.email_on" if enabled else "notifications.email_off", target=user
    )


def notify_many(users: Iterable[User], **kwargs) -> list[Notification]:
    sent = []
    seen: set[int] = set()
    for user in users:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        notification = notify(user, **kwargs)
        if notification is not None:
            sent.append(notification)
    return sent


def absolute_url(path: str) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}" if path.startswith("/") and base else path


def _send_email(notification_id: int) -> None:
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or not notification.user.email:
        return
    with translation.override(notification.user.language or "vi"):
        _write_email(notification)


def _write_email(notification: Notification) -> None:
    notification_id = notification.pk
    name = notification.user.full_name or notification.user.username
    lines = [_("Kính gửi %(name)s,") % {"name": name}, "", notification.title]
    if notification.body:
        lines += ["", notification.body]
    if notification.url:
        lines += ["", _("Xem chi tiết: %(url)s") % {"url": absolute_url(notification.url)}]
    lines += [
        "",
        _("Thư này được gửi tự động từ Hệ thống quản lý Chương trình 1322; vui lòng không trả lời."),
    ]
    try:
        send_mail(
            subject=(SUBJECT_PREFIX + notification.title)[:200],
            message="\n".join(lines),
            from_email=None,
            recipient_list=[notification.user.email],
        )
    except Exception:  # noqa: BLE001 - a mail server down must not break anything; the bell still shows it
        log.exception("e-mail for notification %s failed", notification_id)
        return
    Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())


def mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all unread ones when ``ids`` is None); returns how many."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())
