"""Benchmark of the productivity database: N synthetic enterprises × 5 years of figures (2021–2025) on
PostgreSQL, the time to refresh every benchmark, the benchmark API's and page's latency, and DuckDB over a
Parquet export of the same rows as the yardstick for the aggregation.

Run with ``nangsuat bench productivity --rows N`` (N enterprises) against PostgreSQL (DATABASE_URL). The rows
go into a separate agency ("bench-productivity", same province as Cần Thơ) written by SQL
(``generate_series``: the figures themselves are not what is measured); the previous run's rows are removed
first, unless ``--reuse``. Figures are printed and written to var/bench/productivity-N.json.
"""

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.productivity import benchmarks
from nangsuat.productivity.models import MEASURE_FIELDS, Benchmark
from nangsuat.reference.models import VsicCode, Ward

from .registry import signed_in_client

AGENCY = {
    "code": "bench-productivity",
    "name": "Sở KH&CN (đo hiệu năng năng suất)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
YEARS = (2021, 2025)
SIZES = ["micro"] * 3 + ["small"] * 4 + ["medium"] * 2 + ["large"]
EMPLOYEES = {"micro": 6, "small": 30, "medium": 85, "large": 320}


def _ms(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def _execute(sql: str, params=None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


def load(agency: Agency, rows: int, out) -> dict:
    started = time.monotonic()
    agency_id = agency.pk
    out.write("Xóa dữ liệu của lần đo trước…\n")
    _execute("delete from productivity_benchmark where agency_id = %s", [agency_id])
    _execute("delete from productivity_enterprisefigures where agency_id = %s", [agency_id])
    _execute(
        "delete from registry_enterpriseyear where enterprise_id in "
        "(select id from registry_enterprise where agency_id = %s)",
        [agency_id],
    )
    _execute("delete from registry_enterprise where agency_id = %s", [agency_id])
    divisions = list(VsicCode.objects.filter(level=2).values_list("code", "section"))
    wards = list(Ward.objects.filter(province_id=agency.province_code).values_list("code", flat=True))
    out.write(f"Ghi {rows:,} doanh nghiệp…\n")
    _execute("select setseed(0.14)")
    _execute(
        """
        insert into registry_enterprise (agency_id, tax_code, name, short_name, kind, vsic_id, vsic_section,
            ward_id, address, phone, email, website, representative, representative_title, bank_account,
            bank_name, bank_branch, latest_year, employees, revenue_vnd, capital_vnd, size_class, search_text,
            created_at, updated_at)
        select %(agency)s, lpad(g::text, 10, '0'), 'Doanh nghiệp đo hiệu năng ' || g, '', 'company',
            (%(codes)s::text[])[1 + (g::bigint * 7919) %% %(nv)s], (%(sections)s::text[])[1 + (g::bigint * 7919) %% %(nv)s],
            (%(wards)s::text[])[1 + (g::bigint * 104729) %% %(nw)s], '', '', '', '', '', '', '', '', '',
            2025, (%(emp)s::int[])[1 + g %% 10] * (0.8 + random() * 0.3), null, null,
            (%(sizes)s::text[])[1 + g %% 10], '', now(), now()
        from generate_series(1, %(rows)s) g
        """,
        {
            "agency": agency_id,
            "codes": [c for c, _s in divisions],
            "sections": [s for _c, s in divisions],
            "nv": len(divisions),
            "wards": wards,
            "nw": len(wards),
            "emp": [EMPLOYEES[s] for s in SIZES],
            "sizes": SIZES,
            "rows": rows,
        },
    )
    out.write(f"Ghi {rows * 5:,} dòng số liệu năm của sổ doanh nghiệp…\n")
    _execute(
        """
        insert into registry_enterpriseyear (enterprise_id, year, employees, revenue_vnd, capital_vnd)
        select e.id, y, greatest(1, round(e.employees * (1 - 0.03 * (2025 - y)) * (0.97 + random() * 0.06))),
               null, null
        from registry_enterprise e cross join generate_series(%s, %s) y where e.agency_id = %s
        """,
        [*YEARS, agency_id],
    )
    out.write(f"Ghi {rows * 5:,} dòng số liệu năng suất…\n")
    _execute(
        "create unlogged table if not exists bench_productivity_ent (id bigint, lvl float8, ws float8, "
        "kr float8, ep float8, hpp float8, direct bool, nohours bool)"
    )
    _execute("truncate bench_productivity_ent")
    _execute(
        """
        insert into bench_productivity_ent
        select id,
            (case vsic_section when 'A' then 120 when 'C' then 230 when 'F' then 190 when 'G' then 170
                when 'J' then 320 when 'M' then 280 else 160 end)
            * (case size_class when 'micro' then 0.65 when 'small' then 0.9 when 'medium' then 1.15 else 1.4 end)
            * exp(0.3 * (random() * 2 - 1)),
            0.35 + random() * 0.3, 0.6 * exp(0.35 * (random() * 2 - 1)),
            20000 * exp(0.5 * (random() * 2 - 1)), 2300 + random() * 200 - 100,
            random() < 0.15, random() < 0.1
        from registry_enterprise where agency_id = %s
        """,
        [agency_id],
    )
    _execute(
        """
        insert into productivity_enterprisefigures (agency_id, enterprise_id, year, wages_vnd, depreciation_vnd,
            operating_surplus_vnd, production_taxes_vnd, value_added_vnd, hours_worked, fixed_assets_vnd,
            energy_kwh, defect_rate, sources, updated_at)
        select %s, v.id, v.year,
            (v.va * v.ws)::bigint, case when v.direct then null else (v.va * 0.11)::bigint end,
            case when v.direct then null else v.va::bigint - (v.va * v.ws)::bigint - (v.va * 0.11)::bigint
                - (v.va * 0.07)::bigint end,
            case when v.direct then null else (v.va * 0.07)::bigint end,
            case when v.direct then v.va::bigint end,
            case when v.nohours then null else (v.employees * v.hpp)::bigint end,
            (v.va / v.kr)::bigint, (v.va / v.ep)::bigint, null, '{}'::jsonb, now()
        from (
            select b.*, y.year, y.employees,
                b.lvl * 1e6 * power(1.045 + (random() - 0.5) * 0.08, y.year - 2021) * y.employees as va
            from bench_productivity_ent b join registry_enterpriseyear y on y.enterprise_id = b.id
        ) v
        """,
        [agency_id],
    )
    _execute("drop table bench_productivity_ent")
    _execute("analyze registry_enterprise")
    _execute("analyze registry_enterpriseyear")
    _execute("analyze productivity_enterprisefigures")
    return {"seconds": round(time.monotonic() - started, 1)}


def refresh(agency: Agency, out) -> dict:
    out.write("Tính lại chỉ số (một câu UPDATE)…\n")
    started = time.monotonic()
    written = benchmarks.recompute_measures([agency.pk])
    recompute_s = time.monotonic() - started
    out.write("Tính các ô chuẩn so sánh (GROUPING SETS, percentile_cont) và ghi bảng…\n")
    started = time.monotonic()
    result = benchmarks.refresh_benchmarks([agency.pk], recompute=False)
    cells_s = time.monotonic() - started
    _execute("analyze productivity_benchmark")
    return {
        "rows": written,
        "recompute_seconds": round(recompute_s, 1),
        "cells": result["cells"],
        "cells_seconds": round(cells_s, 1),
        "total_seconds": round(recompute_s + cells_s, 1),
    }


def _filters(rng, sections, wards) -> dict:
    params = {"agency": AGENCY["code"], "year": rng.randint(*YEARS)}
    if rng.random() < 0.7:
        params["vsic_section"] = rng.choice(sections)
    if rng.random() < 0.6:
        params["size_class"] = rng.choice(["micro", "small", "medium", "large"])
    if rng.random() < 0.3:
        params["ward"] = rng.choice(wards)
    return params


def latency(agency: Agency, out, *, requests: int = 200) -> dict:
    rng = random.Random(14)
    sections = sorted(set(VsicCode.objects.filter(level=2).values_list("section", flat=True)))
    wards = list(Ward.objects.filter(province_id=agency.province_code).values_list("code", flat=True))
    officer = User.objects.filter(username="bench-productivity-officer").first() or User.objects.create_user(
        username="bench-productivity-officer", password=None, role=Role.OFFICER, agency=agency
    )
    results = {}
    for label, client in (("anonymous", Client()), ("officer", signed_in_client(officer))):
        for kind, url, count in (
            ("api", "/api/v1/productivity/benchmarks", requests),
            ("page", "/nang-suat/", requests // 2),
        ):
            out.write(f"{count} yêu cầu {kind} ({label})…\n")
            times = []
            for _ in range(count):
                params = _filters(rng, sections, wards)
                started = time.perf_counter()
                response = client.get(url, params)
                times.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, params, response.status_code)
            results[f"{kind}_{label}"] = _ms(times)
    return results


def duckdb_yardstick(agency: Agency, out) -> dict:
    """The same rows exported to Parquet, and the same grouping-sets quartiles by DuckDB."""
    import duckdb  # noqa: PLC0415 - a development dependency, only the benchmark needs it

    folder = Path(tempfile.mkdtemp(prefix="bench-productivity-"))
    csv_path, parquet_path = folder / "rows.csv", folder / "rows.parquet"
    columns = ", ".join(f"f.{m}" for m in MEASURE_FIELDS)
    out.write("Xuất các dòng ra CSV rồi Parquet…\n")
    started = time.monotonic()
    with connection.cursor() as cursor, open(csv_path, "wb") as handle:
        copy_sql = (
            "copy (select f.year, e.vsic_section, substr(e.vsic_id, 1, 2) as vsic_division, e.size_class, "
            f"e.ward_id as ward, {columns} from productivity_enterprisefigures f join registry_enterprise e "
            f"on e.id = f.enterprise_id where f.agency_id = {int(agency.pk)}) to stdout with (format csv, header)"
        )
        with cursor.cursor.copy(copy_sql) as copy:
            for chunk in copy:
                handle.write(chunk)
    db = duckdb.connect()
    db.execute(
        f"copy (select * from read_csv('{csv_path}', header=true, all_varchar=false, "
        f"types={{'ward': 'VARCHAR', 'vsic_division': 'VARCHAR'}})) to '{parquet_path}' (format parquet)"
    )
    export_s = time.monotonic() - started
    sets = ", ".join("(" + ", ".join(g) + ")" for g in benchmarks.GROUPINGS)
    aggregates = ", ".join(f"count({m}), quantile_cont({m}, [0.25, 0.5, 0.75])" for m in MEASURE_FIELDS)
    sql = (
        f"select year, vsic_section, vsic_division, size_class, ward, {aggregates} "
        f"from read_parquet('{parquet_path}') group by year, grouping sets ({sets})"
    )
    timings = []
    cells = 0
    for _ in range(2):
        started = time.monotonic()
        rows = db.execute(sql).fetchall()
        timings.append(time.monotonic() - started)
        cells = sum(1 for r in rows for i in range(len(MEASURE_FIELDS)) if r[5 + 2 * i])
    db.close()
    size = parquet_path.stat().st_size
    for path in (csv_path, parquet_path):
        path.unlink()
    folder.rmdir()
    return {
        "export_seconds": round(export_s, 1),
        "parquet_mb": round(size / 1e6, 1),
        "aggregate_seconds_best_of_2": round(min(timings), 2),
        "cells": cells,
    }


def run(*, rows: int, out, reuse: bool = False) -> dict:
    if connection.vendor != "postgresql":
        raise ValueError("Bài đo năng suất cần PostgreSQL (DATABASE_URL=postgres://…).")
    agency, _created = Agency.objects.get_or_create(code=AGENCY["code"], defaults=AGENCY)
    results: dict = {"enterprises": rows, "enterprise_years": rows * 5}
    if not reuse:
        results["load"] = load(agency, rows, out)
    results["refresh"] = refresh(agency, out)
    results["latency"] = latency(agency, out)
    results["duckdb"] = duckdb_yardstick(agency, out)
    results["ratio_postgresql_cells_to_duckdb"] = round(
        results["refresh"]["cells_seconds"] / max(results["duckdb"]["aggregate_seconds_best_of_2"], 0.001), 1
    )
    results["benchmark_rows"] = Benchmark.objects.filter(agency=agency).count()
    target = Path(settings.BASE_DIR).resolve().parent.parent / "var" / "bench" / f"productivity-{rows}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return results
