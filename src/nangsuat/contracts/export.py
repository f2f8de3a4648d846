"""The contracts list and the city list (Trình UBND) as Excel workbooks, in the shared office layout."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.spreadsheets import (
    AMOUNT,
    DATE,
    NUMBER,
    SCORE,
    WRAP,
    Column,
    filters_line,
    workbook_bytes,
    write_table,
)
from nangsuat.dossiers.models import Call
from nangsuat.dossiers.states import State

from .models import SupportContract
from .selectors import CityRow


def contracts_workbook(contracts: QuerySet[SupportContract], *, q: str = "", state: str = "") -> bytes:
    """The contracts of the list's query (its search and state filter), with the amounts of each step."""
    labels = dict(State.choices)
    columns = [
        Column(_("Số hợp đồng"), 20),
        Column(_("Mã hồ sơ"), 18),
        Column(_("Doanh nghiệp"), 40, WRAP),
        Column(_("Mã số thuế"), 16),
        Column(_("Nội dung"), 30, WRAP),
        Column(_("Ngày ký"), 12, DATE),
        Column(_("Thời hạn hoàn thành"), 14, DATE),
        Column(_("Kinh phí hợp đồng (đồng)"), 18, AMOUNT),
        Column(_("Kinh phí quyết toán (đồng)"), 18, AMOUNT),
        Column(_("Đã thanh toán (đồng)"), 18, AMOUNT),
        Column(_("Ngày thanh toán"), 14, DATE),
        Column(_("Trạng thái"), 22),
    ]
    qs = contracts.select_related("liquidation", "payment")

    def rows() -> Iterable[list]:
        for c in qs.iterator(chunk_size=2000):
            liquidation = getattr(c, "liquidation", None)  # a missing reverse one-to-one is an AttributeError
            payment = getattr(c, "payment", None)
            d = c.dossier
            yield [
                c.number,
                d.tracking_code or "",
                d.enterprise.name,
                d.enterprise.tax_code,
                d.content.name,
                c.signed_on,
                c.deadline,
                c.amount_vnd,
                liquidation.final_amount_vnd if liquidation else None,
                payment.amount_vnd if payment else None,
                payment.paid_on if payment else None,
                str(labels.get(d.state, d.state)),
            ]

    book = Workbook(write_only=True)
    write_table(
        book.create_sheet(_("Hợp đồng")),
        title=_("DANH SÁCH HỢP ĐỒNG HỖ TRỢ — CHƯƠNG TRÌNH 1322"),
        filters=filters_line([(_("Từ khóa"), q.strip()), (_("Trạng thái"), str(labels.get(state, "")))]),
        columns=columns,
        rows=rows(),
    )
    return workbook_bytes(book)


def city_list_workbook(call: Call, rows: list[CityRow]) -> bytes:
    """The call's list as the page shows it: the council's rank, the score, the amount proposed."""
    labels = dict(State.choices)
    columns = [
        Column(_("Hạng"), 8, NUMBER),
        Column(_("Mã hồ sơ"), 18),
        Column(_("Doanh nghiệp"), 40, WRAP),
        Column(_("Nội dung"), 30, WRAP),
        Column(_("Tên nhiệm vụ"), 50, WRAP),
        Column(_("Điểm trung bình"), 12, SCORE),
        Column(_("Điểm ưu tiên"), 10, NUMBER),
        Column(_("Tổng kinh phí (đồng)"), 18, AMOUNT),
        Column(_("Mức hỗ trợ tối đa (đồng)"), 18, AMOUNT),
        Column(_("Đề xuất hỗ trợ (đồng)"), 18, AMOUNT),
        Column(_("Trạng thái"), 22),
    ]
    book = Workbook()
    sheet = book.active
    sheet.title = _("Trình UBND")
    write_table(
        sheet,
        title=_("DANH SÁCH ĐỀ NGHỊ HỖ TRỢ TRÌNH UBND THÀNH PHỐ"),
        filters=filters_line([(_("Đợt đăng ký"), call.title)]),
        columns=columns,
        rows=(
            [
                r.rank,
                r.dossier.tracking_code or "",
                r.dossier.enterprise.name,
                r.dossier.content.name,
                r.dossier.title,
                r.total,
                r.dossier.priority_points,
                r.dossier.total_cost_vnd,
                r.limit,
                r.amount,
                str(labels.get(r.dossier.state, r.dossier.state)),
            ]
            for r in rows
        ),
    )
    last = sheet.max_row + 1
    sheet.cell(row=last, column=9, value=_("Tổng cộng"))
    total = sheet.cell(row=last, column=10, value=sum(r.amount for r in rows))
    total.number_format = "#,##0"
    return workbook_bytes(book)
