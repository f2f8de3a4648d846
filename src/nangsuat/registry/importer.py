"""Bulk import of enterprises from .xlsx or .csv: read, validate every row, write the good ones in batches.

Rows are matched by tax code within the agency, so importing the same file again changes nothing: an
existing enterprise is updated only where a value differs, and a blank optional cell leaves the stored
value as it is. Each batch is one transaction (bulk_create / bulk_update, with the edit history kept by
simple-history); one audit entry sums up the import.
"""

import contextlib
import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.xml.constants import WORKSHEET_TYPE
from simple_history.utils import bulk_update_with_history

from nangsuat.core import bulk
from nangsuat.core.archives import check_archive
from nangsuat.core.models import Agency, User
from nangsuat.core.text import fold, nfc
from nangsuat.reference.models import VsicCode, Ward

from .models import Enterprise, EnterpriseKind, EnterpriseYear
from .services import MAX_EMPLOYEES, MAX_VND, refresh_search_text, refresh_size_class
from .signals import enterprises_changed
from .tax_code import normalize_tax_code

BATCH_SIZE = 1000
# openpyxl streams a read-only workbook's sheets but loads its shared strings and styles whole, at about
# seven times their size: 32 MB of them hold the text of a few hundred thousand rows.
XLSX_MAX_LOADED_PART_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    key: str
    header: Any  # lazy translation
    required: bool = False
    example: str = ""


COLUMNS = [
    Column("tax_code", gettext_lazy("Mã số thuế"), True, "1800123456"),
    Column("name", gettext_lazy("Tên doanh nghiệp"), True, "Công ty TNHH Thủy sản Cửu Long"),
    Column("short_name", gettext_lazy("Tên viết tắt"), False, "Cửu Long Seafood"),
    Column("kind", gettext_lazy("Loại hình"), False, "Doanh nghiệp"),
    Column("vsic", gettext_lazy("Mã ngành VSIC"), True, "10"),
    Column("ward", gettext_lazy("Xã/phường"), True, "Phường Ninh Kiều"),
    Column("address", gettext_lazy("Địa chỉ"), False, "Số 12 đường Trần Hưng Đạo"),
    Column("phone", gettext_lazy("Điện thoại"), False, "0292 3812 345"),
    Column("email", gettext_lazy("Thư điện tử"), False, "lienhe@cuulong.vn"),
    Column("representative", gettext_lazy("Người đại diện"), False, "Nguyễn Văn An"),
    Column("year", gettext_lazy("Năm số liệu"), False, "2025"),
    Column("employees", gettext_lazy("Lao động tham gia BHXH"), False, "45"),
    Column("revenue_vnd", gettext_lazy("Doanh thu (đồng)"), False, "25000000000"),
    Column("capital_vnd", gettext_lazy("Tổng nguồn vốn (đồng)"), False, "12000000000"),
]
PROFILE_KEYS = (
    "name",
    "short_name",
    "kind",
    "vsic_id",
    "ward_id",
    "address",
    "phone",
    "email",
    "representative",
)
FIGURE_KEYS = ("employees", "revenue_vnd", "capital_vnd")


@dataclass
class RowError:
    row: int
    column: str
    message: str
    value: str = ""


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def error_rows(self) -> int:
        return len({e.row for e in self.errors})

    def as_dict(self, *, sample: int = 200) -> dict:
        return {
            "total": self.total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_rows": self.error_rows,
            "errors": [e.__dict__ for e in self.errors[:sample]],
        }


# --- Reading ------------------------------------------------------------------------------------------


def _header_keys(headers: Iterable[Any]) -> list[str | None]:
    by_folded = {fold(str(c.header)): c.key for c in COLUMNS} | {c.key: c.key for c in COLUMNS}
    return [by_folded.get(fold(str(h or ""))) for h in headers]


def read_table(stream: Any, filename: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (row number as the user sees it, {column key: raw value}) from an .xlsx or .csv stream.
    Raises ValidationError when the file cannot be read or lacks required columns."""
    rows = xlsx_rows(stream, filename) if filename.lower().endswith(".xlsx") else csv_rows(stream)
    try:
        headers = next(rows)
    except StopIteration:
        raise ValidationError(_("Tệp trống.")) from None
    keys = _header_keys(headers)
    missing = [str(c.header) for c in COLUMNS if c.required and c.key not in keys]
    if missing:
        raise ValidationError(_("Tệp thiếu cột bắt buộc: %(cols)s.") % {"cols": ", ".join(missing)})
    for number, values in enumerate(rows, start=2):
        record = {k: v for k, v in zip(keys, values, strict=False) if k}
        if any(v not in (None, "") for v in record.values()):
            yield number, record


def check_workbook(stream: Any, filename: str) -> None:
    """Refuse (``ValidationError``) an .xlsx too large to unpack, before openpyxl opens it."""
    check_archive(
        stream,
        filename,
        max_part_bytes=XLSX_MAX_LOADED_PART_BYTES,
        streamed_folder="xl/worksheets/",
        streamed_types={WORKSHEET_TYPE},
    )


def xlsx_rows(stream: Any, filename: str) -> Iterator[tuple]:
    check_workbook(stream, filename)
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file gets the same message
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx).")) from None
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def csv_rows(stream: Any) -> Iterator[list[str]]:
    # Read line by line: a file of a million rows never sits in memory at once.
    text = (
        io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        if not isinstance(stream, io.TextIOBase)
        else stream
    )
    try:
        first = text.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        yield from csv.reader(_chain(first, text), delimiter=delimiter)
    except UnicodeDecodeError:
        raise ValidationError(_("Tệp CSV phải được lưu với bảng mã UTF-8.")) from None
    finally:
        if isinstance(text, io.TextIOWrapper):
            with contextlib.suppress(ValueError):  # the caller may have closed the stream already
                text.detach()


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


# --- Validating ---------------------------------------------------------------------------------------


class Lookups:
    """Reference data for one import, loaded once: wards of the agency's province, VSIC codes, kinds."""

    def __init__(self, agency: Agency):
        self.agency = agency
        self.wards: dict[str, str] = {}
        for code, name_folded in Ward.objects.filter(province_id=agency.province_code).values_list(
            "code", "name_folded"
        ):
            self.wards[code] = code
            self.wards[name_folded or ""] = code
        self.vsic = dict(VsicCode.objects.values_list("code", "section"))
        self.kinds = {k: k for k in EnterpriseKind.values} | {
            fold(str(label)): k for k, label in EnterpriseKind.choices
        }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _tax_text(value: Any) -> str:
    # Excel drops the leading zero when a tax code is typed as a number.
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return digits.zfill(10) if len(digits) == 9 else digits.zfill(12) if len(digits) == 11 else digits
    return _text(value)


def _number(value: Any, *, upper: int) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError
        number = int(value)
    else:
        number = int(_text(value).replace(".", "").replace(",", "").replace(" ", ""))
    if number < 0 or number > upper:
        raise ValueError
    return number


def validate_row(record: dict[str, Any], lookups: Lookups) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Return (clean values, [(column key, Vietnamese message)]) for one row."""
    errors: list[tuple[str, str]] = []
    clean: dict[str, Any] = {}
    for column in COLUMNS:
        if column.required and _text(record.get(column.key)) == "":
            errors.append((column.key, _("Thiếu giá trị bắt buộc.")))
    kind_raw = _text(record.get("kind"))
    kind = lookups.kinds.get(fold(kind_raw)) if kind_raw else EnterpriseKind.COMPANY
    if kind is None:
        errors.append(("kind", _("Loại hình không hợp lệ (Doanh nghiệp, Hợp tác xã, Hộ kinh doanh...).")))
    clean["kind"] = kind or EnterpriseKind.COMPANY
    tax_raw = _tax_text(record.get("tax_code"))
    if tax_raw:
        try:
            clean["tax_code"] = normalize_tax_code(tax_raw, kind=clean["kind"])
        except ValidationError as exc:
            errors.append(("tax_code", exc.messages[0]))
    for key in ("name", "short_name", "address", "phone", "representative"):
        clean[key] = _text(record.get(key))[:255]
    clean["email"] = _text(record.get("email"))
    if clean["email"] and "@" not in clean["email"]:
        errors.append(("email", _("Địa chỉ thư điện tử không hợp lệ.")))
    vsic = _text(record.get("vsic")).upper() if record.get("vsic") not in (None, "") else ""
    if vsic.isdigit() and len(vsic) % 2:  # a two-digit code typed as a number lost its leading zero
        vsic = vsic.zfill(len(vsic) + 1)
    if vsic:
        if vsic in lookups.vsic:
            clean["vsic_id"], clean["vsic_section"] = vsic, lookups.vsic[vsic]
        else:
            errors.append(("vsic", _("Mã ngành không có trong danh mục VSIC 2018.")))
    ward = _text(record.get("ward"))
    if ward:
        code = lookups.wards.get(ward) or lookups.wards.get(fold(ward))
        if code:
            clean["ward_id"] = code
        else:
            errors.append(("ward", _("Không tìm thấy xã/phường này trong địa bàn.")))
    _validate_figures(record, clean, errors)
    return clean, errors


def _validate_figures(record: dict[str, Any], clean: dict[str, Any], errors: list[tuple[str, str]]) -> None:
    limits = {"year": 2100, "employees": MAX_EMPLOYEES, "revenue_vnd": MAX_VND, "capital_vnd": MAX_VND}
    for key, upper in limits.items():
        raw = record.get(key)
        if raw in (None, ""):
            clean[key] = None
            continue
        try:
            clean[key] = _number(raw, upper=upper)
        except (TypeError, ValueError):
            errors.append((key, _("Phải là số nguyên không âm.")))
            clean[key] = None
    has_figures = any(clean.get(k) is not None for k in FIGURE_KEYS)
    if has_figures and clean.get("year") is None and not any(k == "year" for k, _m in errors):
        errors.append(("year", _("Cần năm số liệu khi có số lao động, doanh thu hoặc nguồn vốn.")))
    if clean.get("year") is not None:
        if not 1990 <= clean["year"] <= 2100:
            errors.append(("year", _("Năm số liệu không hợp lệ.")))
        if clean.get("employees") is None:
            errors.append(("employees", _("Cần số lao động tham gia BHXH của năm số liệu.")))
        if clean.get("revenue_vnd") is None and clean.get("capital_vnd") is None:
            errors.append(("revenue_vnd", _("Cần doanh thu hoặc tổng nguồn vốn của năm số liệu.")))


# --- Writing ------------------------------------------------------------------------------------------


def import_records(
    records: Iterable[tuple[int, dict[str, Any]]],
    *,
    agency: Agency,
    actor: User | None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportResult:
    """Validate and write ``records``; the good rows are created or updated, the bad ones reported."""
    lookups = Lookups(agency)
    result = ImportResult()
    seen: dict[str, int] = {}
    batch: list[dict[str, Any]] = []
    for number, record in records:
        result.total += 1
        clean, errors = validate_row(record, lookups)
        tax_code = clean.get("tax_code")
        if tax_code and tax_code in seen and not errors:
            errors.append(
                ("tax_code", _("Mã số thuế trùng với dòng %(row)s của tệp.") % {"row": seen[tax_code]})
            )
        if errors:
            headers = {c.key: str(c.header) for c in COLUMNS}
            result.errors += [RowError(number, headers[k], m, _text(record.get(k))) for k, m in errors]
            continue
        seen[tax_code] = number
        batch.append(clean)
        if len(batch) >= batch_size:
            _write_batch(batch, agency=agency, actor=actor, result=result)
            batch = []
            if progress:
                progress(result.total)
    if batch:
        _write_batch(batch, agency=agency, actor=actor, result=result)
    if progress:
        progress(result.total)
    return result


def _apply_figures(enterprise: Enterprise, row: dict[str, Any]) -> None:
    enterprise.latest_year = row["year"]
    for key in FIGURE_KEYS:
        setattr(enterprise, key, row[key])


def _refresh_derived(enterprise: Enterprise) -> None:
    refresh_size_class(enterprise)
    refresh_search_text(enterprise)


@transaction.atomic
def _write_batch(
    rows: list[dict[str, Any]], *, agency: Agency, actor: User | None, result: ImportResult
) -> None:
    existing = {
        e.tax_code: e
        for e in Enterprise.objects.filter(agency=agency, tax_code__in=[r["tax_code"] for r in rows])
    }
    years = {
        (y.enterprise_id, y.year): y
        for y in EnterpriseYear.objects.filter(
            enterprise__in=list(existing.values()), year__in={r["year"] for r in rows if r["year"]}
        )
    }
    new, changed, new_years, changed_years = [], [], [], []
    for row in rows:
        enterprise = existing.get(row["tax_code"])
        if enterprise is None:
            enterprise = Enterprise(
                agency=agency,
                tax_code=row["tax_code"],
                vsic_section=row["vsic_section"],
                **{k: row[k] for k in PROFILE_KEYS},
            )
            if row["year"]:
                _apply_figures(enterprise, row)
                new_years.append((enterprise, row))
            _refresh_derived(enterprise)
            new.append(enterprise)
            continue
        dirty = touched = False
        for key in PROFILE_KEYS:
            if row[key] not in ("", None) and getattr(enterprise, key) != row[key]:
                setattr(enterprise, key, row[key])
                dirty = True
        if enterprise.vsic_section != row["vsic_section"]:
            enterprise.vsic_section = row["vsic_section"]
            dirty = True
        if row["year"]:
            figures = {k: row[k] for k in FIGURE_KEYS}
            stored = years.get((enterprise.pk, row["year"]))
            if stored is None:
                new_years.append((enterprise, row))
                touched = True
            elif any(getattr(stored, k) != v for k, v in figures.items()):
                for k, v in figures.items():
                    setattr(stored, k, v)
                changed_years.append(stored)
                touched = True
            if touched and row["year"] >= (enterprise.latest_year or 0):
                _apply_figures(enterprise, row)
                dirty = True
        if dirty:
            _refresh_derived(enterprise)
            changed.append(enterprise)
        if dirty or touched:
            result.updated += 1
        else:
            result.unchanged += 1
    # New rows and their history: COPY on PostgreSQL, bulk_create elsewhere (nangsuat.core.bulk).
    bulk.insert_with_history(Enterprise, new, user=actor)
    if changed:
        fields = [*PROFILE_KEYS, "vsic_section", "latest_year", *FIGURE_KEYS, "size_class", "search_text"]
        bulk_update_with_history(changed, Enterprise, fields, batch_size=len(changed), default_user=actor)
        enterprises_changed.send(sender=Enterprise, ids=[e.pk for e in changed])
    bulk.insert(
        EnterpriseYear,
        [
            EnterpriseYear(enterprise=e, year=r["year"], **{k: r[k] for k in FIGURE_KEYS})
            for e, r in new_years
        ],
    )
    if changed_years:
        EnterpriseYear.objects.bulk_update(changed_years, list(FIGURE_KEYS))
    result.created += len(new)
