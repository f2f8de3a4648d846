"""The report as a document in the Nghị định 30 format, drawn by the document machinery: registered as
the register's kind ``report`` ("Báo cáo", ``BC``), so ``documents.services.issue_document`` numbers and
draws it when the director signs, and ``draw`` draws a draft the same way with its number left blank.

Data (``figures`` from ``reports.figures``): ``kind``, ``year``, ``summary``, ``addressee``, ``figures``,
``narrative`` {results, shortcomings, causes, directions, proposals}, ``signer``, ``draft``, and the
agency's ``profile`` (``documents.profile``).

Charts are drawn again from the figures when the document is drawn (``indicators.charts``, PNG)."""

from __future__ import annotations

from typing import Any

from nangsuat.core.formatting import format_vnd
from nangsuat.documents.format import CENTER, LEFT, RIGHT, Head, OfficialDocument
from nangsuat.documents.kinds import render
from nangsuat.documents.kinds.blocks import bases, builder, recipients, signer, text
from nangsuat.documents.models import DocumentKind
from nangsuat.documents.numbering import series_for
from nangsuat.documents.profile import snapshot
from nangsuat.indicators.charts import progress_chart, year_chart
from nangsuat.indicators.counting import Tally
from nangsuat.indicators.definitions import PERIOD

from .kinds import CITY_KINDS, ReportKind, period_text
from .narrative import number, percent

INDICATOR_WIDTHS = [9, 50, 15, 12, 12, 12, 12, 12, 17, 14]
SUPPORTED_WIDTHS = [9, 44, 25, 37, 29, 21]
PRODUCTIVITY_WIDTHS = [9, 50, 17, 17, 22, 28, 22]
WHAT = {
    ReportKind.ANNUAL: "kết quả thực hiện Kế hoạch năm {year}",
    ReportKind.MIDTERM: "sơ kết giai đoạn {span} thực hiện Kế hoạch",
    ReportKind.FINAL: "tổng kết giai đoạn {span} thực hiện Kế hoạch",
    ReportKind.MINISTRY: "tình hình thực hiện Chương trình năm {year}",
}


def _draft_mark(doc: OfficialDocument) -> None:
    """ "DỰ THẢO" above the header, as a draft the director has not signed yet."""
    mark = doc.doc.add_paragraph()
    mark.alignment = LEFT
    run = mark.add_run("DỰ THẢO")
    run.font.bold = True
    run.font.name = "Times New Roman"
    doc.doc.tables[0]._tbl.addprevious(mark._p)


def _heading(doc: OfficialDocument, value: str) -> None:
    """A section heading, kept on the page of what follows it."""
    doc.para(value, bold=True).paragraph_format.keep_with_next = True


def _caption(doc: OfficialDocument, value: str) -> None:
    """A table's caption, kept on the page of its table."""
    doc.para(value, bold=True, indent=False, align=CENTER).paragraph_format.keep_with_next = True


def _lines(doc: OfficialDocument, value: str) -> None:
    """The officer's text, one paragraph a line (a line announcing a list stays with its first item); an
    empty section shows dots to be filled."""
    for line in [line.strip() for line in str(value or "").splitlines() if line.strip()] or ["…………"]:
        doc.para(line).paragraph_format.keep_with_next = line.endswith(":")


def _indicator_table(doc: OfficialDocument, rows: list[dict[str, Any]]) -> None:
    headers = ["TT", "Chỉ tiêu (đơn vị tính)", "Chỉ tiêu KH", *map(str, PERIOD), "Cả giai đoạn", "Tỷ lệ (%)"]
    body = [
        [
            str(i),
            f"{row['name']} ({row['unit']})",
            number(row["target"]),
            *(number(v) for v in row["values"]),
            number(row["total"]),
            percent(row["share"]).removesuffix(" %"),
        ]
        for i, row in enumerate(rows, 1)
    ]
    table = doc.table(headers, body, INDICATOR_WIDTHS, size=11)
    for row in table.rows[1:]:
        row.cells[1].paragraphs[0].alignment = LEFT
        for cell in row.cells[2:]:
            cell.paragraphs[0].alignment = RIGHT
        for run in row.cells[-2].paragraphs[0].runs:
            run.font.bold = True


def _supported_table(doc: OfficialDocument, rows: list[dict[str, Any]], total: int) -> None:
    headers = ["TT", "Doanh nghiệp", "Xã, phường", "Nội dung hỗ trợ", "Kinh phí (đồng)", "Tình trạng"]
    body = [
        [
            str(i),
            text(row["name"]),
            text(row["ward"], "—"),
            text(row["content"], "—"),
            format_vnd(int(row["amount_vnd"]), ""),
            text(row["state"]),
        ]
        for i, row in enumerate(rows, 1)
    ]
    body.append(["", "Tổng cộng", "", "", format_vnd(total, ""), ""])
    table = doc.table(headers, body, SUPPORTED_WIDTHS, size=11)
    for row in table.rows[1:]:
        for i in (1, 2, 3, 5):
            row.cells[i].paragraphs[0].alignment = LEFT
        row.cells[4].paragraphs[0].alignment = RIGHT
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True


def _signed(value: Any) -> str:
    return "—" if value is None else ("+" if value > 0 else "") + percent(value).replace(" %", "")


def _productivity_table(doc: OfficialDocument, rows: list[dict[str, Any]]) -> None:
    headers = [
        "TT",
        "Doanh nghiệp",
        "Năm gốc",
        "Năm so sánh",
        "Doanh nghiệp (%)",
        "Nhóm cùng ngành, quy mô (%)",
        "Chênh lệch (điểm %)",
    ]
    body = [
        [
            str(i),
            text(row["name"]),
            str(row["base_year"]),
            str(row["year"]),
            _signed(row["change"]),
            _signed(row["peer_change"]),
            _signed(row["difference"]),
        ]
        for i, row in enumerate(rows, 1)
    ]
    table = doc.table(headers, body, PRODUCTIVITY_WIDTHS, size=11)
    for row in table.rows[1:]:
        row.cells[1].paragraphs[0].alignment = LEFT
        for i in (4, 5, 6):
            row.cells[i].paragraphs[0].alignment = RIGHT


def _charts(doc: OfficialDocument, rows: list[dict[str, Any]]) -> None:
    progress = progress_chart([(r["name"], r["total"], r["target"]) for r in rows], fmt="png")
    doc.picture(progress, 150, "Biểu đồ 1. Tỷ lệ thực hiện chỉ tiêu cả giai đoạn so với Kế hoạch")
    charts = [
        (
            f"{r['name']} ({r['unit']})",
            year_chart(
                Tally(r["code"], dict(zip(PERIOD, r["values"], strict=True)), r["total"]),
                target=r["target"],
                fmt="png",
            ),
        )
        for r in rows
    ]
    doc.pictures(charts, columns=2)
    doc.para("Biểu đồ 2. Kết quả từng chỉ tiêu theo năm", italic=True, indent=False, align=CENTER, before=0)


@builder(DocumentKind.REPORT)
def report(head: Head, data: dict[str, Any]) -> OfficialDocument:
    kind, year = text(data.get("kind"), ReportKind.ANNUAL), int(data.get("year") or PERIOD[0])
    figures = data.get("figures") or {}
    narrative = data.get("narrative") or {}
    money = figures.get("money") or {}
    rows = figures.get("indicators") or []
    span = period_text(tuple(figures.get("years") or [year]))
    doc = head.document()
    if data.get("draft"):
        _draft_mark(doc)
    doc.title("BÁO CÁO", str(data.get("summary") or ""))
    doc.centred(f"Kính gửi: {text(data.get('addressee'), head.parent_body)}.")
    bases(doc, data, DocumentKind.REPORT)
    doc.para(f"{head.issuer_short} báo cáo {WHAT[kind].format(year=year, span=span)} như sau:")

    _heading(doc, "I. KẾT QUẢ THỰC HIỆN")
    _heading(doc, "1. Kết quả đạt được")
    _lines(doc, narrative.get("results", ""))
    _heading(doc, "2. Kết quả thực hiện các chỉ tiêu")
    doc.para(
        "Số liệu được tổng hợp từ hệ thống quản lý Chương trình; mỗi năm tính theo ngày của hồ sơ, hoạt động; "
        "cột “Cả giai đoạn” đếm mỗi người, doanh nghiệp, nhóm sản phẩm một lần trong cả giai đoạn "
        f"{period_text()}.",
        italic=True,
    )
    _caption(doc, "Bảng 1. Kết quả thực hiện các chỉ tiêu")
    _indicator_table(doc, rows)
    if rows:
        _charts(doc, rows)
    _heading(doc, "3. Doanh nghiệp được hỗ trợ")
    supported = figures.get("supported") or []
    committed = int(money.get("committed_vnd") or 0)
    if supported:
        doc.para(
            f"Các đợt đăng ký {('năm ' + span) if len(figures.get('years') or []) == 1 else ('giai đoạn ' + span)} "
            f"có {number(int(money.get('enterprises') or 0))} doanh nghiệp được hỗ trợ:"
        )
        _caption(doc, "Bảng 2. Danh sách doanh nghiệp được hỗ trợ")
        _supported_table(doc, supported, committed)
    else:
        doc.para("Chưa có doanh nghiệp được phê duyệt hỗ trợ trong kỳ báo cáo.")
    _heading(doc, "4. Kinh phí thực hiện")
    paid = int(money.get("paid_vnd") or 0)
    doc.para(f"- Kinh phí hỗ trợ đã phê duyệt, ký hợp đồng: {format_vnd(committed, ' đồng')}.")
    doc.para(
        f"- Kinh phí đã thanh toán: {format_vnd(paid, ' đồng')} ({number(int(money.get('payments') or 0))} "
        "lượt thanh toán)"
        + (f", đạt {percent(round(100 * paid / committed, 1))} kinh phí hỗ trợ." if committed else ".")
    )

    _heading(doc, "5. Năng suất của doanh nghiệp được hỗ trợ")
    productivity = figures.get("productivity") or []
    if productivity:
        doc.para(
            "Thay đổi năng suất lao động (giá trị tăng thêm trên một lao động) từ năm trước khi ký hợp đồng đến "
            "năm gần nhất sau nghiệm thu, so với thay đổi trung vị của các doanh nghiệp cùng ngành, cùng quy mô "
            "trong cùng các năm:"
        )
        _caption(doc, "Bảng 3. Năng suất lao động trước và sau hỗ trợ")
        _productivity_table(doc, productivity)
    else:
        doc.para(
            "Chưa có doanh nghiệp được hỗ trợ có số liệu năng suất của năm sau nghiệm thu để so sánh với năm "
            "trước khi ký hợp đồng."
        )

    _heading(doc, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")
    _heading(doc, "1. Tồn tại, hạn chế")
    _lines(doc, narrative.get("shortcomings", ""))
    _heading(doc, "2. Nguyên nhân")
    _lines(doc, narrative.get("causes", ""))
    _heading(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ")
    _lines(doc, narrative.get("directions", ""))
    _heading(doc, "IV. KIẾN NGHỊ, ĐỀ XUẤT")
    _lines(doc, narrative.get("proposals", ""))
    doc.para(f"Trên đây là báo cáo {WHAT[kind].format(year=year, span=span)} của {head.issuer_short}./.")
    copy = (
        "UBND $province (để báo cáo)" if kind not in CITY_KINDS else "Bộ Khoa học và Công nghệ (để báo cáo)"
    )
    doc.signatures(
        [signer(data, ["GIÁM ĐỐC"])],
        recipients(
            data, ["Như trên", copy, "Giám đốc, các Phó Giám đốc Sở", "Lưu: VT, QLCN"], DocumentKind.REPORT
        ),
    )
    return doc


def draft_number(agency) -> str:
    """'…/BC-SKHCN': the register gives the number when the director signs."""
    return f"…/{series_for(agency, DocumentKind.REPORT)}"


def draw(agency, data: dict[str, Any], *, number: str, issued_on) -> bytes:
    """The DOCX of a report not yet in the register (a draft), drawn as the register would draw it."""
    if "profile" not in data:
        data = {**data, "profile": snapshot(agency)}
    head = Head.for_agency(agency, number=number, issued_on=issued_on)
    return render(DocumentKind.REPORT, head, data)
