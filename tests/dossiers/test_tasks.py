"""The officer's “Việc cần làm” names each step, counts the days left, puts overdue work first (whatever
the database does with missing dates) and keeps what waits on the enterprise apart."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.tasks import awaiting_enterprise, tasks_for
from tests.core.clients import client_for

from .factories import make_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def dossier(call, enterprise, state, due_in=None):
    d = make_dossier(call=call, enterprise=enterprise, state=state)
    due = None if due_in is None else timezone.localdate() + dt.timedelta(days=due_in)
    Dossier.objects.filter(pk=d.pk).update(due_on=due)
    return d


def test_officer_tasks_are_named_counted_and_overdue_first(call, enterprise, officer):
    undated = dossier(call, enterprise, "valid")
    soon = dossier(call, enterprise, "submitted", due_in=3)
    late = dossier(call, enterprise, "submitted", due_in=-2)
    paying = dossier(call, enterprise, "liquidated")
    asked = dossier(call, enterprise, "needs_supplement", due_in=5)

    tasks = tasks_for(officer)
    assert [(t.dossier.pk, t.step) for t in tasks] == [
        (late.pk, "Kiểm tra hồ sơ"),
        (soon.pk, "Kiểm tra hồ sơ"),
        (undated.pk, "Ghi nhận khảo sát"),
        (paying.pk, "Ghi nhận thanh toán"),
    ]
    assert tasks[0].overdue and tasks[0].days_late == 2 and tasks[1].days_left == 3
    assert [t.dossier.pk for t in awaiting_enterprise(officer)] == [asked.pk]

    page = client_for(officer).get(reverse("dossiers:tasks")).content.decode()
    assert page.index(late.tracking_code) < page.index(soon.tracking_code) < page.index(undated.tracking_code)
    assert "Quá hạn 2 ngày" in page and "Còn 3 ngày" in page and "task--over" in page
    waiting = page[page.index("Chờ doanh nghiệp") :]
    assert asked.tracking_code in waiting and late.tracking_code not in waiting
    assert "Bổ sung hồ sơ" in waiting


def test_enterprise_tasks_are_its_own_steps(call, enterprise, ent_user):
    draft = dossier(call, enterprise, "draft")
    asked = dossier(call, enterprise, "needs_supplement", due_in=1)
    dossier(call, enterprise, "submitted", due_in=4)  # the officer's step, not the enterprise's
    assert [(t.dossier.pk, t.step) for t in tasks_for(ent_user)] == [
        (asked.pk, "Bổ sung hồ sơ"),
        (draft.pk, "Hoàn thiện và nộp hồ sơ"),
    ]
    assert awaiting_enterprise(ent_user) == []
