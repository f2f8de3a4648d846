"""Rows of the workbooks the product writes, with text kept as text.

A name, a title or a file value typed by a user may start like a formula (``=``, ``+``, ``-``, ``@``, or a
tab or carriage return before one): openpyxl writes a text starting with ``=`` as a live formula, and Excel
turns the others into one as soon as the cell is edited. Such a text is written as a text cell with Excel's
quote prefix (what typing ``'`` before it does): shown as typed, never evaluated. A control character,
which no workbook can hold, is dropped.
"""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell

from .text import without_control_characters

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
