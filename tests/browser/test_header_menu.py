"""The header menu fits one row on a 1366 px screen for the roles with the most items, and the site's
own favicon loads (no 404 in the console)."""

import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN, Role.DIRECTOR])
def test_menu_fits_one_row_at_1366(page, live_server, can_tho, role, language):
    user = UserFactory(role=role, agency=can_tho, full_name="Nguyễn Thị Thu Hà")
    enrol_totp(user, DEMO_TOTP_SECRET)
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, user)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto("/app/")
    assert page.locator("html").get_attribute("lang") == language
    tops = page.locator(".mainnav__link").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().top)"
    )
    assert len(tops) >= 5 and len(set(tops)) == 1, tops
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("favicon.svg")
    assert failed == []
    screenshot(page, f"menu-1366-{role}-{language}")
