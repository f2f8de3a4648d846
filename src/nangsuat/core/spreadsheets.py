"""Rows of the workbooks the product writes, with text kept as text.

A name, a title or a file value typed by a user may start like a formula (``=``, ``+``, ``-``, ``@``, or a
tab or carriage return before one): openpyxl writes a text starting with ``=`` as a live formula, and Excel
turns the others into one as soon as the cell is edited. Such a text is written as a text cell with Excel's
quote prefix (what typing ``'`` before it does): shown as typed, never evaluated. A control character,
which no workbook can hold, is dropped.
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .text import without_control_characters

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def text_cell(sheet, value: str) -> Cell:
    """A cell of ``sheet`` holding ``value`` as text (for ``sheet.append``, write-only or not)."""
    # ``append`` moves the cell to its place; a cell without one breaks openpyxl's write-only append.
    cell = Cell(sheet, row=1, column=1, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def append_row(sheet, values: Iterable[Any]) -> None:
    """``sheet.append(values)``, every formula-like text written as text."""
    row = [without_control_characters(v) if isinstance(v, str) else v for v in values]
    sheet.append([text_cell(sheet, v) if is_formula_like(v) else v for v in row])


# --- The layout every export shares ---------------------------------------------------------------------
# A title, a line naming the filters used, a bold header frozen above the rows, widths that fit, money in
# đồng with thousands grouped and dates as dates: what an office opens and prints without reworking.

TEXT, WRAP, AMOUNT, NUMBER, SCORE, DATE = "text", "wrap", "amount", "number", "score", "date"
NUMBER_FORMATS = {AMOUNT: "#,##0", NUMBER: "#,##0", SCORE: "0.00", DATE: "DD/MM/YYYY"}
HEADER_ROW = 3  # title, filters, header: the rows below it scroll, the header stays

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_TOP = Alignment(vertical="top")
_TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Column:
    """One column of an export: its header, its width in characters and what it holds."""

    header: str
    width: int = 16
    kind: str = TEXT


def filters_line(used: Iterable[tuple[str, Any]]) -> str:
    """ "Bộ lọc: Trạng thái: Đã nộp; Từ khóa: xuất" — the filters given a value, or all records."""
    parts = [f"{label}: {value}" for label, value in used if value not in (None, "", False)]
    return _("Bộ lọc: %(filters)s") % {"filters": "; ".join(parts) if parts else _("không (toàn bộ)")}


def _cell(sheet, value: Any, column: Column) -> Cell:
    if isinstance(value, str):
        value = without_control_characters(value)
    cell = text_cell(sheet, value) if is_formula_like(value) else Cell(sheet, row=1, column=1, value=value)
    if column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]
    cell.border = _BORDER
    cell.alignment = _TOP_WRAPPED if column.kind == WRAP else _TOP
    return cell


def write_table(
    sheet, *, title: str, filters: str, columns: Sequence[Column], rows: Iterable[Iterable[Any]]
) -> None:
    """Write the title, the filters line, the bold frozen header and ``rows`` into ``sheet`` (write-only
    or not); every text cell goes through the formula guard of ``append_row``."""
    for index, column in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"  # a write-only sheet takes it before its first row
    heading = Cell(sheet, row=1, column=1, value=without_control_characters(title))
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    note = (
        text_cell(sheet, filters) if is_formula_like(filters) else Cell(sheet, row=1, column=1, value=filters)
    )
    note.font = Font(italic=True)
    sheet.append([note])
    header = []
    for column in columns:
        cell = Cell(sheet, row=1, column=1, value=str(column.header))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        header.append(cell)
    sheet.append(header)
    for values in rows:
        sheet.append([_cell(sheet, value, column) for value, column in zip(values, columns, strict=True)])


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
