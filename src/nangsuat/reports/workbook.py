"""The report's workbook: a summary sheet (each indicator against its target, per year and over the
period), one sheet per indicator listing the records behind its period total
(``indicators.counting.records``, so a sheet has as many rows as the total shows), and the supported
enterprises. Nothing personal beyond what the indicator counts: a participant's or an expert's name, never
an identity number or a phone."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from nangsuat.core.spreadsheets import AMOUNT, DATE, NUMBER, WRAP, Column, workbook_bytes, write_table
from nangsuat.indicators.counting import records
from nangsuat.indicators.definitions import PERIOD

from .figures import scope_of
from .kinds import period_text

# A sheet's name holds at most 31 characters.
SHEET_NAMES = {
    "manager_trainings": "Cán bộ quản lý được đào tạo",
    "certified_experts": "Chuyên gia năng suất",
    "enterprises_reached": "DN được tiếp cận",
    "enterprises_supported": "DN được hỗ trợ (nghiệm thu)",
    "product_groups_certified": "Nhóm SP hợp chuẩn, hợp quy",
    "award_entrants": "DN dự Giải thưởng CLQG",
}
SUMMARY_SHEET = "Tổng hợp"
SUPPORTED_SHEET = "Danh sách DN được hỗ trợ"


def _year(day) -> int | None:
    return day.year if day else None


def _records_table(code: str, agency_id: int) -> tuple[list[Column], list[list[Any]]]:
    qs = records(code, scope_of(agency_id))
    if code == "manager_trainings":
        columns = [
            Column("TT", 6, NUMBER),
            Column("Họ và tên", 26),
            Column("Chức vụ", 20),
            Column("Doanh nghiệp", 36, WRAP),
            Column("Khóa đào tạo", 40, WRAP),
            Column("Ngày bắt đầu", 13, DATE),
            Column("Năm", 8, NUMBER),
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
            Column("TT", 6, NUMBER),
            Column("Họ và tên", 26),
            Column("Nơi công tác", 36, WRAP),
            Column("Số chứng chỉ", 16),
            Column("Ngày cấp", 12, DATE),
            Column("Cơ quan cấp", 30, WRAP),
            Column("Năm", 8, NUMBER),
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
            Column("TT", 6, NUMBER),
            Column("Doanh nghiệp", 36, WRAP),
            Column("Nhóm sản phẩm", 30, WRAP),
            Column("Loại chứng nhận", 16),
            Column("Tiêu chuẩn, quy chuẩn", 20),
            Column("Số giấy chứng nhận", 18),
            Column("Ngày cấp", 12, DATE),
            Column("Năm", 8, NUMBER),
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
            Column("TT", 6, NUMBER),
            Column("Tên doanh nghiệp", 44, WRAP),
            Column("Mã số thuế", 16),
            Column("Xã, phường", 26),
        ]
        rows = [[e.name, e.tax_code, e.ward.name if e.ward else ""] for e in qs]
    return columns, [[i, *row] for i, row in enumerate(rows, 1)]


def workbook(*, agency_id: int, title: str, figures: dict[str, Any]) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY_SHEET
    write_table(
        summary,
        title=title,
        filters=f"Giai đoạn {period_text()}; cột “Cả giai đoạn” đếm mỗi đối tượng một lần",
        columns=[
            Column("Mã", 24),
            Column("Chỉ tiêu", 44, WRAP),
            Column("Đơn vị tính", 14),
            Column("Chỉ tiêu KH", 12, NUMBER),
            *(Column(str(year), 9, NUMBER) for year in PERIOD),
            Column("Cả giai đoạn", 12, NUMBER),
            Column("Tỷ lệ (%)", 10, NUMBER),
        ],
        rows=[
            [r["code"], r["name"], r["unit"], r["target"], *r["values"], r["total"], r["share"]]
            for r in figures["indicators"]
        ],
    )
    for row in figures["indicators"]:
        sheet = book.create_sheet(SHEET_NAMES[row["code"]])
        columns, rows = _records_table(row["code"], agency_id)
        write_table(
            sheet,
            title=f"{row['name']} — {len(rows)} {row['unit']}",
            filters=f"Các bản ghi được tính trong cả giai đoạn {period_text()} (mã {row['code']})",
            columns=columns,
            rows=rows,
        )
    sheet = book.create_sheet(SUPPORTED_SHEET)
    write_table(
        sheet,
        title="Danh sách doanh nghiệp được hỗ trợ",
        filters=f"Các đợt đăng ký năm {period_text(tuple(figures['years']))}",
        columns=[
            Column("TT", 6, NUMBER),
            Column("Doanh nghiệp", 40, WRAP),
            Column("Xã, phường", 24),
            Column("Nội dung hỗ trợ", 36, WRAP),
            Column("Kinh phí (đồng)", 16, AMOUNT),
            Column("Tình trạng", 18),
            Column("Năm", 8, NUMBER),
        ],
        rows=[
            [i, r["name"], r["ward"], r["content"], r["amount_vnd"], r["state"], r["year"]]
            for i, r in enumerate(figures["supported"], 1)
        ],
    )
    return workbook_bytes(book)
