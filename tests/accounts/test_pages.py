"""Every allauth page renders in Vietnamese with the product's layout."""

import pytest
from django.test import Client

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
ENGLISH = (
    "Sign In",
    "Sign Up",
    "Password",
    "Username",
    "Login:",
    "Remember Me",
    "Forgot",
    "E-mail address",
    "Email",
    "Confirm",
    "Activate",
    "Authenticator",
    "Cancel",
)


def _assert_vietnamese(html: str):
    for word in ENGLISH:
        assert f">{word}" not in html and f"{word}:" not in html, word
    assert "auth-card" in html


@pytest.mark.parametrize(
    "url,expected",
    [
        ("/accounts/login/", "Đăng nhập hệ thống"),
        ("/accounts/signup/", "Đăng ký tài khoản doanh nghiệp"),
        ("/accounts/password/reset/", "Đặt lại mật khẩu"),
        ("/accounts/password/reset/done/", "Kiểm tra hộp thư"),
        ("/accounts/confirm-email/", "Kiểm tra hộp thư"),
        ("/accounts/confirm-email/bogus/", "hết hạn"),
        ("/accounts/password/reset/key/1-bad/", "không hợp lệ"),
        ("/accounts/inactive/", "bị khóa"),
    ],
)
def test_anonymous_pages_are_vietnamese(can_tho, url, expected):
    res = Client().get(url, follow=True)
    assert res.status_code == 200
    html = res.content.decode()
    assert expected in html
    _assert_vietnamese(html)


def test_login_errors_are_vietnamese(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    res = Client().post("/accounts/login/", {"login": user.username, "password": "sai"})
    html = res.content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in html
    _assert_vietnamese(html)


def test_mfa_pages_are_vietnamese(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = Client()
    client.post("/accounts/login/", {"login": officer.username, "password": "Test@12345"})
    res = client.get("/accounts/2fa/totp/activate/")
    html = res.content.decode()
    assert "Đăng ký ứng dụng xác thực" in html and "data:image/svg+xml" in html
    _assert_vietnamese(html)


def test_mfa_authenticate_page(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    client = Client()
    res = client.post("/accounts/login/", {"login": officer.username, "password": "Test@12345"}, follow=True)
    html = res.content.decode()
    assert "Xác thực hai lớp" in html and 'name="code"' in html
    _assert_vietnamese(html)
    res = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert "Mã xác thực không đúng" in res.content.decode()


def test_password_reset_by_email_in_vietnamese(can_tho):
    import re

    from django.core import mail

    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = Client()
    res = client.post("/accounts/password/reset/", {"email": user.email})
    assert res.status_code == 302
    message = mail.outbox[-1]
    assert message.subject == "[Chương trình 1322] Đặt lại mật khẩu"
    assert "Tên đăng nhập của bạn" in message.body
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)
    page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in page.content.decode()
    res = client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link,
        {"password1": "Moi@Cantho2026", "password2": "Moi@Cantho2026"},
        follow=True,
    )
    assert "Đã đổi mật khẩu" in res.content.decode()
    user.refresh_from_db()
    assert user.check_password("Moi@Cantho2026")
