"""Every kind of document is drawn in the Nghị định 30 format from its workflow step."""

import datetime as dt

import pytest
from django.utils import timezone
from docx.shared import Mm

from nangsuat.core.formatting import format_date_vi
from nangsuat.documents.format import issuing_body_lines, place_and_date
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.dossiers.models import EligibilityCheck, SupplementRequest, Visit

from .helpers import EFFECT_ACTIONS, all_runs, all_text, docx_of, run_effect

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "supplement_request_letter": {"items": "Báo cáo tài chính năm 2026", "deadline": dt.date(2027, 2, 10)},
    "survey_minutes": {
        "visited_on": dt.date(2027, 4, 2),
        "participants": "Nguyễn Thị Thu Hà",
        "findings": "Đủ điều kiện",
    },
    "inspection_minutes": {
        "visited_on": dt.date(2027, 11, 2),
        "participants": "Nguyễn Thị Thu Hà",
        "findings": "Đã có chứng nhận",
    },
    "support_contract": {
        "amount_vnd": 150_000_000,
        "deadline": dt.date(2027, 11, 30),
        "deliverables": "Giấy chứng nhận ISO 9001",
    },
    "assignment_decision": {"city_decision_number": "120/QĐ-UBND", "city_decision_date": dt.date(2027, 5, 2)},
    "liquidation_minutes": {"final_amount_vnd": 140_000_000},
    "payment_request": {"amount_vnd": 140_000_000, "reference": "UNC 15"},
}


def _related_records(dossier, officer):
    SupplementRequest.objects.create(
        dossier=dossier, items="Báo cáo tài chính", deadline=dt.date(2027, 2, 10)
    )
    for item, _label in EligibilityCheck.Item.choices:
        EligibilityCheck.objects.create(dossier=dossier, item=item, met=True, evidence="Đã kiểm tra")
    Visit.objects.create(
        dossier=dossier,
        kind=Visit.Kind.SURVEY,
        visited_on=dt.date(2027, 4, 2),
        participants="Nguyễn Thị Thu Hà — Chuyên viên",
        findings="Mặt bằng sản xuất ổn định.",
    )


@pytest.mark.parametrize("effect_name", list(EFFECT_ACTIONS))
def test_each_kind_is_drawn_in_the_decree_format(effect_name, dossier, officer, director):
    _related_records(dossier, officer)
    actor = (
        director
        if effect_name
        in {"assignment_decision", "support_contract", "acceptance_minutes", "liquidation_minutes"}
        else officer
    )
    document = run_effect(effect_name, dossier, actor, note="Ghi chú", payload=PAYLOADS.get(effect_name))

    # A visit's minutes are dated the day of the visit; the others the day of their step.
    visited = {"survey_minutes": dt.date(2027, 4, 2), "inspection_minutes": dt.date(2027, 11, 2)}
    today = visited.get(effect_name, timezone.localdate())
    assert document.issued_on == today
    assert document.agency == dossier.agency and document.year == today.year
    assert document.number.startswith("01/")
    doc = docx_of(document)
    text = all_text(doc)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert f"Số: {document.number}" in text
    assert format_date_vi(today) in text
    assert dossier.enterprise.name.upper() in text.upper()
    if document.kind != DocumentKind.SUPPORT_CONTRACT:
        assert place_and_date("Cần Thơ", today) in text
        assert "UBND THÀNH PHỐ CẦN THƠ" in text or "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    mm = {name: round(getattr(section, f"{name}_margin").mm) for name in ("top", "bottom", "left", "right")}
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25
    assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    runs = [r for r in all_runs(doc) if r.text.strip()]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    assert all(13 <= r.font.size.pt <= 14 for r in runs if r.text.startswith("Số: "))
    national = next(r for r in runs if r.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert national.bold and 12 <= national.font.size.pt <= 13
    motto = next(r for r in runs if r.text == "Độc lập - Tự do - Hạnh phúc")
    assert motto.bold and 13 <= motto.font.size.pt <= 14
    assert section.different_first_page_header_footer  # no page number on page 1


def test_the_issuing_body_lines_follow_the_decree():
    assert issuing_body_lines(
        "Ủy ban nhân dân thành phố Cần Thơ", "Sở Khoa học và Công nghệ thành phố Cần Thơ"
    ) == (
        "UBND THÀNH PHỐ CẦN THƠ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    )
    assert place_and_date("Cần Thơ", dt.date(2027, 1, 5)) == "Cần Thơ, ngày 05 tháng 01 năm 2027"
    assert place_and_date("Cần Thơ", dt.date(2027, 3, 15)) == "Cần Thơ, ngày 15 tháng 3 năm 2027"


def test_receipt_slip_lists_what_was_received(dossier, owner):
    dossier.due_on = dt.date(2027, 4, 7)
    document = run_effect("receipt_slip", dossier, owner)
    text = all_text(docx_of(document))
    assert document.kind == DocumentKind.RECEIPT_SLIP and document.number == "01/TNHS-SKHCN"
    assert dossier.tracking_code in text
    assert "ngày 07 tháng 4 năm 2027" in text
    assert "Phiếu đăng ký tham gia Chương trình" in text
    assert dossier.content.name in text


def test_receipt_slip_is_issued_even_for_a_bare_dossier(dossier, owner):
    dossier.tracking_code = None
    dossier.submitted_at = None
    dossier.enterprise.representative = ""
    document = run_effect("receipt_slip", dossier, owner)
    assert document.file and Document.objects.filter(kind="receipt_slip").count() == 1


def test_support_contract_states_the_amount_in_figures_and_words(dossier, director):
    document = run_effect("support_contract", dossier, director, payload=PAYLOADS["support_contract"])
    text = all_text(docx_of(document))
    assert document.number == "01/HĐ-SKHCN"
    assert "150.000.000 đồng" in text
    assert "Một trăm năm mươi triệu đồng" in text
    assert "ĐẠI DIỆN BÊN A" in text and "ĐẠI DIỆN BÊN B" in text
    assert "Giấy chứng nhận ISO 9001" in text
    assert "ngày 30 tháng 11 năm 2027" in text
    assert document.signer_name == "Trần Văn Minh"


def test_council_minutes_read_the_council_records(dossier, officer):
    from nangsuat.core.roles import Role
    from nangsuat.councils.models import Council, CouncilMember
    from tests.core.factories import UserFactory

    council = Council.objects.create(call=dossier.call, name="Hội đồng tư vấn xét chọn năm 2027")
    chair = UserFactory(role=Role.COUNCIL, agency=dossier.agency, full_name="Lê Hoàng Phúc")
    CouncilMember.objects.create(council=council, user=chair, position="chair")
    document = run_effect("council_minutes", dossier, officer)
    text = all_text(docx_of(document))
    assert document.number == "01/BB-HĐTV"
    assert "Lê Hoàng Phúc" in text and "Chủ tịch" in text
    assert "Tính khả thi" in text and "HỘI ĐỒNG TƯ VẤN" in text
    assert not document.visible_to_enterprise


def test_receipt_slip_falls_back_to_a_plain_slip(dossier, owner, monkeypatch):
    from nangsuat.documents import context

    def broken(dossier):
        raise RuntimeError("an unexpected record")

    monkeypatch.setattr(context, "enterprise_data", broken)
    document = run_effect("receipt_slip", dossier, owner)
    text = all_text(docx_of(document))
    assert document.number == "01/TNHS-SKHCN" and "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
