"""The registration form in the browser: amounts grouped as they are typed, each said in words, and the
most the programme may pay for the chosen content, drawn as the enterprise types (no inline script)."""

import pytest

from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.dossiers.factories import make_call
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_amounts_are_grouped_said_in_words_and_checked_against_the_maximum(page, can_tho):
    from nangsuat.core.roles import Role

    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    content = SupportContentFactory(code="iso-9001", name="ISO 9001")
    call = make_call(agency=can_tho, actor=officer, contents=[content], title="Đợt đăng ký năm 2026")
    owner = enterprise_user(EnterpriseFactory(agency=can_tho), full_name="Ngô Thị Kim Yến")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, owner)
    page.goto(f"/dossiers/calls/{call.pk}/start/")
    page.select_option("#id_content", str(content.pk))
    page.locator("#id_total_cost_vnd").press_sequentially("180000000")
    assert page.input_value("#id_total_cost_vnd") == "180.000.000"
    page.locator("#id_requested_support_vnd").press_sequentially("150000000")
    hint = page.locator("#support-hint")
    hint.get_by_text("Một trăm tám mươi triệu đồng").wait_for()
    hint.get_by_text("Kinh phí đề nghị đang vượt mức này.").wait_for()  # 50 % of 180 million is 90
    assert "90.000.000" in hint.inner_text()
    page.fill("#id_period_start", "05/01/2027")
    screenshot(page, "registration-form-amounts")
    assert errors == []
