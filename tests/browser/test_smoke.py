import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_signs_in_with_totp_and_sees_the_dashboard(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà")
    enrol_totp(officer, DEMO_TOTP_SECRET)
    login(page, officer)
    screenshot(page, "dashboard-officer")
    assert "Nguyễn Thị Thu Hà" in page.content()
    assert "/accounts/login" not in page.url
