"""A council member declares no conflict and submits a score sheet; the secretary sees the ranked results
and records the recommendation; the director ticks dossiers for the city list with the running total."""

import pytest
from playwright.sync_api import expect

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory
from tests.registry.factories import EnterpriseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = ["Công ty TNHH Thủy sản Cửu Long", "Công ty CP Gạo Ninh Kiều", "HTX Trái cây Phong Điền"]


def staff(role, agency, name):
    user = UserFactory(role=role, agency=agency, full_name=name)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


def test_member_scores_secretary_recommends_director_lists(page, can_tho):
    page.on("dialog", lambda dialog: dialog.accept())
    officer = staff(Role.OFFICER, can_tho, "Nguyễn Thị Thu Hà")
    director = staff(Role.DIRECTOR, can_tho, "Trần Văn Minh")
    call = CallFactory(agency=can_tho, title="Đợt đăng ký hỗ trợ năm 2026", budget_vnd=400_000_000)
    council, scorers, secretary = make_council(call, officer=officer)
    member, secretary_user = scorers[0].user, secretary.user
    for user, name in ((member, "Lê Hoàng Phúc"), (secretary_user, "Phạm Minh Thư")):
        user.full_name = name
        user.save()
        enrol_totp(user, DEMO_TOTP_SECRET)
    dossiers = []
    for i, name in enumerate(NAMES):
        d = DossierFactory(
            call=call,
            enterprise=EnterpriseFactory(agency=can_tho, name=name),
            priority_points=10 + 5 * (i % 2),
            total_cost_vnd=280_000_000 + 40_000_000 * i,
            requested_support_vnd=140_000_000 + 20_000_000 * i,
        )
        dossiers.append(workflow.perform(dossier=d, action="send_to_council", actor=officer))
    first = dossiers[0]
    # The other members score every dossier; the third one fails on feasibility.
    others = scorers[1:]
    score_all(dossiers[0], others, (13, 42, 29))
    score_all(dossiers[1], scorers, (12, 40, 28))
    score_all(dossiers[2], scorers, (10, 20, 30))

    # The member: assigned dossiers → declaration → summary and score sheet → submit.
    login(page, member)
    page.goto("/councils/")
    assert first.tracking_code in page.content()
    screenshot(page, "council-member-workspace")
    page.locator("tr", has_text=first.tracking_code).get_by_role("link", name="Khai báo").click()
    assert first.objectives not in page.content()
    page.get_by_label("Tôi không có xung đột lợi ích với hồ sơ này").check()
    page.get_by_role("button", name="Gửi khai báo").click()
    page.wait_for_load_state()
    assert first.objectives in page.content()
    page.fill("#points_urgency", "16")
    page.fill("#points_feasibility", "44")
    page.fill("#points_effectiveness", "30")
    page.get_by_role("button", name="Nộp phiếu").click()
    page.wait_for_load_state()
    assert "phải là số nguyên từ 0 đến 15" in page.content()
    screenshot(page, "council-score-sheet-error")
    page.fill("#points_urgency", "14")
    page.get_by_role("button", name="Nộp phiếu").click()
    page.wait_for_load_state()
    assert "Đã nộp phiếu đánh giá" in page.content()
    screenshot(page, "council-score-sheet-submitted")

    # The secretary: progress and the ranked result; records the recommendation.
    page.context.clear_cookies()
    login(page, secretary_user)
    page.goto(f"/councils/{council.pk}/")
    screenshot(page, "council-secretary-results")
    content = page.content()
    assert "5/5" in content and "Không đạt" in content
    row = page.locator("tr", has_text=first.tracking_code)
    row.get_by_role("button", name="Đề xuất hỗ trợ").click()
    page.wait_for_load_state()
    assert "Đã ghi nhận kết quả của hội đồng" in page.content()
    page.locator("tr", has_text=first.tracking_code).get_by_role("link", name="Phiếu chấm").click()
    page.wait_for_load_state()
    assert "84,80" in page.content()
    screenshot(page, "council-sheets-after-closing")
    workflow.perform(dossier=dossiers[1], action="recommend", actor=secretary_user)
    workflow.perform(dossier=dossiers[2], action="not_recommend", actor=secretary_user, note="Không đạt")
    first.refresh_from_db()
    assert first.state == State.RECOMMENDED

    # The director: the city list, ticking dossiers updates the running total.
    page.context.clear_cookies()
    login(page, director)
    page.goto(f"/submissions/{call.pk}/")
    page.check(f"#pick-{first.pk}")
    expect(page.locator("#running-total")).to_contain_text("140.000.000 đ")
    page.check(f"#pick-{dossiers[1].pk}")
    expect(page.locator("#running-total")).to_contain_text("300.000.000 đ")
    screenshot(page, "city-list-director")
    page.get_by_role("button", name="Trình UBND thành phố").click()
    page.wait_for_load_state()
    assert "Đã trình UBND thành phố 2 hồ sơ" in page.content()
    screenshot(page, "city-list-after-proposal")


def test_officer_records_the_city_decision_and_the_enterprise_follows_its_contract(page, can_tho):
    import datetime as dt

    from nangsuat.contracts import services as contract_services
    from tests.contracts.test_workflow import recommended
    from tests.registry.factories import enterprise_user

    page.on("dialog", lambda dialog: dialog.accept())
    officer = staff(Role.OFFICER, can_tho, "Nguyễn Thị Thu Hà")
    director = staff(Role.DIRECTOR, can_tho, "Trần Văn Minh")
    call = CallFactory(agency=can_tho, title="Đợt đăng ký hỗ trợ năm 2026")
    council = make_council(call, officer=officer)
    a = recommended(call, officer, council, enterprise=EnterpriseFactory(agency=can_tho, name=NAMES[0]))
    b = recommended(call, officer, council, enterprise=EnterpriseFactory(agency=can_tho, name=NAMES[1]))
    for d in (a, b):
        workflow.perform(dossier=d, action="propose", actor=director)

    login(page, officer)
    page.goto(f"/submissions/{call.pk}/decision/")
    page.fill("#id_decision_number", "1234/QĐ-UBND")
    page.fill("#id_decision_date", "2026-06-01")
    page.locator("tr", has_text=a.tracking_code).get_by_label("Phê duyệt", exact=True).check()
    page.locator("tr", has_text=b.tracking_code).get_by_label("Không phê duyệt").check()
    page.locator("tr", has_text=b.tracking_code).locator("input[type=text]").fill(
        "Trùng nội dung đã hỗ trợ năm 2025"
    )
    screenshot(page, "city-decision-officer")
    page.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_load_state()
    assert "Đã ghi nhận quyết định cho 2 hồ sơ" in page.content()

    workflow.perform(
        dossier=a,
        action="assign",
        actor=director,
        payload={"decision_number": "45/QĐ-SKHCN", "decision_date": dt.date(2026, 6, 10)},
    )
    workflow.perform(
        dossier=a,
        action="sign_contract",
        actor=director,
        payload={
            "number": "01/2026/HĐ-SKHCN",
            "signed_on": dt.date(2026, 6, 20),
            "amount_vnd": 140_000_000,
            "deliverables": "Giấy chứng nhận ISO 9001:2015 do tổ chức chứng nhận được công nhận cấp",
            "deadline": dt.date(2026, 12, 31),
        },
    )
    ent = enterprise_user(a.enterprise, full_name="Ngô Thị Kim Yến")
    a.refresh_from_db()
    workflow.perform(dossier=a, action="start", actor=ent)
    contract_services.add_progress_report(
        contract=a.contract,
        actor=ent,
        period="Quý III/2026",
        text="Đã đào tạo nhận thức ISO 9001 cho 45 cán bộ, công nhân.",
    )

    page.context.clear_cookies()
    login(page, ent)
    page.goto(f"/contracts/{a.contract.pk}/")
    page.fill("#id_period", "Quý IV/2026")
    page.fill("#id_text", "Đã xây dựng hệ thống tài liệu, đánh giá nội bộ lần 1.")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_load_state()
    assert "Quý IV/2026" in page.content()
    page.get_by_role("link", name="Đề nghị nghiệm thu").click()
    page.fill(
        "#id_self_assessment", "Doanh nghiệp đã được cấp giấy chứng nhận ISO 9001:2015 ngày 10/12/2026."
    )
    page.get_by_role("button", name="Gửi đề nghị").click()
    page.wait_for_load_state()
    assert "Đã gửi đề nghị nghiệm thu" in page.content()
    screenshot(page, "contract-detail-enterprise")


def test_officer_forms_a_council_and_seats_members(page, can_tho):
    page.on("dialog", lambda dialog: dialog.accept())
    officer = staff(Role.OFFICER, can_tho, "Nguyễn Thị Thu Hà")
    call = CallFactory(agency=can_tho, title="Đợt đăng ký hỗ trợ năm 2026")
    people = [
        ("Lê Hoàng Phúc", "Chủ tịch"),
        ("Trương Thị Mỹ Linh", "Phó Chủ tịch"),
        ("Nguyễn Văn Khải", "Ủy viên phản biện"),
        ("Phan Thanh Tùng", "Ủy viên phản biện"),
        ("Đoàn Thị Bích Ngọc", "Thư ký"),
    ]
    for name, _position in people:
        UserFactory(role=Role.COUNCIL, agency=can_tho, full_name=name, position="Chuyên gia")
    login(page, officer)
    page.goto("/councils/")
    page.get_by_role("link", name="Thành lập hội đồng").click()
    page.select_option("#id_call", str(call.pk))
    page.fill("#id_name", "Hội đồng tư vấn xét chọn hồ sơ năm 2026")
    page.fill("#id_decision_number", "120/QĐ-SKHCN")
    page.get_by_role("button", name="Thành lập").click()
    page.wait_for_load_state()
    assert "Hãy thêm thành viên" in page.content()
    for name, position in people:
        page.select_option("#id_user", label=f"{name} — Chuyên gia")
        page.select_option("#id_position", label=position)
        page.get_by_role("button", name="Thêm thành viên").click()
        page.wait_for_load_state()
    assert "Đủ điều kiện nhận hồ sơ" in page.content()
    screenshot(page, "council-officer-members")
