"""Scheduled work, run by the queue's worker (``nangsuat worker``): each entry is a management command,
queued as a task when its time comes. The first worker to reach a run claims it (``ScheduledRun``, one row
per entry and slot), so several workers never queue the same run twice, and a worker that was down at the
hour queues the day's run when it starts (as a systemd timer's ``Persistent=true``)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .calendar import is_working_day
from .jobs import enqueue_on_commit, reap_stale_jobs
from .models import ScheduledRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    command: str
    at: dt.time | None = None  # daily at this local time; None: every hour
    working_days_only: bool = False

    def slot(self, now: dt.datetime) -> str | None:
        """The run due at ``now`` (local time), or None when none is due yet today."""
        local = timezone.localtime(now)
        if self.at is None:
            return local.strftime("%Y-%m-%dT%H")
        if local.time() < self.at:
            return None
        if self.working_days_only and not is_working_day(local.date()):
            return None
        return local.date().isoformat()


SCHEDULE: tuple[Entry, ...] = (
    # Deadline reminders, each working day at 07:00 (each person one mail a day at most).
    Entry("send_reminders", at=dt.time(7, 0), working_days_only=True),
    # E-mails that failed (a mail server down), and PDFs left to draw, every hour.
    Entry("retry_email"),
    Entry("make_pdfs"),
    # Files no record names (a step rolled back, a full disk) and expired sessions, every night.
    Entry("clean_files", at=dt.time(2, 30)),
    # The productivity measures and their benchmark table, every night (an import also refreshes them).
    Entry("refresh_benchmarks", at=dt.time(2, 15)),
    Entry("clearsessions", at=dt.time(2, 45)),
    # The queue's own finished rows, once 14 days old (django-tasks-db's command).
    Entry("prune_db_task_results", at=dt.time(3, 0)),
)


@task()
def run_command(name: str) -> str:
    """The queue's task for scheduled work: one management command."""
    call_command(name, verbosity=0)
    return name


def tick(*, now: dt.datetime | None = None) -> list[str]:
    """Queue every run that is due and not yet claimed, and queue again (or fail) the jobs whose worker
    died. Returns the runs this call queued."""
    now = now or timezone.now()
    reap_stale_jobs(now=now)
    queued = []
    for entry in SCHEDULE:
        slot = entry.slot(now)
        if slot is None:
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(name=entry.command, slot=slot)
                enqueue_on_commit(run_command, entry.command)
        except IntegrityError:
            continue  # claimed by another worker, or already run
        queued.append(f"{entry.command} {slot}")
        log.info("scheduled %s (%s) queued", entry.command, slot)
    return queued
