"""Documents of the assignment, the contract, the acceptance, the liquidation and the payment
(Kế hoạch 14, II.3.c–g), and the director's Tờ trình to the city."""

from __future__ import annotations

from typing import Any

from nangsuat.core.formatting import amount_in_words, format_vnd

from ..format import Head, OfficialDocument, Signature
from .blocks import (
    bank_text,
    bases,
    builder,
    paragraphs,
    participants,
    profile_of,
    recipients,
    signer,
    text,
    two_signatures,
    wording,
)


def money(amount: Any) -> str:
    """'1.250.000.000 đồng (Bằng chữ: Một tỷ hai trăm năm mươi triệu đồng)'."""
    try:
        value = int(amount)
    except (TypeError, ValueError):
        return "………… đồng (Bằng chữ: …………)"
    return f"{format_vnd(value, ' đồng')} (Bằng chữ: {amount_in_words(value)})"


def _party_a(doc: OfficialDocument, head: Head, data: dict[str, Any]) -> None:
    a = data.get("party_a") or {}
    doc.para([("BÊN A (Bên giao): ", {"bold": True}), (head.issuer.upper(), {"bold": True})])
    doc.field("Đại diện", text(a.get("representative")))
    doc.field("Chức vụ", text(a.get("title"), "Giám đốc"))
    if a.get("address"):
        doc.field("Địa chỉ", text(a.get("address")))


def _party_b(doc: OfficialDocument, data: dict[str, Any]) -> None:
    e = data.get("enterprise") or {}
    doc.para(
        [("BÊN B (Bên nhận hỗ trợ): ", {"bold": True}), (text(e.get("name"), "……").upper(), {"bold": True})]
    )
    doc.field("Đại diện", text(e.get("representative")))
    doc.field("Chức vụ", text(e.get("representative_title")))
    doc.field("Mã số thuế", text(e.get("tax_code")))
    doc.field("Địa chỉ", text(e.get("address")))
    doc.field("Số tài khoản", bank_text(e))


def _parties_present(doc: OfficialDocument, head: Head, data: dict[str, Any], day: str) -> None:
    """'Hôm nay, <day>, tại <issuer>, chúng tôi gồm:' and the two parties."""
    doc.para(f"Hôm nay, {text(data.get(day), '……')}, tại {head.issuer}, chúng tôi gồm:")
    _party_a(doc, head, data)
    _party_b(doc, data)


def _after_contract(doc: OfficialDocument, data: dict[str, Any], earlier: str, key: str) -> None:
    """The contract this document follows and, when there is one, the earlier minutes (``key``)."""
    doc.para(f"Căn cứ Hợp đồng hỗ trợ số {text(data.get('contract_number'), '……')};", italic=True)
    if data.get(key):
        doc.para(f"Căn cứ {earlier} số {text(data.get(key))};", italic=True, before=6)


def _two_parties(data: dict[str, Any]) -> list[Signature]:
    """Party B signs on the left, party A on the right, each with its seal."""
    return two_signatures(data, ["ĐẠI DIỆN BÊN B"], ["ĐẠI DIỆN BÊN A"], "(Ký, ghi rõ họ tên, đóng dấu)")


@builder("assignment_decision")
def assignment_decision(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document()
    d, e = data.get("dossier") or {}, data.get("enterprise") or {}
    doc.title(
        "QUYẾT ĐỊNH",
        "Về việc giao trực tiếp thực hiện nhiệm vụ hỗ trợ doanh nghiệp\nnâng cao năng suất và chất lượng",
    )
    doc.centred(f"GIÁM ĐỐC {head.issuer.upper()}", bold=True)
    city = text(data.get("city_decision"))
    province = text(profile_of(data).get("province"))
    bases(
        doc,
        data,
        "assignment_decision",
        [
            f"Căn cứ Quyết định số {city} của Ủy ban nhân dân {province} phê duyệt danh sách doanh "
            "nghiệp được hỗ trợ;"
        ]
        if city
        else [],
    )
    doc.para("Theo đề nghị của Trưởng phòng Quản lý chuyên ngành.", italic=True, before=6)
    doc.centred("QUYẾT ĐỊNH:", bold=True)
    doc.para(
        [
            ("Điều 1. ", {"bold": True}),
            (
                f"Giao trực tiếp cho {text(e.get('name'), '……')} (mã số thuế {text(e.get('tax_code'), '……')}) "
                f"thực hiện nhiệm vụ “{text(d.get('title'), '……')}”, nội dung hỗ trợ: {text(d.get('content'), '……')}.",
                {},
            ),
        ]
    )
    doc.para(f"Kinh phí hỗ trợ từ ngân sách nhà nước: {money(data.get('amount_vnd'))}.")
    if data.get("period_text"):
        doc.para(f"Thời gian thực hiện: {text(data.get('period_text'))}.")
    doc.para(
        [
            ("Điều 2. ", {"bold": True}),
            (
                f"{text(e.get('name'), 'Doanh nghiệp')} có trách nhiệm ký hợp đồng hỗ trợ với {head.issuer} "
                f"{text(data.get('contract_deadline_text'), 'trong thời hạn quy định')}; thực hiện nhiệm vụ đúng nội "
                "dung, tiến độ và sử dụng kinh phí đúng mục đích.",
                {},
            ),
        ]
    )
    doc.para(
        [
            ("Điều 3. ", {"bold": True}),
            (wording(data, "assignment_decision.article_3"), {}),
        ]
    )
    doc.signatures(
        [signer(data, ["GIÁM ĐỐC"])],
        recipients(data, ["Như Điều 3", "Lưu: VT, QLCN"], "assignment_decision"),
    )
    return doc


@builder("support_contract")
def support_contract(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document(centred_header=True)
    d = data.get("dossier") or {}
    doc.title(
        "HỢP ĐỒNG HỖ TRỢ",
        "Thực hiện nhiệm vụ hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng",
        number_below=True,
    )
    decision = text(data.get("assignment_decision"))
    bases(
        doc,
        data,
        "support_contract",
        [
            f"Căn cứ Quyết định số {decision} của Giám đốc {head.issuer} về việc giao trực tiếp thực hiện nhiệm vụ;"
        ]
        if decision
        else [],
    )
    _parties_present(doc, head, data, "signed_on_text")
    doc.para("Hai bên thỏa thuận ký kết Hợp đồng hỗ trợ với các điều khoản sau:")
    doc.heading("Điều 1. Nội dung hỗ trợ")
    doc.para(
        f"Bên A hỗ trợ, Bên B thực hiện nhiệm vụ “{text(d.get('title'), '……')}” (mã hồ sơ "
        f"{text(d.get('tracking_code'), '……')}), nội dung: {text(d.get('content'), '……')}."
    )
    doc.heading("Điều 2. Sản phẩm phải đạt")
    participants(doc, data.get("deliverables") or "")
    doc.heading("Điều 3. Thời gian thực hiện")
    doc.para(
        f"Bên B hoàn thành nhiệm vụ và đề nghị nghiệm thu chậm nhất {text(data.get('deadline_text'), '……')}."
    )
    doc.heading("Điều 4. Kinh phí và phương thức thanh toán")
    doc.para(f"Kinh phí hỗ trợ từ ngân sách nhà nước: {money(data.get('amount_vnd'))}.")
    doc.para(wording(data, "support_contract.payment"))
    doc.heading("Điều 5. Quyền và nghĩa vụ của các bên")
    doc.para(wording(data, "support_contract.duties_a"))
    doc.para(wording(data, "support_contract.duties_b"))
    doc.heading("Điều 6. Điều khoản chung")
    doc.para(
        "Hai bên cam kết thực hiện đúng các điều khoản của Hợp đồng. Hợp đồng có hiệu lực kể từ ngày ký, được "
        "lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản./."
    )
    doc.signatures(_two_parties(data))
    return doc


@builder("acceptance_minutes")
def acceptance_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document()
    doc.title(
        "BIÊN BẢN NGHIỆM THU",
        "Kết quả thực hiện nhiệm vụ hỗ trợ doanh nghiệp\nnâng cao năng suất và chất lượng",
    )
    _after_contract(doc, data, "Biên bản kiểm tra", "inspection_minutes")
    _parties_present(doc, head, data, "held_on_text")
    doc.para("Hai bên cùng tiến hành nghiệm thu kết quả thực hiện nhiệm vụ:")
    d = data.get("dossier") or {}
    doc.field("Tên nhiệm vụ", text(d.get("title")))
    doc.field("Nội dung hỗ trợ", text(d.get("content")))
    doc.heading("Kết quả, nhận xét:")
    paragraphs(doc, data.get("findings") or data.get("note") or "")
    passed = bool(data.get("passed"))
    doc.para(
        [
            ("Kết luận: ", {"bold": True}),
            (
                f"nhiệm vụ được nghiệm thu, xếp loại “{text(data.get('rating'), 'Đạt' if passed else 'Không đạt')}”.",
                {"bold": True},
            ),
        ]
    )
    doc.para("Biên bản được lập thành 04 bản, mỗi bên giữ 02 bản có giá trị như nhau./.")
    doc.signatures(_two_parties(data))
    return doc


@builder("liquidation_minutes")
def liquidation_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document()
    doc.title("BIÊN BẢN THANH LÝ HỢP ĐỒNG", f"Hợp đồng hỗ trợ số {text(data.get('contract_number'), '……')}")
    _after_contract(doc, data, "Biên bản nghiệm thu", "acceptance_minutes")
    _parties_present(doc, head, data, "held_on_text")
    doc.para("Hai bên thống nhất thanh lý Hợp đồng với các nội dung sau:")
    doc.heading("Điều 1. Khối lượng thực hiện")
    paragraphs(doc, data.get("result") or "Bên B đã thực hiện nhiệm vụ theo Hợp đồng và được nghiệm thu.")
    doc.heading("Điều 2. Kinh phí")
    doc.para(f"Kinh phí theo Hợp đồng: {money(data.get('contract_amount_vnd'))}.")
    doc.para(
        [
            ("Kinh phí thanh lý, Bên A thanh toán cho Bên B: ", {}),
            (money(data.get("final_amount_vnd")), {"bold": True}),
        ]
    )
    doc.heading("Điều 3. Điều khoản chung")
    doc.para("Hai bên thống nhất thanh lý Hợp đồng; Hợp đồng chấm dứt sau khi Bên A thanh toán cho Bên B./.")
    doc.signatures(_two_parties(data))
    return doc


@builder("payment_request")
def payment_request(head: Head, data: dict[str, Any]) -> OfficialDocument:
    """The agency's Công văn asking the State Treasury to pay the support (a Công văn carries no type
    name: its subject goes under the number, 'V/v …')."""
    doc = head.document(
        summary_under_number="V/v đề nghị thanh toán kinh phí hỗ trợ\ndoanh nghiệp thực hiện nhiệm vụ\nthuộc Chương trình 1322"
    )
    e = data.get("enterprise") or {}
    d = data.get("dossier") or {}
    treasury = profile_of(data).get("treasury") or {}
    treasury_name = text(treasury.get("name"), "Kho bạc Nhà nước")
    doc.space(12)
    doc.centred(f"Kính gửi: {text(data.get('addressee'), treasury_name)}.")
    doc.para(
        wording(
            data,
            "payment_request.body",
            contract=text(data.get("contract_number"), "……"),
            liquidation=text(data.get("liquidation_minutes"), "……"),
            agency=head.issuer,
            treasury=treasury_name,
        )
    )
    doc.heading("1. Đơn vị đề nghị thanh toán")
    doc.field("Tên đơn vị", head.issuer)
    doc.field("Tài khoản dự toán số", text(treasury.get("account")))
    doc.field("Mở tại", treasury_name)
    doc.field("Mã đơn vị có quan hệ với ngân sách", text(treasury.get("budget_unit_code")))
    doc.heading("2. Đơn vị nhận tiền")
    doc.field("Tên doanh nghiệp", text(e.get("name")))
    doc.field("Mã số thuế", text(e.get("tax_code")))
    doc.field("Số tài khoản", bank_text(e))
    doc.heading("3. Nội dung thanh toán")
    doc.para([("Số tiền: ", {}), (money(data.get("amount_vnd")), {"bold": True})])
    doc.field(
        "Nội dung",
        f"Thanh toán kinh phí hỗ trợ nhiệm vụ “{text(d.get('title'), '……')}” (mã hồ sơ "
        f"{text(d.get('tracking_code'), '……')}) theo Hợp đồng số {text(data.get('contract_number'), '……')}",
    )
    if data.get("reference"):
        doc.field("Chứng từ tham chiếu", text(data.get("reference")))
    doc.para(
        "Hồ sơ kèm theo: Hợp đồng hỗ trợ; Biên bản nghiệm thu; Biên bản thanh lý hợp đồng; Quyết định giao "
        "trực tiếp thực hiện nhiệm vụ."
    )
    doc.para(f"{head.issuer} đề nghị {treasury_name} xem xét, thanh toán theo nội dung trên./.")
    doc.signatures(
        [signer(data, ["GIÁM ĐỐC"])],
        recipients(
            data, ["Như trên", text(e.get("name"), "Doanh nghiệp"), "Lưu: VT, KHTC"], "payment_request"
        ),
    )
    return doc


@builder("city_proposal")
def city_proposal(head: Head, data: dict[str, Any]) -> OfficialDocument:
    """The director's Tờ trình to the city: the ranked list of dossiers proposed for support."""
    doc = head.document()
    year = text(data.get("year"), "……")
    doc.title(
        "TỜ TRÌNH",
        "Về việc đề nghị phê duyệt danh sách doanh nghiệp được hỗ trợ\n"
        f"nâng cao năng suất và chất lượng năm {year}",
    )
    doc.centred(f"Kính gửi: {text(data.get('addressee'), head.parent_body)}.")
    bases(doc, data, "city_proposal")
    council = text(data.get("council"))
    if council:
        doc.para(f"Căn cứ kết quả đánh giá của {council};", italic=True, before=6)
    doc.para(
        f"{head.issuer} kính trình {text(data.get('addressee'), head.parent_body)} xem xét, phê duyệt danh sách "
        f"{text(data.get('count'), '……')} doanh nghiệp được hỗ trợ thuộc {text(data.get('call'), 'đợt đăng ký')}, "
        "theo thứ tự xếp hạng của Hội đồng tư vấn, như sau:",
        before=6,
    )
    rows = [[text(c) for c in row] for row in data.get("rows") or []]
    rows.append(["", "Tổng cộng", "", "", text(data.get("total_text"), "—")])
    doc.table(
        ["TT", "Doanh nghiệp (mã số thuế)", "Nội dung hỗ trợ", "Điểm", "Kinh phí hỗ trợ (đồng)"],
        rows,
        [11, 58, 46, 16, 34],
        size=12,
    )
    doc.para(f"Tổng kinh phí đề nghị hỗ trợ: {money(data.get('total_vnd'))}.")
    if data.get("earlier_vnd"):
        doc.para(
            f"Cùng {format_vnd(int(data['earlier_vnd']), ' đồng')} đã trình trước đó, tổng kinh phí của đợt là "
            f"{format_vnd(int(data.get('list_total_vnd') or 0), ' đồng')}, trong dự toán "
            f"{format_vnd(int(data.get('budget_vnd') or 0), ' đồng')}."
        )
    elif data.get("budget_vnd"):
        doc.para(f"Dự toán kinh phí của đợt: {format_vnd(int(data['budget_vnd']), ' đồng')}.")
    doc.para(
        f"{head.issuer} kính trình {text(data.get('addressee'), head.parent_body)} xem xét, quyết định./."
    )
    doc.signatures(
        [signer(data, ["GIÁM ĐỐC"])], recipients(data, ["Như trên", "Lưu: VT, QLCN"], "city_proposal")
    )
    return doc
