"""The deadline rush: N enterprises submit at the same moment through the production server, then 20
officers make the same transition on one dossier at the same moment.

Run with ``nangsuat bench rush --rows 200`` against PostgreSQL (DATABASE_URL) with the production
environment (SECRET_KEY, MFA_ENCRYPTION_KEY). It starts ``nangsuat serve`` (gunicorn, ``WEB_CONCURRENCY``
workers, 5 unless set) and ``nangsuat worker`` on a free port, as docs/deploy.md says, sends the N
submissions over HTTP at once (one thread each, 120 s timeout), then checks the database: every dossier
submitted once, one receipt slip each, tracking codes and register numbers unique and gap-free. Goal:
all N answered 200 within 30 s, 0 lost, 0 duplicated. Figures are printed and written to
var/bench/rush-N.json. The data goes into its own agency ("bench-rush"), rebuilt on each run.
"""

import datetime as dt
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from nangsuat.api.tokens import issue_token
from nangsuat.core.mfa import enrol_totp
from nangsuat.core.models import Agency, AuditEntry, User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.demo.walk import PDF
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.dossiers.models import Call, Dossier, EligibilityCheck
from nangsuat.dossiers.registration import call_content_for, required_attachment_kinds
from nangsuat.dossiers.services import calls as call_services
from nangsuat.dossiers.services import dossiers as dossier_services
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise, EnterpriseMembership

from .dossiers import clear_previous
from .registry import ensure_reference, percentile

AGENCY = {
    "code": "bench-rush",
    "name": "Sở KH&CN (đo giờ cao điểm)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
RACE = 20
TIMEOUT = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _clear(agency: Agency) -> None:
    Document.objects.filter(agency=agency).delete()
    from nangsuat.documents.models import DocumentCounter

    DocumentCounter.objects.filter(agency=agency).delete()
    clear_previous(agency)
    User.objects.filter(username__startswith="bench-rush-").delete()


def complete_draft(
    *, call: Call, enterprise: Enterprise, actor: User, content: SupportContent, title: str, objectives: str
) -> Dossier:
    """A draft dossier that may be submitted, made as the enterprise's representative ``actor`` makes one
    (``create_draft``, then ``add_attachment`` for each paper the call's content requires, a small PDF)."""
    today = timezone.localdate()
    dossier = dossier_services.create_draft(
        call=call,
        enterprise=enterprise,
        actor=actor,
        data={
            "content": content.pk,
            "title": title,
            "objectives": objectives,
            "expected_results": "Được cấp chứng nhận ISO 9001:2015.",
            "total_cost_vnd": 300_000_000,
            "requested_support_vnd": 150_000_000,
            "period_start": today + dt.timedelta(days=30),
            "period_end": today + dt.timedelta(days=200),
            "consultant": "Trung tâm Tư vấn Năng suất",
            "jobs_created": 12,
        },
    )
    offered = call_content_for(dossier)
    for kind in required_attachment_kinds(dossier, offered):
        dossier_services.add_attachment(
            dossier=dossier,
            actor=actor,
            kind=kind,
            upload=SimpleUploadedFile(f"{kind}.pdf", PDF, content_type="application/pdf"),
        )
    return dossier


def _setup(agency: Agency, n: int, out) -> dict:
    wards, vsic_by_section = ensure_reference()
    officer = User.objects.create(
        username="bench-rush-officer", role=Role.OFFICER, agency=agency, full_name="Cán bộ đo"
    )
    enrol_totp(officer, DEMO_TOTP_SECRET)
    content = SupportContent.objects.filter(is_active=True).first() or SupportContent.objects.create(
        code="bench-rush", name="ISO 9001"
    )
    today = timezone.localdate()
    call = call_services.create_call(
        agency=agency,
        actor=officer,
        year=today.year,
        title="Đợt đăng ký (đo giờ cao điểm)",
        budget_vnd=50_000_000_000,
        contents=[{"content": content, "support_rate_percent": 50, "ceiling_vnd": 200_000_000}],
        registration_opens=today - dt.timedelta(days=30),
        registration_closes=today + dt.timedelta(days=1),
    )
    call_services.publish_call(call=call, actor=officer)
    vsic = [(s, codes[0]) for s, codes in vsic_by_section.items()]
    tokens, dossier_ids = [], []
    for i in range(n + 1):  # the last one is the dossier of the race
        enterprise = Enterprise.objects.create(
            agency=agency,
            tax_code=f"8{i:09d}",
            name=f"Công ty TNHH Giờ cao điểm {i}",
            vsic_id=vsic[i % len(vsic)][1],
            vsic_section=vsic[i % len(vsic)][0],
            ward_id=wards[i % len(wards)][0],
            employees=40,
        )
        user = User.objects.create(
            username=f"bench-rush-{i}", role=Role.ENTERPRISE, agency=agency, email=f"dn{i}@example.gov.vn"
        )
        EnterpriseMembership.objects.create(
            user=user, enterprise=enterprise, status=EnterpriseMembership.Status.CONFIRMED
        )
        dossier = complete_draft(
            call=call,
            enterprise=enterprise,
            content=content,
            title=f"Áp dụng ISO 9001:2015 tại nhà máy số {i}",
            objectives="Chuẩn hóa quy trình sản xuất.",
            actor=user,
        )
        tokens.append(issue_token(user=user, name="bench")[1])
        dossier_ids.append(dossier.pk)
        if (i + 1) % 50 == 0:
            out.write(f"  {i + 1}/{n + 1} hồ sơ nháp\n")
    officer_tokens = [issue_token(user=officer, name=f"bench-{k}")[1] for k in range(RACE)]
    return {"tokens": tokens, "dossiers": dossier_ids, "officer": officer, "officer_tokens": officer_tokens}


def _start(port: int, var: Path, out) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "NANGSUAT_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "5"),
        "TASKS_RUN_INLINE": "0",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
    }
    log = open(var / "rush-server.log", "w")  # noqa: SIM115 - closed with the processes
    web = subprocess.Popen(
        [sys.executable, "-m", "nangsuat", "serve", "--access-logfile", "/dev/null"],
        env=env,
        stdout=log,
        stderr=log,
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "nangsuat", "worker", "--no-schedule"], env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                out.write(f"máy chủ sẵn sàng trên cổng {port}\n")
                return [web, worker]
        except OSError:
            time.sleep(0.3)
    raise ValueError("nangsuat serve did not answer /healthz within 60 s (see var/bench/rush-server.log)")


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(40)
        except subprocess.TimeoutExpired:
            process.kill()


def _fire(port: int, requests: list[tuple[str, str, dict]]) -> list[dict]:
    """Send every request at the same moment, one thread each; each answer's status and time."""
    barrier = threading.Barrier(len(requests))
    answers: list[dict] = [{} for _ in requests]

    def send(k: int, path: str, token: str, body: dict) -> None:
        payload = json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        barrier.wait()
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            conn.request("POST", path, body=payload, headers=headers)
            response = conn.getresponse()
            response.read()
            answers[k] = {"status": response.status, "seconds": time.monotonic() - started}
        except OSError as exc:
            answers[k] = {"status": type(exc).__name__, "seconds": time.monotonic() - started}

    threads = [threading.Thread(target=send, args=(k, *r)) for k, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def _times(answers: list[dict]) -> dict:
    seconds = [a["seconds"] for a in answers]
    return {
        "p50_s": round(percentile(seconds, 50), 2),
        "p95_s": round(percentile(seconds, 95), 2),
        "max_s": round(max(seconds), 2),
        "statuses": dict(Counter(str(a["status"]) for a in answers)),
    }


def _gaps(sequences: list[int]) -> int:
    return 0 if not sequences else (max(sequences) - min(sequences) + 1) - len(set(sequences))


def run(*, rows: int, out, reuse: bool = False) -> dict:
    if connection.vendor != "postgresql":
        raise ValueError("The rush is measured on PostgreSQL: set DATABASE_URL.")
    n = rows
    var = Path(settings.VAR_DIR) / "bench"
    var.mkdir(parents=True, exist_ok=True)
    agency, _created = Agency.objects.get_or_create(code=AGENCY["code"], defaults=AGENCY)
    out.write("dọn dữ liệu lần trước…\n")
    _clear(agency)
    out.write(f"tạo {n} doanh nghiệp, mỗi doanh nghiệp một hồ sơ nháp đủ giấy tờ…\n")
    people = _setup(agency, n, out)
    rush_ids, race_id = people["dossiers"][:n], people["dossiers"][n]
    port = _free_port()
    processes = _start(port, var, out)
    try:
        out.write(f"{n} doanh nghiệp nộp cùng lúc…\n")
        load_before = os.getloadavg()[0]
        started = time.monotonic()
        answers = _fire(
            port,
            [
                (f"/api/v1/dossiers/{pk}/transitions", token, {"action": "submit"})
                for pk, token in zip(rush_ids, people["tokens"][:n], strict=True)
            ],
        )
        wall = time.monotonic() - started
        load_after = os.getloadavg()[0]
        # The race: the extra dossier submitted, its checklist met, then 20 officers mark it valid at once.
        race_submit = _fire(
            port, [(f"/api/v1/dossiers/{race_id}/transitions", people["tokens"][n], {"action": "submit"})]
        )
        for item in EligibilityCheck.Item.values:
            EligibilityCheck.objects.update_or_create(
                dossier_id=race_id, item=item, defaults={"met": True, "evidence": "Đã kiểm tra"}
            )
        race = _fire(
            port,
            [
                (f"/api/v1/dossiers/{race_id}/transitions", t, {"action": "mark_valid"})
                for t in people["officer_tokens"]
            ],
        )
        out.write("chờ tiến trình nền vẽ xong các PDF…\n")
        drain_started = time.monotonic()
        from django_tasks_db.models import DBTaskResult

        while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
            if time.monotonic() - drain_started > 900:
                break
            time.sleep(2)
        drain = time.monotonic() - drain_started
    finally:
        _stop(processes)
    submitted = Dossier.objects.filter(pk__in=rush_ids, state=State.SUBMITTED)
    slips = Document.objects.filter(agency=agency, kind=DocumentKind.RECEIPT_SLIP, dossier_id__in=rush_ids)
    per_dossier = Counter(slips.values_list("dossier_id", flat=True))
    submits = Counter(
        AuditEntry.objects.filter(action="submit", object_id__in=[str(pk) for pk in rush_ids]).values_list(
            "object_id", flat=True
        )
    )
    codes = list(submitted.values_list("tracking_code", flat=True))
    race_wins = AuditEntry.objects.filter(action="mark_valid", object_id=str(race_id)).count()
    results = {
        "submissions": n,
        "web_workers": int(os.environ.get("WEB_CONCURRENCY", "5")),
        "cpus": os.cpu_count(),
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "wall_s": round(wall, 2),
        "answered_200": sum(1 for a in answers if a["status"] == 200),
        "answered_200_within_30s": sum(1 for a in answers if a["status"] == 200 and a["seconds"] <= 30),
        **_times(answers),
        "lost": n - submitted.count(),
        "duplicated_submissions": sum(c - 1 for c in submits.values() if c > 1),
        "duplicated_receipt_slips": sum(c - 1 for c in per_dossier.values() if c > 1),
        "dossiers_without_slip": n - len(per_dossier),
        "tracking_codes_unique": len(set(codes)) == len(codes),
        "receipt_numbers_gaps": _gaps(list(slips.values_list("sequence", flat=True))),
        "receipt_numbers_unique": slips.values("number").distinct().count() == slips.count(),
        "race": {
            "requests": RACE,
            "submit_status": race_submit[0]["status"],
            **_times(race),
            "winners_200": sum(1 for a in race if a["status"] == 200),
            "transitions_recorded": race_wins,
        },
        "pdf_queue_drained_s": round(drain, 1),
        "pdfs_ready": Document.objects.filter(agency=agency, pdf_status=Document.PdfStatus.READY).count(),
        "pdfs_total": Document.objects.filter(agency=agency).count(),
    }
    (var / f"rush-{n}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return results
