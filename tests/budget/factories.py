"""One factory per budget model, and an estimate walked to approval."""

import datetime as dt

import factory

from nangsuat.budget import services
from nangsuat.budget.models import CommitmentOverride, CounterpartFund, Estimate, EstimateLine, Norm, Spending
from nangsuat.budget.states import NormKind, Task
from nangsuat.core.roles import Role
from tests.core.factories import AgencyFactory, UserFactory


class NormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Norm

    agency = factory.SubFactory(AgencyFactory)
    kind = NormKind.COUNCIL
    name = "Chi họp hội đồng tư vấn (chủ tịch hội đồng)"
    unit = "buổi"
    amount_vnd = 1_500_000
    legal_basis = "Thông tư 02/2023/TT-BKHCN (ví dụ)"
    effective_from = dt.date(2025, 1, 1)
    is_example = True


class EstimateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Estimate

    agency = factory.SubFactory(AgencyFactory)
    year = 2026
    version = 1
    title = "Dự toán kinh phí Chương trình năm 2026"
    opened_on = dt.date(2026, 1, 5)
    created_by = factory.SubFactory(UserFactory, role=Role.OFFICER)


class EstimateLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EstimateLine

    estimate = factory.SubFactory(EstimateFactory)
    key = factory.Sequence(lambda n: n + 1)
    task = Task.COMMUNICATION
    description = "Tuyên truyền về năng suất, chất lượng"
    quantity = 4
    norm_vnd = 12_500_000
    amount_vnd = factory.LazyAttribute(lambda o: o.quantity * o.norm_vnd)


class SpendingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spending

    agency = factory.SelfAttribute("line.estimate.agency")
    line = factory.SubFactory(EstimateLineFactory)
    kind = "event"
    amount_vnd = 1_000_000
    recorded_on = dt.date(2026, 3, 1)
    created_by = factory.SubFactory(UserFactory, role=Role.OFFICER)


class CommitmentOverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitmentOverride

    agency = factory.SelfAttribute("dossier.agency")
    reason = "Nhiệm vụ cấp bách"
    decided_by = factory.SubFactory(UserFactory, role=Role.DIRECTOR)


class CounterpartFundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CounterpartFund

    agency = factory.SelfAttribute("dossier.agency")
    amount_vnd = 100_000_000


def approved(estimate, *, officer, director, finance, cuts=None):
    """Walk an estimate from draft to approved; ``cuts`` maps a line to Finance's figure."""
    services.act(estimate=estimate, action="submit", actor=director)
    lines = [
        {"id": line.pk, "appraised_amount_vnd": amount, "note": "Cắt giảm"}
        for line, amount in (cuts or {}).items()
    ]
    services.act(estimate=estimate, action="appraise", actor=finance, note="Đồng ý", payload={"lines": lines})
    services.act(estimate=estimate, action="send_to_city", actor=director)
    return services.act(
        estimate=estimate,
        action="approve",
        actor=officer,
        data={"decision_number": "123/QĐ-UBND", "decision_date": "2026-02-01"},
    )
