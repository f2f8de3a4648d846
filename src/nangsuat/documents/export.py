"""The register as an Excel workbook (the same rows and filters as the page)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from nangsuat.core.spreadsheets import append_row

HEADERS = [
    ("STT", 6),
    ("Số, ký hiệu", 18),
    ("Ngày ban hành", 14),
    ("Loại văn bản", 30),
    ("Trích yếu", 60),
    ("Mã hồ sơ", 18),
    ("Doanh nghiệp", 40),
    ("Người ký", 24),
    ("Tệp PDF", 16),
]


def register_workbook(documents) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ văn bản"
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI — CHƯƠNG TRÌNH 1322"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append([h for h, _w in HEADERS])
    for col, (_h, width) in enumerate(HEADERS, 1):
        cell = ws.cell(row=3, column=col)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    for i, doc in enumerate(documents, 1):
        dossier = doc.dossier
        append_row(
            ws,
            [
                i,
                doc.number,
                doc.issued_on,
                doc.get_kind_display(),
                doc.title,
                getattr(dossier, "tracking_code", "") or "",
                getattr(getattr(dossier, "enterprise", None), "name", ""),
                doc.signer_name,
                doc.get_pdf_status_display(),
            ],
        )
        row = ws.max_row
        ws.cell(row=row, column=3).number_format = "DD/MM/YYYY"
        for col in range(1, len(HEADERS) + 1):
            ws.cell(row=row, column=col).border = border
            ws.cell(row=row, column=col).alignment = Alignment(vertical="top", wrap_text=col in (4, 5, 7))
    ws.freeze_panes = "A4"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
