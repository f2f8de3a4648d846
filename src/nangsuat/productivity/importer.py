"""Import of enterprise-year figures from .xlsx or .csv, with the registry import's machinery: the same
reading (``registry.importer``: archive checks, streamed rows, headers matched folded), the same result and
error report (one line per bad cell), the same job (``core.jobs.start_job``, progress on the job row).

Rows are matched to enterprises by tax code within the agency; a row's figures are validated by
``services.clean_figures`` (the page's and the API's rules), a blank cell leaves the stored figure as it
is. Each batch is one transaction; the indicators of the touched enterprises are recomputed and the
benchmarks refreshed when the import ends.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nangsuat.core.models import Agency, User
from nangsuat.core.text import fold
from nangsuat.registry.importer import ImportResult, RowError, csv_rows, xlsx_rows
from nangsuat.registry.models import Enterprise, EnterpriseYear
from nangsuat.registry.services import denormalise_latest
from nangsuat.registry.tax_code import normalize_tax_code

from .models import FIGURE_FIELDS, EnterpriseFigures, Source
from .services import REGISTRY_FIELDS, clean_figures, clean_year, recompute_enterprise

BATCH_SIZE = 500


@dataclass(frozen=True)
class Column:
    key: str
    header: Any
    required: bool = False
    example: str = ""


COLUMNS = [
    Column("tax_code", gettext_lazy("Mã số thuế"), True, "1800123456"),
    Column("year", gettext_lazy("Năm số liệu"), True, "2025"),
    Column("employees", gettext_lazy("Lao động bình quân năm"), False, "45"),
    Column("revenue_vnd", gettext_lazy("Doanh thu (đồng)"), False, "25000000000"),
    Column("capital_vnd", gettext_lazy("Tổng nguồn vốn (đồng)"), False, "12000000000"),
    Column("wages_vnd", gettext_lazy("Thu nhập của người lao động (đồng)"), False, "3600000000"),
    Column("depreciation_vnd", gettext_lazy("Khấu hao tài sản cố định (đồng)"), False, "800000000"),
    Column("operating_surplus_vnd", gettext_lazy("Thặng dư sản xuất (đồng)"), False, "1500000000"),
    Column("production_taxes_vnd", gettext_lazy("Thuế sản xuất (đồng)"), False, "400000000"),
    Column("value_added_vnd", gettext_lazy("Giá trị tăng thêm (đồng)"), False, ""),
    Column("hours_worked", gettext_lazy("Tổng số giờ làm việc"), False, "93600"),
    Column("fixed_assets_vnd", gettext_lazy("Giá trị tài sản cố định (đồng)"), False, "9000000000"),
    Column("energy_kwh", gettext_lazy("Năng lượng sử dụng (kWh quy đổi)"), False, "350000"),
    Column("defect_rate", gettext_lazy("Tỷ lệ sản phẩm lỗi (%)"), False, "2.5"),
]
LABELS = {c.key: c.header for c in COLUMNS}


def read_table(stream: Any, filename: str) -> Iterator[tuple[int, dict[str, Any]]]:
    rows = xlsx_rows(stream, filename) if filename.lower().endswith(".xlsx") else csv_rows(stream)
    try:
        headers = next(rows)
    except StopIteration:
        raise ValidationError(_("Tệp trống.")) from None
    by_folded = {fold(str(c.header)): c.key for c in COLUMNS} | {c.key: c.key for c in COLUMNS}
    keys = [by_folded.get(fold(str(h or ""))) for h in headers]
    missing = [str(c.header) for c in COLUMNS if c.required and c.key not in keys]
    if missing:
        raise ValidationError(_("Tệp thiếu cột bắt buộc: %(cols)s.") % {"cols": ", ".join(missing)})
    for number, values in enumerate(rows, start=2):
        record = {k: v for k, v in zip(keys, values, strict=False) if k}
        if any(v not in (None, "") for v in record.values()):
            yield number, record


def _clean_row(number: int, record: dict, enterprises: dict[str, int], result: ImportResult):
    errors = []
    try:
        tax_code = normalize_tax_code(str(record.get("tax_code") or ""))
    except ValidationError as exc:
        tax_code = ""
        errors.append(
            RowError(number, str(LABELS["tax_code"]), exc.messages[0], str(record.get("tax_code") or ""))
        )
    enterprise_id = enterprises.get(tax_code)
    if enterprise_id is None and tax_code:
        errors.append(
            RowError(
                number,
                str(LABELS["tax_code"]),
                _("Không có doanh nghiệp có mã số thuế này trong sổ."),
                str(record.get("tax_code") or ""),
            )
        )
    year = None
    try:
        year = clean_year(record.get("year"))
    except ValidationError as exc:
        errors.append(
            RowError(number, str(LABELS["year"]), exc.message_dict["year"][0], str(record.get("year") or ""))
        )
    given = {k: v for k, v in record.items() if k not in ("tax_code", "year") and v not in (None, "")}
    try:
        figures = clean_figures(given)
    except ValidationError as exc:
        figures = {}
        for field, messages in exc.message_dict.items():
            errors.append(RowError(number, str(LABELS[field]), messages[0], str(given.get(field))))
    if errors:
        result.errors.extend(errors)
        return None
    return enterprise_id, year, figures, number


@transaction.atomic
def _write_batch(
    batch: list[tuple[int, int, dict]], *, agency: Agency, actor: User | None, result: ImportResult
) -> set[int]:
    stamp = {"source": Source.IMPORT, "by": actor.pk if actor else None, "at": timezone.now().isoformat()}
    keys = {(e, y) for e, y, _f, _n in batch}
    ids = {e for e, _y in keys}
    rows = {
        (r.enterprise_id, r.year): r
        for r in EnterpriseFigures.objects.filter(enterprise_id__in=ids)
        if (r.enterprise_id, r.year) in keys
    }
    years = {
        (r.enterprise_id, r.year): r
        for r in EnterpriseYear.objects.filter(enterprise_id__in=ids)
        if (r.enterprise_id, r.year) in keys
    }
    new_rows, new_years, touched_years = [], [], []
    for enterprise_id, year, figures, number in batch:
        row = rows.get((enterprise_id, year))
        if row is None:
            row = EnterpriseFigures(agency=agency, enterprise_id=enterprise_id, year=year, sources={})
            rows[(enterprise_id, year)] = row
            new_rows.append(row)
            result.created += 1
        else:
            result.updated += 1
        for field, value in figures.items():
            if field in FIGURE_FIELDS:
                setattr(row, field, value)
            row.sources[field] = stamp
        row.updated_by = actor
        registry = {k: figures[k] for k in REGISTRY_FIELDS if k in figures}
        if registry:
            entry = years.get((enterprise_id, year))
            if entry is None:
                if registry.get("employees") is None or (
                    registry.get("revenue_vnd") is None and registry.get("capital_vnd") is None
                ):
                    # the registry's year needs its headcount and revenue or capital (the SME size);
                    # the row's other figures are kept
                    result.errors.append(
                        RowError(
                            number,
                            str(LABELS["employees"]),
                            _("Năm mới trong sổ doanh nghiệp cần lao động và doanh thu hoặc tổng nguồn vốn."),
                            str(registry.get("employees") or ""),
                        )
                    )
                    continue
                entry = EnterpriseYear(
                    enterprise_id=enterprise_id, year=year, employees=registry["employees"]
                )
                years[(enterprise_id, year)] = entry
                new_years.append(entry)
            for field, value in registry.items():
                if value is not None or field != "employees":
                    setattr(entry, field, value)
            if entry not in new_years:
                touched_years.append(entry)
    EnterpriseFigures.objects.bulk_create(new_rows)
    EnterpriseFigures.objects.bulk_update(
        [r for r in rows.values() if r not in new_rows], [*FIGURE_FIELDS, "sources", "updated_by"]
    )
    EnterpriseYear.objects.bulk_create(new_years)
    EnterpriseYear.objects.bulk_update(touched_years, list(REGISTRY_FIELDS))
    if new_years or touched_years:
        for enterprise in Enterprise.objects.filter(
            pk__in={y.enterprise_id for y in (*new_years, *touched_years)}
        ):
            denormalise_latest(enterprise)
            enterprise.save(
                update_fields=["latest_year", "employees", "revenue_vnd", "capital_vnd", "size_class"]
            )
    return ids


def import_figures(
    rows: Iterable[tuple[int, dict[str, Any]]],
    *,
    agency: Agency,
    actor: User | None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    result = ImportResult()
    enterprises = dict(Enterprise.objects.filter(agency=agency).values_list("tax_code", "pk"))
    batch: list = []
    seen: set[tuple[int, int]] = set()
    touched: set[int] = set()
    for number, record in rows:
        result.total += 1
        cleaned = _clean_row(number, record, enterprises, result)
        if cleaned is None:
            continue
        if (cleaned[0], cleaned[1]) in seen:
            result.errors.append(
                RowError(
                    number,
                    str(LABELS["year"]),
                    _("Dòng trùng doanh nghiệp và năm với một dòng trước."),
                    str(cleaned[1]),
                )
            )
            continue
        seen.add((cleaned[0], cleaned[1]))
        batch.append(cleaned)
        if len(batch) >= BATCH_SIZE:
            touched |= _write_batch(batch, agency=agency, actor=actor, result=result)
            batch = []
            if progress:
                progress(result.total)
    if batch:
        touched |= _write_batch(batch, agency=agency, actor=actor, result=result)
    for enterprise_id in touched:
        recompute_enterprise(enterprise_id)
    if progress:
        progress(result.total)
    return result
