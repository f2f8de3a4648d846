"""The job queue: tasks wait in the database until the worker runs them; a job whose worker died is run
again (adding no row twice) or marked failed with its reason; scheduled work is queued once per run."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nangsuat.core import jobs, schedule
from nangsuat.core.models import Job, ScheduledRun
from nangsuat.notifications.models import Notification
from nangsuat.notifications.services import notify
from nangsuat.registry.importer import import_records, read_table
from nangsuat.registry.models import Enterprise
from nangsuat.registry.spreadsheets import run_import, start_import
from tests.core.factories import AgencyFactory, UserFactory
from tests.reference.factories import some_vsic, some_ward
from tests.registry.conftest import staff_user
from tests.registry.factories import valid_tax_code
from tests.registry.test_import import row, xlsx_bytes

ROWS = [row(valid_tax_code(n), name=f"Công ty số {n}") for n in range(1, 13)]


@pytest.fixture
def staff(db):
    return staff_user(agency=AgencyFactory())


@pytest.fixture
def references(db):
    """The ward and the VSIC code the imported rows name."""
    return some_ward(), some_vsic()


@pytest.fixture
def on_the_queue(settings):
    """As on a server: tasks are rows in the database until ``nangsuat worker`` runs them."""
    settings.TASKS_RUN_INLINE = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_an_email_waits_on_the_queue_until_the_worker_sends_it(on_the_queue):
    user = UserFactory(email="ha@example.gov.vn")
    notify(user, title="Nhắc hạn")
    assert len(mail.outbox) == 0  # queued, not sent by the web process
    assert DBTaskResult.objects.filter(task_path__endswith="send_email").count() == 1
    call_command("worker", "--batch")
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_an_import_queued_in_a_rolled_back_transaction_leaves_no_task(on_the_queue, staff):
    with pytest.raises(RuntimeError), transaction.atomic():
        start_import(actor=staff, agency=staff.agency, upload=SimpleUploadedFile("dn.xlsx", xlsx_bytes(ROWS)))
        raise RuntimeError("the request fails after queueing")
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()


def _killed_mid_import(staff, attempts=1):
    """A job whose worker was killed after importing the first half: rows written, heartbeat old."""
    job = start_import(
        actor=staff, agency=staff.agency, upload=SimpleUploadedFile("dn.xlsx", xlsx_bytes(ROWS))
    )
    import_records(read_table(io.BytesIO(xlsx_bytes(ROWS[:6])), "dn.xlsx"), agency=staff.agency, actor=staff)
    long_ago = timezone.now() - dt.timedelta(minutes=30)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING,
        total=12,
        done=6,
        attempts=attempts,
        started_at=long_ago,
        heartbeat_at=long_ago,
    )
    return job


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_died_is_run_again_without_duplicating_rows(on_the_queue, staff, references):
    job = _killed_mid_import(staff)
    assert Enterprise.objects.count() == 6
    assert jobs.reap_stale_jobs() == {"retried": 1, "failed": 0}
    job.refresh_from_db()
    assert job.status == Job.Status.PENDING and "chạy lại" in job.error
    call_command("worker", "--batch")  # the next worker (or this one after its restart) runs it
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert (job.attempts, job.done, job.total) == (2, 12, 12)
    assert Enterprise.objects.filter(agency=staff.agency).count() == 12  # none twice


@pytest.mark.django_db(transaction=True)
def test_a_job_out_of_runs_is_marked_failed_with_its_reason(on_the_queue, staff, references):
    job = _killed_mid_import(staff, attempts=3)
    assert jobs.reap_stale_jobs() == {"retried": 0, "failed": 1}
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at is not None
    assert "dừng lúc" in job.error and "6/12" in job.error


@pytest.mark.django_db
def test_a_job_that_beats_is_left_running(staff):
    job = Job.objects.create(owner=staff, kind="x", status=Job.Status.RUNNING, runner="x.y")
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - dt.timedelta(seconds=30))
    assert jobs.reap_stale_jobs() == {"retried": 0, "failed": 0}


@pytest.mark.django_db
def test_the_runner_is_stored_by_its_dotted_path(staff, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start_import(
            actor=staff, agency=staff.agency, upload=SimpleUploadedFile("dn.xlsx", xlsx_bytes(ROWS))
        )
    assert Job.objects.get(pk=job.pk).runner == f"{run_import.__module__}.run_import"


@pytest.mark.django_db
def test_scheduled_work_is_queued_once_per_run(monkeypatch, django_capture_on_commit_callbacks):
    ran = []
    monkeypatch.setattr(schedule, "call_command", lambda name, **kw: ran.append(name))
    monday_8am = timezone.make_aware(dt.datetime(2026, 11, 30, 8, 0))
    with django_capture_on_commit_callbacks(execute=True):
        first = schedule.tick(now=monday_8am)  # a worker started at 08:00 queues the day's runs it missed
    assert {q.split()[0] for q in first} == {
        "send_reminders",
        "retry_email",
        "make_pdfs",
        "clean_files",
        "refresh_benchmarks",
        "clearsessions",
        "prune_db_task_results",
    }
    assert schedule.tick(now=monday_8am + dt.timedelta(minutes=1)) == []  # already claimed
    one_am = schedule.tick(now=monday_8am + dt.timedelta(hours=17))
    assert {q.split()[0] for q in one_am} == {"retry_email", "make_pdfs"}
    three_am = schedule.tick(now=monday_8am + dt.timedelta(hours=19))
    assert {q.split()[0] for q in three_am} == {
        "retry_email",
        "make_pdfs",
        "clean_files",
        "refresh_benchmarks",
        "clearsessions",
        "prune_db_task_results",
    }
    assert sorted(ran) == sorted(q.split()[0] for q in first)  # inline here: each queued run ran once
    assert ScheduledRun.objects.count() == 15


@pytest.mark.django_db
def test_no_reminders_on_a_sunday(monkeypatch):
    monkeypatch.setattr(schedule, "call_command", lambda name, **kw: None)
    sunday = timezone.make_aware(dt.datetime(2026, 11, 29, 9, 0))
    assert "send_reminders" not in {q.split()[0] for q in schedule.tick(now=sunday)}


@pytest.mark.django_db(transaction=True)
def test_the_page_of_a_job_whose_worker_died_never_shows_it_running(on_the_queue, staff, references):
    from django.test import Client
    from django.urls import reverse

    from tests.core.clients import sign_in_after_totp

    job = _killed_mid_import(staff, attempts=3)  # no worker up, and no run left
    client = sign_in_after_totp(Client(), staff)
    page = client.get(reverse("registry:import_job", args=[job.pk]))
    assert page.status_code == 200
    assert "Tiến trình xử lý dừng lúc" in page.content.decode()  # the reason, not "running"
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "dừng lúc" in job.error
