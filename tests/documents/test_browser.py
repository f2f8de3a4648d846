"""The register and the notifications as an officer sees them in the browser."""

import pytest
from playwright.sync_api import expect

from nangsuat.core.mfa import enrol_totp
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.notifications.services import notify
from tests.conftest import login, screenshot
from tests.dossiers.factories import DossierFactory

from .helpers import run_effect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_reads_the_register_and_the_bell(page, can_tho, officer, settings):
    settings.DOCUMENTS_PDF = False
    settings.STAFF_MFA_REQUIRED = True
    enrol_totp(officer, DEMO_TOTP_SECRET)
    for _ in range(3):
        dossier = DossierFactory(call__agency=can_tho)
        run_effect("receipt_slip", dossier, officer)
    run_effect("support_contract", dossier, officer, payload={"amount_vnd": 150_000_000})
    notify(
        officer,
        title=f"Hồ sơ {dossier.tracking_code} chờ bạn xử lý: Xác nhận hợp lệ",
        body="Doanh nghiệp: Công ty TNHH Thực phẩm Đồng Tháp",
        url="/documents/",
        dossier=dossier,
        email=False,
    )
    notify(officer, title="Hồ sơ sắp đến hạn xử lý", email=False)
    login(page, officer)

    page.goto("/documents/")
    assert page.locator("h1").inner_text() == "Sổ văn bản"
    assert page.locator("table.table tbody tr").count() == 4
    assert page.locator("#notification-bell .bell__count").inner_text() == "2"
    screenshot(page, "documents-register")
    page.select_option("#f-kind", "support_contract")
    expect(page.locator("table.table tbody tr")).to_have_count(1)
    assert "01/HĐ-SKHCN" in page.locator("table.table").inner_text()

    page.click("#notification-bell")
    page.wait_for_url("**/notifications/")
    screenshot(page, "notifications-list")
    page.click("text=Đánh dấu tất cả đã đọc")
    page.wait_for_load_state()
    assert page.locator("#notification-bell .bell__count").count() == 0
