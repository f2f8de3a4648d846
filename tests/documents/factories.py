"""Calls and dossiers in a given state, for the documents and notifications tests."""

import datetime as dt

import factory
from django.utils import timezone

from nangsuat.dossiers.models import Call, CallContent, Dossier, ScoringCriterion
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from tests.factories import AgencyFactory, EnterpriseFactory


class SupportContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportContent
        django_get_or_create = ("code",)

    code = "iso-9001"
    name = "ISO 9001"


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    year = 2027
    code = factory.Sequence(lambda n: f"doc-dot-{n}")
    title = factory.Sequence(lambda n: f"Đợt đăng ký hỗ trợ năm 2027 — đợt {n}")
    registration_opens = dt.date(2027, 1, 4)
    registration_closes = dt.date(2027, 3, 31)
    budget_vnd = 2_000_000_000
    is_published = True

    @factory.post_generation
    def rubric(obj, create, extracted, **kwargs):
        if not create:
            return
        for i, (code, name, points) in enumerate(
            (
                ("urgency", "Tính cấp thiết", 15),
                ("feasibility", "Tính khả thi", 50),
                ("effectiveness", "Tính hiệu quả và khả năng duy trì, nhân rộng", 35),
            )
        ):
            ScoringCriterion.objects.create(call=obj, code=code, name=name, max_points=points, ordering=i)
        CallContent.objects.create(
            call=obj, content=SupportContentFactory(), support_rate_percent=50, ceiling_vnd=200_000_000
        )


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    call = factory.SubFactory(CallFactory)
    agency = factory.LazyAttribute(lambda d: d.call.agency)
    enterprise = factory.LazyAttribute(lambda d: EnterpriseFactory(agency=d.call.agency))
    content = factory.LazyFunction(SupportContentFactory)
    state = State.SUBMITTED
    tracking_code = factory.Sequence(lambda n: f"CT-2027-{n:06d}")
    title = factory.Sequence(lambda n: f"Xây dựng và áp dụng ISO 9001:2015 tại nhà máy số {n}")
    objectives = "Nâng cao năng suất và chất lượng sản phẩm."
    expected_results = "Được cấp giấy chứng nhận ISO 9001:2015."
    total_cost_vnd = 300_000_000
    requested_support_vnd = 150_000_000
    period_start = dt.date(2027, 5, 1)
    period_end = dt.date(2027, 11, 30)
    submitted_at = factory.LazyFunction(timezone.now)
