"""Background jobs: a thread per job in the web process (enough for one DOST's imports and reports),
inline in tests. The job row carries progress, so any process can show it."""

import threading
import traceback
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from .models import Job

Runner = Callable[[Job], dict]


def start_job(job: Job, runner: Runner) -> Job:
    """Run ``runner(job)`` after the current transaction commits; it returns the job's result dict."""

    def run() -> None:
        close_old_connections()
        try:
            Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
            job.refresh_from_db()
            result = runner(job)
            Job.objects.filter(pk=job.pk).update(
                status=Job.Status.DONE, result=result or {}, finished_at=timezone.now()
            )
        except Exception as exc:  # noqa: BLE001 - a failed job records its error for the page
            Job.objects.filter(pk=job.pk).update(
                status=Job.Status.FAILED,
                error=f"{exc}\n{traceback.format_exc(limit=5)}",
                finished_at=timezone.now(),
            )
        finally:
            close_old_connections()

    if settings.TASKS_RUN_INLINE:
        transaction.on_commit(run)
    else:
        transaction.on_commit(lambda: threading.Thread(target=run, name=f"job-{job.pk}", daemon=True).start())
    return job


def report_progress(job: Job, done: int, total: int | None = None) -> None:
    fields = {"done": done}
    if total is not None:
        fields["total"] = total
    Job.objects.filter(pk=job.pk).update(**fields)
