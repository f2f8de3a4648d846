"""A council member declares no conflict and submits a score sheet; the secretary sees the ranked results
and records the recommendation; the director ticks dossiers for the city list with the running total."""

import pytest
from playwright.sync_api import expect

from nangsuat.core.demo import DEMO_TOTP_SECRET
from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.conftest import login, screenshot
from tests.councils.factories import CallFactory, DossierFactory, make_council, score_all
from tests.factories import EnterpriseFactory, UserFactory

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
        d = DossierFactory(call=call, enterprise=EnterpriseFactory(agency=can_tho, name=name),
                           priority_points=10 + 5 * (i % 2), total_cost_vnd=280_000_000 + 40_000_000 * i,
                           requested_support_vnd=140_000_000 + 20_000_000 * i)  # fmt: skip
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
    row.get_by_role("button", name="Hội đồng đề xuất hỗ trợ").click()
    page.wait_for_load_state()
    assert "Đã ghi nhận kết quả của hội đồng" in page.content()
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
