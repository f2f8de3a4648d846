"""The officer's queue of claims shows what the decision needs: whether the claimant's e-mail is verified,
and who already represents the enterprise."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.registry import services
from nangsuat.registry.models import EnterpriseMembership
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db
QUEUE = reverse("registry:membership_queue")


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


def _claim(enterprise, *, verified=True, **user):
    claimant = UserFactory(role=Role.ENTERPRISE, agency=enterprise.agency, **user)
    if not verified:
        EmailAddress.objects.filter(user=claimant).update(verified=False)
    return services.claim_membership(user=claimant, enterprise=enterprise)


def _row(html: str, name: str) -> str:
    """The queue's table row that names ``name``."""
    start = html.index(name)
    return html[html.rindex("<tr", 0, start) : html.index("</tr>", start)]


def test_the_queue_shows_whether_the_claimants_email_is_verified(officer, can_tho):
    _claim(EnterpriseFactory(agency=can_tho), full_name="Lê Văn Đã Xác Nhận")
    _claim(EnterpriseFactory(agency=can_tho), full_name="Phạm Thị Chưa Xác Nhận", verified=False)
    html = client_for(officer).get(QUEUE).content.decode()
    assert "E-mail đã xác nhận" in _row(html, "Lê Văn Đã Xác Nhận")
    assert "E-mail chưa xác nhận" in _row(html, "Phạm Thị Chưa Xác Nhận")


def test_the_queue_shows_who_already_represents_the_enterprise(officer, can_tho):
    represented = EnterpriseFactory(agency=can_tho)
    enterprise_user(represented, full_name="Nguyễn Văn Đại Diện")
    _claim(represented, full_name="Trần Thị Người Mới")
    _claim(EnterpriseFactory(agency=can_tho), full_name="Võ Văn Đầu Tiên")
    html = client_for(officer).get(QUEUE).content.decode()
    assert "Nguyễn Văn Đại Diện" in _row(html, "Trần Thị Người Mới")
    assert "Chưa có người đại diện" in _row(html, "Võ Văn Đầu Tiên")


def test_the_queue_reads_a_fixed_number_of_queries(officer, can_tho, django_assert_max_num_queries):
    for i in range(6):
        enterprise = EnterpriseFactory(agency=can_tho)
        enterprise_user(enterprise)
        _claim(enterprise, full_name=f"Người đăng ký {i}", verified=i % 2 == 0)
    client = client_for(officer)
    client.get(QUEUE)
    with django_assert_max_num_queries(12):
        assert client.get(QUEUE).status_code == 200


def test_a_claim_whose_email_is_not_verified_cannot_be_confirmed(officer, can_tho):
    membership = _claim(EnterpriseFactory(agency=can_tho), verified=False)
    with pytest.raises(ValidationError, match="chưa xác nhận địa chỉ e-mail"):
        services.confirm_membership(actor=officer, membership=membership)
    membership.refresh_from_db()
    assert membership.status == EnterpriseMembership.Status.PENDING
    services.reject_membership(actor=officer, membership=membership, note="Không xác minh được")
