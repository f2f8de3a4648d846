"""The page where a signed-in user issues and revokes their own API tokens."""

import pytest
from django.test import Client
from django.urls import reverse

from nangsuat.api.models import ApiToken
from nangsuat.api.views import MAX_ACTIVE_TOKENS
from nangsuat.core.roles import Role
from tests.core.clients import client_for
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_a_user_issues_a_token_sees_it_once_uses_it_and_revokes_it(can_tho):
    user = UserFactory(role=Role.OFFICER, agency=can_tho)
    c = client_for(user)
    url = reverse("api_tokens:list")
    assert "Bạn chưa có khóa nào." in c.get(url).content.decode()
    r = c.post(url, {"name": "   "})
    assert r.status_code == 400 and "Vui lòng đặt tên gợi nhớ cho khóa." in r.content.decode()
    r = c.post(url, {"name": "Phần mềm  kế toán"}, follow=True)
    token = ApiToken.objects.get(user=user)
    page = r.content.decode()
    raw = page.split('id="new-token" class="token-secret" type="text" value="')[1].split('"')[0]
    assert token.name == "Phần mềm kế toán" and raw.startswith(token.prefix) and "Khóa mới của bạn" in page
    assert raw not in c.get(url).content.decode()  # shown once
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/enterprises").status_code == 200
    r = c.post(reverse("api_tokens:revoke", args=[token.pk]), follow=True)
    assert "Đã thu hồi khóa “Phần mềm kế toán”." in r.content.decode()
    assert api.get("/api/v1/enterprises").status_code == 401


def test_nobody_revokes_anothers_token_and_the_number_of_tokens_is_bounded(can_tho):
    owner, other = (
        UserFactory(role=Role.ENTERPRISE, agency=can_tho),
        UserFactory(role=Role.ENTERPRISE, agency=can_tho),
    )
    c = client_for(owner)
    for i in range(MAX_ACTIVE_TOKENS):
        c.post(reverse("api_tokens:list"), {"name": f"Khóa {i}"})
    r = c.post(reverse("api_tokens:list"), {"name": "Một khóa nữa"})
    assert r.status_code == 400 and "hãy thu hồi khóa không còn dùng" in r.content.decode()
    token = ApiToken.objects.filter(user=owner).first()
    assert client_for(other).post(reverse("api_tokens:revoke", args=[token.pk])).status_code == 404
    assert client_for(other).get(reverse("api_tokens:revoke", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None
    assert Client().get(reverse("api_tokens:list")).status_code == 302  # sign in first
