"""The account menu leads to one profile page: password, two-factor, recovery codes, and API keys as one
item among them, for an enterprise owner as for staff."""

import pytest
from django.urls import reverse

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.clients import client_after_totp, client_for
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


def test_an_owners_name_leads_to_the_profile_not_to_api_keys(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    owner = enterprise_user(enterprise, full_name="Ngô Thị Kim Yến")
    client = client_for(owner)
    home = client.get(reverse("core:dashboard")).content.decode()
    assert f'class="user-chip" href="{reverse("profile:index")}"' in home
    page = client.get(reverse("profile:index")).content.decode()
    for url in (
        reverse("account_change_password"),
        reverse("mfa_index"),
        reverse("api_tokens:list"),
        reverse("registry:enterprise_detail", args=[enterprise.pk]),
    ):
        assert f'href="{url}"' in page
    assert "Ngô Thị Kim Yến" in page and "Chưa bật" in page
    assert page.index("Đổi mật khẩu") < page.index("Xác thực hai lớp") < page.index("Khóa truy cập API")


def test_staff_profile_shows_two_factor_on(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    page = client_after_totp(officer).get(reverse("profile:index")).content.decode()
    assert "Đang bật" in page and reverse("mfa_index") in page
