"""In a real browser: an officer drafts the annual report and rewrites a section; the director reads it,
confirms and signs it; the pages at desktop and phone widths."""

import os
import re

import pytest

from nangsuat.reports.models import Report
from tests.browser.test_phone_width import OVERFLOW
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NANGSUAT_REPORT_SCREENSHOTS", "/tmp/shots-reports")


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_officer_drafts_and_the_director_signs(page, officer, director, records):
    login(page, officer)
    page.goto("/reports/")
    page.wait_for_selector("text=Chưa có báo cáo nào")
    shot(page, "01-list-empty")
    page.click("text=Lập báo cáo")
    page.select_option("select[name=kind]", "annual")
    page.select_option("select[name=year]", "2026")
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    assert "Đã lập dự thảo Báo cáo năm 2026." in page.inner_text(".messages")
    shot(page, "02-draft-officer")
    page.fill("textarea[name=causes]", "Doanh nghiệp nhỏ và vừa còn thiếu nguồn lực đối ứng.")
    page.click("text=Lưu nội dung")
    page.wait_for_selector("text=Đã lưu nội dung báo cáo.")
    with page.expect_download() as download:
        page.click("text=Xem dự thảo (DOCX)")
    assert download.value.suggested_filename == "Dự thảo Báo cáo năm 2026.docx"

    page.context.clear_cookies()
    login(page, director)
    report = Report.objects.get()
    page.goto(f"/reports/{report.pk}/")
    page.click("a:has-text('Ký báo cáo')")
    page.wait_for_selector("text=Không thể hoàn tác")
    shot(page, "03-sign-confirm")
    page.click("text=Ký và cấp số")
    page.wait_for_selector("text=Đã ký Báo cáo năm 2026, số 01/BC-SKHCN.")
    assert "Nguồn lực đối ứng" in page.inner_text("main") or "nguồn lực đối ứng" in page.inner_text("main")
    shot(page, "04-signed-director")
    page.goto("/reports/")
    shot(page, "05-list")
    page.set_viewport_size({"width": 375, "height": 800})
    for name, url in (("06-list-phone", "/reports/"), ("07-signed-phone", f"/reports/{report.pk}/")):
        page.goto(url)
        shot(page, name)
        found = page.evaluate(OVERFLOW, 375)
        assert found["width"] <= 375, found["offenders"]  # wide tables scroll in their own box
    report.refresh_from_db()
    assert report.state == "signed" and report.document.number == "01/BC-SKHCN"
