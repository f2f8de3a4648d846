"""Demo productivity figures of Cần Thơ: 2021–2025 for every enterprise of the demo registry with a line,
a ward and a size — value added by its income parts (some given directly), hours, fixed assets, energy and,
in manufacturing, a reject rate. Labour productivity starts at a level of its section and size and grows
about 4.5 %/year; the enterprises the programme supports grow about 2.5 points faster from 2023 on. The
registry's missing earlier years get their headcount (the indicators read it there). Written with
bulk_create, then the benchmarks are refreshed. Idempotent: an agency with figures is left alone."""

import random

from django.db import transaction

from nangsuat.core.models import Agency
from nangsuat.dossiers.models import Dossier
from nangsuat.indicators.supported import SUPPORTED_LIST_STATES
from nangsuat.productivity.benchmarks import refresh_benchmarks
from nangsuat.productivity.models import EnterpriseFigures, Source
from nangsuat.registry.models import Enterprise, EnterpriseYear

from .accounts import CAN_THO

YEARS = range(2021, 2026)
# Labour productivity of 2021 in million đồng per person, by VSIC section (others: DEFAULT_LEVEL).
LEVELS = {"A": 120, "C": 230, "F": 190, "G": 170, "H": 210, "I": 110, "J": 320, "M": 280, "N": 150, "Q": 200}
DEFAULT_LEVEL = 160
SIZE_FACTOR = {"micro": 0.65, "small": 0.9, "medium": 1.15, "large": 1.4}
# Value added per kWh-equivalent (đồng): manufacturing and farming use more energy per đồng.
ENERGY_PRODUCTIVITY = {"A": 9_000, "C": 7_000, "F": 15_000, "H": 6_000}
DEFAULT_ENERGY_PRODUCTIVITY = 30_000
SUPPORTED_EXTRA = 0.025  # the supported enterprises' extra growth from 2023 on
SOURCES = [Source.IMPORT] * 6 + [Source.ENTERPRISE] * 3 + [Source.OFFICER]
MILLION = 1_000_000


def _round(value: float) -> int:
    return int(value) // MILLION * MILLION


def _headcounts(rng, enterprise: Enterprise, known: dict[int, int]) -> tuple[dict[int, int], list]:
    """Each year's employees: the registry's where it has them, earlier years a little fewer."""
    counts, new_rows = dict(known), []
    first = min(known) if known else None
    base = known[first] if first else max(enterprise.employees or 5, 1)
    for year in sorted(YEARS, reverse=True):
        if year in counts:
            continue
        later = counts.get(year + 1, base)
        counts[year] = max(1, round(later * rng.uniform(0.93, 1.0)))
        new_rows.append(
            EnterpriseYear(
                enterprise=enterprise, year=year, employees=counts[year], revenue_vnd=None, capital_vnd=None
            )
        )
    return counts, new_rows


def _rows(rng, enterprise: Enterprise, counts: dict[int, int], supported: bool) -> list[EnterpriseFigures]:
    section = enterprise.vsic_section
    level = (
        LEVELS.get(section, DEFAULT_LEVEL)
        * SIZE_FACTOR.get(enterprise.size_class, 1)
        * rng.lognormvariate(0, 0.3)
    )
    wage_share = min(0.7, max(0.3, rng.gauss(0.5, 0.08)))
    capital_ratio = rng.lognormvariate(0, 0.35) * 0.6  # value added ÷ fixed assets
    energy = ENERGY_PRODUCTIVITY.get(section, DEFAULT_ENERGY_PRODUCTIVITY) * rng.lognormvariate(0, 0.3)
    hours_per_person = rng.gauss(2_300, 120)
    direct = rng.random() < 0.15  # value added given directly, parts unknown
    no_hours = rng.random() < 0.1
    source = rng.choice(SOURCES)
    defect = rng.uniform(1.5, 6) if section == "C" else None
    rows = []
    for year in YEARS:
        growth = rng.gauss(0.045, 0.04) + (SUPPORTED_EXTRA if supported and year >= 2023 else 0)
        if year > YEARS[0]:
            level *= 1 + growth
            capital_ratio *= 1 + rng.gauss(0.01, 0.02)
            energy *= 1 + rng.gauss(0.02, 0.02) + (0.01 if supported and year >= 2023 else 0)
            if defect is not None:
                defect = max(0.3, defect * (0.9 if supported and year >= 2023 else 0.97))
        employees = counts[year]
        value_added = level * MILLION * employees
        wages = _round(value_added * wage_share)
        depreciation = _round(value_added * rng.uniform(0.08, 0.14))
        taxes = _round(value_added * rng.uniform(0.05, 0.1))
        surplus = _round(value_added) - wages - depreciation - taxes
        figures = {
            "hours_worked": None
            if no_hours
            else round(employees * hours_per_person * rng.uniform(0.97, 1.03)),
            "fixed_assets_vnd": _round(value_added / capital_ratio),
            "energy_kwh": round(value_added / energy),
            "defect_rate": round(defect, 2) if defect is not None else None,
        }
        if direct:
            figures |= {"value_added_vnd": _round(value_added), "wages_vnd": wages}
        else:
            figures |= {
                "wages_vnd": wages,
                "depreciation_vnd": depreciation,
                "operating_surplus_vnd": surplus,
                "production_taxes_vnd": taxes,
            }
        stamp = {"source": source, "by": None, "at": f"{year + 1}-03-31T00:00:00+07:00"}
        rows.append(
            EnterpriseFigures(
                agency_id=enterprise.agency_id,
                enterprise=enterprise,
                year=year,
                sources={k: stamp for k, v in figures.items() if v is not None},
                **figures,
            )
        )
    return rows


@transaction.atomic
def seed(out) -> None:
    agency = Agency.objects.get(code=CAN_THO["code"])
    if EnterpriseFigures.objects.filter(agency=agency).exists():
        out.write("đã có")
        return
    rng = random.Random(14)
    supported = set(
        Dossier.objects.filter(agency=agency, state__in=SUPPORTED_LIST_STATES).values_list(
            "enterprise_id", flat=True
        )
    )
    enterprises = list(
        Enterprise.objects.filter(agency=agency, vsic__isnull=False, ward__isnull=False)
        .exclude(size_class="")
        .order_by("pk")
    )
    known: dict[int, dict[int, int]] = {}
    for enterprise_id, year, employees in EnterpriseYear.objects.filter(
        enterprise__in=enterprises, year__in=YEARS
    ).values_list("enterprise_id", "year", "employees"):
        known.setdefault(enterprise_id, {})[year] = employees
    figures, years = [], []
    for enterprise in enterprises:
        counts, new_years = _headcounts(rng, enterprise, known.get(enterprise.pk, {}))
        years += new_years
        figures += _rows(rng, enterprise, counts, enterprise.pk in supported)
    EnterpriseYear.objects.bulk_create(years, batch_size=1000)
    EnterpriseFigures.objects.bulk_create(figures, batch_size=1000)
    result = refresh_benchmarks([agency.pk])
    out.write(f"{len(figures)} doanh nghiệp-năm, {result['cells']} ô chuẩn so sánh")
