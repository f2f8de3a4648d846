"""What the plan's targets count: participations and people apart, distinct enterprises, withdrawn records
left out, another agency's records never counted."""

import pytest
from django.utils import timezone

from nangsuat.activities.models import EventEnterprise
from nangsuat.activities.selectors import target_counts
from nangsuat.core.roles import Role
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory

from .factories import (
    AwardFactory,
    ConformityCertificateFactory,
    CourseFactory,
    EventFactory,
    ExpertFactory,
    ParticipationFactory,
    SystemCertificateFactory,
)

pytestmark = pytest.mark.django_db


def test_the_targets_count_the_records_once_each(can_tho, vinh_long):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    a, b, c = (EnterpriseFactory(agency=can_tho) for _ in range(3))
    first, second = CourseFactory(agency=can_tho), CourseFactory(agency=can_tho)
    manager = ParticipationFactory(course=first, enterprise=a)
    ParticipationFactory(course=second, enterprise=a, person=manager.person)  # one person, two lượt
    ParticipationFactory(course=second, enterprise=b, is_manager=False)
    ParticipationFactory(course=second, enterprise=b, attended=False)  # absent: not counted
    gone = ParticipationFactory(course=second, enterprise=c)
    gone.deleted_at = timezone.now()
    gone.save()
    event = EventFactory(agency=can_tho)
    for enterprise in (a, c):
        EventEnterprise.objects.create(event=event, enterprise=enterprise)
    ExpertFactory(agency=can_tho)
    ExpertFactory(agency=can_tho, certificate_number="")  # trained, not yet certified
    SystemCertificateFactory(agency=can_tho, enterprise=b)
    ConformityCertificateFactory(agency=can_tho, enterprise=a, product_group="Gạo")
    ConformityCertificateFactory(agency=can_tho, enterprise=a, product_group="Gạo")  # the same group again
    ConformityCertificateFactory(agency=can_tho, enterprise=b, product_group="Gạo")
    AwardFactory(agency=can_tho, enterprise=a)
    AwardFactory(agency=can_tho, enterprise=a, year=2027)  # the same entrant another year
    AwardFactory(agency=can_tho, enterprise=b, kind="commendation")
    CourseFactory(agency=vinh_long)
    ParticipationFactory(course=CourseFactory(agency=vinh_long))

    assert target_counts(officer) == {
        "manager_trainings": 2,
        "people_trained": 2,
        "certified_experts": 1,
        "enterprises_reached": 3,
        "enterprises_with_systems": 1,
        "conformity_product_groups": 2,
        "quality_award_entrants": 1,
    }
    assert target_counts(officer, year=2027)["quality_award_entrants"] == 1
    assert target_counts(officer, year=2027)["manager_trainings"] == 0
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    assert target_counts(ministry)["manager_trainings"] == 3
    assert target_counts(UserFactory(role=Role.COUNCIL, agency=can_tho)) == dict.fromkeys(
        target_counts(officer), 0
    )
