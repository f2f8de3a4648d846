"""The counterpart funds in a browser: the officer records an enterprise's own funds for a signed dossier (a
bad amount first, refused in Vietnamese), the year's list and the year's page show them beside the state's
support, on a desktop and on a phone."""

import pytest

from nangsuat.budget.models import CounterpartFund
from nangsuat.core.mfa import enrol_totp
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.budget.conftest import estimate, finance
from tests.budget.test_money import budget_2026, contracted
from tests.conftest import login, screenshot
from tests.councils.conftest import _other_apps_effects, call, council, director, officer
from tests.dossiers.factories import DossierFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

__all__ = [
    "_other_apps_effects",
    "budget_2026",
    "call",
    "council",
    "director",
    "estimate",
    "finance",
    "officer",
]


def test_the_officer_records_a_counterpart_and_the_year_shows_it(
    page, budget_2026, call, council, officer, director
):
    signed = contracted(call, officer, director, council, amount=150_000_000)
    DossierFactory(call=call, state="approved", requested_support_vnd=120_000_000)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    login(page, officer)

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/budget/counterpart/2026/")
    page.locator(f"a[href='/budget/counterpart/dossiers/{signed.pk}/']").click()
    page.fill("#id_amount_vnd", "")
    page.get_by_role("button", name="Lưu vốn đối ứng").click()
    assert page.get_by_text("Vui lòng nhập số vốn đối ứng.").first.is_visible()
    screenshot(page, "budget-counterpart-form-error")
    page.fill("#id_amount_vnd", "1.250.000.000")
    page.fill("#id_note", "Vốn tự có và vay ngân hàng thương mại")
    page.get_by_role("button", name="Lưu vốn đối ứng").click()
    assert page.get_by_text("Đã ghi nhận vốn đối ứng").first.is_visible()
    assert CounterpartFund.objects.get(dossier=signed).amount_vnd == 1_250_000_000
    assert page.get_by_text("1.520.000.000 đ").first.is_visible()  # 150 + 120 triệu + 1,25 tỷ
    screenshot(page, "budget-counterpart-list")

    page.goto("/budget/year/2026/")
    assert page.get_by_text("Vốn đối ứng của doanh nghiệp").first.is_visible()
    screenshot(page, "budget-year-counterpart")
    page.goto(f"/dossiers/{signed.pk}/")
    assert page.get_by_text("Nguồn vốn thực hiện").first.is_visible()
    screenshot(page, "budget-dossier-counterpart")

    page.set_viewport_size({"width": 390, "height": 844})
    for url, name in (
        ("/budget/counterpart/2026/", "budget-counterpart-list-phone"),
        (f"/budget/counterpart/dossiers/{signed.pk}/", "budget-counterpart-form-phone"),
        ("/budget/year/2026/", "budget-year-counterpart-phone"),
    ):
        page.goto(url)
        screenshot(page, name)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1, url
