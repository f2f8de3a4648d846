"""Error pages in the browser: in the layout, in the chosen language, with a way out, on a phone too."""

import pytest

from tests.conftest import login, screenshot
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_not_found_leads_home_in_either_language(page, live_server):
    response = page.goto("/khong-co-trang-nay/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Không tìm thấy trang bạn cần").is_visible()
    screenshot(page, "error-404-1280")
    page.set_viewport_size({"width": 360, "height": 780})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "error-404-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("button[name=language][value=en]").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="We cannot find the page you need").is_visible()
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/"


def test_forbidden_names_the_reason_and_the_way_to_ones_work(page, can_tho):
    owner = enterprise_user(EnterpriseFactory(agency=can_tho))
    login(page, owner)
    response = page.goto("/registry/enterprises/")
    assert response.status == 403
    assert page.get_by_role("heading", name="Bạn không có quyền mở trang này").is_visible()
    assert "Trang này dành cho cán bộ quản lý." in page.content()
    screenshot(page, "error-403-1280")
    page.get_by_role("link", name="Xem việc cần làm").click()
    page.wait_for_load_state()
    assert page.url.endswith("/dossiers/tasks/")
