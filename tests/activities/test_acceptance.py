"""A dossier accepted for a management system records that system on its enterprise, once."""

import datetime as dt

import pytest

from nangsuat.activities.models import SystemCertificate
from nangsuat.core.audit import history_of
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from tests.contracts.test_workflow import contracted
from tests.councils.conftest import officer as council_officer

pytestmark = pytest.mark.django_db
officer = council_officer


def _inspected(call, officer, director, council, content_code: str):
    dossier = contracted(
        call, officer, director, council, content=SupportContent.objects.get(code="iso-9001")
    )
    dossier.state = State.INSPECTED  # the inspection is the dossiers app's step
    dossier.content = SupportContent.objects.get(code=content_code)  # a content the call need not offer
    dossier.save()
    return dossier


def test_an_accepted_dossier_records_its_system_on_the_enterprise(call, officer, director, council):
    dossier = _inspected(call, officer, director, council, "iso-9001")
    workflow.perform(
        dossier=dossier,
        action="accept",
        actor=director,
        payload={"rating": "Đạt", "minutes_date": dt.date(2027, 1, 5)},
    )
    record = SystemCertificate.objects.get(dossier=dossier)
    assert (record.enterprise, record.content.code, record.agency) == (
        dossier.enterprise,
        "iso-9001",
        dossier.agency,
    )
    assert [e.action for e in history_of(record)] == ["activity.system_created"]


def test_a_dossier_not_accepted_records_nothing(call, officer, director, council):
    refused = _inspected(call, officer, director, council, "iso-9001")
    workflow.perform(
        dossier=refused,
        action="not_accept",
        actor=director,
        note="Chưa đạt yêu cầu",
        payload={"minutes_date": dt.date(2027, 1, 5)},
    )
    assert not SystemCertificate.objects.exists()


def test_a_dossier_accepted_for_conformity_records_no_system(call, officer, director, council):
    conformity = _inspected(call, officer, director, council, "conformity-standard")
    workflow.perform(
        dossier=conformity,
        action="accept",
        actor=director,
        payload={"rating": "Đạt", "minutes_date": dt.date(2027, 1, 5)},
    )
    assert not SystemCertificate.objects.exists()
