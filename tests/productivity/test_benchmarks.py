"""Benchmarks: cells precomputed by refresh, quartiles per cell, suppression under 3 enterprises."""

import datetime as dt

import pytest
from django.db import connection

from nangsuat.core.roles import Role
from nangsuat.productivity import benchmarks
from nangsuat.productivity.benchmarks import cells_of, compute_cells, refresh_benchmarks
from nangsuat.productivity.models import MEASURE_FIELDS, Benchmark, EnterpriseFigures
from nangsuat.productivity.selectors import before_after
from nangsuat.productivity.services import compute_rows, registry_employees, save_figures
from tests.core.factories import AgencyFactory, UserFactory
from tests.indicators.factories import accepted_dossier
from tests.reference.factories import some_vsic
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import year_with_figures

pytestmark = pytest.mark.django_db


def peers(agency, count: int, *, year: int = 2024, vsic=None):
    vsic = vsic or some_vsic()
    out = []
    for i in range(count):
        enterprise = EnterpriseFactory(
            agency=agency, vsic=vsic, vsic_section=vsic.section, size_class="small"
        )
        # value added = 4.0 bn + i bn; 40 employees → 100, 125, 150, 175 million per person
        year_with_figures(enterprise, year, operating_surplus_vnd=1_200_000_000 + i * 1_000_000_000)
        out.append(enterprise)
    return out


def lp(agency_id, user, **filters):
    cells = {c.measure: c for c in cells_of(agency_id=agency_id, user=user, year=2024, **filters)}
    return cells["labour_productivity"]


def test_quartiles_of_a_cell_on_an_even_and_an_odd_count():
    agency = AgencyFactory()
    enterprises = peers(agency, 4)
    refresh_benchmarks()
    cell = lp(agency.pk, None, vsic_section=enterprises[0].vsic_section, size_class="small")
    assert (cell.n, cell.p25, cell.median, cell.p75) == (4, 118_750_000, 137_500_000, 156_250_000)
    enterprises[-1].delete()
    refresh_benchmarks()
    cell = lp(agency.pk, None)
    assert (cell.n, cell.p25, cell.median, cell.p75) == (3, 112_500_000, 125_000_000, 137_500_000)


def test_a_cell_of_2_is_suppressed_but_for_the_agency_staff_and_of_3_is_shown():
    agency = AgencyFactory()
    two = peers(agency, 2)
    refresh_benchmarks()
    officer = UserFactory(role=Role.OFFICER, agency=agency)
    member = enterprise_user(two[0])
    council = UserFactory(role=Role.COUNCIL, agency=agency)
    for outsider in (None, member, council):
        cell = lp(agency.pk, outsider)
        assert (
            cell.suppressed
            and cell.median is None
            and cell.as_api()
            == {
                "measure": "labour_productivity",
                "suppressed": True,
            }
        )
    assert lp(agency.pk, officer).n == 2 and lp(agency.pk, officer).median == 112_500_000
    peers(agency, 1, vsic=two[0].vsic)
    refresh_benchmarks()
    assert not lp(agency.pk, None).suppressed and lp(agency.pk, None).n == 3


def test_every_filter_combination_has_its_cell():
    agency = AgencyFactory()
    enterprise = peers(agency, 3)[0]
    refresh_benchmarks()
    filters = {"vsic_section": enterprise.vsic_section, "size_class": "small", "ward": enterprise.ward_id}
    for keys in ((), ("vsic_section",), ("size_class",), ("vsic_section", "size_class"), ("ward",)):
        assert cells_of(agency_id=agency.pk, user=None, year=2024, **{k: filters[k] for k in keys})
    division = enterprise.vsic_id[:2]
    assert cells_of(
        agency_id=agency.pk,
        user=None,
        year=2024,
        vsic_section=enterprise.vsic_section,
        vsic_division=division,
    )


def test_refresh_reflects_figures_written_and_replaces_cells():
    agency = AgencyFactory()
    enterprises = peers(agency, 3)
    refresh_benchmarks()
    first = Benchmark.objects.count()
    save_figures(
        actor=None, enterprise=enterprises[0], year=2024, data={"value_added_vnd": 1, "wages_vnd": None}
    )
    refresh_benchmarks()
    assert Benchmark.objects.count() == first
    assert lp(agency.pk, None).p25 < 112_500_000


def test_before_and_after_against_peers():
    agency = AgencyFactory()
    vsic = some_vsic()
    group = peers(agency, 3, year=2022, vsic=vsic)
    for i, enterprise in enumerate(group):  # peers: +10 % labour productivity 2022 → 2025
        year_with_figures(
            enterprise, 2025, operating_surplus_vnd=round((4_000_000_000 + i * 1e9) * 1.1) - 2_800_000_000
        )
    supported = EnterpriseFactory(agency=agency, vsic=vsic, vsic_section=vsic.section, size_class="small")
    year_with_figures(supported, 2022)  # 4.0 bn → 100 million per person
    year_with_figures(supported, 2025, operating_surplus_vnd=2_000_000_000)  # 4.8 bn → +20 %
    dossier = accepted_dossier(agency, supported, on=dt.date(2024, 6, 1))  # contract 2024: base 2023
    refresh_benchmarks()
    result = before_after(dossier)
    assert result.base_year == 2023 and result.reason == "no_base"
    year_with_figures(supported, 2023)
    dossier.contract.signed_on = dt.date(2023, 3, 1)
    dossier.contract.save()
    refresh_benchmarks()
    result = before_after(dossier)
    assert (result.base_year, result.acceptance_year) == (2022, 2024)
    [change] = result.of("labour_productivity")
    assert change.year == 2025
    assert change.change == pytest.approx(0.20)
    # peer medians with the supported enterprise: 2022 → 100, 100, 125, 150 → median 112.5 m;
    # 2025 → 110, 120, 137.5, 165 → 128.75 m; change 14.44 %
    assert change.peer_change == pytest.approx(128_750_000 / 112_500_000 - 1)
    assert change.difference == pytest.approx(0.20 - (128_750_000 / 112_500_000 - 1))


def test_python_cells_agree_with_the_table():
    agency = AgencyFactory()
    peers(agency, 3)
    refresh_benchmarks()
    assert len(compute_cells([agency.pk])) == Benchmark.objects.filter(agency=agency).count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="percentile_cont is PostgreSQL's")
def test_postgresql_cells_equal_the_python_cells():
    """The refresh's one GROUPING SETS query with ``percentile_cont`` gives every cell the Python path
    gives, with the same counts and quartiles (odd and even counts, several sections and sizes)."""
    agency = AgencyFactory()
    for index in range(7):
        enterprise = EnterpriseFactory(agency=agency, size_class=("small", "medium")[index % 2])
        year_with_figures(enterprise, 2024, operating_surplus_vnd=1_000_000_000 + index * 137_000_000)
        year_with_figures(enterprise, 2025, operating_surplus_vnd=1_100_000_000 + index * 151_000_000)
    refresh_benchmarks()

    def key(cell):
        return tuple(str(v) for v in cell[:7])

    in_sql = sorted(benchmarks._postgres_cells(None), key=key)
    in_python = sorted(benchmarks._python_cells(None), key=key)
    assert [key(c) + (c[7],) for c in in_sql] == [key(c) + (c[7],) for c in in_python]
    for sql, python in zip(in_sql, in_python, strict=True):
        assert sql[8:] == pytest.approx(python[8:], rel=1e-12)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement recompute is PostgreSQL's")
def test_postgresql_recompute_equals_measures():
    """The UPDATE that recomputes the indicators on PostgreSQL gives what ``measures.py`` gives, row by
    row: value added by parts or direct, hours or employees for TFP, gaps and losses."""
    agency = AgencyFactory()
    variants = [
        {},
        {"hours_worked": None},
        {"wages_vnd": None, "value_added_vnd": 3_900_000_000},
        {"operating_surplus_vnd": -3_000_000_000},
        {"fixed_assets_vnd": None, "energy_kwh": 0},
    ]
    for index, variant in enumerate(variants):
        enterprise = EnterpriseFactory(agency=agency)
        year_with_figures(enterprise, 2023, employees=30 + index, **variant)
        year_with_figures(enterprise, 2024, employees=33 + index, operating_surplus_vnd=1_500_000_000)
        year_with_figures(enterprise, 2026, employees=35, **variant)  # no 2025: no growth
    benchmarks.recompute_measures([agency.pk])
    stored = {(r.enterprise_id, r.year): r for r in EnterpriseFigures.objects.filter(agency=agency)}
    rows = list(EnterpriseFigures.objects.filter(agency=agency))
    compute_rows(rows, registry_employees({r.enterprise_id for r in rows}))
    for row in rows:
        for field in MEASURE_FIELDS:
            expected, got = getattr(row, field), getattr(stored[(row.enterprise_id, row.year)], field)
            assert (expected is None) == (got is None), (row.year, field, expected, got)
            if expected is not None:
                assert got == pytest.approx(expected, rel=1e-12)
