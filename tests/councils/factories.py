"""Factories for calls, dossiers and councils as the council and contract tests need them."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from nangsuat.core.roles import Role
from nangsuat.councils import services
from nangsuat.councils.models import Council, CouncilMember
from nangsuat.dossiers.models import Call, CallContent, Dossier, ScoringCriterion
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from tests.factories import AgencyFactory, EnterpriseFactory, UserFactory

RUBRIC = (
    ("urgency", "Tính cấp thiết", 15),
    ("feasibility", "Tính khả thi", 50),
    ("effectiveness", "Tính hiệu quả và khả năng duy trì, nhân rộng", 35),
)


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
    year = 2026
    code = factory.Sequence(lambda n: f"dot-{n}")
    title = factory.Sequence(lambda n: f"Đợt đăng ký hỗ trợ năm 2026 — đợt {n}")
    registration_opens = dt.date(2026, 1, 5)
    registration_closes = dt.date(2026, 3, 31)
    budget_vnd = 1_000_000_000
    pass_total_min = Decimal("70")
    pass_criterion_min_ratio = Decimal("0.50")
    contract_days = 15
    is_published = True

    @factory.post_generation
    def rubric(obj, create, extracted, **kwargs):
        if not create:
            return
        for i, (code, name, points) in enumerate(RUBRIC):
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
    state = State.SURVEYED
    tracking_code = factory.Sequence(lambda n: f"CT-2026-{n:05d}")
    title = factory.Sequence(lambda n: f"Áp dụng ISO 9001:2015 tại nhà máy số {n}")
    objectives = "Nâng cao năng suất và chất lượng sản phẩm."
    expected_results = "Được cấp giấy chứng nhận ISO 9001:2015."
    total_cost_vnd = 300_000_000
    requested_support_vnd = 150_000_000
    submitted_at = factory.LazyFunction(timezone.now)
    priority_points = 10


def make_council(
    call, *, scoring: int = 5, officer=None
) -> tuple[Council, list[CouncilMember], CouncilMember]:
    """A council of ``scoring`` scoring members plus a secretary; returns (council, scorers, secretary)."""
    officer = officer or UserFactory(role=Role.OFFICER, agency=call.agency)
    council = services.create_council(call=call, name="Hội đồng tư vấn xét chọn năm 2026", actor=officer)
    positions = ["chair", "vice_chair", "reviewer", "reviewer"] + ["member"] * max(0, scoring - 4)
    scorers = [
        services.add_member(
            council=council,
            user=UserFactory(role=Role.COUNCIL, agency=call.agency),
            position=p,
            actor=officer,
        )
        for p in positions[:scoring]
    ]
    secretary = services.add_member(
        council=council,
        user=UserFactory(role=Role.COUNCIL, agency=call.agency),
        position="secretary",
        actor=officer,
    )
    return council, scorers, secretary


def score_all(dossier, scorers, points=(12, 40, 28), *, conflicted=()):
    """Every scorer declares (conflicted ones recuse) and submits the same points."""
    for member in scorers:
        sheet = member.sheets.get(dossier=dossier)
        if member in conflicted:
            services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=True, reason="Người thân")
            continue
        services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=False)
        values = points(member) if callable(points) else points
        services.save_score(
            sheet=sheet, actor=member.user, points=dict(zip([c for c, *_ in RUBRIC], values, strict=True))
        )
        services.submit_sheet(sheet=sheet, actor=member.user)
