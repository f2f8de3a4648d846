"""Benchmark of dossiers: the officers' list, the dossier page and transitions on N synthetic dossiers
with their histories.

Run with ``nangsuat bench dossiers --rows N`` against PostgreSQL (DATABASE_URL). The data goes into a
separate agency ("bench-dossiers"), removed and rebuilt on each run unless ``--reuse``. Figures are
printed and written to var/bench/dossiers-N.json. Goals: list p95 ≤ 150 ms, page p95 ≤ 150 ms,
transition p95 ≤ 100 ms.
"""

import datetime as dt
import json
import os
import random
import time
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nangsuat.core.errors import Refusal
from nangsuat.core.models import Agency, AuditEntry, User
from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Call, Dossier, EligibilityCheck
from nangsuat.dossiers.services import calls as call_services
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise, EnterpriseMembership

from .registry import ensure_reference, percentile, signed_in_client, summary_ms

AGENCY = {
    "code": "bench-dossiers",
    "name": "Sở KH&CN (đo hiệu năng hồ sơ)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
SQLITE_MAX_ROWS = 20_000
# A programme some years in: most dossiers are through intake, some far along.
STATE_WEIGHTS = {
    State.SUBMITTED: 14,
    State.NEEDS_SUPPLEMENT: 4,
    State.VALID: 6,
    State.INVALID: 6,
    State.SURVEYED: 5,
    State.IN_COUNCIL: 5,
    State.RECOMMENDED: 4,
    State.NOT_RECOMMENDED: 5,
    State.PROPOSED: 3,
    State.APPROVED: 3,
    State.ASSIGNED: 3,
    State.CONTRACTED: 5,
    State.IN_PROGRESS: 8,
    State.COMPLETION_REQUESTED: 3,
    State.INSPECTED: 2,
    State.ACCEPTED: 3,
    State.LIQUIDATED: 3,
    State.PAID: 10,
    State.WITHDRAWN: 4,
    State.DRAFT: 6,
}
PATH = {  # a plausible history leading to each state
    State.SUBMITTED: ["submitted"],
    State.NEEDS_SUPPLEMENT: ["submitted", "needs_supplement"],
    State.VALID: ["submitted", "valid"],
    State.INVALID: ["submitted", "invalid"],
    State.SURVEYED: ["submitted", "valid", "surveyed"],
}
LONG = [
    "submitted",
    "valid",
    "surveyed",
    "in_council",
    "recommended",
    "proposed",
    "approved",
    "assigned",
    "contracted",
    "in_progress",
    "completion_requested",
    "inspected",
    "accepted",
    "liquidated",
    "paid",
]


def _history(state: str) -> list[str]:
    if state in PATH:
        return PATH[state]
    if state in LONG:
        return LONG[: LONG.index(state) + 1]
    if state == State.NOT_RECOMMENDED:
        return [*LONG[:4], "not_recommended"]
    if state == State.WITHDRAWN:
        return ["submitted", "withdrawn"]
    return []


def clear_previous(agency: Agency) -> None:
    ct = ContentType.objects.get_for_model(Dossier)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE agency_id = %s", [agency.pk])
        for table in (
            "dossiers_eligibilitycheck",
            "dossiers_supplementrequest",
            "dossiers_revision",
            "dossiers_attachment",
            "dossiers_comment",
            "dossiers_visit",
        ):
            cursor.execute(
                f"DELETE FROM {table} WHERE dossier_id IN (SELECT id FROM dossiers_dossier WHERE agency_id = %s)",
                [agency.pk],
            )
    from django.apps import apps

    for model in apps.get_models():  # other apps' rows that point at the bench dossiers
        for f in model._meta.get_fields():
            if (
                getattr(f, "related_model", None) is Dossier
                and f.many_to_one
                and model._meta.app_label != "dossiers"
            ):
                model.objects.filter(**{f"{f.name}__agency": agency}).delete()
    Dossier.objects.filter(agency=agency).delete()
    Call.objects.filter(agency=agency).delete()
    Enterprise.objects.filter(agency=agency).delete()
    AuditEntry.objects.filter(content_type=ct, agency=agency).delete()


def _people(agency: Agency) -> dict:
    from nangsuat.core.mfa import enrol_totp
    from nangsuat.demo.accounts import DEMO_TOTP_SECRET

    people = {}
    for role in (Role.OFFICER, Role.DIRECTOR, Role.ENTERPRISE):
        user, created = User.objects.get_or_create(
            username=f"bench-dossiers-{role}",
            defaults={"role": role, "agency": agency, "full_name": f"Đo {role}"},
        )
        if created and role != Role.ENTERPRISE:
            enrol_totp(user, DEMO_TOTP_SECRET)
        people[role] = user
    return people


def generate(agency: Agency, rows: int, people: dict, out, seed: int = 1322) -> None:
    rng = random.Random(seed)
    wards, vsic_by_section = ensure_reference()
    contents = list(SupportContent.objects.filter(is_active=True)[:12])
    if len(contents) < 3:
        contents = [
            SupportContent.objects.get_or_create(code=f"bench-{i}", defaults={"name": name})[0]
            for i, name in enumerate(("ISO 9001", "5S", "Lean", "HACCP", "VietGAP"))
        ]
    calls = []
    for year in (2026, 2027, 2028, 2029, 2030):
        call = call_services.create_call(
            agency=agency,
            actor=people[Role.OFFICER],
            year=year,
            title=f"Đợt đăng ký hỗ trợ năm {year}",
            budget_vnd=20_000_000_000,
            contents=[{"content": c} for c in contents],
        )
        Call.objects.filter(pk=call.pk).update(is_published=True)
        calls.append(call)
    n_enterprises = max(1, rows // 4)
    vsic = [(s, codes[0]) for s, codes in vsic_by_section.items()]
    Enterprise.objects.bulk_create(
        [
            Enterprise(
                agency=agency,
                tax_code=f"9{n:09d}",
                name=f"Công ty TNHH Đo hiệu năng {n}",
                vsic_id=vsic[n % len(vsic)][1],
                vsic_section=vsic[n % len(vsic)][0],
                ward_id=wards[n % len(wards)][0],
                size_class=rng.choice(["micro", "small", "small", "medium", "large"]),
                employees=rng.randint(3, 300),
                search_text=f"cong ty tnhh do hieu nang {n} 9{n:09d}",
            )
            for n in range(n_enterprises)
        ],
        batch_size=5000,
    )
    names = {
        pk: (name, ward)
        for pk, name, ward in Enterprise.objects.filter(agency=agency).values_list("pk", "name", "ward_id")
    }
    enterprise_ids = list(names)
    EnterpriseMembership.objects.get_or_create(
        user=people[Role.ENTERPRISE],
        enterprise_id=enterprise_ids[0],
        defaults={"status": EnterpriseMembership.Status.CONFIRMED},
    )
    out.write(f"{len(enterprise_ids):,} doanh nghiệp; tạo {rows:,} hồ sơ…\n")
    states, weights = list(STATE_WEIGHTS), list(STATE_WEIGHTS.values())
    now = timezone.now()
    today = timezone.localdate()
    ct = ContentType.objects.get_for_model(Dossier)
    batch = 5000
    for start in range(0, rows, batch):
        objs = []
        for n in range(start, min(rows, start + batch)):
            state = rng.choices(states, weights)[0]
            call = calls[n % len(calls)]
            created = now - dt.timedelta(days=rng.randint(1, 900), minutes=rng.randint(0, 1440))
            objs.append(
                Dossier(
                    agency=agency,
                    call=call,
                    enterprise_id=(enterprise_id := rng.choice(enterprise_ids)),
                    enterprise_name=names[enterprise_id][0],
                    enterprise_ward=names[enterprise_id][1] or "",
                    content=(content := rng.choice(contents)),
                    content_name=content.name,
                    state=state,
                    tracking_code=None if state == State.DRAFT else f"CB-{call.year}-{n:07d}",
                    title=f"Áp dụng hệ thống quản lý {n}",
                    objectives="Nâng cao năng suất.",
                    expected_results="Chứng nhận.",
                    total_cost_vnd=300_000_000,
                    requested_support_vnd=150_000_000,
                    jobs_created=rng.randint(0, 30),
                    submitted_at=None if state == State.DRAFT else created,
                    state_changed_at=created,
                    due_on=today + dt.timedelta(days=rng.randint(-20, 30))
                    if state in (State.SUBMITTED, State.NEEDS_SUPPLEMENT, State.ASSIGNED)
                    else None,
                    priority_points=rng.choice([0, 5, 10, 15, 20, 25]),
                )
            )
        with transaction.atomic():
            made = Dossier.objects.bulk_create(objs)
            if connection.vendor != "postgresql":
                made = list(Dossier.objects.filter(agency=agency).order_by("-id")[: len(objs)])
            audits = []
            for d in made:
                previous = "draft"
                for target in _history(d.state):
                    audits.append(
                        AuditEntry(
                            agency=agency,
                            actor=people[Role.OFFICER],
                            action="transition",
                            content_type=ct,
                            object_id=str(d.pk),
                            from_state=previous,
                            to_state=target,
                            note="",
                        )
                    )
                    previous = target
            AuditEntry.objects.bulk_create(audits, batch_size=5000)
        out.write(f"  {min(rows, start + batch):,}/{rows:,}\n")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in ("dossiers_dossier", "core_auditentry", "registry_enterprise"):
                cursor.execute(f"VACUUM ANALYZE {table}")


def measure_list(client: Client, agency: Agency, rng: random.Random, n: int = 200) -> tuple[dict, int]:
    calls = list(Call.objects.filter(agency=agency).values_list("pk", flat=True))
    contents = list(SupportContent.objects.values_list("pk", flat=True)[:12])
    sorts = ["-created", "-submitted", "due", "code", "-priority", "state"]
    timings, queries = [], set()
    for i in range(n):
        params = {"sort": rng.choice(sorts), "page": rng.choice([1, 1, 1, 2, 5, 40])}
        roll = rng.random()
        if roll < 0.3:
            params["state"] = rng.choice([State.SUBMITTED, State.IN_PROGRESS, State.PAID, State.VALID])
        elif roll < 0.45:
            params["call"] = rng.choice(calls)
        elif roll < 0.55:
            params["content"] = rng.choice(contents)
        elif roll < 0.65:
            params["overdue"] = "1"
        elif roll < 0.7:
            params["q"] = f"CB-2027-{rng.randint(0, 99999):07d}"
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/dossiers/", params)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        if i < 40:
            queries.add(len(captured))
    return summary_ms(timings), max(queries)


def measure_page(client: Client, agency: Agency, rng: random.Random, n: int = 200) -> tuple[dict, int]:
    ids = list(
        Dossier.objects.filter(agency=agency).exclude(state=State.DRAFT).values_list("pk", flat=True)[:20000]
    )
    timings, most = [], 0
    for pk in rng.sample(ids, min(n, len(ids))):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(f"/dossiers/{pk}/")
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        most = max(most, len(captured))
    return summary_ms(timings), most


def measure_transitions(agency: Agency, people: dict, rng: random.Random, n: int = 90) -> dict:
    """Withdrawals (no document) and mark_valid (checklist met, the synthetic duplicates overridden; the
    validity minutes are rendered as in real use, so that figure includes the DOCX/PDF)."""
    ids = list(
        Dossier.objects.filter(agency=agency, state=State.SUBMITTED).values_list("pk", flat=True)[:5000]
    )
    chosen = rng.sample(ids, min(n + 1, len(ids)))
    Dossier.objects.filter(pk__in=chosen).update(duplicate_override_reason="Đo hiệu năng: trùng lặp giả lập")
    warm = chosen.pop()  # the first transition of a process loads the URL configuration
    workflow.perform(dossier=Dossier(pk=warm), action="withdraw", actor=people[Role.ENTERPRISE], note="Đo")
    EligibilityCheck.objects.bulk_create(
        [
            EligibilityCheck(dossier_id=pk, item=item, met=True, evidence="Đo hiệu năng")
            for pk in chosen
            for item in EligibilityCheck.Item.values
        ],
        ignore_conflicts=True,
    )
    timings, with_docs, failures, reasons = [], [], 0, {}
    for i, pk in enumerate(chosen):
        dossier = Dossier(pk=pk)
        started = time.perf_counter()
        try:
            if i % 3 == 2:
                workflow.perform(dossier=dossier, action="mark_valid", actor=people[Role.OFFICER])
                with_docs.append(time.perf_counter() - started)
            else:
                workflow.perform(dossier=dossier, action="withdraw", actor=people[Role.ENTERPRISE], note="Đo")
                timings.append(time.perf_counter() - started)
        except Refusal as exc:
            failures += 1
            reasons[exc.message[:80]] = reasons.get(exc.message[:80], 0) + 1
    return {
        "without_document": summary_ms(timings) if timings else {},
        "with_document": summary_ms(with_docs) if with_docs else {},
        "refused": failures,
        "refusals": reasons,
    }


def run(*, rows: int, out, reuse: bool = False) -> dict:
    vendor = connection.vendor
    if vendor != "postgresql" and rows > SQLITE_MAX_ROWS:
        raise ValueError(
            f"SQLite chỉ đo tối đa {SQLITE_MAX_ROWS:,} hồ sơ; hãy dùng DATABASE_URL=postgres://…"
        )
    workdir = Path(getattr(settings, "VAR_DIR", "var")) / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    agency, _ = Agency.objects.update_or_create(code=AGENCY["code"], defaults=AGENCY)
    people = _people(agency)
    # The bench enterprise user must represent the enterprises whose dossiers it withdraws.
    results: dict = {"rows": rows, "database": vendor, "cpu_count": os.cpu_count()}
    if not (reuse and Dossier.objects.filter(agency=agency).count() >= rows):
        clear_previous(agency)
        started = time.perf_counter()
        generate(agency, rows, people, out)
        results["generate_s"] = round(time.perf_counter() - started, 1)
    results["audit_entries"] = AuditEntry.objects.filter(agency=agency).count()
    EnterpriseMembership.objects.bulk_create(
        [
            EnterpriseMembership(
                user=people[Role.ENTERPRISE], enterprise_id=e, status=EnterpriseMembership.Status.CONFIRMED
            )
            for e in Enterprise.objects.filter(agency=agency).values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
        batch_size=5000,
    )
    rng = random.Random(14)
    client = signed_in_client(people[Role.OFFICER])
    client.get("/dossiers/")  # warm up templates and caches
    out.write("Đo trang danh sách…\n")
    results["list"], results["list_queries_max"] = measure_list(client, agency, rng)
    out.write("Đo trang hồ sơ…\n")
    results["page"], results["page_queries_max"] = measure_page(client, agency, rng)
    out.write("Đo chuyển trạng thái…\n")
    results["transition"] = measure_transitions(agency, people, rng)
    (workdir / f"dossiers-{rows}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return results


__all__ = ["run", "percentile"]
