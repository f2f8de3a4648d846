"""Background jobs on the durable queue (django-tasks' database backend, ``docs/decisions/0001-job-queue.md``).

``start_job(job, runner)`` stores the runner's dotted path on the job row and enqueues ``run_job`` in the
same transaction, so a job is never saved without its task nor queued without its row. The worker
(``nangsuat worker``) runs it; with ``TASKS_RUN_INLINE`` (tests, the one-process demo) it runs right after
the commit in the same process. The job row carries progress and a heartbeat for the pages; a job whose
worker died (no heartbeat for ``JOB_STALE_AFTER``) is queued again by ``reap_stale_jobs``, up to
``JOB_MAX_ATTEMPTS`` runs, then marked failed with its reason. Runners are written so that running again
after a death adds nothing twice (the importers upsert by their natural keys)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Job

log = logging.getLogger(__name__)

Runner = Callable[[Job], dict]

# A running job's worker writes its heartbeat this often; a job silent for JOB_STALE_AFTER has lost it.
HEARTBEAT_EVERY = dt.timedelta(seconds=20)


def stale_after() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "JOB_STALE_AFTER_SECONDS", 120))


def max_attempts() -> int:
    return getattr(settings, "JOB_MAX_ATTEMPTS", 3)


# What an app does when a queue worker starts (registered in its ``AppConfig.ready()``): the documents
# app lets the worker start its long-lived PDF converter, which web processes never do.
_ON_WORKER_START: list[Callable[[], None]] = []


def on_worker_start(hook: Callable[[], None]) -> None:
    if hook not in _ON_WORKER_START:
        _ON_WORKER_START.append(hook)


def worker_starting() -> None:
    for hook in _ON_WORKER_START:
        hook()


def runner_path(runner: Runner | str) -> str:
    if isinstance(runner, str):
        return runner
    return f"{runner.__module__}.{runner.__qualname__}"


def start_job(job: Job, runner: Runner | str) -> Job:
    """Queue ``runner(job)`` (a module-level function, or its dotted path); it returns the job's result
    dict. Call inside the transaction that created the job: the task is queued with it."""
    path = runner_path(runner)
    import_string(path)  # a runner the worker could not import fails here, in the request, not later
    Job.objects.filter(pk=job.pk).update(runner=path)
    job.runner = path
    enqueue_on_commit(run_job, job.pk)
    return job


def enqueue_on_commit(task_object, *args) -> None:
    """Queue a task. On the database queue the task's row is written in the current transaction (it
    commits or rolls back with the work that asked for it); inline, the task runs after the commit."""
    if settings.TASKS_RUN_INLINE:
        transaction.on_commit(lambda: task_object.call(*args))
    else:
        task_object.enqueue(*args)


def report_progress(job: Job, done: int, total: int | None = None) -> None:
    fields: dict = {"done": done, "heartbeat_at": timezone.now()}
    if total is not None:
        fields["total"] = total
    Job.objects.filter(pk=job.pk).update(**fields)


@task()
def run_job(job_id: int) -> dict:
    """The queue's task for every job: claim the row, beat while the runner works, record the end."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (Job.Status.DONE, Job.Status.FAILED):
            return {"skipped": job_id}
        now = timezone.now()
        job.status = Job.Status.RUNNING
        job.attempts += 1
        job.started_at = job.started_at or now
        job.heartbeat_at = now
        job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at"])
    beat = _Heartbeat(job_id)
    beat.start()
    try:
        result = import_string(job.runner)(job) or {}
    except Exception as exc:  # noqa: BLE001 - a failed job records its error for the page
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED,
            error=f"{exc}\n{traceback.format_exc(limit=5)}",
            finished_at=timezone.now(),
        )
        log.exception("job %s failed", job_id)
        return {"failed": job_id}
    finally:
        beat.stop()
    Job.objects.filter(pk=job_id).update(status=Job.Status.DONE, result=result, finished_at=timezone.now())
    return {"done": job_id}


class _Heartbeat:
    """Writes the job's heartbeat every ``HEARTBEAT_EVERY`` from a thread of the worker, so a long step
    that reports no progress (a report, a large file's first count) is not taken for a dead worker.
    Inline (tests, the demo) there is nothing to watch: no thread."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if settings.TASKS_RUN_INLINE:
            return
        self.thread = threading.Thread(target=self._run, name=f"job-{self.job_id}-heartbeat", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            while not self.stopped.wait(HEARTBEAT_EVERY.total_seconds()):
                Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
        finally:
            close_old_connections()

    def stop(self) -> None:
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(5)


def is_stale(job: Job, *, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    seen = job.heartbeat_at or job.started_at or job.created_at
    return job.status == Job.Status.RUNNING and seen is not None and seen < now - stale_after()


def reap_stale_jobs(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Jobs shown running whose worker stopped beating (killed, restarted, the host lost): queue each
    again while it has runs left, else mark it failed with the reason. Returns the counts."""
    now = now or timezone.now()
    counts = {"retried": 0, "failed": 0}
    cutoff = now - stale_after()
    candidates = Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=cutoff).values_list(
        "pk", flat=True
    )
    for job_id in list(candidates):
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(pk=job_id).first()
            if job is None or not is_stale(job, now=now):
                continue  # finished or beat again meanwhile
            stopped_at = timezone.localtime(job.heartbeat_at).strftime("%H:%M:%S %d/%m/%Y")
            if job.attempts < max_attempts() and job.runner:
                job.status = Job.Status.PENDING
                job.error = _(
                    "Tiến trình xử lý dừng lúc %(time)s (đã xong %(done)s/%(total)s); tác vụ được chạy lại, "
                    "các dòng đã nhập không bị nhập trùng."
                ) % {"time": stopped_at, "done": job.done, "total": job.total}
                job.result = {"stopped": job.error}
                job.save(update_fields=["status", "error", "result"])
                enqueue_on_commit(run_job, job.pk)
                counts["retried"] += 1
            else:
                job.status = Job.Status.FAILED
                job.error = _(
                    "Tiến trình xử lý dừng lúc %(time)s (đã xong %(done)s/%(total)s) sau %(attempts)s lần "
                    "chạy; hãy tải tệp lên lại."
                ) % {"time": stopped_at, "done": job.done, "total": job.total, "attempts": job.attempts}
                job.result = {"stopped": job.error}
                job.finished_at = now
                job.save(update_fields=["status", "error", "result", "finished_at"])
                counts["failed"] += 1
            log.warning("job %s lost its worker: %s", job.pk, job.status)
    return counts


def checked(job: Job) -> Job:
    """The job as a page shows it: one whose worker died is first run again or marked failed, so a
    page never shows a dead job running."""
    if is_stale(job):
        reap_stale_jobs()
        job.refresh_from_db()
    return job
