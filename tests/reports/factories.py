"""Reports, and the records a report counts: courses with their managers, an event, certificates, an
award, an expert, and support dossiers carried to acceptance and payment."""

import datetime as dt

import factory

from nangsuat.contracts.models import Payment
from nangsuat.dossiers.states import State
from nangsuat.reports.kinds import ReportKind
from nangsuat.reports.models import Report
from tests.activities.factories import (
    AwardFactory,
    ConformityCertificateFactory,
    CourseFactory,
    EventFactory,
    ExpertFactory,
    ParticipationFactory,
)
from tests.core.factories import AgencyFactory
from tests.indicators.factories import accepted_dossier
from tests.registry.factories import EnterpriseFactory

D26, D27 = dt.date(2026, 6, 10), dt.date(2027, 6, 10)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    agency = factory.SubFactory(AgencyFactory)
    kind = ReportKind.ANNUAL
    year = 2026
    results = "Kết quả đạt được trong năm."
    shortcomings = "Một số chỉ tiêu chưa đạt tiến độ."
    causes = "Nguồn lực doanh nghiệp còn hạn chế."
    directions = "Tiếp tục triển khai các nhiệm vụ."
    proposals = "Đề nghị bố trí kinh phí."


def report_records(agency) -> dict:
    """A year's work in ``agency``: one manager at two courses (two lượt), a non-manager, three enterprises
    reached, an expert, a product group certified twice (one group), an award entrant, and two supported
    dossiers (one paid 140 million, one accepted)."""
    a, b, c = (EnterpriseFactory(agency=agency) for _ in range(3))
    course_26 = CourseFactory(agency=agency, starts_on=D26, ends_on=D26, year=2026)
    course_27 = CourseFactory(agency=agency, starts_on=D27, ends_on=D27, year=2027)
    manager = ParticipationFactory(course=course_26, enterprise=a)
    ParticipationFactory(course=course_27, enterprise=a, person=manager.person)
    ParticipationFactory(course=course_26, enterprise=b, is_manager=False)
    event = EventFactory(agency=agency, held_on=D26)
    event.reached.create(enterprise=c)
    ExpertFactory(agency=agency, certified_on=D26, issuer="Tổng cục Tiêu chuẩn Đo lường Chất lượng")
    ConformityCertificateFactory(agency=agency, enterprise=a, issued_on=D26)
    ConformityCertificateFactory(agency=agency, enterprise=a, issued_on=D27)  # same product group
    AwardFactory(agency=agency, enterprise=b, year=2026)
    paid = accepted_dossier(agency, a, on=dt.date(2026, 10, 1), state=State.PAID)
    Payment.objects.create(
        contract=paid.contract, amount_vnd=140_000_000, paid_on=dt.date(2026, 11, 20), reference="UNC 15"
    )
    accepted = accepted_dossier(agency, b, on=dt.date(2026, 10, 5))
    return {"enterprises": (a, b, c), "paid": paid, "accepted": accepted}
