"""The budget's workbooks, in integer đồng: the estimate's lines with the planned and the appraised figures;
Finance's appraisal on its own (planned, appraised, the difference and Finance's note per line, totals); the
year's counterpart funds beside the programme's support."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.formatting import format_date
from nangsuat.core.spreadsheets import (
    AMOUNT,
    NUMBER,
    TEXT,
    WRAP,
    Column,
    append_row,
    workbook_bytes,
    write_table,
)

from .counterpart import CounterpartRow
from .models import Estimate


def estimate_workbook(estimate: Estimate) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Dự toán"))
    columns = [
        Column(_("STT"), 6, NUMBER),
        Column(_("Nhiệm vụ"), 24),
        Column(_("Nội dung chi"), 40, WRAP),
        Column(_("Đơn vị tính"), 12),
        Column(_("Số lượng"), 10, NUMBER),
        Column(_("Định mức (đồng)"), 16, AMOUNT),
        Column(_("Thành tiền (đồng)"), 18, AMOUNT),
        Column(_("Sở Tài chính thẩm định (đồng)"), 18, AMOUNT),
        Column(_("Ý kiến thẩm định"), 30, WRAP),
        Column(_("Mục của kế hoạch"), 14, TEXT),
        Column(_("Thuyết minh"), 40, WRAP),
    ]
    lines = list(estimate.lines.select_related("content"))
    rows = [
        [
            i,
            line.get_task_display() + (f" — {line.content}" if line.content_id else ""),
            line.description,
            line.unit,
            line.quantity,
            line.norm_vnd,
            line.amount_vnd,
            line.appraised_amount_vnd,
            line.appraisal_note,
            line.plan_section,
            line.justification,
        ]
        for i, line in enumerate(lines, 1)
    ]
    rows.append(
        [
            "",
            _("Tổng cộng"),
            "",
            "",
            None,
            None,
            sum(x.amount_vnd for x in lines),
            sum(x.approved_vnd for x in lines),
            "",
            "",
            "",
        ]
    )
    write_table(
        sheet,
        title=estimate.title.upper(),
        filters=_("Lần %(version)s · %(state)s")
        % {"version": estimate.version, "state": estimate.get_state_display()},
        columns=columns,
        rows=rows,
    )
    return workbook_bytes(book)


def appraisal_workbook(estimate: Estimate) -> bytes:
    """Finance's appraisal line by line: what the Department asked, what Finance appraised (its figure, or the
    asked one where it agreed), the difference (negative for a cut), its note; then the totals and its
    general opinion."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Thẩm định"))
    columns = [
        Column(_("STT"), 6, NUMBER),
        Column(_("Nhiệm vụ"), 24),
        Column(_("Nội dung chi"), 40, WRAP),
        Column(_("Sở KH&CN đề nghị (đồng)"), 18, AMOUNT),
        Column(_("Sở Tài chính thẩm định (đồng)"), 18, AMOUNT),
        Column(_("Chênh lệch (đồng)"), 18, AMOUNT),
        Column(_("Ý kiến thẩm định"), 40, WRAP),
    ]
    lines = list(estimate.lines.select_related("content"))
    rows: list[list] = [
        [
            i,
            line.get_task_display() + (f" — {line.content}" if line.content_id else ""),
            line.description,
            line.amount_vnd,
            line.approved_vnd,
            line.approved_vnd - line.amount_vnd,
            line.appraisal_note,
        ]
        for i, line in enumerate(lines, 1)
    ]
    planned = sum(x.amount_vnd for x in lines)
    appraised = sum(x.approved_vnd for x in lines)
    rows.append(["", _("Tổng cộng"), "", planned, appraised, appraised - planned, ""])
    write_table(
        sheet,
        title=_("KẾT QUẢ THẨM ĐỊNH: %(title)s") % {"title": estimate.title.upper()},
        filters=_("Lần %(version)s · Sở Tài chính thẩm định %(date)s")
        % {"version": estimate.version, "date": format_date(estimate.appraised_on)},
        columns=columns,
        rows=rows,
    )
    if estimate.appraisal_note:
        append_row(sheet, [])
        append_row(sheet, [_("Ý kiến thẩm định chung: %(note)s") % {"note": estimate.appraisal_note}])
    return workbook_bytes(book)


def counterpart_workbook(year: int, rows: list[CounterpartRow], sums: dict[str, int]) -> bytes:
    """Per dossier: the enterprise, the content, the programme's support, the enterprise's own funds, the
    total; then the year's totals."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Vốn đối ứng"))
    columns = [
        Column(_("STT"), 6, NUMBER),
        Column(_("Mã hồ sơ"), 16),
        Column(_("Doanh nghiệp"), 36, WRAP),
        Column(_("Nội dung hỗ trợ"), 30, WRAP),
        Column(_("Trạng thái hồ sơ"), 20),
        Column(_("Kinh phí hỗ trợ (đồng)"), 18, AMOUNT),
        Column(_("Vốn đối ứng (đồng)"), 18, AMOUNT),
        Column(_("Tổng kinh phí thực hiện (đồng)"), 20, AMOUNT),
        Column(_("Ghi chú"), 30, WRAP),
    ]
    body: list[list] = [
        [
            i,
            r.dossier.tracking_code or "",
            r.dossier.enterprise.name,
            str(r.dossier.content),
            r.dossier.get_state_display(),
            r.support_vnd,
            r.counterpart_vnd,
            r.total_vnd,
            r.note,
        ]
        for i, r in enumerate(rows, 1)
    ]
    body.append(
        ["", "", _("Tổng cộng"), "", "", sums["support_vnd"], sums["counterpart_vnd"], sums["total_vnd"], ""]
    )
    write_table(
        sheet,
        title=_("VỐN ĐỐI ỨNG CỦA DOANH NGHIỆP NĂM %(year)s") % {"year": year},
        filters=_("Kinh phí Chương trình hỗ trợ và vốn đối ứng của doanh nghiệp, theo hồ sơ"),
        columns=columns,
        rows=body,
    )
    return workbook_bytes(book)
