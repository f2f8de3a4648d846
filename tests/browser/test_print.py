"""A list and a dossier print cleanly: no navigation, buttons or filters on paper, the table full width."""

import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.conftest import login
from tests.core.factories import UserFactory
from tests.dossiers.factories import DossierFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lists_and_the_dossier_page_print_without_navigation_buttons_or_filters(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    dossier = DossierFactory(call__agency=can_tho, state="submitted")
    login(page, officer)
    page.goto("/dossiers/")
    assert page.locator("#mainnav").is_visible() and page.locator("form.filters").is_visible()

    page.emulate_media(media="print")
    assert not page.locator("#mainnav").is_visible()
    assert not page.locator(".topbar").is_visible() and not page.locator("form.filters").is_visible()
    assert not page.locator(".page-head__actions").is_visible()
    table = page.locator("table").first
    main = page.locator("main").bounding_box()
    assert table.is_visible() and table.bounding_box()["width"] >= main["width"] - 2
    assert table.evaluate("el => getComputedStyle(el).color") == "rgb(0, 0, 0)"

    page.goto(f"/dossiers/{dossier.pk}/")
    assert page.get_by_text(dossier.tracking_code).first.is_visible()
    assert not page.locator("#mainnav").is_visible() and not page.locator("main .btn").first.is_visible()
