"""Enterprise self sign-up: form → verification e-mail → confirmed e-mail → pending claim → officer."""

import re

import pytest
from django.core import mail
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


def _verification_link() -> str:
    assert mail.outbox, "no verification e-mail"
    message = mail.outbox[-1]
    assert "Xác nhận địa chỉ e-mail" in message.subject
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", message.body).group(1)


def test_signup_claims_a_known_enterprise_and_officer_confirms(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    client = Client()
    res = client.post(SIGNUP, _form(tax_code=f" {enterprise.tax_code[:4]} {enterprise.tax_code[4:]} "))
    assert res.status_code == 302 and res["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="mai.dongxanh")
    assert user.role == Role.ENTERPRISE and user.agency == can_tho
    assert user.full_name == "Trần Thị Mai" and user.phone == "0292 3820 123"
    membership = EnterpriseMembership.objects.get(user=user)
    assert membership.enterprise == enterprise and membership.status == "pending"
    # Not signed in until the e-mail is confirmed.
    assert client.get("/app/").status_code == 302
    link = _verification_link()
    assert "Trần Thị Mai" in mail.outbox[-1].body
    res = client.post(link)
    assert res.status_code == 302
    assert user.emailaddress_set.get().verified
    # The claim waits for an officer; the enterprise's data is not visible yet.
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    confirm_membership(actor=officer, membership=membership)
    membership.refresh_from_db()
    assert membership.status == "confirmed" and membership.decided_by == officer
    assert AuditEntry.objects.filter(action="membership.confirmed", object_id=str(membership.pk)).exists()
    client.login(username="mai.dongxanh", password="Cantho@2026!")
    res = client.get(f"/api/v1/enterprises/{enterprise.pk}")
    assert res.status_code == 200


def test_unknown_tax_code_needs_the_enterprise_details(can_tho):
    res = Client().post(SIGNUP, _form(tax_code=valid_tax_code(31337)))
    assert res.status_code == 200
    html = res.content.decode()
    assert "Mã số thuế chưa có trong sổ doanh nghiệp của Sở" in html
    assert "Vui lòng chọn xã/phường" in html
    assert not User.objects.filter(username="mai.dongxanh").exists()


def test_unknown_tax_code_creates_a_minimal_record_and_a_pending_claim(can_tho):
    tax_code = valid_tax_code(31337)
    res = Client().post(
        SIGNUP,
        _form(
            tax_code=tax_code,
            enterprise_name="HTX Nông nghiệp Đồng Xanh",
            kind="cooperative",
            ward=some_ward().code,
            vsic=some_vsic().code,
        ),
    )
    assert res.status_code == 302, res.content.decode()[:3000]
    enterprise = Enterprise.objects.get(tax_code=tax_code)
    assert enterprise.agency == can_tho and enterprise.kind == "cooperative"
    membership = EnterpriseMembership.objects.get(enterprise=enterprise)
    assert membership.status == "pending"
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
