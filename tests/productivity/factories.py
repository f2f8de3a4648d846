"""Enterprise-year figures of the productivity database."""

import factory

from nangsuat.productivity.models import EnterpriseFigures
from nangsuat.registry.models import EnterpriseYear
from tests.registry.factories import EnterpriseFactory


class EnterpriseFiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseFigures

    enterprise = factory.SubFactory(EnterpriseFactory)
    agency = factory.LazyAttribute(lambda f: f.enterprise.agency)
    year = 2024
    wages_vnd = 2_000_000_000
    depreciation_vnd = 500_000_000
    operating_surplus_vnd = 1_200_000_000
    production_taxes_vnd = 300_000_000
    hours_worked = 80_000
    fixed_assets_vnd = 8_000_000_000
    energy_kwh = 400_000


def year_with_figures(enterprise, year: int, *, employees: int = 40, **figures) -> EnterpriseFigures:
    """The registry's year (employees) and the productivity row of ``enterprise`` for ``year``."""
    EnterpriseYear.objects.update_or_create(
        enterprise=enterprise, year=year, defaults={"employees": employees, "revenue_vnd": 20_000_000_000}
    )
    return EnterpriseFiguresFactory(enterprise=enterprise, agency=enterprise.agency, year=year, **figures)
