"""The estimate and Finance's appraisal as documents in the Nghị định 30 format, drawn by ``documents``.

- ``budget_estimate``: the Department's estimate sent to the Department of Finance — numbered in the agency's
  register when the director submits it (``documents.services.issue_document``, effect ``estimate_document``),
  drawn again as a draft ("…") while it is still being written.
- ``budget_appraisal``: Finance's appraisal, line by line; Finance numbers it in its own register, so the
  platform draws it with the number left for Finance's office ("…/STC-QLNS").

Data: ``year``, ``version``, ``title``, ``lines`` [{task, content, description, unit, quantity, norm_vnd,
amount_vnd, appraised_amount_vnd, appraisal_note, plan_section}], ``total_vnd``, ``appraised_total_vnd``,
``appraisal_note``, ``signer``, ``profile``. Amounts are integer đồng, written in figures and in words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from nangsuat.core.formatting import amount_in_words, format_vnd
from nangsuat.documents.format import LEFT, RIGHT, Head, OfficialDocument, Signature
from nangsuat.documents.kinds import render
from nangsuat.documents.kinds.blocks import builder, recipients, signer, text
from nangsuat.documents.models import DocumentKind
from nangsuat.documents.profile import snapshot

from .models import Estimate

ESTIMATE = DocumentKind.BUDGET_ESTIMATE
APPRAISAL = "budget_appraisal"
FINANCE_NUMBER = "…/STC-QLNS"
ESTIMATE_WIDTHS: list[float] = [10, 62, 18, 16, 26, 30, 18]
APPRAISAL_WIDTHS: list[float] = [10, 50, 28, 28, 28, 36]


def estimate_data(estimate: Estimate) -> dict[str, Any]:
    lines = list(estimate.lines.select_related("content"))
    return {
        "year": estimate.year,
        "version": estimate.version,
        "title": estimate.title,
        "lines": [
            {
                "task": str(line.get_task_display()),
                "content": str(line.content) if line.content_id else "",
                "description": line.description,
                "unit": line.unit,
                "quantity": line.quantity,
                "norm_vnd": line.norm_vnd,
                "amount_vnd": line.amount_vnd,
                "appraised_amount_vnd": line.approved_vnd,
                "appraisal_note": line.appraisal_note,
                "plan_section": line.plan_section,
            }
            for line in lines
        ],
        "total_vnd": sum(line.amount_vnd for line in lines),
        "appraised_total_vnd": sum(line.approved_vnd for line in lines),
        "appraisal_note": estimate.appraisal_note,
    }


def _what(data: dict[str, Any]) -> str:
    adjusted = int(data.get("version") or 1) > 1
    kind = "dự toán điều chỉnh" if adjusted else "dự toán"
    return f"{kind} kinh phí thực hiện Chương trình nâng cao năng suất và chất lượng năm {data.get('year')}"


def _described(row: dict[str, Any]) -> str:
    """The line's expense, with its support content unless the expense already names it."""
    content = text(row.get("content"))
    short = content.split(" — ")[0]
    return text(row["description"]) + (f" ({content})" if content and short not in row["description"] else "")


def _bold_last_row(table) -> None:
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True


def _in_words(doc: OfficialDocument, label: str, amount: int) -> None:
    doc.para(f"{label}: {format_vnd(amount, ' đồng')}.", bold=True)
    doc.para(f"(Bằng chữ: {amount_in_words(amount)}.)", italic=True)


@builder(ESTIMATE)
def estimate_document(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document()
    what = _what(data)
    doc.title("DỰ TOÁN", what[:1].upper() + what[1:])
    doc.centred("Kính gửi: Sở Tài chính.")
    doc.para(
        "Căn cứ Kế hoạch số 14/KH-UBND năm 2026 của Ủy ban nhân dân thành phố, mục IV và V.2;", italic=True
    )
    doc.para(
        f"{head.issuer_short} lập {_what(data)}, đề nghị Sở Tài chính thẩm định, trình Ủy ban nhân dân "
        "thành phố phê duyệt, chi tiết như sau:"
    )
    headers = [
        "TT",
        "Nội dung chi",
        "Đơn vị tính",
        "Số lượng",
        "Định mức (đồng)",
        "Thành tiền (đồng)",
        "Mục KH",
    ]
    rows = [
        [
            str(i),
            _described(row),
            text(row.get("unit"), "—"),
            str(row["quantity"]),
            format_vnd(int(row["norm_vnd"]), ""),
            format_vnd(int(row["amount_vnd"]), ""),
            text(row.get("plan_section"), "—"),
        ]
        for i, row in enumerate(data.get("lines") or [], 1)
    ]
    rows.append(["", "Tổng cộng", "", "", "", format_vnd(int(data.get("total_vnd") or 0), ""), ""])
    table = doc.table(headers, rows, ESTIMATE_WIDTHS, size=11)
    for row in table.rows[1:]:
        row.cells[1].paragraphs[0].alignment = LEFT
        for i in (3, 4, 5):
            row.cells[i].paragraphs[0].alignment = RIGHT
    _bold_last_row(table)
    _in_words(doc, "Tổng kinh phí đề nghị", int(data.get("total_vnd") or 0))
    doc.para(f"{head.issuer_short} kính đề nghị Sở Tài chính xem xét, thẩm định./.")
    doc.signatures(
        [signer(data, ["GIÁM ĐỐC"])],
        recipients(data, ["Như trên", "UBND thành phố (để báo cáo)", "Lưu: VT, KHTC"]),
    )
    return doc


@builder(APPRAISAL)
def appraisal_document(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document()
    doc.title("THÔNG BÁO", f"Kết quả thẩm định {_what(data)}")
    doc.centred("Kính gửi: Sở Khoa học và Công nghệ.")
    doc.para(
        f"Sở Tài chính đã nhận {_what(data)} của Sở Khoa học và Công nghệ. Sau khi xem xét, Sở Tài chính "
        "thông báo kết quả thẩm định như sau:"
    )
    headers = ["TT", "Nội dung chi", "Đề nghị (đồng)", "Thẩm định (đồng)", "Chênh lệch (đồng)", "Ý kiến"]
    rows = []
    for i, row in enumerate(data.get("lines") or [], 1):
        asked, agreed = int(row["amount_vnd"]), int(row["appraised_amount_vnd"])
        rows.append(
            [
                str(i),
                text(row["description"]),
                format_vnd(asked, ""),
                format_vnd(agreed, ""),
                format_vnd(agreed - asked, "") if agreed != asked else "—",
                text(row.get("appraisal_note"), "Thống nhất"),
            ]
        )
    total, agreed_total = int(data.get("total_vnd") or 0), int(data.get("appraised_total_vnd") or 0)
    diff = format_vnd(agreed_total - total, "") if agreed_total != total else "—"
    rows.append(["", "Tổng cộng", format_vnd(total, ""), format_vnd(agreed_total, ""), diff, ""])
    table = doc.table(headers, rows, APPRAISAL_WIDTHS, size=11)
    for row in table.rows[1:]:
        for i in (1, 5):
            row.cells[i].paragraphs[0].alignment = LEFT
        for i in (2, 3, 4):
            row.cells[i].paragraphs[0].alignment = RIGHT
    _bold_last_row(table)
    _in_words(doc, "Tổng kinh phí thẩm định", agreed_total)
    if data.get("appraisal_note"):
        doc.para(f"Ý kiến khác: {text(data['appraisal_note'])}")
    doc.para(
        "Sở Tài chính thông báo để Sở Khoa học và Công nghệ hoàn chỉnh, trình Ủy ban nhân dân thành phố./."
    )
    doc.signatures(
        [Signature(heading=["GIÁM ĐỐC"], name="")],
        ["Như trên;", "UBND thành phố (để báo cáo);", "Lưu: VT, QLNS."],
    )
    return doc


def finance_head(estimate: Estimate, issued_on: dt.date) -> Head:
    """The Department of Finance of the same city: its name in the agency's name's place."""
    own = Head.for_agency(estimate.agency, number=FINANCE_NUMBER, issued_on=issued_on)
    place = (
        estimate.agency.name.split("Công nghệ", 1)[-1].strip() if "Công nghệ" in estimate.agency.name else ""
    )
    return Head(own.parent_body, f"Sở Tài chính {place}".strip(), own.place, FINANCE_NUMBER, issued_on)


def draw_estimate(estimate: Estimate, *, number: str) -> bytes:
    head = Head.for_agency(estimate.agency, number=number, issued_on=timezone.localdate())
    return render(ESTIMATE, head, {**estimate_data(estimate), "profile": snapshot(estimate.agency)})


def draw_appraisal(estimate: Estimate) -> bytes:
    head = finance_head(estimate, estimate.appraised_on or timezone.localdate())
    return render(APPRAISAL, head, {**estimate_data(estimate), "profile": snapshot(estimate.agency)})
