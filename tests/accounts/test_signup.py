"""Enterprise self sign-up: form → verification e-mail → confirmed e-mail → pending claim → officer.
Nothing reaches the registry before the e-mail is verified, and the form answers alike whether the tax
code is registered or not."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from nangsuat.core.models import AuditEntry, User
from nangsuat.core.roles import Role
from nangsuat.registry.models import Enterprise, EnterpriseMembership
from nangsuat.registry.services import confirm_membership, reject_membership
from tests.core.factories import UserFactory
from tests.reference.factories import some_vsic, some_ward
from tests.registry.factories import EnterpriseFactory, valid_tax_code

pytestmark = pytest.mark.django_db
SIGNUP = "/accounts/signup/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # allauth's rate limits (sign-ups and verification e-mails per address) live in the cache


def _form(**over):
    data = {
        "full_name": "Trần Thị  Mai",
        "phone": "0292 3820 123",
        "email": "mai@dongxanh.vn",
        "username": "mai.dongxanh",
        "password1": "Cantho@2026!",
        "password2": "Cantho@2026!",
        "tax_code": "",
    }
    data.update(over)
    return data


def _enterprise_details(**over):
    """What the form asks of every enterprise, registered or not."""
    return {
        "enterprise_name": "HTX Nông nghiệp Đồng Xanh",
        "kind": "cooperative",
        "ward": some_ward().code,
        "vsic": some_vsic().code,
        **over,
    }


def _verification_link() -> str:
    assert mail.outbox, "no verification e-mail"
    message = mail.outbox[-1]
    assert "Xác nhận địa chỉ e-mail" in message.subject
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", message.body).group(1)


def test_signup_claims_a_known_enterprise_once_verified_and_officer_confirms(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    registered_name = enterprise.name
    client = Client()
    res = client.post(
        SIGNUP,
        _form(tax_code=f" {enterprise.tax_code[:4]} {enterprise.tax_code[4:]} ", **_enterprise_details()),
    )
    assert res.status_code == 302 and res["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="mai.dongxanh")
    assert user.role == Role.ENTERPRISE and user.agency == can_tho
    assert user.full_name == "Trần Thị Mai" and user.phone == "0292 3820 123"
    # No claim before the e-mail is verified.
    assert not EnterpriseMembership.objects.filter(user=user).exists()
    # Not signed in until the e-mail is confirmed.
    assert client.get("/app/").status_code == 302
    link = _verification_link()
    assert "Trần Thị Mai" in mail.outbox[-1].body
    res = client.post(link)
    assert res.status_code == 302
    assert user.emailaddress_set.get().verified
    membership = EnterpriseMembership.objects.get(user=user)
    assert membership.enterprise == enterprise and membership.status == "pending"
    enterprise.refresh_from_db()
    assert enterprise.name == registered_name  # what the claimant typed changes nothing in the registry
    # The claim waits for an officer; the enterprise's data is not visible yet.
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    confirm_membership(actor=officer, membership=membership)
    membership.refresh_from_db()
    assert membership.status == "confirmed" and membership.decided_by == officer
    assert AuditEntry.objects.filter(action="membership.confirmed", object_id=str(membership.pk)).exists()
    client.login(username="mai.dongxanh", password="Cantho@2026!")
    res = client.get(f"/api/v1/enterprises/{enterprise.pk}")
    assert res.status_code == 200


def _errors(res) -> list[str]:
    return [str(e) for errors in res.context["form"].errors.values() for e in errors]


def test_the_enterprise_details_are_asked_whatever_the_tax_code(can_tho):
    registered = EnterpriseFactory(agency=can_tho)
    answers = [
        Client().post(SIGNUP, _form(tax_code=code)) for code in (registered.tax_code, valid_tax_code(31337))
    ]
    assert [r.status_code for r in answers] == [200, 200]
    assert _errors(answers[0]) == _errors(answers[1])
    assert "Vui lòng nhập tên doanh nghiệp." in _errors(answers[0])
    assert "Vui lòng chọn xã/phường nơi đặt trụ sở." in _errors(answers[0])
    pages = [
        re.sub(r"[A-Za-z0-9]{64}", "CSRF", r.content.decode()).replace(code, "CODE")  # tokens differ
        for r, code in zip(answers, (registered.tax_code, valid_tax_code(31337)), strict=True)
    ]
    assert pages[0] == pages[1]
    assert not User.objects.filter(username="mai.dongxanh").exists()


def test_the_answer_does_not_tell_whether_the_tax_code_is_registered(can_tho):
    registered = EnterpriseFactory(agency=can_tho)
    known = Client().post(SIGNUP, _form(tax_code=registered.tax_code, **_enterprise_details()))
    unknown = Client().post(
        SIGNUP,
        _form(
            tax_code=valid_tax_code(31337),
            email="lan@dongxanh.vn",
            username="lan.dongxanh",
            **_enterprise_details(),
        ),
    )
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert mail.outbox[0].subject == mail.outbox[1].subject


def test_signup_writes_nothing_to_the_registry_before_the_email_is_verified(can_tho):
    EnterpriseFactory(agency=can_tho)
    enterprises, memberships = Enterprise.objects.count(), EnterpriseMembership.objects.count()
    res = Client().post(SIGNUP, _form(tax_code=valid_tax_code(31337), **_enterprise_details()))
    assert res.status_code == 302, res.content.decode()[:3000]
    assert Enterprise.objects.count() == enterprises
    assert EnterpriseMembership.objects.count() == memberships
    assert not AuditEntry.objects.filter(action__startswith="enterprise.").exists()


def test_unknown_tax_code_creates_a_minimal_record_and_a_pending_claim_once_verified(can_tho):
    tax_code = valid_tax_code(31337)
    client = Client()
    res = client.post(SIGNUP, _form(tax_code=tax_code, **_enterprise_details()))
    assert res.status_code == 302, res.content.decode()[:3000]
    assert not Enterprise.objects.filter(tax_code=tax_code).exists()
    client.post(_verification_link())
    enterprise = Enterprise.objects.get(tax_code=tax_code)
    assert enterprise.agency == can_tho and enterprise.kind == "cooperative"
    assert enterprise.name == "HTX Nông nghiệp Đồng Xanh"
    membership = EnterpriseMembership.objects.get(enterprise=enterprise)
    assert membership.status == "pending"
    assert AuditEntry.objects.filter(action="enterprise.created", object_id=str(enterprise.pk)).exists()
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    reject_membership(actor=officer, membership=membership, note="Không phải người đại diện")
    membership.refresh_from_db()
    assert membership.status == "rejected"


@pytest.mark.parametrize(
    "tax_code,message",
    [
        ("0123456789", "sai chữ số kiểm tra"),
        ("12345", "10 chữ số"),
        ("abc", "chỉ gồm chữ số"),
        ("", "bắt buộc"),
    ],
)
def test_bad_tax_codes_are_refused_in_vietnamese(can_tho, tax_code, message):
    res = Client().post(SIGNUP, _form(tax_code=tax_code))
    assert res.status_code == 200
    assert message in res.content.decode()
    assert not User.objects.filter(username="mai.dongxanh").exists()


def test_bad_phone_and_password_mismatch(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    res = Client().post(SIGNUP, _form(tax_code=enterprise.tax_code, phone="gọi tôi", password2="Khac@2026!"))
    html = res.content.decode()
    assert "Số điện thoại chỉ gồm chữ số" in html
    assert "error-summary" in html


def test_taken_email_does_not_leak_and_sends_a_notice(can_tho):
    existing = UserFactory(role=Role.ENTERPRISE, agency=can_tho, email="mai@dongxanh.vn")
    enterprise = EnterpriseFactory(agency=can_tho)
    res = Client().post(SIGNUP, _form(tax_code=enterprise.tax_code))
    # allauth answers as for a new account (no enumeration) and tells the owner by e-mail.
    assert res.status_code in (200, 302)
    assert User.objects.filter(email="mai@dongxanh.vn").count() == 1
    assert existing.pk


def test_a_decided_claim_cannot_be_decided_again(can_tho):
    from django.core.exceptions import ValidationError

    enterprise = EnterpriseFactory(agency=can_tho)
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    membership = EnterpriseMembership.objects.create(user=user, enterprise=enterprise)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    confirm_membership(actor=officer, membership=membership)
    with pytest.raises(ValidationError):
        reject_membership(actor=officer, membership=membership)


def test_an_account_whose_email_is_not_verified_gets_no_api_token(can_tho):
    Client().post(SIGNUP, _form(tax_code=valid_tax_code(31337), **_enterprise_details()))
    credentials = {"username": "mai.dongxanh", "password": "Cantho@2026!"}
    res = Client().post("/api/v1/auth/token", credentials, content_type="application/json")
    assert res.status_code == 403
    assert res.json()["detail"] == (
        "Địa chỉ e-mail của tài khoản chưa được xác nhận: hãy bấm vào liên kết trong thư xác nhận rồi thử lại."
    )
    Client().post(_verification_link())
    res = Client().post("/api/v1/auth/token", credentials, content_type="application/json")
    assert res.status_code == 201
