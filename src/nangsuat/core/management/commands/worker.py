"""``nangsuat worker``: the job queue's worker. Runs the queued tasks one at a time (imports, PDFs,
e-mails, scheduled work) and, unless ``--no-schedule``, queues the scheduled work (core/schedule.py) and
queues again the jobs whose worker died. Stop it with SIGTERM: the task under way finishes first."""

import logging
import os
import socket
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Worker

from nangsuat.core.jobs import reap_stale_jobs, worker_starting
from nangsuat.core.schedule import tick

log = logging.getLogger(__name__)
TICK_SECONDS = 30


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý hàng đợi tác vụ nền (nhập tệp, PDF, thư điện tử, việc định kỳ)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Giây chờ khi hàng đợi trống.")
        parser.add_argument("--batch", action="store_true", help="Chạy hết các tác vụ đang chờ rồi thoát.")
        parser.add_argument("--no-schedule", action="store_true", help="Không xếp lịch việc định kỳ.")
        parser.add_argument(
            "--nice",
            type=int,
            default=10,
            help="Mức ưu tiên thấp hơn máy chủ web (mặc định 10; 0 = như web).",
        )

    def handle(self, *args, **options):
        if options["nice"] > 0:
            # Background work (LibreOffice above all) yields the processors to the web server: during a
            # deadline rush the answers come first, the PDFs a little later.
            os.nice(options["nice"])
        stopped = threading.Event()
        worker_starting()  # what the apps keep for the worker's life (the documents' PDF converter)
        reaped = reap_stale_jobs()  # the jobs a previous worker left running
        if any(reaped.values()):
            log.warning("jobs left by a stopped worker: %s", reaped)
        if not options["no_schedule"] and not options["batch"]:
            threading.Thread(target=_schedule_loop, args=(stopped,), name="schedule", daemon=True).start()
        worker = Worker(
            queue_names=["*"],
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=not options["batch"],
            max_tasks=None,
            worker_id=f"{socket.gethostname()[:40]}-{os.getpid()}",
            excluded_queue_names=[],
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stopped.set()


def _schedule_loop(stopped: threading.Event) -> None:
    while not stopped.is_set():
        try:
            tick()
        except Exception:  # noqa: BLE001 - a database hiccup must not stop the schedule
            log.exception("schedule tick failed")
        finally:
            close_old_connections()
        stopped.wait(TICK_SECONDS)
