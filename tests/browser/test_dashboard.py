"""The director opens the dashboard on the demo's records, clicks an indicator and reads its records, the
count equal to the figure clicked; the ministry compares the provinces. Screenshots at desktop and phone
widths."""

import io
import os
import re

import pytest

from nangsuat.core.models import User
from nangsuat.demo import accounts as core_demo
from nangsuat.demo import activities as demo_activities
from nangsuat.demo import enterprises as demo
from nangsuat.demo import plan2027
from nangsuat.demo.accounts import DEMO_PASSWORD
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NANGSUAT_DASHBOARD_SCREENSHOTS", "/tmp/shots-dashboard")


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def seeded(monkeypatch):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(demo, "COUNT", 80)
    for seed in (core_demo.seed, demo.seed, demo_activities.seed, plan2027.seed):
        seed(io.StringIO())


def test_the_director_opens_an_indicator_and_reads_its_records(page, seeded):
    login(page, User.objects.get(username="director"), DEMO_PASSWORD)
    page.goto("/dashboard/")
    page.wait_for_selector("text=Chỉ tiêu của Kế hoạch")
    shot(page, "dashboard-desktop")
    figure = page.locator("a[data-code=enterprises_reached]")
    value = figure.inner_text().strip()
    figure.click()
    page.wait_for_url(re.compile(r"/dashboard/indicators/enterprises_reached/"))
    assert page.get_by_test_id("record-count").inner_text().strip() == value
    assert page.locator("table.table tbody tr").count() == min(int(value.replace(".", "")), 25)
    shot(page, "records-desktop")

    page.select_option("select[name=year]", "2027")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"year=2027"))
    page.goto("/dashboard/?year=2027")
    in_2027 = page.locator("a[data-code=enterprises_reached]").inner_text().strip()
    page.goto("/dashboard/indicators/enterprises_reached/?year=2027")
    assert page.get_by_test_id("record-count").inner_text().strip() == in_2027

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/dashboard/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "dashboard-phone")
    page.goto("/dashboard/indicators/manager_trainings/")
    shot(page, "records-phone")


def test_the_ministry_reads_every_province_side_by_side(page, seeded):
    login(page, User.objects.get(username="ministry"), DEMO_PASSWORD)
    page.goto("/dashboard/provinces/")
    page.wait_for_selector("tfoot th")
    assert page.locator("tbody tr").count() == 2
    shot(page, "ministry-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/dashboard/provinces/")
    shot(page, "ministry-phone")
