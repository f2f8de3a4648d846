"""Guessing passwords: the lockout counts the account however it is spelled, and the token endpoint
limits each address."""

import pytest
from django.core.cache import cache
from django.test import Client

from nangsuat.core.roles import Role
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
TOKEN_URL = "/api/v1/auth/token"


@pytest.fixture(autouse=True)
def _lockout_on(settings):
    settings.AXES_ENABLED = True
    cache.clear()  # the per-address counter and allauth's own limits live in the cache
    yield
    cache.clear()


def _spellings(user) -> list[str]:
    """Five ways to name one account: its username in three cases, its e-mail in two."""
    return [
        user.username,
        user.username.upper(),
        user.username.capitalize(),
        user.email,
        user.email.upper(),
    ]


def _token(client: Client, username: str, password: str):
    return client.post(
        TOKEN_URL, {"username": username, "password": password}, content_type="application/json"
    )


def test_token_endpoint_locks_the_account_after_five_failures_whatever_the_spelling(can_tho):
    user = UserFactory(role=Role.COUNCIL, agency=can_tho, username="council2", email="council2@example.vn")
    client = Client()
    for spelling in _spellings(user):
        assert _token(client, spelling, "sai-mat-khau").status_code in (401, 429)
    res = _token(client, user.username, "Test@12345")
    assert res.status_code == 429
    assert "khóa" in res.json()["detail"]


def test_login_page_locks_the_account_after_five_failures_whatever_the_spelling(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho, username="mekong", email="mekong@example.vn")
    client = Client()
    for spelling in _spellings(user):
        res = client.post(LOGIN, {"login": spelling, "password": "sai-mat-khau"})
        assert res.status_code in (200, 429)
    res = client.post(LOGIN, {"login": user.email, "password": "Test@12345"})
    assert res.status_code == 429
    assert "Tài khoản tạm bị khóa" in res.content.decode()
    assert client.get("/app/").status_code == 302


def test_failures_of_one_spelling_lock_another_on_the_login_page_and_the_api_alike(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho, username="dongxanh")
    client = Client()
    for _ in range(3):
        client.post(LOGIN, {"login": user.email.upper(), "password": "sai-mat-khau"})
    for _ in range(2):
        _token(client, user.username.upper(), "sai-mat-khau")
    assert _token(client, user.username, "Test@12345").status_code == 429


def test_unknown_identifiers_are_counted_without_case(can_tho):
    client = Client()
    for spelling in ("khongco", "KHONGCO", "KhongCo", "khongCO", "KHONGco"):
        _token(client, spelling, "sai-mat-khau")
    res = _token(client, "khongco", "sai-mat-khau")
    assert res.status_code == 429


def test_token_endpoint_limits_requests_from_one_address(can_tho, settings):
    settings.AXES_ENABLED = False  # the address limit holds without the account lockout
    settings.API_TOKEN_REQUESTS_PER_ADDRESS = 4
    users = [UserFactory(role=Role.ENTERPRISE, agency=can_tho) for _ in range(5)]
    client = Client(REMOTE_ADDR="203.0.113.7")
    for user in users[:4]:
        assert _token(client, user.username, "sai-mat-khau").status_code == 401
    res = _token(client, users[4].username, "Test@12345")
    assert res.status_code == 429
    assert res.json()["detail"] == "Quá nhiều yêu cầu cấp khóa từ địa chỉ này. Vui lòng thử lại sau."
    assert res["Retry-After"]
    # Another address is not held back.
    assert _token(Client(REMOTE_ADDR="203.0.113.8"), users[4].username, "Test@12345").status_code == 201


def test_the_product_counts_in_a_cache_shared_by_its_processes():
    from nangsuat.settings import base

    backend = base.CACHES["default"]["BACKEND"]
    assert backend != "django.core.cache.backends.locmem.LocMemCache"
    assert backend in (
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.redis.RedisCache",
        "django_redis.cache.RedisCache",
    )
