"""The register as an Excel workbook (the same rows and filters as the page)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.spreadsheets import DATE, NUMBER, WRAP, Column, filters_line, workbook_bytes, write_table

from .models import DocumentKind


def _columns() -> list[Column]:
    return [
        Column(_("STT"), 6, NUMBER),
        Column(_("Số, ký hiệu"), 18),
        Column(_("Ngày ban hành"), 14, DATE),
        Column(_("Loại văn bản"), 30, WRAP),
        Column(_("Trích yếu"), 60, WRAP),
        Column(_("Mã hồ sơ"), 18),
        Column(_("Doanh nghiệp"), 40, WRAP),
        Column(_("Người ký"), 24),
        Column(_("Tệp PDF"), 16),
    ]


def register_filters(filters) -> str:
    kinds = dict(DocumentKind.choices)
    return filters_line(
        [
            (_("Từ khóa"), filters.q),
            (_("Loại văn bản"), kinds.get(filters.kind, "")),
            (_("Năm"), filters.year),
            (_("Từ ngày"), f"{filters.date_from:%d/%m/%Y}" if filters.date_from else ""),
            (_("Đến ngày"), f"{filters.date_to:%d/%m/%Y}" if filters.date_to else ""),
        ]
    )


def register_workbook(documents, filters: str = "") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Sổ văn bản")
    rows = (
        [
            i,
            doc.number,
            doc.issued_on,
            doc.get_kind_display(),
            doc.title,
            getattr(doc.dossier, "tracking_code", "") or "",
            getattr(getattr(doc.dossier, "enterprise", None), "name", ""),
            doc.signer_name,
            doc.get_pdf_status_display(),
        ]
        for i, doc in enumerate(documents, 1)
    )
    write_table(
        sheet,
        title=_("SỔ ĐĂNG KÝ VĂN BẢN ĐI — CHƯƠNG TRÌNH 1322"),
        filters=filters or filters_line([]),
        columns=_columns(),
        rows=rows,
    )
    return workbook_bytes(book)
