import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_presents_the_plan_and_switches_to_english(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", name="Mục tiêu cụ thể đến năm 2030").is_visible()
    targets = page.locator(".target__value").all_inner_texts()
    assert targets == ["500", "20", "2.000", "100", "20", "05"]
    screenshot(page, "home-1280")

    page.locator("button[name=language][value=en]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Specific targets to 2030").is_visible()
    assert page.get_by_role("link", name="Sign in").first.is_visible()
    screenshot(page, "home-en-1280")

    page.locator("button[name=language][value=vi]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"


def test_keyboard_skip_link_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"


def test_mobile_menu_folds_the_navigation(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Trần Văn Bình")
    enrol_totp(officer, DEMO_TOTP_SECRET)
    EnterpriseFactory.create_batch(3, agency=can_tho)
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, officer)
    page.goto("/app/")
    toggle = page.locator(".nav-toggle")
    nav = page.locator("#mainnav")
    assert toggle.is_visible() and not nav.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert nav.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="Doanh nghiệp").is_visible()
    screenshot(page, "dashboard-officer-390-menu")
    page.keyboard.press("Escape")
    assert not nav.is_visible()
    screenshot(page, "dashboard-officer-390")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert nav.is_visible() and not toggle.is_visible()
    assert page.locator(".dash-stat__value").first.inner_text() == "3"
    screenshot(page, "dashboard-officer-1280")


def test_home_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    assert page.get_by_role("heading", name="Mục tiêu cụ thể đến năm 2030").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no horizontal scrolling on a phone"
    screenshot(page, "home-390")


def test_admin_sees_every_section_in_the_navigation(page, can_tho):
    admin = UserFactory(role=Role.ADMIN, agency=can_tho, full_name="Lê Thị Quản Trị")
    enrol_totp(admin, DEMO_TOTP_SECRET)
    login(page, admin)
    page.goto("/app/")
    nav = page.locator("#mainnav")
    assert nav.get_by_role("link", name="Tổng quan").get_attribute("aria-current") == "page"
    assert nav.get_by_role("link", name="Doanh nghiệp").is_visible()
    screenshot(page, "dashboard-admin-1280")
    page.locator("button[name=language][value=en]").click()
    page.wait_for_load_state()
    assert page.locator("#mainnav").get_by_role("link", name="Overview").is_visible()
    assert page.locator("#mainnav").get_by_role("link", name="Enterprises").is_visible()
    screenshot(page, "dashboard-admin-en-1280")
