"""Documents of the intake, the validity check, the survey and the council (Kế hoạch 14, II.3.a–b)."""

from __future__ import annotations

from typing import Any

from ..format import Head, OfficialDocument, Signature
from .blocks import (
    bases,
    builder,
    dossier_block,
    enterprise_block,
    paragraphs,
    participants,
    people_table,
    recipients,
    signer,
    text,
    two_signatures,
    wording,
)

DIRECTOR = ["GIÁM ĐỐC"]


def _minutes_opening(doc: OfficialDocument, head: Head, data: dict[str, Any], place: str) -> None:
    doc.para(
        f"Hôm nay, {text(data.get('held_on_text'), 'ngày ……… tháng ……… năm ………')}, "
        f"tại {text(place, head.issuer)}, chúng tôi gồm:"
    )


def _numbered(rows: Any) -> list[list[str]]:
    """Table rows from ``data``'s lists, each with its number (STT) first and every cell as text."""
    return [[str(i), *(text(cell) for cell in row)] for i, row in enumerate(rows or [], 1)]


@builder("receipt_slip")
def receipt_slip(head: Head, data: dict[str, Any]) -> OfficialDocument:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 01/2018/TT-VPCP, Mẫu số 01): the one-stop
    desk's receipt, its number the place in the agency's register of dossiers (Sổ theo dõi hồ sơ)."""
    doc = head.document()
    d = data.get("dossier") or {}
    e = data.get("enterprise") or {}
    doc.title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    doc.centred(f"Mã hồ sơ: {text(d.get('tracking_code'), '…………')}", bold=True)
    doc.centred("(Liên: Lưu/giao doanh nghiệp)", italic=True, size=13)
    doc.para(f"{head.issuer} tiếp nhận hồ sơ của: {text(e.get('name'), '…………')}")
    doc.field("Mã số thuế", text(e.get("tax_code")))
    doc.field("Địa chỉ", text(e.get("address")))
    phone = text(data.get("submitter_phone")) or text(e.get("phone"))
    email = text(data.get("submitter_email")) or text(e.get("email"))
    doc.field("Số điện thoại", phone or "…………")
    doc.field("Thư điện tử", email or "…………")
    doc.field(
        "Nội dung yêu cầu giải quyết",
        f"Đăng ký tham gia Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng, "
        f"{text(d.get('call'))}; nội dung: {text(d.get('content'))}; nhiệm vụ: {text(d.get('title'))}",
    )
    doc.para("1. Thành phần hồ sơ nộp gồm:")
    rows = _numbered(data.get("attachments")) or [["1", "Phiếu đăng ký tham gia Chương trình", "01"]]
    doc.table(["STT", "Tên giấy tờ", "Số tệp"], rows, [15, 125, 25])
    doc.para("2. Số lượng hồ sơ: 01 bộ (nộp trực tuyến).")
    days = data.get("processing_days")
    doc.para(
        "3. Thời gian giải quyết hồ sơ theo quy định là: "
        + (
            f"{int(days):02d} ngày làm việc (kiểm tra tính hợp lệ của hồ sơ)."
            if days
            else "05 ngày làm việc."
        )
    )
    doc.para(f"4. Thời gian nhận hồ sơ: {text(data.get('received_at_text'), '……')}.")
    doc.para(
        "5. Thời gian trả kết quả kiểm tra hồ sơ: "
        f"{('trước 17 giờ 00 phút, ' + text(data.get('return_at_text'))) if data.get('return_at_text') else '……'}."
    )
    doc.para(
        f"6. Đăng ký nhận kết quả tại: {text(data.get('channel'), 'Hệ thống quản lý Chương trình 1322 (trực tuyến) và thư điện tử của doanh nghiệp')}."
    )
    sequence = head.number.split("/")[0] if head.number else "……"
    doc.para(
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {head.issued_on.year}, Số thứ tự: {sequence}.",
        italic=True,
    )
    doc.signatures(
        [
            Signature(
                heading=["NGƯỜI NỘP HỒ SƠ"], name=text(data.get("submitted_by")), note="(Nộp trực tuyến)"
            ),
            Signature(
                heading=list((data.get("signer") or {}).get("heading") or ["NGƯỜI TIẾP NHẬN HỒ SƠ"]),
                name=text((data.get("signer") or {}).get("name")),
                note="(Ký và ghi rõ họ tên)",
            ),
        ]
    )
    return doc


@builder("supplement_request")
def supplement_request(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document()
    d = data.get("dossier") or {}
    e = data.get("enterprise") or {}
    doc.title("THÔNG BÁO", "Về việc bổ sung hồ sơ đăng ký hỗ trợ\nnâng cao năng suất và chất lượng")
    bases(doc, data, "supplement_request")
    doc.para(
        f"Sau khi xem xét hồ sơ mã {text(d.get('tracking_code'), '……')} của {text(e.get('name'), '……')} "
        f"đăng ký hỗ trợ nội dung “{text(d.get('content'), '……')}”, {head.issuer} thông báo hồ sơ chưa đầy "
        "đủ và đề nghị doanh nghiệp bổ sung các nội dung sau:"
    )
    items = data.get("items") or ""
    participants(doc, items)
    doc.para(
        [("Thời hạn bổ sung: trước ", {}), (text(data.get("deadline_text"), "……"), {"bold": True}), (".", {})]
    )
    doc.para(wording(data, "supplement_request.closing"))
    doc.para(f"{head.issuer} thông báo để doanh nghiệp biết và thực hiện./.")
    doc.signatures(
        [signer(data, DIRECTOR)],
        recipients(data, [text(e.get("name"), "Doanh nghiệp"), "Lưu: VT, QLCN"], "supplement_request"),
    )
    return doc


@builder("validity_minutes")
def validity_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    valid = bool(data.get("valid"))
    doc = head.document(form_code="B6-BBXNHS")
    doc.title(
        "BIÊN BẢN",
        ("Xác nhận hồ sơ hợp lệ" if valid else "Xác nhận hồ sơ không hợp lệ")
        + " đăng ký tham gia Chương trình\nhỗ trợ doanh nghiệp nâng cao năng suất và chất lượng",
    )
    _minutes_opening(doc, head, data, head.issuer)
    people = data.get("people")
    if people is not None:
        people_table(doc, people)
    else:
        participants(doc, data.get("participants") or [])
    doc.para("Tiến hành kiểm tra tính hợp lệ của hồ sơ đăng ký hỗ trợ:")
    enterprise_block(doc, data)
    dossier_block(doc, data)
    doc.heading("Kết quả kiểm tra:")
    rows = _numbered(data.get("checks"))
    if rows:
        doc.table(["STT", "Điều kiện", "Kết quả", "Căn cứ, minh chứng"], rows, [15, 70, 25, 55])
    if data.get("duplicate_note"):
        doc.para(text(data.get("duplicate_note")))
    if not valid:
        failed = [text(item) for item in data.get("failed") or []]
        doc.para(
            "Hồ sơ không đáp ứng: " + "; ".join(failed) + "."
            if failed
            else "Hồ sơ không đáp ứng điều kiện tham gia theo quy định."
        )
        if data.get("note"):
            doc.para(f"Lý do: {text(data.get('note'))}")
    doc.para(
        [
            ("Kết luận: hồ sơ ", {"bold": True}),
            ("HỢP LỆ" if valid else "KHÔNG HỢP LỆ", {"bold": True}),
            (f". {text(data.get('note'))}" if valid and data.get("note") else ".", {}),
        ]
    )
    doc.para(
        f"Biên bản lập xong hồi {text(data.get('closed_at_text'), '……… giờ')} cùng ngày, đã đọc lại cho các "
        "thành viên cùng nghe và thống nhất ký tên./."
    )
    doc.signatures(two_signatures(data, ["NGƯỜI KIỂM TRA"], ["LÃNH ĐẠO SỞ"]))
    return doc


def _visit_minutes(head: Head, data: dict[str, Any], kind_title: str, purpose: str) -> OfficialDocument:
    doc = head.document()
    e = data.get("enterprise") or {}
    doc.title("BIÊN BẢN", kind_title)
    _minutes_opening(
        doc, head, data, text(e.get("address")) and f"{text(e.get('name'))}, {text(e.get('address'))}"
    )
    doc.heading(f"I. ĐẠI DIỆN {head.issuer.upper()}")
    if data.get("people") is not None:
        people_table(doc, data["people"])
    else:
        participants(doc, data.get("participants") or [])
    doc.heading("II. ĐẠI DIỆN DOANH NGHIỆP")
    if data.get("enterprise_people") is not None:
        people_table(doc, [[*row[:2], text(e.get("name"))] for row in data["enterprise_people"]])
    else:
        rep = text(e.get("representative"))
        participants(doc, [f"{rep} — {text(e.get('representative_title'), 'Người đại diện')}"] if rep else [])
    doc.para(purpose)
    dossier_block(doc, data)
    doc.heading("III. KẾT QUẢ, NHẬN XÉT")
    paragraphs(doc, data.get("findings", ""))
    if data.get("photos"):
        doc.para(f"Kèm theo {data['photos']} ảnh chụp tại hiện trường, lưu trên Hệ thống.", italic=True)
    doc.para("Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản, đã đọc lại và các bên thống nhất ký tên./.")
    doc.signatures(two_signatures(data, ["ĐẠI DIỆN DOANH NGHIỆP"], [f"ĐẠI DIỆN {head.issuer_short.upper()}"]))
    return doc


@builder("survey_minutes")
def survey_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    return _visit_minutes(
        head,
        data,
        "Khảo sát thực tế tại doanh nghiệp",
        "Tiến hành khảo sát thực tế điều kiện thực hiện nhiệm vụ của doanh nghiệp đăng ký hỗ trợ:",
    )


@builder("inspection_minutes")
def inspection_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    return _visit_minutes(
        head,
        data,
        "Kiểm tra thực tế kết quả thực hiện nhiệm vụ",
        f"Tiến hành kiểm tra thực tế kết quả thực hiện nhiệm vụ theo Hợp đồng số {text(data.get('contract_number'), '……')}:",
    )


@builder("council_minutes")
def council_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    council = data.get("council") or {}
    doc = head.document(issuer_lines=(head.issuer_short.upper(), "HỘI ĐỒNG TƯ VẤN"))
    doc.title(
        "BIÊN BẢN", "Họp Hội đồng tư vấn đánh giá hồ sơ đăng ký hỗ trợ\nnâng cao năng suất và chất lượng"
    )
    decision = text(council.get("decision"))
    doc.para(
        f"Hôm nay, {text(data.get('held_on_text'), 'ngày ……… tháng ……… năm ………')}, tại {head.issuer}, "
        f"{text(council.get('name'), 'Hội đồng tư vấn')}"
        + (f" (thành lập theo Quyết định số {decision})" if decision else "")
        + " họp đánh giá hồ sơ đăng ký hỗ trợ."
    )
    doc.heading("I. THÀNH PHẦN HỘI ĐỒNG")
    members = _numbered(council.get("members"))
    if members and len(members[0]) == 6:
        doc.table(
            ["STT", "Họ và tên", "Chức danh Hội đồng", "Chức vụ", "Cơ quan công tác", "Tham dự"],
            members,
            [10, 36, 27, 27, 40, 25],
            size=11,
        )
    elif members:
        doc.table(["STT", "Họ và tên", "Chức danh trong Hội đồng"], members, [15, 90, 60])
    else:
        participants(doc, [])
    doc.heading("II. HỒ SƠ ĐƯỢC ĐÁNH GIÁ")
    enterprise_block(doc, data)
    dossier_block(doc, data)
    doc.heading("III. KẾT QUẢ CHẤM ĐIỂM (Phiếu đánh giá B8-ĐGNV)")
    rows = _numbered(data.get("criteria"))
    if rows:
        rows.append(["", "Tổng điểm trung bình", "100", text(data.get("total"), "—")])
        doc.table(["STT", "Tiêu chí", "Điểm tối đa", "Điểm trung bình"], rows, [15, 95, 25, 30])
    doc.field("Số phiếu đánh giá hợp lệ", text(data.get("sheets")))
    doc.field("Điểm ưu tiên", text(data.get("priority_points"), "0"))
    votes = data.get("votes")
    if votes:
        doc.field(
            "Biểu quyết",
            f"{votes.get('for', 0)} phiếu đề xuất hỗ trợ (tổng điểm từ {text(votes.get('pass_min'))} trở lên), "
            f"{votes.get('against', 0)} phiếu không đề xuất",
        )
    if data.get("comments"):
        doc.heading("Ý kiến của các thành viên:")
        participants(doc, [text(line) for line in data["comments"]])
    doc.heading("IV. KẾT LUẬN CỦA HỘI ĐỒNG")
    passed = bool(data.get("passed"))
    doc.para(
        [
            ("Hội đồng ", {}),
            ("ĐỀ XUẤT HỖ TRỢ" if passed else "KHÔNG ĐỀ XUẤT HỖ TRỢ", {"bold": True}),
            (f" hồ sơ trên. {text(data.get('note'))}".rstrip(), {}),
        ]
    )
    doc.para("Biên bản lập xong cùng ngày, đã thông qua trước Hội đồng./.")
    doc.signatures(two_signatures(data, ["THƯ KÝ HỘI ĐỒNG"], ["CHỦ TỊCH HỘI ĐỒNG"]))
    return doc
