"""The case file is never hard-deleted and the audit trail is append-only: whoever acted stays on it."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Conflict
from nangsuat.core.models import AuditEntry, User
from nangsuat.core.roles import Role
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


@pytest.fixture
def entry(officer, can_tho):
    return record_audit(actor=officer, action="enterprise.created", target=can_tho, note="Tạo mới")


def test_an_audit_entry_cannot_be_edited(entry):
    entry.note = "Sửa lại lịch sử"
    with pytest.raises(Conflict):
        entry.save()
    entry.refresh_from_db()
    assert entry.note == "Tạo mới"


def test_an_audit_entry_cannot_be_deleted_one_by_one_or_in_bulk(entry):
    with pytest.raises(Conflict):
        entry.delete()
    with pytest.raises(Conflict), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_officer_who_acted_cannot_be_deleted(officer, entry):
    with pytest.raises(ProtectedError):
        officer.delete()
    entry.refresh_from_db()
    assert entry.actor == officer


def test_an_account_that_never_acted_can_still_be_deleted(can_tho):
    mistaken = UserFactory(role=Role.OFFICER, agency=can_tho)
    mistaken.delete()
    assert not User.objects.filter(pk=mistaken.pk).exists()
