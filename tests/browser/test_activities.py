"""An officer imports an attendance sheet with one bad row in a real browser, reads the row's error, and
finds the participants on their enterprise's page; the registers at desktop and phone widths."""

import io
import os
import re

import pytest
from openpyxl import Workbook

from nangsuat.activities.models import Course, Participation
from nangsuat.core.models import User
from nangsuat.demo import accounts as core_demo
from nangsuat.demo import activities as demo_activities
from nangsuat.demo import enterprises as demo
from nangsuat.demo.accounts import DEMO_PASSWORD
from nangsuat.registry.models import Enterprise
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NANGSUAT_ACTIVITY_SCREENSHOTS", "/tmp/shots-activities")


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def seeded(monkeypatch):
    from django.core.cache import cache

    cache.clear()  # a TOTP code used by an earlier test (same user id after the flush) is not a replay
    monkeypatch.setattr(demo, "COUNT", 60)
    for seed in (core_demo.seed, demo.seed, demo_activities.seed):
        seed(io.StringIO())
    return User.objects.get(username="officer")


def test_officer_imports_a_sheet_reads_the_bad_row_and_finds_the_participants(page, seeded, tmp_path):
    enterprise = Enterprise.objects.order_by("name").first()
    course = Course.objects.get(title__contains="5S")
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH HỌC VIÊN"])
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Cán bộ quản lý", "Mã số thuế", "Số CCCD"])
    sheet.append([1, "Tô Thị Nhập Một", "Giám đốc", "x", enterprise.tax_code, "092199000111"])
    sheet.append([2, "Tô Văn Nhập Hai", "Kỹ thuật viên", "", enterprise.tax_code, ""])
    sheet.append([3, "Tô Văn Lỗi", "", "", "1800", ""])
    path = tmp_path / "danh-sach-tap-huan.xlsx"
    book.save(path)

    login(page, seeded, DEMO_PASSWORD)
    page.goto(f"/activities/courses/{course.pk}/")
    page.click("text=Nhập danh sách từ Excel")
    page.set_input_files("input[name=file]", str(path))
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/activities/import/\d+/"))
    page.wait_for_selector("text=Hoàn thành")
    table = page.locator("#import-progress table").inner_text()
    assert "5" in table and "Mã số thuế" in table  # row 5 of the sheet, its tax code column
    shot(page, "import-errors-desktop")
    assert Participation.objects.filter(course=course, full_name__startswith="Tô ").count() == 2

    page.goto(f"/registry/enterprises/{enterprise.pk}/")
    panel = page.locator("#activities").inner_text()
    assert "Tô Thị Nhập Một" in panel and "Tô Văn Nhập Hai" in panel
    shot(page, "enterprise-page-desktop")


def test_the_registers_at_desktop_and_phone_widths(page, seeded):
    login(page, seeded, DEMO_PASSWORD)
    page.goto("/activities/courses/")
    assert page.locator("h1").inner_text() == "Khóa đào tạo, tập huấn"
    shot(page, "courses-desktop")
    course = Course.objects.filter(kind="manager").order_by("starts_on").first()
    page.goto(f"/activities/courses/{course.pk}/")
    shot(page, "course-detail-desktop")
    page.goto("/activities/events/")
    shot(page, "events-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/activities/courses/")
    shot(page, "courses-phone")
    page.goto(f"/activities/courses/{course.pk}/")
    shot(page, "course-detail-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, width  # nothing pushes the page sideways
    enterprise_user = User.objects.get(username="enterprise")
    page.context.clear_cookies()
    login(page, enterprise_user, DEMO_PASSWORD)
    page.goto("/activities/registration/")
    assert "Tập huấn áp dụng ISO 9001:2015" in page.content()
    shot(page, "registration-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, width  # nothing pushes the page sideways
