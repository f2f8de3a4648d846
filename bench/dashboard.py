"""Benchmark of the staff dashboard: the figures of every indicator, dossier and amount of one agency, on N
enterprises, N/10 support dossiers and N/20 course participants (``dashboard_data``), with the same
aggregates computed by DuckDB over a Parquet export of the same rows as the yardstick.

Run with ``nangsuat bench dashboard --rows 1000000`` against PostgreSQL (DATABASE_URL); ``--reuse`` keeps
the rows of the previous run. Measured, counting on every request (``INDICATORS_CACHE_SECONDS=0``):
``figures.dashboard_figures`` (what the page computes) for the period, a year and a ward, each indicator's
tally alone, the dossier figures, the page through the test client; then the page as served, its figures
kept in the cache after the first request; and DuckDB's answer to the same questions. Goal: dashboard p95
≤ 300 ms. Written to var/bench/dashboard-N.json."""

import json
import os
import tempfile
import time
from pathlib import Path

import duckdb
from django.conf import settings
from django.db import connection
from django.test import override_settings

from nangsuat.activities.models import Participation, Person
from nangsuat.core.models import Agency
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier
from nangsuat.indicators.counting import scope_for, tally
from nangsuat.indicators.definitions import CODES
from nangsuat.indicators.figures import dashboard_figures, dossier_figures, figures_changed
from nangsuat.registry.models import Enterprise

from .dashboard_data import AGENCY, clear_previous, generate, people
from .registry import signed_in_client, summary_ms

RUNS = int(os.environ.get("BENCH_RUNS", "30"))

# The rows DuckDB reads: each table of the bench agency, only the columns the aggregates use.
EXPORTS = {
    "enterprise": "SELECT id, ward_id FROM registry_enterprise WHERE agency_id = {a}",
    "course": "SELECT id, kind, starts_on, deleted_at IS NOT NULL AS deleted FROM activities_course WHERE agency_id = {a}",
    "participation": (
        "SELECT p.id, p.course_id, p.enterprise_id, p.is_manager, p.attended, p.deleted_at IS NOT NULL AS deleted "
        "FROM activities_participation p JOIN activities_course c ON c.id = p.course_id WHERE c.agency_id = {a}"
    ),
    "event": "SELECT id, held_on, deleted_at IS NOT NULL AS deleted FROM activities_event WHERE agency_id = {a}",
    "event_link": (
        "SELECT l.event_id, l.enterprise_id, l.deleted_at IS NOT NULL AS deleted FROM activities_evententerprise l "
        "JOIN activities_event e ON e.id = l.event_id WHERE e.agency_id = {a}"
    ),
    "system": (
        "SELECT enterprise_id, issued_on, deleted_at IS NOT NULL AS deleted "
        "FROM activities_systemcertificate WHERE agency_id = {a}"
    ),
    "conformity": (
        "SELECT enterprise_id, product_group_key, issued_on, deleted_at IS NOT NULL AS deleted "
        "FROM activities_conformitycertificate WHERE agency_id = {a}"
    ),
    "expert": (
        "SELECT person_id, certificate_number, certified_on, deleted_at IS NOT NULL AS deleted "
        "FROM activities_expert WHERE agency_id = {a}"
    ),
    "award": (
        "SELECT enterprise_id, kind, year, deleted_at IS NOT NULL AS deleted FROM activities_award WHERE agency_id = {a}"
    ),
    "dossier": (
        "SELECT d.id, d.enterprise_id, d.state, d.requested_support_vnd, d.due_on, c.year AS call_year "
        "FROM dossiers_dossier d JOIN dossiers_call c ON c.id = d.call_id WHERE d.agency_id = {a}"
    ),
    "contract": "SELECT id, dossier_id, amount_vnd, deadline FROM contracts_supportcontract WHERE agency_id = {a}",
    "acceptance": (
        "SELECT x.contract_id, x.passed, x.minutes_date FROM contracts_acceptance x "
        "JOIN contracts_supportcontract c ON c.id = x.contract_id WHERE c.agency_id = {a}"
    ),
    "liquidation": (
        "SELECT x.contract_id, x.final_amount_vnd FROM contracts_liquidation x "
        "JOIN contracts_supportcontract c ON c.id = x.contract_id WHERE c.agency_id = {a}"
    ),
    "payment": (
        "SELECT x.contract_id, x.amount_vnd FROM contracts_payment x "
        "JOIN contracts_supportcontract c ON c.id = x.contract_id WHERE c.agency_id = {a}"
    ),
}

PERIOD = "BETWEEN 2026 AND 2030"
# The same questions the dashboard answers: each indicator's distinct keys per year and over the period,
# the dossiers by state, the money asked, committed and paid, the overdue work.
DUCKDB_QUERIES = {
    "manager_trainings": f"""
        SELECT year(c.starts_on) AS y, count(*) FROM participation p JOIN course c ON c.id = p.course_id
        WHERE p.attended AND p.is_manager AND c.kind = 'manager' AND NOT p.deleted AND NOT c.deleted
          AND year(c.starts_on) {PERIOD} GROUP BY ROLLUP (y)""",
    "certified_experts": f"""
        SELECT year(certified_on) AS y, count(DISTINCT person_id) FROM expert
        WHERE NOT deleted AND certified_on IS NOT NULL AND certificate_number <> ''
          AND year(certified_on) {PERIOD} GROUP BY ROLLUP (y)""",
    "enterprises_reached": f"""
        WITH reached AS (
          SELECT p.enterprise_id AS e, year(c.starts_on) AS y FROM participation p JOIN course c ON c.id = p.course_id
            WHERE p.attended AND p.enterprise_id IS NOT NULL AND NOT p.deleted AND NOT c.deleted
          UNION ALL SELECT l.enterprise_id, year(v.held_on) FROM event_link l JOIN event v ON v.id = l.event_id
            WHERE NOT l.deleted AND NOT v.deleted
          UNION ALL SELECT enterprise_id, year(issued_on) FROM system WHERE NOT deleted AND issued_on IS NOT NULL)
        SELECT y, count(DISTINCT e) FROM reached WHERE y {PERIOD} GROUP BY ROLLUP (y)""",
    "enterprises_supported": f"""
        SELECT year(x.minutes_date) AS y, count(DISTINCT d.enterprise_id) FROM acceptance x
        JOIN contract c ON c.id = x.contract_id JOIN dossier d ON d.id = c.dossier_id
        WHERE x.passed AND d.state IN ('accepted', 'liquidated', 'paid') AND year(x.minutes_date) {PERIOD}
        GROUP BY ROLLUP (y)""",
    "product_groups_certified": f"""
        SELECT year(issued_on) AS y, count(DISTINCT (enterprise_id, product_group_key)) FROM conformity
        WHERE NOT deleted AND issued_on IS NOT NULL AND year(issued_on) {PERIOD} GROUP BY ROLLUP (y)""",
    "award_entrants": f"""
        SELECT year AS y, count(DISTINCT enterprise_id) FROM award
        WHERE NOT deleted AND kind = 'national_quality' AND enterprise_id IS NOT NULL AND year {PERIOD}
        GROUP BY ROLLUP (y)""",
    "dossiers_by_state": "SELECT state, count(*) FROM dossier WHERE state <> 'draft' GROUP BY state",
    "money": """
        SELECT
          sum(requested_support_vnd) FILTER (WHERE d.state NOT IN
            ('draft', 'terminated', 'invalid', 'not_recommended', 'not_approved', 'withdrawn', 'not_accepted')),
          sum(coalesce(pay.amount_vnd, liq.final_amount_vnd, c.amount_vnd, d.requested_support_vnd)) FILTER (
            WHERE d.state IN ('proposed', 'approved', 'assigned', 'contracted', 'in_progress',
              'completion_requested', 'inspected', 'accepted', 'not_accepted', 'liquidated', 'paid')),
          sum(pay.amount_vnd)
        FROM dossier d LEFT JOIN contract c ON c.dossier_id = d.id
          LEFT JOIN liquidation liq ON liq.contract_id = c.id LEFT JOIN payment pay ON pay.contract_id = c.id""",
    "overdue": """
        SELECT count(*) FROM dossier d LEFT JOIN contract c ON c.dossier_id = d.id
        WHERE d.state NOT IN ('invalid', 'not_recommended', 'not_approved', 'paid', 'withdrawn', 'terminated')
          AND (d.due_on < current_date OR (d.state IN ('contracted', 'in_progress') AND c.deadline < current_date))""",
}


def timed(func, runs: int = RUNS) -> tuple[dict, object]:
    values, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = func()
        values.append(time.perf_counter() - started)
    return summary_ms(values), result


def export_parquet(agency: Agency, workdir: Path) -> tuple[float, int]:
    """Each table's rows as CSV through PostgreSQL's COPY, then Parquet through DuckDB; seconds, bytes."""
    started = time.perf_counter()
    size = 0
    with connection.cursor() as cursor:
        for name, select in EXPORTS.items():
            path = workdir / f"{name}.csv"
            with (
                path.open("wb") as handle,
                cursor.copy(
                    f"COPY ({select.format(a=agency.pk)}) TO STDOUT WITH (FORMAT csv, HEADER true)"
                ) as copy,
            ):
                for block in copy:
                    handle.write(block)
            parquet = workdir / f"{name}.parquet"
            duckdb.sql(f"COPY (SELECT * FROM read_csv_auto('{path}')) TO '{parquet}' (FORMAT parquet)")
            path.unlink()
            size += parquet.stat().st_size
    return time.perf_counter() - started, size


def duckdb_figures(workdir: Path) -> tuple[dict, dict, dict]:
    """The same aggregates in DuckDB over the Parquet files (views, read each time): timings of the whole
    set and of each query, and the answers."""
    db = duckdb.connect()
    for name in EXPORTS:
        db.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{workdir / name}.parquet')")

    def everything() -> dict:
        return {name: db.execute(sql).fetchall() for name, sql in DUCKDB_QUERIES.items()}

    everything()  # warm the file cache
    whole, answers = timed(everything)
    each = {
        name: timed(lambda sql=sql: db.execute(sql).fetchall(), runs=max(5, RUNS // 3))[0]
        for name, sql in DUCKDB_QUERIES.items()
    }
    return whole, each, answers


def _same_totals(figures: dict, answers: dict) -> dict:
    """Each indicator's total from the dashboard beside DuckDB's (the ROLLUP row, ``y`` null)."""
    compared = {}
    for row in figures["indicators"]:
        code = row.indicator.code
        duck = next((n for y, n in answers[code] if y is None), 0)
        compared[code] = {"dashboard": row.tally.total, "duckdb": duck, "equal": row.tally.total == duck}
    return compared


def run(*, rows: int, out, reuse: bool = False) -> dict:
    if connection.vendor != "postgresql":
        raise ValueError("Bài đo bảng điều hành chạy trên PostgreSQL (DATABASE_URL=postgres://…).")
    agency, _ = Agency.objects.update_or_create(code=AGENCY["code"], defaults=AGENCY)
    staff = people(agency)
    results: dict = {"database": connection.vendor, "cpu_count": os.cpu_count(), "runs": RUNS}
    if not (reuse and Enterprise.objects.filter(agency=agency).count() >= rows):
        out.write("Xóa dữ liệu đo lần trước…\n")
        clear_previous(agency)
        started = time.perf_counter()
        results["generated"] = generate(
            agency, enterprises=rows, dossiers=rows // 10, participants=rows // 20, out=out
        )
        results["generate_s"] = round(time.perf_counter() - started, 1)
    results["rows"] = {
        "enterprises": Enterprise.objects.filter(agency=agency).count(),
        "dossiers": Dossier.objects.filter(agency=agency).count(),
        "participants": Person.objects.filter(agency=agency).count(),
        "participations": Participation.objects.filter(course__agency=agency).count(),
    }
    director = staff[Role.DIRECTOR]
    ward = Enterprise.objects.filter(agency=agency).values_list("ward_id", flat=True).first()
    out.write("Đo số liệu của bảng điều hành, tính lại mỗi lần…\n")
    with override_settings(INDICATORS_CACHE_SECONDS=0):
        dashboard_figures(director)  # warm up
        results["figures_period"], figures = timed(lambda: dashboard_figures(director))
        results["figures_year"], _ = timed(lambda: dashboard_figures(director, year=2027))
        results["figures_ward"], _ = timed(lambda: dashboard_figures(director, ward=ward))
        scope = scope_for(director)
        results["tally"] = {
            code: timed(lambda code=code: tally(code, scope), runs=max(5, RUNS // 3))[0] for code in CODES
        }
        results["dossier_figures"], _ = timed(lambda: dossier_figures(director), runs=max(5, RUNS // 3))
        client = signed_in_client(director)
        client.get("/dashboard/")  # the charts are drawn once per set of figures
        out.write("Đo trang /dashboard/, tính lại mỗi lần…\n")
        results["page"], _ = timed(lambda: client.get("/dashboard/"))
    out.write("Đo trang /dashboard/ với số liệu giữ trong bộ đệm (cache)…\n")
    figures_changed()  # a record written: the first request counts, the next ones read the kept figures
    results["page_kept"], _ = timed(lambda: client.get("/dashboard/"), runs=RUNS + 1)
    results["figures_kept"], _ = timed(lambda: dashboard_figures(director))
    out.write("Xuất Parquet và đo DuckDB…\n")
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp:
        workdir = Path(tmp)
        seconds, size = export_parquet(agency, workdir)
        results["parquet_export_s"], results["parquet_bytes"] = round(seconds, 1), size
        results["duckdb"], results["duckdb_each"], answers = duckdb_figures(workdir)
    results["totals"] = _same_totals(figures, answers)
    results["ratio_p95_figures_to_duckdb"] = round(
        results["figures_period"]["p95_ms"] / max(results["duckdb"]["p95_ms"], 0.1), 1
    )
    results["ratio_p50_figures_to_duckdb"] = round(
        results["figures_period"]["p50_ms"] / max(results["duckdb"]["p50_ms"], 0.1), 1
    )
    results["goal_p95_ms"] = 300
    workdir = Path(getattr(settings, "VAR_DIR", "var")) / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / f"dashboard-{rows}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return results


__all__ = ["run"]
