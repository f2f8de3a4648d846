"""Each indicator against a hand-built set of records with its traps: one person at two courses, a
non-manager and an absent participant, one enterprise reached three times, a dossier accepted then
terminated, another agency's records, and a distinct total that is not the sum of its years. The drill-down
lists as many records as the value shown."""

import datetime as dt

import pytest
from django.utils import timezone

from nangsuat.activities.models import EventEnterprise
from nangsuat.core.roles import Role
from nangsuat.dossiers.states import State
from nangsuat.indicators.counting import Scope, records, scope_for, tallies, tally
from nangsuat.indicators.definitions import CODES, PERIOD
from nangsuat.reference.models import Ward
from tests.activities.factories import (
    AwardFactory,
    ConformityCertificateFactory,
    CourseFactory,
    EventFactory,
    ExpertFactory,
    ParticipationFactory,
    SystemCertificateFactory,
)
from tests.core.factories import UserFactory
from tests.reference.factories import some_ward
from tests.registry.factories import EnterpriseFactory

from .factories import accepted_dossier

pytestmark = pytest.mark.django_db

D26, D27, D28 = dt.date(2026, 6, 10), dt.date(2027, 6, 10), dt.date(2028, 6, 10)


@pytest.fixture
def world(can_tho, vinh_long):
    home = some_ward()
    ward = Ward.objects.create(
        code="31999",
        province=home.province,
        name="Phường Thử",
        division_type="phường",
        name_folded="phuong thu",
    )
    a, b, c = (EnterpriseFactory(agency=can_tho) for _ in range(3))
    a.ward = ward
    a.save()
    course_26 = CourseFactory(agency=can_tho, starts_on=D26, ends_on=D26, year=2026)
    course_27 = CourseFactory(agency=can_tho, starts_on=D27, ends_on=D27, year=2027)
    awareness = CourseFactory(agency=can_tho, kind="awareness", starts_on=D27, ends_on=D27, year=2027)
    manager = ParticipationFactory(course=course_26, enterprise=a)
    ParticipationFactory(course=course_27, enterprise=a, person=manager.person)  # one person, two lượt
    ParticipationFactory(course=course_27, enterprise=b, is_manager=False)  # not a manager
    ParticipationFactory(course=course_27, enterprise=b, attended=False)  # absent
    ParticipationFactory(course=awareness, enterprise=c)  # a manager, but not on a manager course
    gone = ParticipationFactory(course=course_27, enterprise=c)
    gone.deleted_at = timezone.now()  # withdrawn
    gone.save()
    for day in (D26, D27, D28):  # one enterprise reached by three events
        event = EventFactory(agency=can_tho, held_on=day)
        EventEnterprise.objects.create(event=event, enterprise=a)
    SystemCertificateFactory(agency=can_tho, enterprise=b, issued_on=D28)
    ExpertFactory(agency=can_tho, certified_on=D26)
    twice = ExpertFactory(agency=can_tho, certified_on=D26)
    ExpertFactory(agency=can_tho, person=twice.person, certified_on=D27, level="international")  # one person
    ExpertFactory(agency=can_tho, certificate_number="", certified_on=D27)  # trained, not certified
    accepted_dossier(can_tho, a, on=D27)
    accepted_dossier(can_tho, a, on=D28, state=State.PAID)  # the same enterprise again
    accepted_dossier(can_tho, b, on=D28, state=State.TERMINATED)  # accepted, then terminated
    ConformityCertificateFactory(agency=can_tho, enterprise=a, product_group="Gạo", issued_on=D26)
    ConformityCertificateFactory(
        agency=can_tho, enterprise=a, product_group="GẠO ", issued_on=D27, kind="regulation"
    )
    ConformityCertificateFactory(agency=can_tho, enterprise=b, product_group="Gạo", issued_on=D27)
    AwardFactory(agency=can_tho, enterprise=a, year=2026)
    AwardFactory(agency=can_tho, enterprise=a, year=2027)  # the same entrant another year
    AwardFactory(agency=can_tho, enterprise=b, kind="honour", year=2027)
    # another agency's records
    other = CourseFactory(agency=vinh_long, starts_on=D26, ends_on=D26)
    ParticipationFactory(course=other)
    accepted_dossier(vinh_long, EnterpriseFactory(agency=vinh_long), on=D27)
    AwardFactory(agency=vinh_long, enterprise=EnterpriseFactory(agency=vinh_long), year=2026)
    return {"a": a, "b": b, "c": c, "ward": ward}


EXPECTED = {
    # code: ({year: value}, total)
    "manager_trainings": ({2026: 1, 2027: 1}, 2),
    "certified_experts": ({2026: 2, 2027: 1}, 2),
    "enterprises_reached": ({2026: 1, 2027: 3, 2028: 2}, 3),
    "enterprises_supported": ({2027: 1, 2028: 1}, 1),
    "product_groups_certified": ({2026: 1, 2027: 2}, 2),
    "award_entrants": ({2026: 1, 2027: 1}, 1),
}


def test_each_indicator_counts_its_records_once_in_the_callers_agency(world, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    found = tallies(scope_for(officer))
    for code, (years, total) in EXPECTED.items():
        assert found[code].by_year == {y: years.get(y, 0) for y in PERIOD}, code
        assert found[code].total == total, code
    # the distinct totals are not the sums of their years
    assert sum(found["enterprises_reached"].by_year.values()) == 6
    assert found["enterprises_reached"].total == 3


def test_the_drill_down_lists_as_many_records_as_the_value(world, can_tho):
    scope = scope_for(UserFactory(role=Role.DIRECTOR, agency=can_tho))
    for code in CODES:
        value = tally(code, scope)
        assert records(code, scope).count() == value.total, code
        for year in PERIOD:
            assert records(code, scope, year=year).count() == value.by_year[year], (code, year)


def test_the_ministry_reads_each_agency_and_the_sum(world, can_tho, vinh_long):
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    trainings = tally("manager_trainings", scope_for(ministry))
    assert trainings.per_agency[can_tho.pk].total == 2
    assert trainings.per_agency[vinh_long.pk].total == 1
    assert trainings.total == 3
    assert tally("manager_trainings", scope_for(ministry, agency_id=vinh_long.pk)).total == 1


def test_a_ward_counts_its_enterprises_only(world, can_tho):
    scope = Scope(agency_ids=(can_tho.pk,), ward_id=world["ward"].pk)
    assert tally("enterprises_reached", scope).total == 1
    assert tally("manager_trainings", scope).total == 2
    assert tally("award_entrants", scope).total == 1
    assert list(records("enterprises_reached", scope)) == [world["a"]]


def test_an_enterprise_user_and_a_council_member_count_nothing(world, can_tho):
    for role in (Role.ENTERPRISE, Role.COUNCIL):
        user = UserFactory(role=role, agency=can_tho)
        assert all(t.total == 0 for t in tallies(scope_for(user)).values())
        assert records("enterprises_reached", scope_for(user)).count() == 0
