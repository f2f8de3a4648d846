"""One dossier from its draft to the payment, in the browser, by each role in turn, as new users would:
the enterprise registers and submits; the officer checks and surveys; the council scores; the secretary
recommends; the director proposes; the officer records the city's approval; the director assigns and
contracts; the enterprise carries out and asks for acceptance; the officer inspects; the director accepts
and liquidates; the officer records the one-time payment."""

import datetime as dt

import pytest
from django.utils import timezone

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.registration import DEFAULT_REQUIRED_ATTACHMENTS
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.councils.factories import make_council
from tests.dossiers.factories import PDF_BYTES, make_call
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def staff(role, agency, name):
    user = UserFactory(role=role, agency=agency, full_name=name)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


def as_user(page, user):
    page.context.clear_cookies()
    login(page, user)


def act(page, dossier, label, fields=None, note=""):
    """Open the dossier, click the action's button, fill its form and confirm."""
    page.goto(f"/dossiers/{dossier.pk}/")
    page.locator(".actions-bar a", has_text=label).first.click()
    for name, value in (fields or {}).items():
        page.fill(f"[name={name}]", value)
    if note:
        page.fill("textarea[name=note]", note)
    page.locator("button", has_text="Xác nhận").click()
    page.wait_for_load_state()


def state_of(dossier) -> str:
    return Dossier.objects.get(pk=dossier.pk).state


def test_one_dossier_from_draft_to_paid(page, can_tho):
    page.on("dialog", lambda dialog: dialog.accept())
    today = timezone.localdate().isoformat()
    later = (timezone.localdate() + dt.timedelta(days=120)).isoformat()
    officer = staff(Role.OFFICER, can_tho, "Nguyễn Thị Thu Hà")
    director = staff(Role.DIRECTOR, can_tho, "Trần Văn Minh")
    content = SupportContentFactory(code="iso-9001", name="ISO 9001")
    call = make_call(agency=can_tho, actor=officer, contents=[content], title="Đợt đăng ký hỗ trợ năm 2026")
    council, scorers, secretary = make_council(call, scoring=4, officer=officer)
    for member in [*scorers, secretary]:
        enrol_totp(member.user, DEMO_TOTP_SECRET)
    firm = EnterpriseFactory(agency=can_tho, name="Công ty TNHH Thực phẩm Mekong Xanh")
    firm_user = enterprise_user(firm, full_name="Ngô Thị Kim Yến")

    # The enterprise: an open call → the registration form → attachments → submit.
    login(page, firm_user)
    page.goto("/dossiers/calls/")
    page.click(f"a[href='/dossiers/calls/{call.pk}/start/']")
    page.select_option("select[name=content]", value=str(content.pk))
    page.fill("input[name=title]", "Áp dụng ISO 9001:2015 tại nhà máy chế biến")
    page.fill("textarea[name=objectives]", "Chuẩn hóa quy trình sản xuất, giảm sai lỗi.")
    page.fill("textarea[name=expected_results]", "Được cấp chứng nhận ISO 9001:2015.")
    page.fill("input[name=total_cost_vnd]", "300.000.000")
    page.fill("input[name=requested_support_vnd]", "150.000.000")
    page.fill("input[name=period_start]", today)
    page.fill("input[name=period_end]", later)
    page.click("button:has-text('Lưu bản nháp')")
    for kind in DEFAULT_REQUIRED_ATTACHMENTS:
        page.select_option("select[name=kind]", kind)
        page.set_input_files(
            "input[name=file]",
            files=[{"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}],
        )
        page.click(".upload-form button[type=submit]")
    dossier = Dossier.objects.get(enterprise=firm)
    act(page, dossier, "Nộp hồ sơ")
    assert state_of(dossier) == "submitted"

    # The officer: the eligibility checklist with evidence, validity, the survey, the council.
    as_user(page, officer)
    page.goto(f"/dossiers/{dossier.pk}/eligibility/")
    for checkbox in page.locator("input[type=checkbox]").all():
        checkbox.check()
    for evidence in page.locator("input[type=text], textarea").all():
        evidence.fill("Đã đối chiếu bản gốc và xác nhận của cơ quan thuế, BHXH.")
    page.locator("form button[type=submit]").last.click()
    act(page, dossier, "Xác nhận hợp lệ")
    assert state_of(dossier) == "valid"
    act(
        page,
        dossier,
        "Ghi nhận khảo sát",
        {
            "visited_on": today,
            "participants": "Chuyên viên Sở; Giám đốc doanh nghiệp",
            "findings": "Nhà xưởng, thiết bị đúng như hồ sơ.",
        },
    )
    act(page, dossier, "Chuyển Hội đồng")
    assert state_of(dossier) == "in_council"

    # Each scoring member: no conflict → score sheet → submit.
    for member in scorers:
        as_user(page, member.user)
        page.goto("/councils/")
        page.locator("tr", has_text=dossier.tracking_code).get_by_role("link", name="Khai báo").click()
        page.get_by_label("Tôi không có xung đột lợi ích với hồ sơ này").check()
        page.get_by_role("button", name="Gửi khai báo").click()
        page.wait_for_load_state()
        page.fill("#points_urgency", "13")
        page.fill("#points_feasibility", "42")
        page.fill("#points_effectiveness", "30")
        page.get_by_role("button", name="Nộp phiếu").click()
        page.wait_for_load_state()
        assert "Đã nộp phiếu đánh giá" in page.content()

    # The secretary records the council's recommendation.
    as_user(page, secretary.user)
    act(page, dossier, "Hội đồng đề xuất hỗ trợ")
    assert state_of(dossier) == "recommended"

    # The director lists it for the city.
    as_user(page, director)
    act(page, dossier, "Trình UBND thành phố")
    assert state_of(dossier) == "proposed"

    # The officer records the city's decision.
    as_user(page, officer)
    act(
        page,
        dossier,
        "Ghi nhận quyết định phê duyệt",
        {"decision_number": "812/QĐ-UBND", "decision_date": today},
    )
    assert state_of(dossier) == "approved"

    # The director assigns and signs the contract (within the ceiling).
    as_user(page, director)
    act(
        page, dossier, "Quyết định giao trực tiếp", {"decision_number": "61/QĐ-SKHCN", "decision_date": today}
    )
    act(
        page,
        dossier,
        "Ký hợp đồng hỗ trợ",
        {
            "number": "01/2026/HĐ-SKHCN",
            "signed_on": today,
            "amount_vnd": "150000000",
            "deliverables": "Giấy chứng nhận ISO 9001:2015; báo cáo kết quả.",
            "deadline": later,
        },
    )
    assert state_of(dossier) == "contracted"

    # The enterprise carries it out and asks for acceptance.
    as_user(page, firm_user)
    act(page, dossier, "Bắt đầu thực hiện")
    act(page, dossier, "Đề nghị nghiệm thu", {"self_assessment": "Đã được cấp chứng nhận ISO 9001:2015."})
    assert state_of(dossier) == "completion_requested"

    # The officer inspects on site.
    as_user(page, officer)
    act(
        page,
        dossier,
        "Ghi nhận kiểm tra",
        {
            "visited_on": today,
            "participants": "Chuyên viên Sở; đại diện doanh nghiệp",
            "findings": "Hệ thống được duy trì; giấy chứng nhận còn hiệu lực.",
        },
    )

    # The director accepts and liquidates.
    as_user(page, director)
    page.goto(f"/dossiers/{dossier.pk}/")
    page.locator(".actions-bar a", has_text="Nghiệm thu đạt").first.click()
    page.locator("select[name=rating]").select_option(index=0)
    page.fill("[name=minutes_date]", today)
    page.locator("button", has_text="Xác nhận").click()
    page.wait_for_load_state()
    assert state_of(dossier) == "accepted"
    act(page, dossier, "Thanh lý hợp đồng", {"final_amount_vnd": "150000000", "liquidated_on": today})

    # The officer records the one-time payment; the dossier is closed.
    as_user(page, officer)
    act(
        page,
        dossier,
        "Ghi nhận thanh toán",
        {"amount_vnd": "150000000", "paid_on": today, "reference": "UNC-2026-0001"},
    )
    assert state_of(dossier) == "paid"
    page.goto(f"/dossiers/{dossier.pk}/")
    assert "Đã thanh toán" in page.content()
    screenshot(page, "dossier-journey-paid")

    # The enterprise sees its paid dossier and its timeline.
    as_user(page, firm_user)
    page.goto(f"/dossiers/{dossier.pk}/")
    assert "Đã thanh toán" in page.content()
    screenshot(page, "dossier-journey-enterprise")
