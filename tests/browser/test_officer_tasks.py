"""The officer's tasks in the browser: named steps, days left, overdue first and in the overdue colour,
what waits on the enterprise in its own group; on a desk screen and on a phone."""

import datetime as dt

import pytest
from django.utils import timezone

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers.models import Dossier
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.dossiers.factories import make_call, make_dossier
from tests.registry.factories import EnterpriseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_sees_named_steps_overdue_first_and_the_enterprises_turn_apart(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà")
    enrol_totp(officer, DEMO_TOTP_SECRET)
    call = make_call(agency=can_tho, actor=officer, title="Đợt đăng ký hỗ trợ năm 2026")
    today = timezone.localdate()
    made = {}
    for key, state, due_in, name in (
        ("fresh", "submitted", 4, "Công ty TNHH Thủy sản Cửu Long"),
        ("late", "submitted", -3, "Công ty CP Gạo Ninh Kiều"),
        ("survey", "valid", None, "HTX Trái cây Phong Điền"),
        ("asked", "needs_supplement", 6, "Công ty TNHH Cơ khí Trà Nóc"),
    ):
        d = make_dossier(call=call, enterprise=EnterpriseFactory(agency=can_tho, name=name), state=state)
        Dossier.objects.filter(pk=d.pk).update(due_on=today + dt.timedelta(days=due_in) if due_in else None)
        made[key] = d

    login(page, officer)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/dossiers/tasks/")
    mine = page.locator("section[aria-labelledby=mine] .task")
    assert mine.count() == 3
    first = mine.nth(0)
    assert made["late"].tracking_code in first.inner_text() and "Quá hạn 3 ngày" in first.inner_text()
    assert "task--over" in first.get_attribute("class")
    assert first.locator(".due--over").evaluate("el => getComputedStyle(el).color") == "rgb(180, 35, 24)"
    assert "Còn 4 ngày" in mine.nth(1).inner_text()
    assert mine.nth(2).locator(".task__step").inner_text().lower() == "ghi nhận khảo sát"
    waiting = page.locator("section[aria-labelledby=theirs]")
    assert made["asked"].tracking_code in waiting.inner_text() and "BỔ SUNG HỒ SƠ" in waiting.inner_text()
    screenshot(page, "tasks-officer-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "tasks-officer-390")
