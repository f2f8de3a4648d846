"""The activity records."""

import datetime as dt

import factory

from nangsuat.activities.models import (
    Award,
    ConformityCertificate,
    Course,
    Event,
    EventEnterprise,
    Expert,
    Participation,
    Person,
    SystemCertificate,
)
from nangsuat.activities.people import name_key
from nangsuat.activities.spreadsheets import IMPORT_JOB
from nangsuat.core.models import Job
from nangsuat.reference.models import SupportContent
from tests.core.factories import AgencyFactory
from tests.registry.factories import EnterpriseFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"Đào tạo năng suất chất lượng cho cán bộ quản lý, lớp {n}")
    kind = "manager"
    year = 2026
    starts_on = dt.date(2026, 5, 12)
    ends_on = dt.date(2026, 5, 14)
    place = "Trung tâm Hội nghị thành phố Cần Thơ"
    organiser = "Sở Khoa học và Công nghệ"
    cost_vnd = 85_000_000


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    agency = factory.SubFactory(AgencyFactory)
    full_name = factory.Sequence(lambda n: f"Lê Thị Học Viên {n}")
    name_key = factory.LazyAttribute(lambda p: name_key(p.full_name, ""))


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    course = factory.SubFactory(CourseFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, agency=factory.SelfAttribute("..course.agency"))
    person = factory.SubFactory(
        PersonFactory,
        agency=factory.SelfAttribute("..course.agency"),
        identity_number=factory.Sequence(lambda n: f"0920{n:08d}"),
        phone="0909123456",
    )
    full_name = factory.SelfAttribute("person.full_name")
    position = "Giám đốc"
    is_manager = True


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    agency = factory.SubFactory(AgencyFactory)
    person = factory.SubFactory(PersonFactory, agency=factory.SelfAttribute("..agency"))
    workplace = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng"
    level = "national"
    certificate_number = factory.Sequence(lambda n: f"CG-{n:04d}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"Hội thảo năng suất xanh {n}")
    kind = "seminar"
    held_on = dt.date(2026, 6, 5)
    place = "Khách sạn Vạn Phát"
    audience = 120


def some_content() -> SupportContent:
    return SupportContent.objects.order_by("ordering", "pk").first() or SupportContent.objects.create(
        code="iso-9001", name="ISO 9001"
    )


class SystemCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SystemCertificate

    agency = factory.SubFactory(AgencyFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, agency=factory.SelfAttribute("..agency"))
    content = factory.LazyFunction(some_content)
    certificate_number = factory.Sequence(lambda n: f"QMS-{n:05d}")
    certifying_body = "QUACERT"
    issued_on = dt.date(2026, 3, 1)
    expires_on = dt.date(2029, 2, 28)


class ConformityCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConformityCertificate

    agency = factory.SubFactory(AgencyFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, agency=factory.SelfAttribute("..agency"))
    kind = "standard"
    product_group = "Gạo trắng"
    standard_code = "TCVN 11888:2017"
    certificate_number = factory.Sequence(lambda n: f"HC-{n:05d}")


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    agency = factory.SubFactory(AgencyFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, agency=factory.SelfAttribute("..agency"))
    kind = "national_quality"
    year = 2026
    title = "Giải thưởng Chất lượng Quốc gia 2026"
    result = "Đang xét"


def activity_world(agency, *, officer, enterprise) -> dict:
    """Sample records for the authorisation matrix: a course and an event the enterprise took part in,
    a finished attendance import. Returns the routes' parameters."""
    course = CourseFactory(agency=agency)
    participation = ParticipationFactory(course=course, enterprise=enterprise)
    event = EventFactory(agency=agency)
    link = EventEnterprise.objects.create(event=event, enterprise=enterprise)
    job = Job.objects.create(
        agency=agency, owner=officer, kind=IMPORT_JOB, status=Job.Status.DONE, params={"course": course.pk}
    )
    return {
        "kind": "courses",
        "pk:activities": course.pk,
        "pk:activities:event": event.pk,
        "pk:activities:import_job": job.pk,
        "pk:activities:import_errors": job.pk,
        "participation_pk": participation.pk,
        "link_pk": link.pk,
        "training_id": course.pk,
        "event_id": event.pk,
    }
