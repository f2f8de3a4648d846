"""Online registration: an enterprise registers its people for an open course; an officer marks who attended."""

import datetime as dt

import pytest
from django.urls import reverse

from nangsuat.activities import services
from nangsuat.activities.models import Participation
from nangsuat.core.audit import history_of
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.roles import Role
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import CourseFactory

pytestmark = pytest.mark.django_db
NEXT_MONTH = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def open_course(can_tho):
    return CourseFactory(
        agency=can_tho, registration_open=True, starts_on=NEXT_MONTH, ends_on=NEXT_MONTH, year=NEXT_MONTH.year
    )


def test_an_enterprise_registers_its_manager_and_the_officer_marks_the_attendance(can_tho, open_course):
    enterprise = EnterpriseFactory(agency=can_tho)
    member = enterprise_user(enterprise)
    client = client_after_totp(member)
    page = client.get(reverse("activities:registration")).content.decode()
    assert open_course.title in page
    prefix = f"c{open_course.pk}"
    response = client.post(
        reverse("activities:register", args=[open_course.pk]),
        {
            f"{prefix}-enterprise": enterprise.pk,
            f"{prefix}-full_name": "Châu Thị Đăng Ký",
            f"{prefix}-position": "Giám đốc",
            f"{prefix}-is_manager": "on",
            f"{prefix}-identity_number": "092190123456",
        },
    )
    assert response.status_code == 302
    participation = Participation.objects.get()
    assert (participation.enterprise, participation.is_manager, participation.attended) == (
        enterprise,
        True,
        False,
    )
    assert participation.registered_online
    assert "Châu Thị Đăng Ký" in client.get(reverse("activities:registration")).content.decode()
    twice = client.post(
        reverse("activities:register", args=[open_course.pk]),
        {
            f"{prefix}-enterprise": enterprise.pk,
            f"{prefix}-full_name": "CHÂU THỊ ĐĂNG KÝ",
            f"{prefix}-identity_number": "092190123456",
        },
    )
    assert "đã có trong danh sách" in twice.content.decode()

    officer = client_after_totp(UserFactory(role=Role.OFFICER, agency=can_tho))
    officer.post(
        reverse("activities:participant_attendance", args=[open_course.pk, participation.pk]),
        {"attended": "1"},
    )
    participation.refresh_from_db()
    assert participation.attended
    assert [e.action for e in history_of(open_course)] == [  # newest first
        "activity.attendance_set",
        "activity.participant_registered",
    ]
    director = client_after_totp(UserFactory(role=Role.DIRECTOR, agency=can_tho))
    refused = director.post(
        reverse("activities:participant_attendance", args=[open_course.pk, participation.pk]),
        {"attended": "0"},
    )
    assert refused.status_code == 403


def test_registration_is_refused_outside_an_open_course_or_for_another_enterprise(
    can_tho, vinh_long, open_course
):
    mine, other = EnterpriseFactory(agency=can_tho), EnterpriseFactory(agency=can_tho)
    member = enterprise_user(mine)
    closed = CourseFactory(agency=can_tho, starts_on=NEXT_MONTH, ends_on=NEXT_MONTH)
    started = CourseFactory(agency=can_tho, registration_open=True)  # started in May 2026
    theirs = CourseFactory(agency=vinh_long, registration_open=True, starts_on=NEXT_MONTH, ends_on=NEXT_MONTH)
    data = {"enterprise": mine.pk, "full_name": "Lý Văn Thử"}
    for course in (closed, started, theirs):
        with pytest.raises(Forbidden):
            services.register_online(actor=member, course=course, data=data)
    with pytest.raises(Exception) as exc:
        services.register_online(actor=member, course=open_course, data=data | {"enterprise": other.pk})
    assert "enterprise" in exc.value.message_dict
    services.register_online(actor=member, course=open_course, data=data)
    with pytest.raises(Conflict):
        services.register_online(actor=member, course=open_course, data=data)
    client = client_after_totp(member)
    page = client.get(reverse("activities:registration")).content.decode()
    assert open_course.title in page and closed.title not in page and theirs.title not in page
    assert client.post(reverse("activities:register", args=[closed.pk]), {}).status_code == 404
    staff = client_after_totp(UserFactory(role=Role.OFFICER, agency=can_tho))
    assert staff.get(reverse("activities:registration")).status_code == 403
