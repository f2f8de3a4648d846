"""Journeys through the account pages in Chromium: an enterprise signs up and confirms its e-mail;
a new officer enrols TOTP; an enrolled officer signs in with the code. Screenshots of each page."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

from nangsuat.core.mfa import current_totp_code, enrol_totp
from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.registry.models import EnterpriseMembership
from tests.conftest import screenshot
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enterprise_signs_up_and_confirms_its_email(page, can_tho, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    enterprise = EnterpriseFactory(agency=can_tho, name="Công ty TNHH Gạo Sạch Cần Thơ")
    page.goto("/accounts/login/")
    screenshot(page, "accounts-login")
    assert page.locator("h1").inner_text() == "Đăng nhập hệ thống"
    page.click("text=Đăng ký tài khoản doanh nghiệp")
    page.wait_for_load_state()
    # A first try with a wrong tax code shows the Vietnamese error next to the field.
    page.fill("#id_full_name", "Trần Thị Mai")
    page.fill("#id_phone", "0292 3820 123")
    page.fill("#id_email", "mai@gaosach.vn")
    page.fill("#id_username", "mai.gaosach")
    page.fill("#id_password1", "Cantho@2026!")
    page.fill("#id_password2", "Cantho@2026!")
    page.fill("#id_tax_code", "0123456789")
    page.click("button:has-text('Đăng ký')")
    page.wait_for_load_state()
    assert "sai chữ số kiểm tra" in page.content()
    screenshot(page, "accounts-signup-errors")
    page.fill("#id_password1", "Cantho@2026!")
    page.fill("#id_password2", "Cantho@2026!")
    page.fill("#id_tax_code", enterprise.tax_code)
    # The enterprise's details are asked whatever the tax code: the form does not tell which are registered.
    page.fill("#id_enterprise_name", "Công ty TNHH Gạo Sạch Cần Thơ")
    page.select_option("#id_ward", index=1)
    page.select_option("#id_vsic", index=1)
    page.click("button:has-text('Đăng ký')")
    page.wait_for_load_state()
    assert "Kiểm tra hộp thư của bạn" in page.content()
    screenshot(page, "accounts-verification-sent")
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    page.goto(link)
    screenshot(page, "accounts-email-confirm")
    page.click("button:has-text('Xác nhận')")
    page.wait_for_load_state()
    user = User.objects.get(username="mai.gaosach")
    assert user.emailaddress_set.get().verified
    assert EnterpriseMembership.objects.get(user=user).status == "pending"


def test_signup_page(page, can_tho):
    page.goto("/accounts/signup/")
    screenshot(page, "accounts-signup")
    assert page.locator("legend").all_inner_texts() == ["Người đại diện", "Tài khoản", "Doanh nghiệp"]


def test_new_officer_enrols_totp_at_first_login(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Lê Văn Bình")
    page.goto("/accounts/login/")
    page.fill("input[name=login]", officer.username)
    page.fill("input[name=password]", "Test@12345")
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()
    assert "/accounts/2fa/totp/activate/" in page.url
    screenshot(page, "accounts-totp-activate")
    secret = page.locator("#authenticator_secret").inner_text().strip()
    page.fill("input[name=code]", format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.click("button:has-text('Kích hoạt')")
    page.wait_for_load_state()
    screenshot(page, "accounts-recovery-codes")
    assert "Mã khôi phục" in page.content()
    page.click("text=Đã lưu, tiếp tục")
    page.wait_for_load_state()
    assert "Lê Văn Bình" in page.content() and "/app/" in page.url


def test_officer_signs_in_with_totp(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà")
    enrol_totp(officer, DEMO_TOTP_SECRET)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", officer.username)
    page.fill("input[name=password]", "sai")
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.content()
    screenshot(page, "accounts-login-error")
    page.fill("input[name=password]", "Test@12345")
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()
    screenshot(page, "accounts-mfa-authenticate")
    page.fill("input[name=code]", current_totp_code(officer))
    page.press("input[name=code]", "Enter")
    page.wait_for_load_state()
    assert "Nguyễn Thị Thu Hà" in page.content()
    assert "/accounts/" not in page.url


def test_admin_manages_staff(page, can_tho):
    admin = UserFactory(role=Role.ADMIN, agency=can_tho, full_name="Huỳnh Minh Tâm")
    enrol_totp(admin, DEMO_TOTP_SECRET)
    UserFactory(role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh", position="Giám đốc Sở")
    from tests.conftest import login

    login(page, admin)
    page.goto("/staff/new/")
    page.fill("#id_full_name", "Lê Văn Bình")
    page.fill("#id_username", "binh.le")
    page.fill("#id_email", "binh@skhcn.cantho.gov.vn")
    page.select_option("#id_role", "officer")
    page.fill("#id_password", "Tam-thoi-2026!")
    screenshot(page, "accounts-staff-new")
    page.click("button:has-text('Tạo tài khoản')")
    page.wait_for_load_state()
    assert "Đã tạo tài khoản Lê Văn Bình" in page.content()
    screenshot(page, "accounts-staff-list")


def test_api_docs_load_swagger_from_our_own_static_files(page, can_tho, live_server):
    failed, outside = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on(
        "request", lambda r: None if r.url.startswith((live_server.url, "data:")) else outside.append(r.url)
    )
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    page.wait_for_selector(".opblock-summary-path")
    screenshot(page, "api-docs")
    assert "Chương trình 1322" in page.locator(".swagger-ui .info .title").inner_text()
    assert not [u for u in failed if "/static/" in u]  # every Swagger asset loaded
    assert not outside  # no CDN
