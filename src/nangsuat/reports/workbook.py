"""The report's workbook: a summary sheet (each indicator against its target, per year and over the
period), one sheet per indicator listing the records behind its period total
(``indicators.counting.records``, so a sheet has as many rows as the total shows), and the supported
enterprises. Nothing personal beyond what the indicator counts: a participant's or an expert's name, never
an identity number or a phone."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook

from nangsuat.core.spreadsheets import AMOUNT, DATE, NUMBER, WRAP, Column, workbook_bytes, write_table
from nangsuat.indicators.counting import records
from nangsuat.indicators.definitions import PERIOD

from .figures import scope_of
from .kinds import period_text

# A sheet's name holds at most 31 characters.
SHEET_NAMES = {
    "manager_trainings": _lazy("Cán bộ quản lý được đào tạo"),
    "certified_experts": _lazy("Chuyên gia năng suất"),
    "enterprises_reached": _lazy("DN được tiếp cận"),
    "enterprises_supported": _lazy("DN được hỗ trợ (nghiệm thu)"),
    "product_groups_certified": _lazy("Nhóm SP hợp chuẩn, hợp quy"),
    "award_entrants": _lazy("DN dự Giải thưởng CLQG"),
}
SUMMARY_SHEET = _lazy("Tổng hợp")
SUPPORTED_SHEET = _lazy("Danh sách DN được hỗ trợ")


def _year(day) -> int | None:
    return day.year if day else None


def _records_table(code: str, agency_id: int) -> tuple[list[Column], list[list[Any]]]:
    qs = records(code, scope_of(agency_id))
    if code == "manager_trainings":
        columns = [
            Column(_("TT"), 6, NUMBER),
            Column(_("Họ và tên"), 26),
            Column(_("Chức vụ"), 20),
            Column(_("Doanh nghiệp"), 36, WRAP),
            Column(_("Khóa đào tạo"), 40, WRAP),
            Column(_("Ngày bắt đầu"), 13, DATE),
            Column(_("Năm"), 8, NUMBER),
        ]
        rows = [
            [
                p.full_name,
                p.position,
                p.enterprise.name if p.enterprise else "",
                p.course.title,
                p.course.starts_on,
                _year(p.course.starts_on),
            ]
            for p in qs
        ]
    elif code == "certified_experts":
        columns = [
            Column(_("TT"), 6, NUMBER),
            Column(_("Họ và tên"), 26),
            Column(_("Nơi công tác"), 36, WRAP),
            Column(_("Số chứng chỉ"), 16),
            Column(_("Ngày cấp"), 12, DATE),
            Column(_("Cơ quan cấp"), 30, WRAP),
            Column(_("Năm"), 8, NUMBER),
        ]
        rows = [
            [
                e.person.full_name,
                e.workplace or (e.enterprise.name if e.enterprise else ""),
                e.certificate_number,
                e.certified_on,
                e.issuer,
                _year(e.certified_on),
            ]
            for e in qs
        ]
    elif code == "product_groups_certified":
        columns = [
            Column(_("TT"), 6, NUMBER),
            Column(_("Doanh nghiệp"), 36, WRAP),
            Column(_("Nhóm sản phẩm"), 30, WRAP),
            Column(_("Loại chứng nhận"), 16),
            Column(_("Tiêu chuẩn, quy chuẩn"), 20),
            Column(_("Số giấy chứng nhận"), 18),
            Column(_("Ngày cấp"), 12, DATE),
            Column(_("Năm"), 8, NUMBER),
        ]
        rows = [
            [
                c.enterprise.name,
                c.product_group,
                str(c.get_kind_display()),
                c.standard_code,
                c.certificate_number,
                c.issued_on,
                _year(c.issued_on),
            ]
            for c in qs
        ]
    else:  # the enterprise counts list registry entries
        columns = [
            Column(_("TT"), 6, NUMBER),
            Column(_("Tên doanh nghiệp"), 44, WRAP),
            Column(_("Mã số thuế"), 16),
            Column(_("Xã, phường"), 26),
        ]
        rows = [[e.name, e.tax_code, e.ward.name if e.ward else ""] for e in qs]
    return columns, [[i, *row] for i, row in enumerate(rows, 1)]


def workbook(*, agency_id: int, title: str, figures: dict[str, Any]) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = str(SUMMARY_SHEET)
    write_table(
        summary,
        title=title,
        filters=_("Giai đoạn %(period)s; cột “Cả giai đoạn” đếm mỗi đối tượng một lần")
        % {"period": period_text()},
        columns=[
            Column(_("Mã"), 24),
            Column(_("Chỉ tiêu"), 44, WRAP),
            Column(_("Đơn vị tính"), 14),
            Column(_("Chỉ tiêu KH"), 12, NUMBER),
            *(Column(str(year), 9, NUMBER) for year in PERIOD),
            Column(_("Cả giai đoạn"), 12, NUMBER),
            Column(_("Tỷ lệ (%)"), 10, NUMBER),
        ],
        rows=[
            [r["code"], r["name"], r["unit"], r["target"], *r["values"], r["total"], r["share"]]
            for r in figures["indicators"]
        ],
    )
    for row in figures["indicators"]:
        sheet = book.create_sheet(str(SHEET_NAMES[row["code"]]))
        columns, rows = _records_table(row["code"], agency_id)
        write_table(
            sheet,
            title=f"{row['name']} — {len(rows)} {row['unit']}",
            filters=_("Các bản ghi được tính trong cả giai đoạn %(period)s (mã %(code)s)")
            % {"period": period_text(), "code": row["code"]},
            columns=columns,
            rows=rows,
        )
    sheet = book.create_sheet(str(SUPPORTED_SHEET))
    write_table(
        sheet,
        title=_("Danh sách doanh nghiệp được hỗ trợ"),
        filters=_("Các đợt đăng ký năm %(years)s") % {"years": period_text(tuple(figures["years"]))},
        columns=[
            Column(_("TT"), 6, NUMBER),
            Column(_("Doanh nghiệp"), 40, WRAP),
            Column(_("Xã, phường"), 24),
            Column(_("Nội dung hỗ trợ"), 36, WRAP),
            Column(_("Kinh phí (đồng)"), 16, AMOUNT),
            Column(_("Tình trạng"), 18),
            Column(_("Năm"), 8, NUMBER),
        ],
        rows=[
            [i, r["name"], r["ward"], r["content"], r["amount_vnd"], r["state"], r["year"]]
            for i, r in enumerate(figures["supported"], 1)
        ],
    )
    return workbook_bytes(book)
