"""A council member's scoring sheet drawn as a document (B8-ĐGNV): what it says, and who may draw it."""

import io

import pytest
from django.urls import reverse
from docx import Document as open_docx

from nangsuat.core.roles import Role
from nangsuat.councils import services as council_services
from nangsuat.documents.pdf import soffice_path
from nangsuat.dossiers import workflow
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory
from tests.registry.factories import enterprise_user

from .helpers import all_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(can_tho, officer):
    call = CallFactory(agency=can_tho)
    council, scorers, secretary = make_council(call, officer=officer)
    council.decision_number = "45/QĐ-SKHCN"
    council.save()
    dossier = workflow.perform(dossier=DossierFactory(call=call), action="send_to_council", actor=officer)
    return council, scorers, secretary, dossier


@pytest.fixture
def scored(council):
    """Every scorer has submitted (12, 40, 28) with comments; the result is not closed yet."""
    _council, scorers, _secretary, dossier = council
    score_all(dossier, scorers)
    chair = scorers[0].sheets.get(dossier=dossier)
    chair.comment = "Hồ sơ đầy đủ, mục tiêu rõ ràng."
    chair.save()
    line = chair.lines.get(criterion__code="feasibility")
    line.comment = "Tư vấn có năng lực, tiến độ hợp lý."
    line.save()
    return chair


def _closed(council):
    _council, _scorers, secretary, dossier = council
    workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return all_text(open_docx(io.BytesIO(response.content)))


def _get(user, sheet, name="documents:score_sheet"):
    return client_for(user).get(reverse(name, args=[sheet.pk]))


def test_score_sheet_says_what_the_members_record_says(council, scored):
    the_council, _scorers, _secretary, dossier = council
    text = _text(_get(scored.member.user, scored))
    for expected in (
        "Mẫu B8-ĐGNV",
        "HỘI ĐỒNG TƯ VẤN",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "PHIẾU ĐÁNH GIÁ HỒ SƠ",
        str(scored.member.user.full_name),
        "Chủ tịch",
        the_council.name,
        "45/QĐ-SKHCN",
        dossier.tracking_code,
        dossier.enterprise.name,
        dossier.enterprise.tax_code,
        dossier.title,
        str(dossier.content),
        "Tính cấp thiết",
        "Tính khả thi",
        "Tính hiệu quả và khả năng duy trì, nhân rộng",
        "Tư vấn có năng lực, tiến độ hợp lý.",
        "Hồ sơ đầy đủ, mục tiêu rõ ràng.",
        "THÀNH VIÊN HỘI ĐỒNG",
        "Nộp phiếu lúc",
    ):
        assert expected in text, expected
    table = open_docx(io.BytesIO(_get(scored.member.user, scored).content)).tables[1]
    assert [[c.text for c in row.cells][1:4] for row in table.rows[1:]] == [
        ["Tính cấp thiết", "15", "12"],
        ["Tính khả thi", "50", "40"],
        ["Tính hiệu quả và khả năng duy trì, nhân rộng", "35", "28"],
        ["Tổng cộng", "100", "80"],
    ]
    assert "……" not in text  # every blank the record can fill is filled
    assert "Số:" not in text  # a sheet is not entered in the register
    assert "NHÁP" not in text


def test_a_sheet_not_yet_submitted_is_marked_as_a_draft(council):
    _council, scorers, _secretary, dossier = council
    member = scorers[1]
    sheet = member.sheets.get(dossier=dossier)
    council_services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=False)
    council_services.save_score(sheet=sheet, actor=member.user, points={"urgency": 10})
    text = _text(_get(member.user, sheet))
    assert "PHIẾU NHÁP — THÀNH VIÊN CHƯA NỘP PHIẾU" in text
    assert "Phiếu chưa nộp" in text
    assert "Nộp phiếu lúc" not in text


def test_a_member_draws_their_sheet_only_after_declaring_no_conflict(council):
    _council, scorers, _secretary, dossier = council
    member = scorers[2]
    sheet = member.sheets.get(dossier=dossier)
    assert _get(member.user, sheet).status_code == 404  # not declared: the dossier is not shown yet
    council_services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=True, reason="Người thân")
    assert _get(member.user, sheet).status_code == 404


def test_staff_draw_every_sheet_once_the_result_is_closed(council, scored, officer, director):
    _council, scorers, _secretary, dossier = council
    other = scorers[3].sheets.get(dossier=dossier)
    for user in (officer, director):
        assert _get(user, other).status_code == 404  # nobody reads another's points before the closing
    _closed(council)
    for user in (officer, director):
        assert "Nộp phiếu lúc" in _text(_get(user, other))


def test_an_enterprise_another_member_or_another_agency_never_draws_a_sheet(council, scored, vinh_long):
    _council, scorers, _secretary, dossier = council
    _closed(council)
    refused = [
        enterprise_user(dossier.enterprise),
        scorers[1].user,
        UserFactory(role=Role.OFFICER, agency=vinh_long),
        UserFactory(role=Role.DIRECTOR, agency=vinh_long),
        UserFactory(role=Role.CITY, agency=dossier.agency),
    ]
    for user in refused:
        assert _get(user, scored).status_code == 404, user.role
        assert _get(user, scored, "documents:score_sheet_pdf").status_code == 404, user.role


def test_the_sheet_page_links_to_the_document(council, scored):
    _council, _scorers, _secretary, dossier = council
    page = client_for(scored.member.user).get(
        reverse("councils:sheet", args=[scored.member.council_id, dossier.pk])
    )
    assert reverse("documents:score_sheet", args=[scored.pk]) in page.content.decode()


def test_the_sheets_page_links_each_sheet_for_staff(council, scored, officer):
    the_council, scorers, _secretary, dossier = council
    _closed(council)
    page = client_for(officer).get(reverse("councils:sheets", args=[the_council.pk, dossier.pk]))
    html = page.content.decode()
    for member in scorers:
        assert reverse("documents:score_sheet", args=[member.sheets.get(dossier=dossier).pk]) in html


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_the_member_downloads_the_sheet_as_pdf(scored):
    response = _get(scored.member.user, scored, "documents:score_sheet_pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
