"""The benchmark table as .xlsx, in the layout every export shares; suppressed cells read as such."""

import tempfile

from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.spreadsheets import NUMBER, SCORE, Column, write_table

from .benchmarks import PERCENT_MEASURES, Cell


def _value(cell: Cell, value: float | None):
    if value is None:
        return None
    return round(value * 100, 2) if cell.measure in PERCENT_MEASURES else round(value, 2)


def benchmark_workbook(cells: list[Cell], *, filters: str, min_cell: int) -> tempfile._TemporaryFileWrapper:
    book = Workbook(write_only=True)
    suppressed = _("Ẩn (dưới %(n)s doanh nghiệp)") % {"n": min_cell}
    write_table(
        book.create_sheet(_("Chuẩn so sánh")),
        title=_("CHUẨN SO SÁNH NĂNG SUẤT"),
        filters=filters,
        columns=[
            Column(_("Chỉ số"), 44),
            Column(_("Số doanh nghiệp"), 14, NUMBER),
            Column(_("Tứ phân vị 1"), 18, SCORE),
            Column(_("Trung vị"), 18, SCORE),
            Column(_("Tứ phân vị 3"), 18, SCORE),
        ],
        rows=(
            [c.label, suppressed, None, None, None]
            if c.suppressed
            else [c.label, c.n, _value(c, c.p25), _value(c, c.median), _value(c, c.p75)]
            for c in cells
        ),
    )
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the response closes it
    book.save(handle.name)
    handle.seek(0)
    return handle
