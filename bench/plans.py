"""The plans of the officers' lists: ``EXPLAIN (ANALYZE, BUFFERS)`` of page 1 of every filter × sort the
registry and dossier lists offer, as their selectors build them, on whatever data the database holds.

Run with ``nangsuat bench plans`` against PostgreSQL after ``bench dossiers`` and ``bench pages`` (or any
large registry) have filled it. It reads the agency with the most enterprises, as one of its officers;
for each query it prints the execution time, the buffers read and the plan's scan nodes, and writes
them to var/bench/plans.json. An index that starts with the filter and the sort reads about 20 rows
whatever the table's size; "Sort" over a whole filter's rows, or buffers in the thousands, is what grows.
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.dossiers.selectors import SORTS as DOSSIER_SORTS
from nangsuat.dossiers.selectors import DossierFilters, dossiers_for_user
from nangsuat.registry.models import Enterprise
from nangsuat.registry.selectors import SORTS as REGISTRY_SORTS
from nangsuat.registry.selectors import enterprise_list

PAGE = 20
_NODE = re.compile(
    r"(Incremental Sort|Sort|Seq Scan|Bitmap Heap Scan|Index Only Scan(?: Backward)?|Index Scan(?: Backward)?)"
    r"(?: using (\S+))?"
)
_BUFFERS = re.compile(r"Buffers: shared (?:hit=(\d+))?\s*(?:read=(\d+))?")
_TIME = re.compile(r"Execution Time: ([\d.]+) ms")


def explain(queryset) -> dict:
    sql, params = queryset[:PAGE].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        lines = [r[0] for r in cursor.fetchall()]
    top = _BUFFERS.search("\n".join(lines))
    buffers = sum(int(n or 0) for n in top.groups()) if top else 0
    nodes = []
    for number, line in enumerate(lines):
        match = _NODE.search(line) if number == 0 or "->" in line else None
        if match:
            nodes.append(" ".join(p for p in match.groups() if p))
    time = _TIME.search(lines[-1]) or _TIME.search("\n".join(lines))
    return {"ms": float(time.group(1)) if time else None, "buffers": buffers, "plan": "; ".join(nodes)}


def _officer(agency: Agency) -> User:
    user = User.objects.filter(agency=agency, role=Role.OFFICER, is_active=True).first()
    if user is None:
        user = User.objects.create(username=f"bench-plans-{agency.pk}", role=Role.OFFICER, agency=agency)
    return user


def registry_cases(agency: Agency) -> list[tuple[str, dict]]:
    mine = Enterprise.objects.filter(agency=agency)
    ward = mine.values("ward_id").annotate(n=Count("id")).order_by("-n").values_list("ward_id", flat=True)[0]
    section = (
        mine.values("vsic_section")
        .annotate(n=Count("id"))
        .order_by("n")
        .values_list("vsic_section", flat=True)
    )
    sections = list(section)
    filters = {
        "—": {},
        "ward": {"ward": ward},
        "section (largest)": {"vsic_section": sections[-1]},
        "section (smallest)": {"vsic_section": sections[0]},
        "kind=cooperative": {"kind": "cooperative"},
        "size=small": {"size": "small"},
        "ward+cooperative": {"ward": ward, "kind": "cooperative"},
        "ward+cooperative+large": {"ward": ward, "kind": "cooperative", "size": "large"},
    }
    sorts = [s for key in REGISTRY_SORTS for s in (key, f"-{key}")]
    return [(f"{label} | {sort}", {**f, "order": sort}) for label, f in filters.items() for sort in sorts]


def dossier_cases(agency: Agency) -> list[tuple[str, DossierFilters]]:
    ward = (
        Enterprise.objects.filter(agency=agency, dossiers__isnull=False)
        .values_list("ward_id", flat=True)
        .first()
    )
    filters = {
        "—": {},
        "state=submitted": {"state": "submitted"},
        "state=paid": {"state": "paid"},
        "ward": {"ward": ward},
        "overdue": {"overdue": True},
    }
    sorts = [s for key in DOSSIER_SORTS for s in (key, f"-{key}")]
    return [
        (f"{label} | {sort}", DossierFilters(**f, sort=sort))
        for label, f in filters.items()
        for sort in sorts
    ]


def run(*, rows: int, out, reuse: bool = False) -> dict:
    if connection.vendor != "postgresql":
        raise ValueError("Kế hoạch truy vấn chỉ đo trên PostgreSQL (DATABASE_URL=postgres://…).")
    agency = Agency.objects.annotate(n=Count("enterprises")).order_by("-n").first()
    if agency is None:
        raise ValueError("Chưa có dữ liệu: hãy chạy bench dossiers hoặc bench pages trước.")
    officer = _officer(agency)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE registry_enterprise; ANALYZE dossiers_dossier")
    results: dict = {
        "agency": agency.code,
        "enterprises": Enterprise.objects.filter(agency=agency).count(),
        "dossiers": dossiers_for_user(user=officer).count(),
        "registry": {},
        "dossiers_plans": {},
    }
    out.write(f"{results['enterprises']:,} doanh nghiệp, {results['dossiers']:,} hồ sơ\n\n")
    out.write("| registry filter | sort | ms | buffers | plan |\n|---|---|---|---|---|\n")
    for label, params in registry_cases(agency):
        explain(enterprise_list(officer, **params))  # warm the cache: the second run is measured
        row = explain(enterprise_list(officer, **params))
        results["registry"][label] = row
        out.write(f"| {label} | {row['ms']} | {row['buffers']} | {row['plan']} |\n")
    out.write("\n| dossier filter | sort | ms | buffers | plan |\n|---|---|---|---|---|\n")
    for label, filters in dossier_cases(agency):
        explain(dossiers_for_user(user=officer, filters=filters))
        row = explain(dossiers_for_user(user=officer, filters=filters))
        results["dossiers_plans"][label] = row
        out.write(f"| {label} | {row['ms']} | {row['buffers']} | {row['plan']} |\n")
    workdir = Path(getattr(settings, "VAR_DIR", "var")) / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "plans.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    slow = {k: v for part in ("registry", "dossiers_plans") for k, v in results[part].items() if v["ms"] > 5}
    return {"queries": len(results["registry"]) + len(results["dossiers_plans"]), "over_5_ms": slow}
