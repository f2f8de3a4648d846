"""A council member's scoring sheet, Phiếu đánh giá hồ sơ (Thông tư 15/2022/TT-BKHCN, mẫu B8-ĐGNV).

Issued by the advisory council, not by the Department: the header names the agency above and
"HỘI ĐỒNG TƯ VẤN" below it, as the council minutes do. A sheet carries no register number; it is
drawn on demand from the member's sheet (``documents.drafts.score_sheets`` gathers the data).

Data: ``council`` {name, decision}, ``member`` {name, position}, ``enterprise``, ``dossier`` (the
shared keys of ``blocks``), ``criteria`` [[name, max points, points, comment]], ``total``,
``max_total``, ``comment``, ``submitted`` and ``submitted_at_text``.
"""

from __future__ import annotations

from typing import Any

from ..format import CENTER, Head, OfficialDocument, Signature
from .blocks import builder, paragraphs, text

FORM_CODE = "B8-ĐGNV"
BLANK = "…………"


def drop_number_line(doc: OfficialDocument) -> None:
    """Empty the header's "Số:" cell: a sheet is not entered in a register, so it has no number."""
    cell = doc.doc.tables[0].rows[1].cells[0]
    for paragraph in cell.paragraphs:
        if paragraph.text.startswith("Số:"):
            for run in paragraph.runs:
                run.text = ""


@builder("score_sheet")
def score_sheet(head: Head, data: dict[str, Any]) -> OfficialDocument:
    council = data.get("council") or {}
    member = data.get("member") or {}
    e, d = data.get("enterprise") or {}, data.get("dossier") or {}
    doc = head.document(issuer_lines=(head.issuer_short.upper(), "HỘI ĐỒNG TƯ VẤN"), form_code=FORM_CODE)
    if not head.number:
        drop_number_line(doc)
    doc.title(
        "PHIẾU ĐÁNH GIÁ HỒ SƠ",
        "Đề xuất thực hiện nhiệm vụ hỗ trợ doanh nghiệp\nnâng cao năng suất và chất lượng sản phẩm, hàng hóa",
    )
    if not data.get("submitted"):
        doc.centred("PHIẾU NHÁP — THÀNH VIÊN CHƯA NỘP PHIẾU", bold=True, italic=True)
    doc.heading("I. THÔNG TIN CHUNG")
    doc.field("Họ và tên thành viên Hội đồng", text(member.get("name")))
    doc.field("Chức danh trong Hội đồng", text(member.get("position")))
    decision = text(council.get("decision"))
    doc.field(
        "Hội đồng",
        text(council.get("name")) + (f" (thành lập theo Quyết định số {decision})" if decision else ""),
    )
    doc.field("Mã hồ sơ", text(d.get("tracking_code")))
    doc.field("Tên doanh nghiệp", text(e.get("name")))
    doc.field("Mã số thuế", text(e.get("tax_code")))
    doc.field("Tên nhiệm vụ", text(d.get("title")))
    doc.field("Nội dung đăng ký hỗ trợ", text(d.get("content")))
    doc.heading("II. ĐÁNH GIÁ THEO TIÊU CHÍ")
    rows = [
        [str(i), text(name), text(maximum), text(points, "—"), text(comment)]
        for i, (name, maximum, points, comment) in enumerate(data.get("criteria") or [], 1)
    ]
    rows.append(["", "Tổng cộng", text(data.get("max_total"), "100"), text(data.get("total"), "—"), ""])
    table = doc.table(
        ["TT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm đánh giá", "Nhận xét"],
        rows,
        [10, 55, 22, 22, 56],
        size=12,
    )
    total = table.rows[-1].cells
    for cell in total[1:4]:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    for row in table.rows[1:]:  # points and maxima centred, the comments as written
        row.cells[2].paragraphs[0].alignment = row.cells[3].paragraphs[0].alignment = CENTER
    doc.heading("III. NHẬN XÉT CHUNG")
    paragraphs(doc, data.get("comment") or BLANK)
    moment = text(data.get("submitted_at_text"))
    doc.signatures(
        [
            Signature(heading=[]),
            Signature(
                heading=["THÀNH VIÊN HỘI ĐỒNG"],
                name=text(member.get("name")),
                note="(Ký, ghi rõ họ tên)",
                extra=[f"Nộp phiếu lúc {moment}" if moment else "Phiếu chưa nộp"],
            ),
        ]
    )
    return doc
