"""A visitor reads the productivity benchmarks from the public home, filters them and sees small cells
suppressed; an enterprise user declares a year of figures and reads its trend against its peers. Desktop and
375 px phone, nothing wider than the screen but the trend chart, which scrolls inside its own box."""

import os

import pytest

from nangsuat.productivity.benchmarks import refresh_benchmarks
from tests.browser.test_phone_width import OVERFLOW
from tests.conftest import login
from tests.productivity.factories import year_with_figures
from tests.reference.factories import some_vsic
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NANGSUAT_PRODUCTIVITY_SCREENSHOTS", "/tmp/shots-productivity")


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def _fits(page) -> None:
    found = page.evaluate(OVERFLOW, page.viewport_size["width"])
    offenders = [o for o in found["offenders"] if "pd-chart" not in str(o) and "svg" not in str(o).lower()]
    assert offenders == [], found


@pytest.fixture
def world(settings, can_tho):
    from django.core.cache import cache

    settings.STAFF_MFA_REQUIRED = False
    cache.clear()
    vsic = some_vsic()
    peers = [EnterpriseFactory(agency=can_tho, vsic=vsic, vsic_section=vsic.section) for _ in range(4)]
    for i, enterprise in enumerate(peers):
        for year in (2023, 2024, 2025):
            year_with_figures(enterprise, year, operating_surplus_vnd=1_000_000_000 + i * 300_000_000 + year)
    lonely = EnterpriseFactory(agency=can_tho, size_class="medium")
    year_with_figures(lonely, 2025)
    refresh_benchmarks()
    return {"member": enterprise_user(peers[0]), "enterprise": peers[0]}


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_reads_the_benchmarks_and_an_enterprise_declares_a_year(page, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    page.get_by_role("link", name="Chuẩn so sánh năng suất").click()
    page.wait_for_url("**/nang-suat/")
    assert "Năng suất lao động (đồng/người)" in page.locator("table").inner_text()
    shot(page, f"benchmarks-{width}")
    _fits(page)
    page.select_option("#id_size_class", "medium")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**size_class=medium**")
    assert "Ẩn: dưới 3 doanh nghiệp" in page.locator("table").inner_text()
    _fits(page)

    login(page, world["member"])
    page.goto(f"/nang-suat/doanh-nghiep/{world['enterprise'].pk}/")
    page.fill("#id_year", "2022")
    page.fill("#id_value_added_vnd", "3.000.000.000")
    page.fill("#id_defect_rate", "abc")
    page.get_by_role("button", name="Lưu số liệu").click()
    assert "Tỷ lệ lỗi phải là một số" in page.locator("main").inner_text()
    page.fill("#id_defect_rate", "2,5")
    page.get_by_role("button", name="Lưu số liệu").click()
    page.wait_for_load_state()
    assert "Đã lưu số liệu năng suất năm 2022" in page.locator("body").inner_text()
    assert page.locator(".pd-chart svg").count() == 1
    shot(page, f"enterprise-{width}")
    _fits(page)
