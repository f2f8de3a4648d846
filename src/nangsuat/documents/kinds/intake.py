"""Documents of the intake, the validity check, the survey and the council (Kế hoạch 14, II.3.a–b)."""

from __future__ import annotations

from typing import Any

from ..format import Head, OfficialDocument, Signature
from .blocks import (
    builder,
    dossier_block,
    enterprise_block,
    paragraphs,
    participants,
    recipients,
    signer,
    text,
    two_signatures,
)

PROGRAMME = (
    "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa "
    "giai đoạn 2021–2030"
)
PLAN = "Kế hoạch số 14/KH-UBND năm 2026 của Ủy ban nhân dân thành phố Cần Thơ"
DIRECTOR = ["GIÁM ĐỐC"]


def _plan(data: dict[str, Any]) -> str:
    return text(data.get("plan"), PLAN)


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
    doc = head.document()
    doc.title(
        "PHIẾU TIẾP NHẬN HỒ SƠ",
        "Đăng ký tham gia Chương trình hỗ trợ doanh nghiệp\nnâng cao năng suất và chất lượng",
    )
    doc.para(f"{head.issuer} đã tiếp nhận hồ sơ đăng ký hỗ trợ của:")
    enterprise_block(doc, data)
    d = data.get("dossier") or {}
    doc.para([("Mã hồ sơ (dùng để tra cứu): ", {}), (text(d.get("tracking_code"), "…………"), {"bold": True})])
    doc.field("Đợt đăng ký", text(d.get("call")))
    doc.field("Nội dung đăng ký hỗ trợ", text(d.get("content")))
    doc.field("Tên nhiệm vụ", text(d.get("title")))
    doc.field("Thời điểm tiếp nhận", text(data.get("received_at_text")))
    doc.field(
        "Hình thức tiếp nhận", text(data.get("channel"), "Trực tuyến trên Hệ thống quản lý Chương trình 1322")
    )
    doc.para("Thành phần hồ sơ gồm:")
    rows = _numbered(data.get("attachments")) or [["1", "Phiếu đăng ký tham gia Chương trình", "01"]]
    doc.table(["STT", "Tên giấy tờ", "Số tệp"], rows, [15, 125, 25])
    doc.para(
        [
            ("Thời hạn kiểm tra tính hợp lệ của hồ sơ: ", {}),
            (text(data.get("due_on_text"), "05 ngày làm việc kể từ ngày hết hạn nhận hồ sơ"), {"bold": True}),
            (". Kết quả được thông báo cho doanh nghiệp trên Hệ thống và qua thư điện tử.", {}),
        ]
    )
    doc.para(
        "Doanh nghiệp tra cứu tình trạng hồ sơ bằng mã hồ sơ trên Cổng thông tin của Chương trình.",
        italic=True,
    )
    doc.signatures(
        [
            Signature(
                heading=["NGƯỜI NỘP HỒ SƠ"], name=text(data.get("submitted_by")), note="(Nộp trực tuyến)"
            ),
            Signature(
                heading=["NGƯỜI TIẾP NHẬN"],
                name=text((data.get("signer") or {}).get("name")),
                note="(Tiếp nhận trực tuyến)",
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
    doc.para(f"Căn cứ {_plan(data)} thực hiện {PROGRAMME};", italic=True)
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
    doc.para(
        "Doanh nghiệp bổ sung hồ sơ trực tuyến trên Hệ thống quản lý Chương trình 1322. Quá thời hạn trên, "
        "nếu doanh nghiệp không bổ sung, hồ sơ được xem là không hợp lệ."
    )
    doc.para(f"{head.issuer} thông báo để doanh nghiệp biết và thực hiện./.")
    doc.signatures(
        [signer(data, DIRECTOR)], recipients(data, [text(e.get("name"), "Doanh nghiệp"), "Lưu: VT, QLCN"])
    )
    return doc


@builder("validity_minutes")
def validity_minutes(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document(form_code="B6-BBXNHS")
    doc.title(
        "BIÊN BẢN",
        "Xác nhận hồ sơ hợp lệ đăng ký tham gia Chương trình\nhỗ trợ doanh nghiệp nâng cao năng suất và chất lượng",
    )
    _minutes_opening(doc, head, data, head.issuer)
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
    valid = bool(data.get("valid"))
    doc.para(
        [
            ("Kết luận: hồ sơ ", {"bold": True}),
            ("HỢP LỆ" if valid else "KHÔNG HỢP LỆ", {"bold": True}),
            (f". {text(data.get('note'))}" if data.get("note") else ".", {}),
        ]
    )
    doc.para(
        "Biên bản lập xong hồi ……… giờ cùng ngày, đã đọc lại cho các thành viên cùng nghe và thống nhất ký tên./."
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
    participants(doc, data.get("participants") or [])
    doc.heading("II. ĐẠI DIỆN DOANH NGHIỆP")
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
    if members:
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
