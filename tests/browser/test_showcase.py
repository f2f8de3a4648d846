"""A visitor reads the public list, filters it, opens an enterprise's entry and a good-practice model with
its photo; an officer opens the model's editor. Desktop and 375 px phone, nothing wider than the screen."""

import os

import pytest

from tests.browser.test_phone_width import OVERFLOW
from tests.conftest import login
from tests.showcase.factories import make_case, public_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NANGSUAT_SHOWCASE_SCREENSHOTS", "/tmp/shots-showcase")


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def _fits(page) -> None:
    found = page.evaluate(OVERFLOW, page.viewport_size["width"])
    assert found["offenders"] == [], found


@pytest.fixture
def world(settings, can_tho, vinh_long):
    from django.core.cache import cache

    settings.STAFF_MFA_REQUIRED = False
    cache.clear()
    world = public_world(can_tho, vinh_long)
    world.case = make_case(world.paid, world.officer)
    return world


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_reads_the_public_list_and_a_model(page, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Doanh nghiệp được hỗ trợ").click()
    page.wait_for_url("**/cong-khai/")
    assert "Hợp tác xã Rau sạch Phong Điền" in page.locator("table").inner_text()
    assert page.locator(".sc-progress__item").count() == 6
    shot(page, f"public-list-{width}")
    _fits(page)

    page.select_option("#f-year", "2026")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**year=2026**")
    table = page.locator("table").inner_text()
    assert "Sông Hậu" in table and "Phong Điền" not in table
    page.get_by_role("link", name="Công ty TNHH Chế biến Thủy sản Sông Hậu").click()
    page.wait_for_url(f"**/cong-khai/doanh-nghiep/{world.paid.enterprise_id}/")
    assert "150.000.000 đ" in page.locator("main").inner_text()

    page.get_by_role("link", name=world.case.title).click()
    page.wait_for_url(f"**/cong-khai/mo-hinh/{world.case.pk}/")
    assert "−77,8 %" in page.locator(".sc-figures").inner_text()
    image = page.locator(".sc-gallery img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    shot(page, f"public-case-{width}")
    _fits(page)

    page.goto("/cong-khai/mo-hinh/")
    assert page.locator(".sc-card").count() == 1
    shot(page, f"public-cases-{width}")
    _fits(page)


def test_the_officer_opens_the_editor_of_a_draft_and_publishes_it(page, world):
    world.case.state = "draft"
    world.case.save(update_fields=["state"])
    login(page, world.officer)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/showcase/{world.case.pk}/")
        assert page.locator(".sc-figrow").count() >= 2
        shot(page, f"editor-{width}")
        _fits(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.wait_for_load_state()
    assert "Đã công bố mô hình trên cổng thông tin." in page.locator(".messages").inner_text()
