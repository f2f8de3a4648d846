"""Documents a director can sign as they come: every value the record holds is printed (no dotted blank
where the record knows the answer), each agency cites its own plan and bases, and the layout rules of
Nghị định 30 hold (BB for every biên bản, rules sized by their text, 6 pt between paragraphs, long tables
that repeat their header and keep rows whole)."""

import datetime as dt

import pytest
from docx.shared import Pt

from nangsuat.contracts import amounts
from nangsuat.core.roles import Role
from nangsuat.documents.format import MOTTO
from nangsuat.documents.metrics import text_width_mm
from nangsuat.documents.models import Document, DocumentProfile
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import EligibilityCheck
from nangsuat.dossiers.services.dossiers import record_eligibility
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory
from tests.registry.factories import enterprise_user

from .helpers import all_text, docx_of

pytestmark = pytest.mark.django_db
D = dt.date
DOTS = "……"
EVIDENCE = {
    "business_line": "Giấy chứng nhận đăng ký doanh nghiệp số 1800123456, ngành 1079",
    "tax": "Xác nhận của Thuế thành phố Cần Thơ ngày 02/3/2026",
    "social_insurance": "Xác nhận của BHXH thành phố Cần Thơ ngày 03/3/2026",
    "environment": "Giấy phép môi trường số 12/GPMT-UBND",
    "no_other_support": "Cam kết của doanh nghiệp; tra cứu Hệ thống không thấy hỗ trợ trùng",
}
VISITORS = (
    "Nguyễn Thị Thu Hà — Chuyên viên — Phòng Quản lý chuyên ngành, Sở KH&CN\n"
    "Lê Văn Tâm — Phó Trưởng phòng — Phòng Quản lý chuyên ngành, Sở KH&CN"
)


def _profile(agency, **overrides):
    values = {
        "province": "thành phố Cần Thơ",
        "plan_number": "14/KH-UBND",
        "plan_date": D(2026, 1, 20),
        "plan_title": "triển khai Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng",
        "authority": "Căn cứ Quyết định số 25/2025/QĐ-UBND của Ủy ban nhân dân thành phố Cần Thơ quy định "
        "chức năng, nhiệm vụ của Sở Khoa học và Công nghệ;",
        "treasury_account": "9523.1.1234567",
        "treasury_name": "Kho bạc Nhà nước khu vực XX",
        "budget_unit_code": "1234567",
    }
    return DocumentProfile.objects.create(agency=agency, **{**values, **overrides})


@pytest.fixture
def people(can_tho):
    _profile(can_tho)
    today = dt.date.today()
    call = CallFactory(
        agency=can_tho,
        registration_opens=today - dt.timedelta(days=10),
        registration_closes=today + dt.timedelta(days=20),
    )
    officer = UserFactory(
        role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà", position="Chuyên viên"
    )
    director = UserFactory(
        role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh", position="Giám đốc Sở"
    )
    council = make_council(call, officer=officer)
    for member in council[1] + [council[2]]:
        member.user.full_name, member.user.position = "Phạm Văn An", "Trưởng khoa"
        member.user.save()
        member.organisation = "Trường Đại học Cần Thơ"
        member.save()
    return call, officer, director, council


def _walk_to_paid(people):
    call, officer, director, (_c, scorers, secretary) = people
    dossier = DossierFactory(call=call, state=State.DRAFT, tracking_code=None, submitted_at=None)
    enterprise = dossier.enterprise
    enterprise.representative, enterprise.representative_title = "Võ Thị Lan", "Giám đốc"
    enterprise.phone, enterprise.email = "0292 3812345", "lienhe@dongthap.vn"
    enterprise.bank_account, enterprise.bank_name = "0111000222333", "Ngân hàng TMCP Ngoại thương Việt Nam"
    enterprise.bank_branch = "Chi nhánh Cần Thơ"
    enterprise.save()
    owner = enterprise_user(enterprise, full_name="Võ Thị Lan", phone="0909123456")
    workflow.perform(dossier=dossier, action="submit", actor=owner)
    dossier.refresh_from_db()
    record_eligibility(
        dossier=dossier, actor=officer, items={item: (True, EVIDENCE[item]) for item in EVIDENCE}
    )
    workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
    visit = {
        "visited_on": D(2026, 4, 2),
        "participants": VISITORS,
        "findings": "Nhà xưởng 1.200 m², đúng hồ sơ.",
    }
    workflow.perform(dossier=dossier, action="record_survey", actor=officer, payload=visit)
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    score_all(dossier, scorers)
    workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "1234/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": "45/QĐ-SKHCN", "decision_date": D(2026, 6, 10)},
    )
    workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload={
            "number": "07/HĐ-SKHCN",
            "signed_on": D(2026, 6, 20),
            "amount_vnd": 150_000_000,
            "deliverables": "Giấy chứng nhận ISO 9001:2015",
            "deadline": D(2026, 12, 31),
        },
    )
    workflow.perform(dossier=dossier, action="start", actor=owner)
    workflow.perform(
        dossier=dossier,
        action="request_completion",
        actor=owner,
        payload={"self_assessment": "Đã được cấp chứng nhận ISO 9001:2015 ngày 20/10/2026."},
    )
    workflow.perform(
        dossier=dossier,
        action="inspect",
        actor=officer,
        payload={**visit, "visited_on": D(2026, 11, 2), "findings": "Hệ thống vận hành, có chứng nhận."},
    )
    workflow.perform(
        dossier=dossier,
        action="accept",
        actor=director,
        payload={"rating": "Đạt", "minutes_date": D(2026, 11, 20)},
    )
    workflow.perform(
        dossier=dossier,
        action="liquidate",
        actor=director,
        payload={"final_amount_vnd": 140_000_000, "liquidated_on": D(2026, 11, 25)},
    )
    workflow.perform(
        dossier=dossier,
        action="pay",
        actor=officer,
        payload={"amount_vnd": 140_000_000, "paid_on": D(2026, 12, 1), "reference": "UNC 12"},
    )
    dossier.refresh_from_db()
    assert dossier.state == State.PAID
    return dossier


@pytest.fixture
def paid(people):
    dossier = _walk_to_paid(people)
    return {d.kind: d for d in Document.objects.filter(dossier=dossier)}


def test_a_walk_to_payment_draws_every_document_without_a_dotted_blank(paid):
    assert set(paid) >= {
        "receipt_slip",
        "validity_minutes",
        "survey_minutes",
        "council_minutes",
        "assignment_decision",
        "support_contract",
        "inspection_minutes",
        "acceptance_minutes",
        "liquidation_minutes",
        "payment_request",
    }
    for kind, document in paid.items():
        text = all_text(docx_of(document))
        assert DOTS not in text, f"{kind}: {[line for line in text.splitlines() if DOTS in line]}"


def test_numbers_and_dates_typed_on_the_forms_are_the_documents_and_the_enterprise_sees_its_own(paid):
    from nangsuat.documents.selectors import visible_documents
    from nangsuat.registry.models import EnterpriseMembership

    assert (paid["assignment_decision"].number, paid["assignment_decision"].issued_on) == (
        "45/QĐ-SKHCN",
        D(2026, 6, 10),
    )
    assert (paid["support_contract"].number, paid["support_contract"].issued_on) == (
        "07/HĐ-SKHCN",
        D(2026, 6, 20),
    )
    contract = all_text(docx_of(paid["support_contract"]))
    assert "150.000.000 đồng" in contract and "Một trăm năm mươi triệu đồng" in contract
    assert "45/QĐ-SKHCN" in contract and "ngày 31 tháng 12 năm 2026" in contract
    council = all_text(docx_of(paid["council_minutes"]))
    assert "Tính khả thi" in council and "ĐỀ XUẤT HỖ TRỢ" in council and "40,00" in council
    decision = all_text(docx_of(paid["assignment_decision"]))
    assert "1234/QĐ-UBND" in decision and "Cần Thơ, ngày 10 tháng 6 năm 2026" in decision
    liquidation = all_text(docx_of(paid["liquidation_minutes"]))
    assert "140.000.000 đồng" in liquidation and "07/HĐ-SKHCN" in liquidation
    assert "07/HĐ-SKHCN" in all_text(docx_of(paid["payment_request"]))
    owner = EnterpriseMembership.objects.get(enterprise=paid["support_contract"].dossier.enterprise).user
    seen = set(visible_documents(owner).values_list("kind", flat=True))
    assert "support_contract" in seen and "council_minutes" not in seen


def test_the_receipt_is_the_one_stop_form_with_its_receiver_and_the_submissions_time(paid):
    document = paid["receipt_slip"]
    text = all_text(docx_of(document))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and "Mã hồ sơ: CT-" in text
    assert "Nguyễn Thị Thu Hà" in text  # the one-stop desk's officer receives
    submitted = document.dossier.submitted_at
    assert f"{submitted.astimezone().hour:02d} giờ" in text
    assert document.number.endswith("/TNHS-SKHCN") and "Số thứ tự: 01" in text


def test_the_validity_minutes_print_each_conditions_evidence_and_the_hour(paid):
    text = all_text(docx_of(paid["validity_minutes"]))
    for evidence in EVIDENCE.values():
        assert evidence in text
    assert "lập xong hồi" in text and "……… giờ" not in text
    assert "Xác nhận hồ sơ hợp lệ" in text


def test_visits_name_their_people_with_title_and_body(paid):
    for kind in ("survey_minutes", "inspection_minutes"):
        text = all_text(docx_of(paid[kind]))
        assert "Lê Văn Tâm" in text and "Phó Trưởng phòng" in text and "Phòng Quản lý chuyên ngành" in text
        assert "Võ Thị Lan" in text  # the enterprise's representative
    assert "Nhà xưởng 1.200 m²" in all_text(docx_of(paid["survey_minutes"]))


def test_the_council_minutes_name_body_title_attendance_comments_and_vote(paid):
    text = all_text(docx_of(paid["council_minutes"]))
    assert "Trường Đại học Cần Thơ" in text and "Trưởng khoa" in text
    assert "Có mặt" in text and "Biểu quyết" in text and "5 phiếu đề xuất hỗ trợ" in text


def test_the_acceptance_reads_the_record_when_no_note_was_typed(paid):
    text = all_text(docx_of(paid["acceptance_minutes"]))
    assert "Đã được cấp chứng nhận ISO 9001:2015 ngày 20/10/2026" in text
    assert "Hệ thống vận hành, có chứng nhận." in text


def test_the_payment_request_is_a_cong_van_with_both_accounts(paid):
    document = paid["payment_request"]
    text = all_text(docx_of(document))
    assert document.number.endswith("/SKHCN-KHTC")  # a Công văn: the agency's and the unit's symbols
    assert "V/v đề nghị thanh toán" in text and "ĐỀ NGHỊ THANH TOÁN" not in text
    assert "9523.1.1234567" in text and "Kho bạc Nhà nước khu vực XX" in text
    assert "0111000222333 tại Ngân hàng TMCP Ngoại thương Việt Nam, Chi nhánh Cần Thơ" in text
    assert "0111000222333" in all_text(docx_of(paid["support_contract"]))


def test_every_bien_ban_is_numbered_bb_in_one_register(paid):
    minutes = [paid[k] for k in ("validity_minutes", "survey_minutes", "inspection_minutes")]
    minutes += [paid["acceptance_minutes"], paid["liquidation_minutes"]]
    assert all(d.number.split("/", 1)[1] == "BB-SKHCN" for d in minutes)
    assert len({d.number for d in minutes}) == len(minutes)
    assert paid["council_minutes"].number.endswith("/BB-HĐTV")


def test_the_agencys_profile_gives_the_plan_and_the_directors_authority(paid):
    decision = all_text(docx_of(paid["assignment_decision"]))
    assert (
        "Kế hoạch số 14/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân thành phố Cần Thơ" in decision
    )
    assert "Quyết định số 25/2025/QĐ-UBND" in decision
    assert "Thông tư số 15/2022/TT-BKHCN ngày 15 tháng 10 năm 2022" in decision
    assert "quy định cơ chế quản lý tài chính thực hiện Chương trình" in decision


def test_a_document_of_the_second_agency_cites_only_its_own_settings(vinh_long):
    _profile(
        vinh_long,
        province="tỉnh Vĩnh Long",
        plan_number="25/KH-UBND",
        plan_date=D(2026, 2, 3),
        plan_title="thực hiện Chương trình năng suất chất lượng trên địa bàn tỉnh",
        authority="",
        wording={"supplement_request.closing": "Doanh nghiệp nộp bổ sung tại Sở trong thời hạn trên."},
        recipients={"supplement_request": ["$enterprise", "Lưu: VT, TĐC"]},
    )
    call = CallFactory(agency=vinh_long)
    officer = UserFactory(role=Role.OFFICER, agency=vinh_long)
    dossier = DossierFactory(call=call, state=State.SUBMITTED)
    workflow.perform(
        dossier=dossier,
        action="request_supplement",
        actor=officer,
        note="Thiếu xác nhận thuế",
        payload={"items": "Xác nhận nghĩa vụ thuế năm 2025"},
    )
    text = all_text(docx_of(Document.objects.get(dossier=dossier)))
    assert "Kế hoạch số 25/KH-UBND" in text and "Ủy ban nhân dân tỉnh Vĩnh Long" in text
    assert "Cần Thơ" not in text and "14/KH-UBND" not in text
    assert "Doanh nghiệp nộp bổ sung tại Sở" in text and "Lưu: VT, TĐC." in text
    assert "Vĩnh Long, ngày" in text
    assert DOTS not in text


def test_an_invalid_dossiers_minutes_say_what_failed_and_why(people):
    call, officer, _director, _council = people
    dossier = DossierFactory(call=call, state=State.SUBMITTED)
    items = {item: (True, EVIDENCE[item]) for item in EVIDENCE}
    items["tax"] = (False, "Còn nợ thuế năm 2025 theo xác nhận của cơ quan thuế")
    record_eligibility(dossier=dossier, actor=officer, items=items)
    workflow.perform(
        dossier=dossier, action="mark_invalid", actor=officer, note="Chưa hoàn thành nghĩa vụ thuế."
    )
    text = all_text(docx_of(Document.objects.get(dossier=dossier, kind="validity_minutes")))
    assert "Xác nhận hồ sơ không hợp lệ" in text and "Xác nhận hồ sơ hợp lệ" not in text
    assert f"Hồ sơ không đáp ứng: {EligibilityCheck.Item.TAX.label}." in text
    assert "Còn nợ thuế năm 2025" in text and "Lý do: Chưa hoàn thành nghĩa vụ thuế." in text


def _rule_widths(document) -> list[float]:
    """The widths (mm) of the header's rules: each a paragraph with a bottom border inside its cell."""
    widths = []
    header = docx_of(document).tables[0]
    for cell, box in zip(header.rows[0].cells, (72, 165 - 72), strict=True):
        for p in cell.paragraphs:
            if (
                p._p.pPr is not None
                and p._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
                is not None
            ):
                side = p.paragraph_format.left_indent.mm
                widths.append(box - 2 * side)
    return widths


def test_the_rules_under_the_header_are_sized_by_their_text(paid):
    body_rule, motto_rule = _rule_widths(paid["assignment_decision"])
    assert motto_rule == pytest.approx(text_width_mm(MOTTO, 13, bold=True), abs=0.3)
    assert motto_rule == pytest.approx(56.1, abs=0.5)
    body = text_width_mm("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 12, bold=True)
    assert body / 3 <= body_rule <= body / 2
    council_rule, _motto = _rule_widths(paid["council_minutes"])
    council_text = text_width_mm("HỘI ĐỒNG TƯ VẤN", 12, bold=True)
    assert council_text / 3 <= council_rule <= council_text / 2


def test_body_paragraphs_are_at_least_6_pt_apart(paid):
    for kind, document in paid.items():
        for p in docx_of(document).paragraphs[1:]:  # the first opens the page (a form's code)
            if not p.text.strip() or p.paragraph_format.space_before is None:
                continue
            assert p.paragraph_format.space_before >= Pt(6) or p.text.isupper(), (kind, p.text)


def test_tables_repeat_their_header_and_never_split_a_row(paid):
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for kind in ("council_minutes", "validity_minutes", "receipt_slip"):
        grids = [
            t for t in docx_of(paid[kind]).tables if t.style is not None and t.style.name == "Table Grid"
        ]
        assert grids, kind
        for table in grids:  # not the layout tables of the header and the signatures
            rows = table.rows
            assert rows[0]._tr.trPr.find(f"{w}tblHeader") is not None, kind
            assert all(r._tr.trPr.find(f"{w}cantSplit") is not None for r in rows), kind


def test_the_proposal_and_the_city_list_count_what_was_proposed_earlier_alike(people):
    """A dossier the city refused no longer counts as proposed, on the page or in the next Tờ trình."""
    from nangsuat.contracts.services import issue_city_proposal

    call, officer, director, (_c, scorers, secretary) = people
    dossiers = []
    for _ in range(3):
        dossier = DossierFactory(call=call)
        workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
        score_all(dossier, scorers)
        workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)
        dossiers.append(dossier)
    first, refused, last = dossiers
    for dossier in (first, refused):
        workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=refused,
        action="not_approve",
        actor=officer,
        note="Vượt dự toán.",
        payload={"decision_number": "812/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(dossier=last, action="propose", actor=director)
    last.refresh_from_db()
    document = issue_city_proposal(call=call, dossiers=[last], actor=director)
    page_committed = amounts.committed_total(call)
    assert document.data["earlier_vnd"] == amounts.committed_total(call, exclude=[last.pk])
    assert document.data["list_total_vnd"] == page_committed
    assert document.data["earlier_vnd"] == amounts.supported_amount(first)
    assert DOTS not in all_text(docx_of(document))


def test_the_agencys_administrator_edits_the_profile_and_the_next_document_uses_it(vinh_long):
    from django.urls import reverse

    from nangsuat.core.models import AuditEntry
    from tests.core.clients import client_after_totp

    admin = UserFactory(role=Role.ADMIN, agency=vinh_long)
    client = client_after_totp(admin)
    url = reverse("documents:profile")
    assert client.get(url).status_code == 200
    form = {
        "province": "tỉnh Vĩnh Long",
        "plan_number": "25/KH-UBND",
        "plan_date": "2026-02-03",
        "plan_title": "",
        "authority": "",
        "director_title": "Giám đốc",
        "deputy_title": "Phó Giám đốc",
        "treasury_account": "",
        "treasury_name": "Kho bạc Nhà nước",
        "budget_unit_code": "",
        "recipients__supplement_request": "$enterprise\nLưu: VT, TĐC",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = DocumentProfile.objects.get(agency=vinh_long)
    assert profile.plan_number == "25/KH-UBND" and profile.recipients == {
        "supplement_request": ["$enterprise", "Lưu: VT, TĐC"]
    }
    assert profile.wording == {}  # the shipped wording, shown in the boxes, is not copied
    assert AuditEntry.objects.filter(action="document_profile.updated").count() == 1
    bad = client.post(url, {**form, "plan_date": "31/02/2026", "province": ""})
    assert bad.status_code == 200 and "plan_date" in bad.context["form"].errors
    assert "province" in bad.context["form"].errors
    officer = UserFactory(role=Role.OFFICER, agency=vinh_long)
    assert client_after_totp(officer).get(url).status_code == 403


def test_no_date_says_ngay_twice(paid):
    for kind, document in paid.items():
        assert "ngày ngày" not in all_text(docx_of(document)), kind
