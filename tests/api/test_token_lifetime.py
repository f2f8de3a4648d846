"""API tokens expire, and a new password revokes every token of the account."""

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nangsuat.api.models import ApiToken
from nangsuat.api.tokens import issue_token
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from tests.core.clients import client_for
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/auth/me"


def _me(raw: str):
    return Client().get(ME_URL, HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def enterprise_user(can_tho):
    return UserFactory(role=Role.ENTERPRISE, agency=can_tho)


def test_a_token_expires_after_ninety_days_and_the_answer_says_when(api_client, enterprise_user):
    res = api_client().post(TOKEN_URL, {"username": enterprise_user.username, "password": "Test@12345"})
    assert res.status_code == 201
    token = ApiToken.objects.get(user=enterprise_user)
    assert abs(token.expires_at - token.created_at - timedelta(days=90)) < timedelta(seconds=5)
    answered = datetime.fromisoformat(res.json()["expires_at"])
    assert abs(answered - token.expires_at) < timedelta(milliseconds=1)  # JSON keeps milliseconds


def test_the_lifetime_is_a_setting(enterprise_user, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 7
    token, _raw = issue_token(user=enterprise_user)
    assert abs(token.expires_at - token.created_at - timedelta(days=7)) < timedelta(seconds=5)


def test_an_expired_token_is_refused_with_401(enterprise_user):
    token, raw = issue_token(user=enterprise_user)
    assert _me(raw).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    res = _me(raw)
    assert res.status_code == 401
    assert res["WWW-Authenticate"].startswith("Bearer")


def test_the_token_page_shows_when_each_token_expires(enterprise_user):
    token, _raw = issue_token(user=enterprise_user, name="Kế toán")
    old, _raw = issue_token(user=enterprise_user, name="Cũ")
    ApiToken.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=1))
    html = client_for(enterprise_user).get(reverse("api_tokens:list")).content.decode()
    assert "Hết hạn" in html
    assert timezone.localtime(token.expires_at).strftime("%d/%m/%Y") in html
    assert "Đã hết hạn" in html


def test_expired_tokens_do_not_count_against_the_limit(enterprise_user):
    from nangsuat.api.views import MAX_ACTIVE_TOKENS

    for i in range(MAX_ACTIVE_TOKENS):
        issue_token(user=enterprise_user, name=f"Khóa {i}")
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(days=1))
    res = client_for(enterprise_user).post(reverse("api_tokens:list"), {"name": "Khóa mới"})
    assert res.status_code == 302


def test_changing_the_password_on_the_page_revokes_every_token(enterprise_user):
    tokens = [issue_token(user=enterprise_user, name=n)[1] for n in ("BI", "Kế toán")]
    client = client_for(enterprise_user)
    res = client.post(
        "/accounts/password/change/",
        {"oldpassword": "Test@12345", "password1": "Moi@2026-Cantho", "password2": "Moi@2026-Cantho"},
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    assert all(_me(raw).status_code == 401 for raw in tokens)
    assert not ApiToken.objects.filter(user=enterprise_user, revoked_at__isnull=True).exists()
    entry = AuditEntry.objects.get(action="api.token.revoked_all", object_id=str(enterprise_user.pk))
    assert entry.data == {"count": 2, "reason": "password_changed"}


def test_a_password_set_any_other_way_revokes_every_token(enterprise_user):
    _token, raw = issue_token(user=enterprise_user)
    enterprise_user.set_password("Khac@2026-Cantho")  # Django's admin, changepassword, a reset link
    enterprise_user.save()
    assert _me(raw).status_code == 401


def test_a_token_issued_after_the_change_works(enterprise_user):
    issue_token(user=enterprise_user)
    enterprise_user.set_password("Khac@2026-Cantho")
    enterprise_user.save()
    _token, raw = issue_token(user=enterprise_user)
    assert _me(raw).status_code == 200


def test_a_password_rehashed_at_sign_in_is_no_change(enterprise_user, settings):
    _token, raw = issue_token(user=enterprise_user)
    # A stronger hasher first: signing in stores the same password under it.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    assert Client().login(username=enterprise_user.username, password="Test@12345")
    enterprise_user.refresh_from_db()
    assert enterprise_user.password.startswith("pbkdf2_")
    assert _me(raw).status_code == 200
