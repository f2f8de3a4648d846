"""The city's decision approving the list of supported enterprises, drafted by the Department and
attached to the director's Tờ trình (Kế hoạch 14, II.2.c: "Sở Khoa học và Công nghệ tham mưu trình
Ủy ban nhân dân thành phố phê duyệt Danh sách doanh nghiệp được hỗ trợ").

The city issues it: its name heads the document, its number ("…/QĐ-UBND") and date are left for the
city's office to give. ``contracts.decision_draft`` gathers the data from the Tờ trình's own list.

Data: ``city`` (the city's full name), ``year``, ``call``, ``proposal`` {number, date_text},
``rows`` [[enterprise, tax code, content, amount in đồng]], ``total_vnd``.
"""

from __future__ import annotations

from typing import Any

from nangsuat.core.formatting import amount_in_words, format_vnd

from ..format import CENTER, LEFT, RIGHT, Head, OfficialDocument, Signature
from .blocks import bases, builder, recipients, text

DRAFT_NUMBER = "…/QĐ-UBND"
CITY = "Ủy ban nhân dân thành phố Cần Thơ"
WIDTHS_MM = [11, 67, 54, 33]


def city_lines(city: str) -> tuple[str, str]:
    """('ỦY BAN NHÂN DÂN', 'THÀNH PHỐ CẦN THƠ'): the issuer's name on two lines, as the city writes it."""
    name = " ".join((city or CITY).split()).upper()
    head = "ỦY BAN NHÂN DÂN"
    if name.startswith(head + " "):
        return head, name[len(head) + 1 :]
    return "", name


def level_of(city: str) -> str:
    """'THÀNH PHỐ' for a city, 'TỈNH' for a province: how the chairman's title names the committee."""
    place = city_lines(city)[1]
    return "TỈNH" if place.startswith("TỈNH") else "THÀNH PHỐ"


def _draft_header(doc: OfficialDocument, year: str) -> None:
    """Both lines of the issuer bold (the city has no parent body above it); the date left for the city
    to fill; "DỰ THẢO" above the header."""
    header = doc.doc.tables[0]
    for paragraph in header.rows[0].cells[0].paragraphs[:2]:
        for run in paragraph.runs:
            run.font.bold = True
    date = header.rows[1].cells[1].paragraphs[0]
    for i, run in enumerate(date.runs):
        run.text = f"{doc.place}, ngày …… tháng …… năm {year}" if i == 0 else ""
    mark = doc.doc.add_paragraph()
    mark.alignment = LEFT
    run = mark.add_run("DỰ THẢO")
    run.font.bold = True
    header._tbl.addprevious(mark._p)


@builder("city_decision_draft")
def city_decision_draft(head: Head, data: dict[str, Any]) -> OfficialDocument:
    city = text(data.get("city"), CITY)
    year = text(data.get("year"), "……")
    doc = head.document(issuer_lines=city_lines(city))
    _draft_header(doc, year)
    doc.title(
        "QUYẾT ĐỊNH",
        f"Phê duyệt danh sách doanh nghiệp được hỗ trợ\nnâng cao năng suất và chất lượng năm {year}",
    )
    doc.centred(f"CHỦ TỊCH ỦY BAN NHÂN DÂN {level_of(city)}", bold=True)
    bases(doc, data, "city_decision")
    proposal = data.get("proposal") or {}
    doc.para(
        f"Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số {text(proposal.get('number'), '……')} "
        f"{text(proposal.get('date_text'), 'ngày …… tháng …… năm ……')}.",
        italic=True,
        before=6,
    )
    doc.centred("QUYẾT ĐỊNH:", bold=True)
    rows = list(data.get("rows") or [])
    total = int(data.get("total_vnd") or 0)
    call = text(data.get("call"))
    doc.para(
        [
            ("Điều 1. ", {"bold": True}),
            (
                f"Phê duyệt danh sách {len(rows):02d} doanh nghiệp được hỗ trợ nâng cao năng suất và chất lượng "
                f"năm {year} thuộc Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng "
                "sản phẩm, hàng hóa giai đoạn 2021 - 2030"
                + (f" ({call})" if call else "")
                + f", với tổng kinh phí hỗ trợ từ ngân sách nhà nước là {format_vnd(total, ' đồng')}, "
                "chi tiết như sau:",
                {},
            ),
        ]
    )
    lines = [
        [str(n), f"{text(name)}\nMã số thuế: {text(tax_code)}", text(content), format_vnd(int(amount), "")]
        for n, (name, tax_code, content, amount) in enumerate(rows, 1)
    ]
    lines.append(["", "Tổng cộng", "", format_vnd(total, "")])
    table = doc.table(
        ["TT", "Doanh nghiệp", "Nội dung hỗ trợ", "Kinh phí hỗ trợ (đồng)"], lines, WIDTHS_MM, size=12
    )
    for row in table.rows[1:]:
        cells = row.cells
        cells[0].paragraphs[0].alignment = CENTER
        cells[1].paragraphs[0].alignment = cells[2].paragraphs[0].alignment = LEFT
        cells[3].paragraphs[0].alignment = RIGHT
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    table.rows[-1].cells[1].paragraphs[0].alignment = CENTER
    doc.para(f"(Bằng chữ: {amount_in_words(total)}.)", italic=True, indent=False, align=CENTER, before=0)
    doc.para(
        [
            ("Điều 2. ", {"bold": True}),
            (
                "Giao Giám đốc Sở Khoa học và Công nghệ quyết định giao trực tiếp các doanh nghiệp có tên tại "
                "Điều 1 chủ trì thực hiện nhiệm vụ và ký hợp đồng hỗ trợ; theo dõi, kiểm tra, nghiệm thu, "
                "thanh lý hợp đồng và thanh toán kinh phí theo quy định. Sở Tài chính bố trí kinh phí trong "
                "dự toán ngân sách nhà nước được giao. Các doanh nghiệp có tên tại Điều 1 thực hiện nhiệm vụ "
                "đúng nội dung, tiến độ và sử dụng kinh phí hỗ trợ đúng mục đích.",
                {},
            ),
        ]
    )
    doc.para(
        [
            ("Điều 3. ", {"bold": True}),
            (
                "Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Khoa học và Công nghệ, Giám đốc Sở "
                "Tài chính, Thủ trưởng các cơ quan, đơn vị có liên quan và các doanh nghiệp có tên tại Điều 1 "
                "chịu trách nhiệm thi hành Quyết định này.",
                {},
            ),
        ]
    )
    doc.para("Quyết định này có hiệu lực kể từ ngày ký./.")
    doc.signatures(
        [Signature(heading=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])],
        recipients(
            data,
            [
                "Như Điều 3",
                "Bộ Khoa học và Công nghệ",
                "CT, các PCT UBND thành phố",
                "VP UBND thành phố",
                "Lưu: VT",
            ],
        ),
    )
    return doc
