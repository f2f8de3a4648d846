"""Benchmark of the enterprise registry: import, search and the officers' list page on N synthetic rows.

Run with ``nangsuat bench registry --rows N`` against PostgreSQL (DATABASE_URL). The rows go into a
separate agency ("bench-registry", same province as Cần Thơ), so demo data is left alone; the previous
run's rows are removed first. Figures are printed and written to var/bench/registry-N.json.
"""

import csv
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from allauth.account.internal.flows.login import record_authentication
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.core.text import fold
from nangsuat.demo import names
from nangsuat.reference.models import Province, VsicCode, Ward
from nangsuat.registry import selectors
from nangsuat.registry.importer import COLUMNS, import_records, read_table

AGENCY = {
    "code": "bench-registry",
    "name": "Sở KH&CN (dữ liệu đo hiệu năng)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
SQLITE_MAX_ROWS = 20_000
SECTION_WEIGHTS = {"A": 14, "C": 30, "F": 8, "G": 24, "H": 5, "I": 8, "J": 3, "M": 3, "N": 2, "Q": 1, "S": 2}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary_ms(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def ensure_reference() -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """Wards (code, name) of Cần Thơ and VSIC codes by section; a small synthetic set if none are loaded."""
    wards = list(Ward.objects.filter(province_id="92").values_list("code", "name"))
    if not wards:
        province, _ = Province.objects.get_or_create(code="92", defaults={"name": "Cần Thơ"})
        for i, place in enumerate(names.PLACE_WORDS[:20]):
            Ward.objects.get_or_create(
                code=f"9{i:04d}",
                defaults={
                    "province": province,
                    "name": f"Phường {place}",
                    "division_type": "phường",
                    "name_folded": fold(f"Phường {place}"),
                },
            )
        wards = list(Ward.objects.filter(province_id="92").values_list("code", "name"))
    by_section: dict[str, list[str]] = {}
    for code, section in VsicCode.objects.filter(level__gte=2).values_list("code", "section"):
        by_section.setdefault(section, []).append(code)
    if not by_section:
        for section in SECTION_WEIGHTS:
            top, _ = VsicCode.objects.get_or_create(
                code=section, defaults={"level": 1, "section": section, "name": section}
            )
            code = f"{ord(section) - 50:02d}"
            VsicCode.objects.get_or_create(
                code=code, defaults={"level": 2, "section": section, "parent": top, "name": section}
            )
            by_section[section] = [code]
    return wards, by_section


def write_csv(path: Path, rows: int, wards, vsic_by_section, seed: int = 1322) -> list[str]:
    """Write ``rows`` synthetic enterprises in the import template's columns; return a sample of tax codes."""
    rng = random.Random(seed)
    sections = [s for s in SECTION_WEIGHTS if s in vsic_by_section] or list(vsic_by_section)
    weights = [SECTION_WEIGHTS.get(s, 1) for s in sections]
    sample = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([str(c.header) for c in COLUMNS])
        for n in range(rows):
            section = rng.choices(sections, weights)[0]
            roll = rng.random()
            kind = "household" if roll < 0.10 else "cooperative" if roll < 0.16 else "company"
            if kind == "household":
                tax = names.personal_number(n)
            elif roll > 0.97:
                tax = f"{names.tax_code(n)}-{rng.randint(1, 999):03d}"
            else:
                tax = names.tax_code(n)
            if n % max(1, rows // 200) == 0:
                sample.append(tax)
            employees = int(rng.lognormvariate(3, 1.2))
            revenue = int(rng.lognormvariate(23, 1.5)) // 1_000_000 * 1_000_000
            capital = int(revenue * rng.uniform(0.2, 1.5)) // 1_000_000 * 1_000_000
            ward_code, ward_name = rng.choice(wards)
            writer.writerow(
                [
                    tax,
                    names.enterprise_name(rng, kind=kind, section=section),
                    "",
                    {"household": "Hộ kinh doanh", "cooperative": "Hợp tác xã"}.get(kind, "Doanh nghiệp"),
                    rng.choice(vsic_by_section[section]),
                    ward_name if rng.random() < 0.5 else ward_code,
                    f"{names.street_address(rng)}, {ward_name}",
                    f"0292 {rng.randint(3000000, 3999999)}",
                    "",
                    names.person_name(rng),
                    2025,
                    employees,
                    revenue,
                    capital,
                ]
            )
    return sample


def clear_previous(agency: Agency) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM registry_enterpriseyear WHERE enterprise_id IN "
            "(SELECT id FROM registry_enterprise WHERE agency_id = %s)",
            [agency.pk],
        )
        cursor.execute("DELETE FROM registry_historicalenterprise WHERE agency_id = %s", [agency.pk])
        cursor.execute("DELETE FROM registry_enterprise WHERE agency_id = %s", [agency.pk])


def copy_baseline(path: Path) -> float:
    """PostgreSQL's own COPY of the same CSV into a scratch table of text columns; returns seconds."""
    columns = ", ".join(f"c{i} text" for i in range(len(COLUMNS)))
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_registry_copy")
        cursor.execute(f"CREATE TABLE bench_registry_copy ({columns})")
        started = time.perf_counter()
        with (
            path.open("rb") as handle,
            cursor.copy("COPY bench_registry_copy FROM STDIN WITH (FORMAT csv, HEADER true)") as copy,
        ):  # noqa: E501
            while chunk := handle.read(1 << 20):
                copy.write(chunk)
        elapsed = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_registry_copy")
    return elapsed


def copy_indexed_baseline(agency: Agency) -> tuple[int, float]:
    """PostgreSQL's own COPY of the imported rows, as the import left them (validated, with their search
    text and size), into a scratch table built like the registry's, with all its indexes; returns
    (rows, seconds). It writes one table where the import writes three (history and yearly figures)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'registry_enterprise' "
            "AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position"
        )
        columns = ", ".join(name for (name,) in cursor.fetchall())
        cursor.execute("DROP TABLE IF EXISTS bench_registry_copy_indexed")
        cursor.execute("CREATE TABLE bench_registry_copy_indexed (LIKE registry_enterprise INCLUDING ALL)")
        with tempfile.TemporaryFile() as dump:
            select = (
                f"SELECT {columns} FROM registry_enterprise WHERE agency_id = {int(agency.pk)} ORDER BY id"
            )
            with cursor.copy(f"COPY ({select}) TO STDOUT") as copy:
                for chunk in copy:
                    dump.write(chunk)
            dump.seek(0)
            started = time.perf_counter()
            with cursor.copy(f"COPY bench_registry_copy_indexed ({columns}) FROM STDIN") as copy:
                while chunk := dump.read(1 << 20):
                    copy.write(chunk)
            elapsed = time.perf_counter() - started
        cursor.execute("SELECT count(*) FROM bench_registry_copy_indexed")
        (rows,) = cursor.fetchone()
        cursor.execute("DROP TABLE bench_registry_copy_indexed")
    return rows, elapsed


def search_queries(sample_codes: list[str], wards) -> list[str]:
    rng = random.Random(7)
    queries = [
        "can tho",
        "CẦN THƠ",
        "Cần Thơ",
        "thuy san",
        "Thủy sản Cửu Long",
        "hop tac xa phong dien",
        "banh trang thuan hung",
        "mekong xanh",
        "cong ty tnhh",
        "che bien thuc pham",
        "dong phu",
        "đông phú",
        "tay do",
        "nuoc mam",
        "co khi",
        "xay dung",
        "logistics",
        "phan mem",
        "keo dua",
        "gom su",
    ]
    while len(queries) < 120:
        words = [rng.choice(names.PLACE_WORDS + names.BRAND_WORDS)]
        if rng.random() < 0.5:
            words.insert(
                0, rng.choice(names.BUSINESS_BY_SECTION[rng.choice(list(names.BUSINESS_BY_SECTION))])
            )
        text = " ".join(words)
        queries.append(fold(text) if rng.random() < 0.5 else text)
    for code in sample_codes[:40]:
        queries.append(code[: rng.choice((4, 6, 8, 10))])
    queries += [name for _code, name in rng.sample(wards, min(20, len(wards)))]
    while len(queries) < 200:
        queries.append(rng.choice(sample_codes))
    return queries[:200]


def bench_officer(agency: Agency) -> User:
    from nangsuat.core.mfa import enrol_totp
    from nangsuat.demo.accounts import DEMO_TOTP_SECRET

    user, created = User.objects.get_or_create(
        username="bench-officer",
        defaults={"role": Role.OFFICER, "agency": agency, "full_name": "Cán bộ đo hiệu năng"},
    )
    if created:
        enrol_totp(user, DEMO_TOTP_SECRET)
    return user


def run(*, rows: int, out, workdir: Path | None = None, keep: bool = True, reuse: bool = False) -> dict:
    vendor = connection.vendor
    if vendor != "postgresql" and rows > SQLITE_MAX_ROWS:
        raise ValueError(
            f"SQLite chỉ đo tối đa {SQLITE_MAX_ROWS:,} dòng; hãy đặt DATABASE_URL=postgres://… để đo với dữ liệu lớn."
        )
    workdir = workdir or Path(settings.VAR_DIR if hasattr(settings, "VAR_DIR") else "var") / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    agency, _ = Agency.objects.update_or_create(code=AGENCY["code"], defaults=AGENCY)
    officer = bench_officer(agency)
    wards, vsic_by_section = ensure_reference()
    results: dict = {"rows": rows, "database": vendor, "cpu_count": _cpus()}

    path = workdir / f"registry-{rows}.csv"
    json_path = workdir / f"registry-{rows}.json"
    if reuse and agency.enterprises.count() >= rows and json_path.exists():
        out.write("Dùng lại dữ liệu và số đo nhập của lần chạy trước.")
        previous = json.loads(json_path.read_text())
        results |= {
            k: previous[k]
            for k in ("generate_s", "import", "reimport_unchanged", "copy", "copy_indexed")
            if k in previous
        }
        sample = [code for (code,) in agency.enterprises.order_by("?").values_list("tax_code")[:200]]
    else:
        sample = _import_phase(agency, rows, path, wards, vsic_by_section, results, out)
        json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False))

    out.write("Tìm kiếm: 200 truy vấn…")
    timings, hits = [], []
    for q in search_queries(sample, wards):
        started = time.perf_counter()
        found = list(selectors.enterprise_list(officer, q=q)[:20])
        timings.append(time.perf_counter() - started)
        hits.append(len(found))
    results["search"] = summary_ms(timings) | {"queries_with_hits": sum(1 for h in hits if h)}

    out.write("Trang danh sách của cán bộ (Django test client)…")
    results["list_page"], results["queries_per_page"] = list_page(officer, wards, vsic_by_section)
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if not keep:
        path.unlink(missing_ok=True)
    return results


def _import_phase(agency, rows, path, wards, vsic_by_section, results, out) -> list[str]:
    vendor = connection.vendor
    out.write(f"Xóa dữ liệu đo lần trước, tạo {rows:,} dòng giả lập…")
    with transaction.atomic():
        clear_previous(agency)
    started = time.perf_counter()
    sample = write_csv(path, rows, wards, vsic_by_section)
    results["generate_s"] = round(time.perf_counter() - started, 1)

    out.write("Nhập qua đường nhập thật của sản phẩm (kiểm tra từng dòng, COPY theo lô, lịch sử)…")
    ticks = {"next": 0}

    def progress(done: int) -> None:
        if done >= ticks["next"]:
            out.write(f"  {done:,} dòng, {done / (time.perf_counter() - started):,.0f} dòng/giây")
            ticks["next"] = done + max(10_000, rows // 20)

    started = time.perf_counter()
    with path.open("rb") as stream:
        result = import_records(read_table(stream, path.name), agency=agency, actor=None, progress=progress)
    elapsed = time.perf_counter() - started
    results["import"] = {
        "seconds": round(elapsed, 1),
        "rows_per_s": round(rows / elapsed),
        "created": result.created,
        "errors": result.error_rows,
    }
    started = time.perf_counter()
    with path.open("rb") as stream:
        again = import_records(read_table(stream, path.name), agency=agency, actor=None)
    elapsed = time.perf_counter() - started
    results["reimport_unchanged"] = {
        "seconds": round(elapsed, 1),
        "rows_per_s": round(rows / elapsed),
        "unchanged": again.unchanged,
        "updated": again.updated,
    }
    if vendor == "postgresql":
        out.write("COPY của PostgreSQL vào bảng tạm…")
        copy_s = copy_baseline(path)
        results["copy"] = {"seconds": round(copy_s, 1), "rows_per_s": round(rows / copy_s)}
        out.write("COPY của PostgreSQL vào bảng có đủ chỉ mục như sổ doanh nghiệp…")
        copied, indexed_s = copy_indexed_baseline(agency)
        results["copy_indexed"] = {"seconds": round(indexed_s, 1), "rows_per_s": round(copied / indexed_s)}
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE registry_enterprise")
    return sample


def signed_in_client(user: User) -> Client:
    """A client signed in as ``user`` as the sign-in leaves a staff member after the TOTP step (allauth's
    record of the second factor in the session): the bench measures the pages, not the sign-in."""
    client = Client()
    client.force_login(user)
    request = HttpRequest()
    request.session = client.session
    record_authentication(request, user, "mfa", type="totp")
    request.session.save()
    return client


def list_page(officer: User, wards, vsic_by_section) -> tuple[dict, dict]:
    # No setup_test_environment(): its template instrumentation (a signal and a copy of the context for
    # every template rendered) is test-only work a running server does not do.
    client = signed_in_client(officer)
    url = reverse("registry:enterprise_list")
    rng = random.Random(11)
    sections = list(vsic_by_section)
    variants = [{}]
    for _i in range(99):
        params = {}
        if rng.random() < 0.4:
            params["ward"] = rng.choice(wards)[0]
        if rng.random() < 0.4:
            params["vsic_section"] = rng.choice(sections)
        if rng.random() < 0.3:
            params["kind"] = rng.choice(["company", "cooperative", "household"])
        if rng.random() < 0.3:
            params["size"] = rng.choice(["micro", "small", "medium", "large"])
        if rng.random() < 0.3:
            params["sort"] = rng.choice(["name", "-revenue", "-employees", "tax_code", "ward"])
        if rng.random() < 0.25:
            params["q"] = rng.choice(["thuy san", "Cần Thơ", "mekong", "co khi", "hop tac xa"])
        if rng.random() < 0.3:
            params["page"] = rng.randint(2, 20)
        variants.append(params)
    client.get(url)  # warm up once (templates, translations), as a running server is
    timings = []
    for params in variants:
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    counts = {}
    for size in (20, 100):
        with CaptureQueriesContext(connection) as ctx:
            client.get(url, {"per_page": size, "vsic_section": sections[0]})
        counts[f"page_size_{size}"] = len(ctx.captured_queries)
    return summary_ms(timings), counts


def _cpus() -> int:
    import os

    return os.cpu_count() or 0
