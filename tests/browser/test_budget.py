"""The budget in a browser: the officer drafts the 2026 estimate, the director submits it, Finance cuts a line,
the director sends it to the city, the officer records the city's decision; then the director's contract that
would overrun the line is refused."""

import datetime as dt

import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from tests.conftest import login, screenshot
from tests.contracts.test_workflow import recommended
from tests.core.factories import UserFactory
from tests.councils.conftest import _other_apps_effects, call, council, director, officer
from tests.dossiers.factories import iso_9001

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

__all__ = ["_other_apps_effects", "call", "council", "director", "officer"]


def as_user(page, user) -> None:
    if not user.authenticator_set.exists():
        enrol_totp(user, DEMO_TOTP_SECRET)
    page.context.clear_cookies()
    login(page, user)


def test_draft_submit_appraise_with_a_cut_approve_then_an_overrun_is_refused(
    page, can_tho, call, council, officer, director
):
    finance = UserFactory(role=Role.FINANCE, agency=can_tho)
    content = iso_9001()

    as_user(page, officer)
    page.goto("/budget/")
    page.fill("#year", "2026")
    page.get_by_role("button", name="Lập dự toán").click()
    page.select_option("#id_task", "support")
    page.select_option("#id_content", str(content.pk))
    page.fill("#id_description", "Hỗ trợ doanh nghiệp áp dụng ISO 9001")
    page.fill("#id_quantity", "2")
    page.fill("#id_norm_vnd", "150000000")
    page.fill("#id_plan_section", "II.2.a")
    page.get_by_role("button", name="Thêm dòng").click()
    assert page.get_by_text("300.000.000 đ").first.is_visible()
    estimate_url = page.url

    as_user(page, director)
    page.goto(estimate_url)
    page.get_by_role("button", name="Gửi Sở Tài chính").click()
    assert page.get_by_text("Đã gửi Sở Tài chính").first.is_visible()

    as_user(page, finance)
    page.goto(estimate_url)
    page.locator("input[name^=amount_]").fill("200000000")
    page.locator("input[name^=note_]").fill("Giảm 01 doanh nghiệp")
    page.get_by_role("button", name="Thẩm định", exact=True).click()
    assert page.get_by_text("200.000.000 đ").first.is_visible()

    as_user(page, director)
    page.goto(estimate_url)
    page.get_by_role("button", name="Trình UBND thành phố").click()

    as_user(page, officer)
    page.goto(estimate_url)
    page.fill("#id_decision_number", "215/QĐ-UBND")
    page.fill("#id_decision_date", "10/02/2026")
    page.get_by_role("button", name="Ghi nhận quyết định phê duyệt").click()
    assert page.get_by_text("Đã phê duyệt").first.is_visible()
    screenshot(page, "budget-estimate")

    # A dossier of the call, approved by the city at 150 triệu and assigned, then two contracts against the
    # 200 triệu line: the second would overrun it.
    def assigned(n):
        dossier = recommended(call, officer, council)
        workflow.perform(dossier=dossier, action="propose", actor=director)
        workflow.perform(
            dossier=dossier,
            action="approve",
            actor=officer,
            payload={"decision_number": f"{n}/QĐ-UBND", "decision_date": dt.date(2026, 6, 1)},
        )
        return workflow.perform(
            dossier=dossier,
            action="assign",
            actor=director,
            payload={"decision_number": f"{n}/QĐ-SKHCN", "decision_date": dt.date(2026, 6, 10)},
        )

    first = assigned(1)
    workflow.perform(
        dossier=first,
        action="sign_contract",
        actor=director,
        payload={
            "number": "1/2026/HĐ",
            "signed_on": dt.date(2026, 6, 20),
            "amount_vnd": 150_000_000,
            "deliverables": "GCN",
            "deadline": dt.date(2026, 12, 31),
        },
    )
    second = assigned(2)
    as_user(page, director)
    page.goto(f"/dossiers/{second.pk}/actions/sign_contract/")
    page.fill("#id_signed_on", "20/06/2026")
    page.fill("#id_deadline", "31/12/2026")
    page.fill("#id_amount_vnd", "150000000")
    page.fill("#id_deliverables", "Giấy chứng nhận ISO 9001:2015")
    page.locator("form button[type=submit]").last.click()
    screenshot(page, "budget-overrun")
    assert page.get_by_text("vượt số dư của dòng dự toán").first.is_visible()
    second.refresh_from_db()
    assert second.state == "assigned"
    page.goto("/budget/year/2026/")
    screenshot(page, "budget-year")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(estimate_url)
    screenshot(page, "budget-estimate-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
