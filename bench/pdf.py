"""PDFs through the product's own path: N real documents drawn by workflow steps, converted by the queue's
worker (``nangsuat worker``), once with its long-lived converters (a pool of LibreOffice processes behind
unoserver, one per core unless ``PDF_CONVERTER_PROCESSES`` says) and once with the one-shot path (one
``soffice --convert-to pdf`` run per batch of 20), for comparison.

Run with ``nangsuat bench pdf --rows 100`` against PostgreSQL (DATABASE_URL; the worker is a separate
process reading the same queue) with the production environment (SECRET_KEY, MFA_ENCRYPTION_KEY). In its
own agency ("bench-pdf"), rebuilt on each run:

1. N/2 enterprises, each with a complete draft dossier, in an open call.
2. **Long-lived converters**: ``nangsuat worker`` started with ``PDF_CONVERTER=auto`` on free ports; once its
   converters answer, each dossier is submitted (the receipt slip: number, DOCX, its PDF queued) and marked
   valid (the validity minutes), N documents drawn in one transaction. The clock starts at the commit and
   stops when no document is left pending; documents/s = N / that time.
3. **One-shot**: the same N documents set back to pending and queued again (as ``redraw_pdf`` does), converted
   by a worker started with ``PDF_CONVERTER=off``.
4. Checks every document READY with a PDF that starts with ``%PDF``; prints and writes var/bench/pdf-N.json.
"""

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from nangsuat.core.jobs import enqueue_on_commit
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.documents import converter as long_lived
from nangsuat.documents import converter_pool
from nangsuat.documents.models import Document, DocumentCounter
from nangsuat.documents.pdf import soffice_path
from nangsuat.documents.services import render_pdf
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier, EligibilityCheck
from nangsuat.dossiers.services import calls as call_services
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise, EnterpriseMembership

from .dossiers import clear_previous
from .registry import ensure_reference
from .rush import complete_draft

AGENCY = {
    "code": "bench-pdf",
    "name": "Sở KH&CN (đo tạo PDF)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
# The worker's priority: the product's default (10, below the web server) unless PDF_BENCH_NICE says.
NICE = os.environ.get("PDF_BENCH_NICE", "10")
WAIT_LIMIT = 1800  # seconds for the worker to convert every document


def _free_ports(count: int) -> int:
    """The first of ``count`` consecutive free ports (each converter takes two)."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + count > 65536:
            continue
        taken = False
        for other in range(port + 1, port + count):
            with socket.socket() as next_one:
                try:
                    next_one.bind(("127.0.0.1", other))
                except OSError:
                    taken = True
            if taken:
                break
        if not taken:
            return port


def _cpu_seconds(root: int) -> float:
    """Processor time of a process and of all its descendants, living or reaped (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats, children = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry.name), int(fields[1])
        stats[pid] = sum(int(x) for x in fields[11:15]) / tick  # utime stime cutime cstime
        children.setdefault(parent, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def _clear(agency: Agency) -> None:
    Document.objects.filter(agency=agency).delete()
    DocumentCounter.objects.filter(agency=agency).delete()
    clear_previous(agency)
    User.objects.filter(username__startswith="bench-pdf-").delete()


def _setup(agency: Agency, dossiers: int) -> tuple[User, list[tuple[Dossier, User]]]:
    wards, vsic_by_section = ensure_reference()
    officer = User.objects.create(
        username="bench-pdf-officer", role=Role.OFFICER, agency=agency, full_name="Nguyễn Thị Đo"
    )
    content = SupportContent.objects.filter(is_active=True).first() or SupportContent.objects.create(
        code="bench-pdf", name="ISO 9001"
    )
    today = timezone.localdate()
    call = call_services.create_call(
        agency=agency,
        actor=officer,
        year=today.year,
        title="Đợt đăng ký (đo tạo PDF)",
        budget_vnd=50_000_000_000,
        contents=[{"content": content, "support_rate_percent": 50, "ceiling_vnd": 200_000_000}],
        registration_opens=today - dt.timedelta(days=30),
        registration_closes=today + dt.timedelta(days=1),
    )
    call_services.publish_call(call=call, actor=officer)
    vsic = [(s, codes[0]) for s, codes in vsic_by_section.items()]
    made = []
    for i in range(dossiers):
        enterprise = Enterprise.objects.create(
            agency=agency,
            tax_code=f"7{i:09d}",
            name=f"Công ty TNHH Cơ khí Đồng Tháp số {i}",
            vsic_id=vsic[i % len(vsic)][1],
            vsic_section=vsic[i % len(vsic)][0],
            ward_id=wards[i % len(wards)][0],
            employees=40,
        )
        user = User.objects.create(
            username=f"bench-pdf-{i}", role=Role.ENTERPRISE, agency=agency, full_name=f"Trần Văn Bảy {i}"
        )
        EnterpriseMembership.objects.create(
            user=user, enterprise=enterprise, status=EnterpriseMembership.Status.CONFIRMED
        )
        dossier = complete_draft(
            call=call,
            enterprise=enterprise,
            content=content,
            title=f"Áp dụng ISO 9001:2015 tại xưởng cơ khí số {i}",
            objectives="Chuẩn hóa quy trình sản xuất, giảm 15% sản phẩm lỗi.",
            actor=user,
        )
        made.append((dossier, user))
    return officer, made


def _start_worker(var: Path, mode: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "TASKS_RUN_INLINE": "0",
        "DEBUG": "0",
        "PDF_CONVERTER": mode,
        "PDF_CONVERTER_URL": "",
        "PDF_CONVERTER_PORT": str(port),
    }
    log = open(var / f"pdf-worker-{mode}.log", "w")  # noqa: SIM115 - closed with the process
    worker = subprocess.Popen(
        [sys.executable, "-m", "nangsuat", "worker", "--no-schedule", "--interval", "0.2", "--nice", NICE],
        env=env,
        stdout=log,
        stderr=log,
    )
    return worker


def _stop(worker: subprocess.Popen) -> None:
    worker.terminate()
    try:
        worker.wait(60)
    except subprocess.TimeoutExpired:
        worker.kill()


def _wait_converted(agency: Agency, n: int, started: float) -> float:
    pending = Document.objects.filter(agency=agency, pdf_status=Document.PdfStatus.PENDING)
    while pending.exists():
        if time.monotonic() - started > WAIT_LIMIT:
            raise ValueError(f"the worker left {pending.count()} of {n} documents pending")
        time.sleep(0.1)
    return time.monotonic() - started


def _check(agency: Agency) -> dict:
    documents = Document.objects.filter(agency=agency)
    ready = documents.filter(pdf_status=Document.PdfStatus.READY)
    valid = 0
    for document in ready:
        with document.pdf.open("rb") as handle:
            valid += handle.read(5) == b"%PDF-"
    return {"ready": ready.count(), "valid_pdf": valid, "failed": documents.exclude(pk__in=ready).count()}


def _round(wall: float, n: int, load: list[float], cpu: float, checked: dict) -> dict:
    return {
        "documents": n,
        "wall_s": round(wall, 2),
        "documents_per_s": round(n / wall, 2),
        # The worker's, its converter's and its LibreOffice runs' processor time: what a document costs,
        # whatever the neighbours take.
        "cpu_s_per_document": round(cpu / n, 3),
        "load_average_1min": [round(x, 2) for x in load],
        **checked,
    }


def run(*, rows: int, out, reuse: bool = False) -> dict:
    if connection.vendor != "postgresql":
        raise ValueError(
            "PDFs are measured on PostgreSQL (the worker reads the same queue): set DATABASE_URL."
        )
    if soffice_path() is None:
        raise ValueError("LibreOffice (soffice) is not installed: there is nothing to measure.")
    if rows > 2000:
        raise ValueError("--rows is the number of documents (e.g. 100); at most 2000.")
    python = long_lived.server_python()
    if python is None:
        raise ValueError("No Python with uno and unoserver (python3-uno; `make install` creates .venv-uno).")
    n = rows
    var = Path(settings.VAR_DIR) / "bench"
    var.mkdir(parents=True, exist_ok=True)
    agency, _created = Agency.objects.update_or_create(code=AGENCY["code"], defaults=AGENCY)
    out.write("dọn dữ liệu lần trước…\n")
    _clear(agency)
    officer, made = _setup(agency, (n + 1) // 2)
    processes = converter_pool.processes()  # as the worker reads it (PDF_CONVERTER_PROCESSES, else the cores)
    results: dict = {
        "documents": n,
        "cpus": os.cpu_count(),
        "worker_nice": int(NICE),
        "converter_python": python,
        "converter_processes": processes,
    }

    out.write(f"tiến trình nền với {processes} bộ chuyển đổi thường trực…\n")
    port = _free_ports(2 * processes)
    worker = _start_worker(var, "auto", port)
    try:
        started = time.monotonic()
        for i in range(processes):
            while not long_lived.probe(f"http://127.0.0.1:{port + 2 * i}", timeout=2):
                if worker.poll() is not None or time.monotonic() - started > 120:
                    raise ValueError(f"the worker's converters did not start (see {var}/pdf-worker-auto.log)")
                time.sleep(0.3)
        results["converter_start_s"] = round(time.monotonic() - started, 1)
        out.write(f"các bộ chuyển đổi sẵn sàng sau {results['converter_start_s']} s; vẽ {n} văn bản…\n")
        cpu_before = _cpu_seconds(worker.pid)
        drawing = time.monotonic()
        with transaction.atomic():
            drawn = 0
            for dossier, user in made:
                workflow.perform(dossier=dossier, action="submit", actor=user)
                drawn += 1
                if drawn == n:
                    break
                for item in EligibilityCheck.Item.values:
                    EligibilityCheck.objects.update_or_create(
                        dossier=dossier, item=item, defaults={"met": True, "evidence": "Đã kiểm tra"}
                    )
                dossier.refresh_from_db()
                workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
                drawn += 1
        committed = time.monotonic()
        load_before = os.getloadavg()[0]
        results["drawn"] = Document.objects.filter(agency=agency).count()
        results["drawing_s"] = round(committed - drawing, 2)
        out.write(f"{results['drawn']} văn bản vẽ trong {results['drawing_s']} s; chờ PDF…\n")
        wall = _wait_converted(agency, n, committed)
        cpu = _cpu_seconds(worker.pid) - cpu_before
        results["long_lived"] = _round(
            wall, results["drawn"], [load_before, os.getloadavg()[0]], cpu, _check(agency)
        )
        out.write(
            f"{processes} bộ chuyển đổi thường trực: {results['long_lived']['documents_per_s']} văn bản/giây\n"
        )
    finally:
        _stop(worker)

    out.write("tiến trình nền, mỗi lô một lần chạy soffice…\n")
    worker = _start_worker(var, "off", _free_ports(2))
    try:
        time.sleep(5)  # the worker's start-up, outside the clock
        load_before = os.getloadavg()[0]
        cpu_before = _cpu_seconds(worker.pid)
        documents = list(Document.objects.filter(agency=agency).order_by("pk"))
        with transaction.atomic():
            Document.objects.filter(agency=agency).update(pdf_status=Document.PdfStatus.PENDING, pdf="")
            for document in documents:
                enqueue_on_commit(render_pdf, document.pk)
        committed = time.monotonic()
        wall = _wait_converted(agency, n, committed)
        cpu = _cpu_seconds(worker.pid) - cpu_before
        results["one_shot"] = _round(
            wall, len(documents), [load_before, os.getloadavg()[0]], cpu, _check(agency)
        )
        out.write(f"mỗi lô một soffice: {results['one_shot']['documents_per_s']} văn bản/giây\n")
    finally:
        _stop(worker)
    results["speedup"] = round(
        results["long_lived"]["documents_per_s"] / results["one_shot"]["documents_per_s"], 1
    )
    (var / f"pdf-{n}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return results
