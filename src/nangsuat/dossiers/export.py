"""The dossier list as an Excel workbook: the list's filters, its rows, and the columns later steps add.

The approved, contracted and paid amounts belong to ``contracts``, the council's score to ``councils``:
apps above this one. They register their columns here (``@export_column``) with the relations their
values are read from, so the export loads them with the dossiers in one query and asks no query per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.spreadsheets import (
    AMOUNT,
    DATE,
    NUMBER,
    WRAP,
    Column,
    filters_line,
    workbook_bytes,
    write_table,
)
from nangsuat.reference.models import SupportContent, Ward

from .models import Call, Dossier
from .selectors import DossierFilters
from .states import State


@dataclass(frozen=True)
class ExportColumn:
    column: Column
    value: Callable[[Dossier], Any]
    relations: tuple[str, ...]
    order: int
    hidden_from: frozenset[str]


_COLUMNS: list[ExportColumn] = []


def export_column(
    column: Column, *, relations: Iterable[str] = (), order: int = 100, hidden_from: Iterable[str] = ()
):
    """Register a column of the dossier export: ``value(dossier)`` reads only ``relations``; the roles in
    ``hidden_from`` get the export without it (what their pages do not show them)."""

    def register(value: Callable[[Dossier], Any]) -> Callable[[Dossier], Any]:
        _COLUMNS[:] = [c for c in _COLUMNS if c.column.header != column.header]  # a reload replaces
        _COLUMNS.append(ExportColumn(column, value, tuple(relations), order, frozenset(hidden_from)))
        _COLUMNS.sort(key=lambda c: c.order)
        return value

    return register


def _base_columns() -> list[Column]:
    return [
        Column(_("Mã hồ sơ"), 18),
        Column(_("Doanh nghiệp"), 40, WRAP),
        Column(_("Mã số thuế"), 16),
        Column(_("Xã/phường"), 20),
        Column(_("Đợt đăng ký"), 30, WRAP),
        Column(_("Nội dung"), 30, WRAP),
        Column(_("Tên nhiệm vụ"), 50, WRAP),
        Column(_("Trạng thái"), 22),
        Column(_("Ngày nộp"), 12, DATE),
        Column(_("Hạn xử lý"), 12, DATE),
        Column(_("Tổng kinh phí (đồng)"), 18, AMOUNT),
        Column(_("Đề nghị hỗ trợ (đồng)"), 18, AMOUNT),
        Column(_("Điểm ưu tiên"), 10, NUMBER),
    ]


def dossier_filters(filters: DossierFilters) -> str:
    call = (
        Call.objects.filter(pk=filters.call).values_list("title", flat=True).first() if filters.call else ""
    )
    content = ""
    if filters.content:
        content = (
            SupportContent.objects.filter(pk=filters.content).values_list("name", flat=True).first() or ""
        )
    ward = (
        Ward.objects.filter(code=filters.ward).values_list("name", flat=True).first() if filters.ward else ""
    )
    return filters_line(
        [
            (_("Trạng thái"), dict(State.choices).get(filters.state, "")),
            (_("Đợt đăng ký"), call or ""),
            (_("Nội dung"), content),
            (_("Xã/phường"), ward or ""),
            (_("Quá hạn"), _("có") if filters.overdue else ""),
            (_("Từ khóa"), filters.q),
        ]
    )


def _rows(qs: QuerySet[Dossier], extras: list[ExportColumn]) -> Iterator[list[Any]]:
    labels = dict(State.choices)
    for d in qs.iterator(chunk_size=2000):
        yield [
            d.tracking_code or "",
            d.enterprise.name,
            d.enterprise.tax_code,
            d.enterprise.ward.name if d.enterprise.ward_id else "",
            d.call.title,
            d.content.name,
            d.title,
            str(labels.get(d.state, d.state)),
            timezone.localtime(d.submitted_at).date() if d.submitted_at else None,
            d.due_on,
            d.total_cost_vnd,
            d.requested_support_vnd,
            d.priority_points,
        ] + [extra.value(d) for extra in extras]


def dossier_workbook(qs: QuerySet[Dossier], *, role: str, filters: str, limit: int) -> bytes:
    """The first ``limit`` dossiers of ``qs`` (write-only workbook, the query read in chunks) with the
    registered columns ``role`` may read."""
    extras = [extra for extra in _COLUMNS if role not in extra.hidden_from]
    relations = {relation for extra in extras for relation in extra.relations}
    qs = qs.select_related(*sorted(relations))[:limit]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Hồ sơ"))
    write_table(
        sheet,
        title=_("DANH SÁCH HỒ SƠ — CHƯƠNG TRÌNH 1322"),
        filters=filters,
        columns=_base_columns() + [extra.column for extra in extras],
        rows=_rows(qs, extras),
    )
    return workbook_bytes(book)
