"""Benchmark of the attendance-sheet import: N synthetic participants of one course, from an .xlsx as
officers keep them, through the product's own path (``activities.importer``: read, validate, match the
enterprise and the person, write), then the same sheet again (every row must come back unchanged).

Run with ``nangsuat bench activities --rows N`` against PostgreSQL (DATABASE_URL). Everything goes into a
separate agency ("bench-activities", same province as Cần Thơ); the previous run's rows are removed first.
Figures are printed and written to var/bench/activities-N.json.
"""

import json
import random
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from openpyxl import Workbook

from bench.registry import SQLITE_MAX_ROWS, _cpus, clear_previous, ensure_reference
from nangsuat.activities.importer import COLUMNS, import_rows, read_sheet
from nangsuat.activities.models import Course, Participation, Person
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.demo import names
from nangsuat.registry.importer import import_records

AGENCY = {
    "code": "bench-activities",
    "name": "Sở KH&CN (đo hiệu năng hoạt động)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
POSITIONS = ["Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Quản đốc", "Kế toán", "Nhân viên kỹ thuật"]


def _clear(agency: Agency) -> None:
    with transaction.atomic():
        Participation.objects.filter(course__agency=agency).delete()
        Course.objects.filter(agency=agency).delete()
        Person.objects.filter(agency=agency).delete()
        clear_previous(agency)


def _enterprises(agency: Agency, count: int, rng: random.Random) -> list[str]:
    """``count`` enterprises in the bench agency's registry, through the registry's import."""
    wards, vsic_by_section = ensure_reference()
    sections = sorted(vsic_by_section)
    records = []
    for i in range(count):
        section = rng.choice(sections)
        records.append(
            (
                i + 2,
                {
                    "tax_code": names.tax_code(4_000_000 + i),
                    "name": names.enterprise_name(rng, kind="company", section=section),
                    "vsic": rng.choice(vsic_by_section[section]),
                    "ward": rng.choice(wards)[0],
                },
            )
        )
    result = import_records(records, agency=agency, actor=None)
    assert not result.errors, result.errors[:3]
    return [r["tax_code"] for _n, r in records]


def write_sheet(path: Path, rows: int, tax_codes: list[str], rng: random.Random) -> dict:
    """The attendance sheet: a title, the header, N rows; 70 % with an identity number, 3 % of rows the
    same person again (already on the course when the import reaches them)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách học viên")
    sheet.append(["DANH SÁCH HỌC VIÊN (dữ liệu đo hiệu năng)"])
    sheet.append([str(c.header) for c in COLUMNS])
    written: list[list] = []
    repeats = 0
    for i in range(rows):
        if written and rng.random() < 0.03:
            row = list(rng.choice(written))
            repeats += 1
        else:
            position = rng.choice(POSITIONS)
            row = [
                names.person_name(rng) + f" {i}",  # a suffix keeps people apart without an identity number
                position,
                "x" if position in POSITIONS[:4] else "",
                rng.choice(tax_codes),
                "",
                "",
                "",
                f"09{i:010d}" if rng.random() < 0.7 else "",
                f"09{rng.randint(10_000_000, 99_999_999)}",
                "x",
                f"CN-{i:06d}",
            ]
            written.append(row)
        sheet.append(row)
    book.save(path)
    return {"repeated_rows": repeats}


def run(*, rows: int, out, workdir: Path | None = None, keep: bool = False, reuse: bool = False) -> dict:
    vendor = connection.vendor
    if vendor != "postgresql" and rows > SQLITE_MAX_ROWS:
        raise ValueError(
            f"SQLite chỉ đo tối đa {SQLITE_MAX_ROWS:,} dòng; hãy đặt DATABASE_URL=postgres://… để đo với dữ liệu lớn."
        )
    workdir = workdir or Path(getattr(settings, "VAR_DIR", "var")) / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1322)
    agency, _ = Agency.objects.update_or_create(code=AGENCY["code"], defaults=AGENCY)
    officer, _ = User.objects.get_or_create(
        username="bench-activities-officer",
        defaults={"role": Role.OFFICER, "agency": agency, "full_name": "Cán bộ đo hiệu năng"},
    )
    results: dict = {"rows": rows, "database": vendor, "cpu_count": _cpus()}
    out.write("Xóa dữ liệu đo lần trước, tạo sổ doanh nghiệp…")
    _clear(agency)
    started = time.perf_counter()
    tax_codes = _enterprises(agency, max(100, rows // 10), rng)
    results["enterprises"] = len(tax_codes)
    results["registry_s"] = round(time.perf_counter() - started, 1)
    course = Course.objects.create(
        agency=agency,
        title="Khóa đo hiệu năng",
        kind="manager",
        year=2026,
        starts_on="2026-05-12",
        ends_on="2026-05-14",
    )
    path = Path(tempfile.mkstemp(suffix=".xlsx", dir=workdir)[1])
    started = time.perf_counter()
    results |= write_sheet(path, rows, tax_codes, rng)
    results["generate_s"] = round(time.perf_counter() - started, 1)
    out.write(f"Nhập {rows:,} dòng…")
    for phase in ("import", "reimport_unchanged"):
        started = time.perf_counter()
        with path.open("rb") as stream:
            result = import_rows(read_sheet(stream, path.name), course=course, actor=officer)
        seconds = time.perf_counter() - started
        results[phase] = {
            "seconds": round(seconds, 1),
            "rows_per_s": round(rows / seconds),
            "created": result.created,
            "unchanged": result.unchanged,
            "error_rows": result.error_rows,
        }
        out.write(f"{phase}: {results[phase]}")
    results["participations"] = Participation.objects.filter(course=course).count()
    results["people"] = Person.objects.filter(agency=agency).count()
    (workdir / f"activities-{rows}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if not keep:
        path.unlink(missing_ok=True)
    return results
