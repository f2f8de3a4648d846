"""Staff accounts: created by an administrator, TOTP enrolment forced at first login, lockout, deactivation."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from django.test import Client

from nangsuat.accounts.services import create_staff_account
from nangsuat.api.models import ApiToken
from nangsuat.api.tokens import issue_token
from nangsuat.core.errors import Forbidden
from nangsuat.core.mfa import current_totp_code, enrol_totp
from nangsuat.core.models import AuditEntry, User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
STAFF = "/staff/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def admin_client(can_tho):
    admin = UserFactory(role=Role.ADMIN, agency=can_tho, username="quantri")
    enrol_totp(admin, DEMO_TOTP_SECRET)
    return client_after_totp(admin), admin


def _new_staff(**over):
    data = {
        "full_name": "Lê Văn Bình",
        "username": "binh.le",
        "email": "binh@skhcn.cantho.gov.vn",
        "role": Role.OFFICER,
        "agency": "",
        "position": "Chuyên viên",
        "phone": "",
        "password": "Tam-thoi-2026!",
    }
    data.update(over)
    return data


def test_admin_lists_and_creates_staff(admin_client, can_tho):
    client, admin = admin_client
    UserFactory(role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh")
    res = client.get(STAFF)
    assert res.status_code == 200 and "Trần Văn Minh" in res.content.decode()
    res = client.post(f"{STAFF}new/", _new_staff(agency=can_tho.pk))
    assert res.status_code == 302
    user = User.objects.get(username="binh.le")
    assert user.role == Role.OFFICER and user.agency == can_tho and user.check_password("Tam-thoi-2026!")
    assert user.emailaddress_set.get().verified
    assert AuditEntry.objects.filter(action="account.staff_created", actor=admin).exists()
    html = client.get(STAFF, {"q": "Bình"}).content.decode()
    assert "binh.le" in html and "Chưa đăng ký" in html


def test_create_validates_in_vietnamese(admin_client, can_tho):
    client, _ = admin_client
    UserFactory(username="binh.le", agency=can_tho)
    res = client.post(f"{STAFF}new/", _new_staff(agency="", password="123"))
    html = res.content.decode()
    assert res.status_code == 200
    assert "error-summary" in html
    assert "Tên đăng nhập này đã được dùng" in html or "ít nhất 10" in html


def test_agency_roles_need_an_agency(admin_client, vinh_long):
    client, _ = admin_client
    res = client.post(f"{STAFF}new/", _new_staff(agency=""))
    assert res.status_code == 200
    assert "phải gắn với một cơ quan" in res.content.decode()
    assert not User.objects.filter(username="binh.le").exists()


def test_agency_admin_cannot_create_in_another_agency(admin_client, vinh_long):
    client, _ = admin_client
    res = client.post(f"{STAFF}new/", _new_staff(agency=vinh_long.pk))
    assert res.status_code == 200
    assert not User.objects.filter(username="binh.le").exists()


@pytest.mark.parametrize("role", [Role.MINISTRY, Role.ADMIN])
def test_agency_admin_cannot_create_an_account_bound_to_no_agency(admin_client, role):
    client, _ = admin_client
    res = client.post(f"{STAFF}new/", _new_staff(role=role, agency=""))
    assert res.status_code in (200, 403)
    assert not User.objects.filter(username="binh.le").exists()


@pytest.mark.parametrize(
    ("role", "agency"),
    [(Role.MINISTRY, None), (Role.ADMIN, None), (Role.OFFICER, None), (Role.OFFICER, "vinh_long")],
)
def test_staff_service_keeps_an_agency_admin_inside_its_agency(admin_client, vinh_long, role, agency):
    _, admin = admin_client
    data = {k: v for k, v in _new_staff(role=role).items() if k != "agency"}
    with pytest.raises(Forbidden):
        create_staff_account(actor=admin, agency=vinh_long if agency else None, **data)
    assert not User.objects.filter(username="binh.le").exists()


def test_national_admin_creates_ministry_and_national_admin_accounts(db):
    national = UserFactory(role=Role.ADMIN, agency=None)
    enrol_totp(national, DEMO_TOTP_SECRET)
    client = client_after_totp(national)
    client.post(f"{STAFF}new/", _new_staff(role=Role.MINISTRY, agency=""))
    client.post(f"{STAFF}new/", _new_staff(role=Role.ADMIN, agency="", username="qt", email="qt@bo.gov.vn"))
    assert User.objects.get(username="binh.le").agency is None
    assert User.objects.get(username="qt").is_national_admin


def test_only_admins_manage_staff(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    client = client_after_totp(officer)
    assert client.get(STAFF).status_code == 403
    assert client.post(f"{STAFF}new/", _new_staff()).status_code == 403


def test_deactivate_and_reactivate(admin_client, can_tho):
    client, admin = admin_client
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    _token, raw = issue_token(user=officer)
    res = client.post(f"{STAFF}{officer.pk}/active/", {"active": "0"})
    assert res.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_active
    assert ApiToken.objects.get(user=officer).revoked
    assert not Client().login(username=officer.username, password="Test@12345")
    client.post(f"{STAFF}{officer.pk}/active/", {"active": "1"})
    officer.refresh_from_db()
    assert officer.is_active
    assert AuditEntry.objects.filter(action="account.deactivated", object_id=str(officer.pk)).exists()


def test_admin_cannot_deactivate_self_or_other_agency_staff(admin_client, vinh_long):
    client, admin = admin_client
    client.post(f"{STAFF}{admin.pk}/active/", {"active": "0"}, follow=True)
    admin.refresh_from_db()
    assert admin.is_active
    other = UserFactory(role=Role.OFFICER, agency=vinh_long)
    assert client.post(f"{STAFF}{other.pk}/active/", {"active": "0"}).status_code == 404


def test_new_staff_is_sent_to_enrol_totp_and_then_works(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = Client()
    res = client.post("/accounts/login/", {"login": officer.username, "password": "Test@12345"})
    assert res.status_code == 302
    res = client.get("/app/")
    assert res.status_code == 302 and res["Location"].startswith("/accounts/2fa/totp/activate/")
    page = client.get(res["Location"])
    assert page.status_code == 200
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    res = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert res.status_code == 302, res.content.decode()[:2000]
    assert client.get("/app/").status_code == 200


def test_staff_with_totp_must_give_the_code(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    client = Client()
    res = client.post("/accounts/login/", {"login": officer.username, "password": "Test@12345"})
    assert res["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/app/").status_code == 302  # not signed in yet
    res = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(officer)})
    assert res.status_code == 302
    assert client.get("/app/").status_code == 200


def test_staff_cannot_switch_totp_off(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    from nangsuat.core.adapters import MfaAdapter

    assert not MfaAdapter().can_delete_authenticator(Authenticator.objects.get(user=officer))


def test_lockout_after_five_failures(can_tho, settings):
    settings.AXES_ENABLED = True
    settings.ACCOUNT_RATE_LIMITS = False
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = Client()
    for _ in range(5):
        res = client.post("/accounts/login/", {"login": user.username, "password": "sai-mat-khau"})
        assert res.status_code in (200, 429)
    res = client.post("/accounts/login/", {"login": user.username, "password": "Test@12345"})
    assert res.status_code == 429
    assert "Tài khoản tạm bị khóa" in res.content.decode()
    assert client.get("/app/").status_code == 302


def test_admin_resets_a_lost_second_factor(admin_client, can_tho):
    client, admin = admin_client
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    res = client.post(f"{STAFF}{officer.pk}/reset-mfa/")
    assert res.status_code == 302
    assert not Authenticator.objects.filter(user=officer).exists()
    assert AuditEntry.objects.filter(action="account.mfa_reset", object_id=str(officer.pk)).exists()
    client.post(f"{STAFF}{admin.pk}/reset-mfa/")
    assert Authenticator.objects.filter(user=admin).exists()
