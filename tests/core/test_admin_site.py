"""Django's admin site is a national superuser's only, and shows the record without rewriting it: an
agency's administrator (the demo's ``admin`` among them) works on the product's own pages."""

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.test import RequestFactory

from nangsuat.api.models import ApiToken
from nangsuat.api.tokens import issue_token
from nangsuat.contracts.models import Assignment, CitySubmission, SupportContract
from nangsuat.core.audit import record_audit
from nangsuat.core.mfa import enrol_totp
from nangsuat.core.models import AuditEntry, User
from nangsuat.core.roles import Role
from nangsuat.councils.models import ConflictDeclaration, Council, CouncilResult, ScoreSheet
from nangsuat.demo import accounts as demo_accounts
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db

READ_ONLY = [AuditEntry, ScoreSheet, ConflictDeclaration, Authenticator, ApiToken]
NEVER_DELETED = [User, Council, CouncilResult, CitySubmission, Assignment, SupportContract, *READ_ONLY]


@pytest.fixture
def national_admin(db):
    user = UserFactory(role=Role.ADMIN, agency=None, is_staff=True, is_superuser=True)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


def _refused(res) -> bool:
    return res.status_code == 403 or (res.status_code == 302 and not res["Location"].startswith("/admin/"))


def test_an_agency_admin_gets_no_admin_site_even_as_superuser(can_tho):
    agency_admin = UserFactory(role=Role.ADMIN, agency=can_tho, is_staff=True, is_superuser=True)
    enrol_totp(agency_admin, DEMO_TOTP_SECRET)
    client = client_after_totp(agency_admin)
    for url in ("/admin/", "/admin/core/user/", "/admin/councils/scoresheet/"):
        assert client.get(url, follow=True).status_code == 403
    assert client.get("/staff/").status_code == 200


def test_the_demo_admin_is_bound_to_its_agency_and_gets_no_admin_site(db):
    demo_accounts.seed(StringIO())
    demo_admin = User.objects.get(username="admin")
    assert demo_admin.agency is not None and not demo_admin.is_superuser
    assert client_after_totp(demo_admin).get("/admin/", follow=True).status_code == 403


def test_a_national_superuser_reads_the_admin_site(national_admin):
    assert client_after_totp(national_admin).get("/admin/").status_code == 200


@pytest.mark.parametrize("model", READ_ONLY, ids=lambda m: m.__name__)
def test_the_record_is_read_only_in_the_admin(national_admin, model):
    request = RequestFactory().get("/admin/")
    request.user = national_admin
    model_admin = admin.site._registry[model]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


@pytest.mark.parametrize("model", NEVER_DELETED, ids=lambda m: m.__name__)
def test_the_case_file_is_never_deleted_from_the_admin(national_admin, model):
    request = RequestFactory().get("/admin/")
    request.user = national_admin
    assert not admin.site._registry[model].has_delete_permission(request)


def test_the_admin_pages_refuse_to_rewrite_an_audit_entry_or_a_token(national_admin, can_tho):
    entry = record_audit(actor=national_admin, action="enterprise.created", target=can_tho)
    token, _raw = issue_token(user=national_admin, name="Phần mềm kế toán")
    client = client_after_totp(national_admin)
    assert _refused(client.post(f"/admin/core/auditentry/{entry.pk}/change/", {"note": "sửa"}))
    assert _refused(client.post(f"/admin/core/auditentry/{entry.pk}/delete/", {"post": "yes"}))
    assert _refused(client.get("/admin/core/auditentry/add/"))
    assert _refused(client.post(f"/admin/api/apitoken/{token.pk}/delete/", {"post": "yes"}))
    assert AuditEntry.objects.filter(pk=entry.pk, note="").exists()
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_the_admin_never_shows_a_totp_seed(national_admin):
    auth = Authenticator.objects.get(user=national_admin, type=Authenticator.Type.TOTP)
    html = (
        client_after_totp(national_admin).get(f"/admin/mfa/authenticator/{auth.pk}/change/").content.decode()
    )
    assert auth.data["secret"] not in html


def test_createsuperuser_makes_a_national_administrator(db):
    user = User.objects.create_superuser("quantri.bo", "quantri@most.gov.vn", "Mat-khau-dai-2026")
    assert user.role == Role.ADMIN and user.agency is None and user.is_national_admin
