"""Benchmarks: for each agency, year, VSIC section (or division), size class and ward (each also "all"),
the count and quartiles of each indicator, precomputed into ``Benchmark`` so no request scans the
figures. ``refresh_benchmarks`` is a plain function: ``nangsuat refresh-benchmarks`` calls it (the
nightly schedule of the worker (``core/schedule.py``)), an import of figures calls it when it ends,
and a job queue may call it as it is.

Quartiles by linear interpolation between closest ranks: PostgreSQL's ``percentile_cont`` in one
``GROUPING SETS`` query there, ``quartiles.py`` in Python elsewhere (the tests check both agree).

Suppression (statistical confidentiality): a cell of fewer than ``MIN_CELL`` enterprises is shown only to
the agency's staff (``AGENCY_READERS``); everyone else — enterprise users, council experts, the public —
reads it as suppressed, on the pages, in the API and in the exports. The size class is the enterprise's
current one (Nghị định 80/2021, from the registry's latest year).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import User
from nangsuat.core.roles import AGENCY_READERS

from .models import ALL, MEASURE_FIELDS, Benchmark, EnterpriseFigures
from .quartiles import quartiles
from .services import compute_rows, registry_employees

MIN_CELL = 3  # a cell of fewer enterprises is suppressed outside the agency's staff

MEASURE_LABELS = {
    "labour_productivity": _("Năng suất lao động (đồng/người)"),
    "labour_productivity_hour": _("Năng suất lao động theo giờ (đồng/giờ)"),
    "capital_productivity": _("Năng suất vốn (đồng GTTT/đồng TSCĐ)"),
    "energy_productivity": _("Năng suất năng lượng (đồng/kWh)"),
    "labour_productivity_growth": _("Tăng năng suất lao động (%/năm)"),
    "tfp_growth": _("Tăng TFP (%/năm)"),
}
PERCENT_MEASURES = ("labour_productivity_growth", "tfp_growth")
# Which dimensions each cell splits on (the rest read "all"): every filter combination of the page,
# plus the division within a section.
DIMENSIONS = ("vsic_section", "vsic_division", "size_class", "ward")
GROUPINGS: tuple[tuple[str, ...], ...] = (
    (),
    ("vsic_section",),
    ("size_class",),
    ("ward",),
    ("vsic_section", "size_class"),
    ("vsic_section", "ward"),
    ("size_class", "ward"),
    ("vsic_section", "size_class", "ward"),
    ("vsic_section", "vsic_division"),
    ("vsic_section", "vsic_division", "size_class"),
)


def can_see_small_cells(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.role in AGENCY_READERS)


# --- Refreshing ---------------------------------------------------------------------------------------


def _figures(agency_ids: Iterable[int] | None):
    qs = EnterpriseFigures.objects.filter(
        enterprise__vsic__isnull=False, enterprise__ward__isnull=False
    ).exclude(enterprise__size_class="")
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=list(agency_ids))
    return qs


# The formulas of ``measures.py`` in one UPDATE, for PostgreSQL: 5,000,000 rows in one statement instead of
# a round trip per chunk. ``test_postgresql_recompute_equals_measures`` checks both give the same numbers.
_RECOMPUTE_SQL = """
with base as (
    select f.id, f.enterprise_id, f.year, y.employees as emp, f.hours_worked as h, f.fixed_assets_vnd as fa,
           f.energy_kwh as en, f.wages_vnd as w,
           case when f.wages_vnd is not null and f.depreciation_vnd is not null
                 and f.operating_surplus_vnd is not null and f.production_taxes_vnd is not null
                then (f.wages_vnd + f.depreciation_vnd + f.operating_surplus_vnd + f.production_taxes_vnd)::float8
                else f.value_added_vnd::float8 end as va
    from productivity_enterprisefigures f
    left join registry_enterpriseyear y on y.enterprise_id = f.enterprise_id and y.year = f.year
    where {where}
), levels as (
    select *, case when emp > 0 then va / emp end as lp, case when h > 0 then va / h end as lph,
           case when fa > 0 then va / fa end as kp, case when en > 0 then va / en end as ep,
           case when w is not null and va > 0 and w / va > 0 and w / va < 1 then w / va end as share
    from base
), pairs as (
    select n.*, p.lp as plp, p.va as pva, p.fa as pfa, p.h as ph, p.emp as pemp, p.share as pshare,
           coalesce(n.h, 0) <> 0 and coalesce(p.h, 0) <> 0 as by_hours
    from levels n left join levels p on p.enterprise_id = n.enterprise_id and p.year = n.year - 1
)
update productivity_enterprisefigures f set
    employees = pairs.emp, labour_productivity = pairs.lp, labour_productivity_hour = pairs.lph,
    capital_productivity = pairs.kp, energy_productivity = pairs.ep,
    labour_productivity_growth = case when pairs.plp > 0 and pairs.lp is not null then pairs.lp / pairs.plp - 1 end,
    tfp_growth = case
        when pairs.va > 0 and pairs.pva > 0 and pairs.fa > 0 and pairs.pfa > 0
             and pairs.share is not null and pairs.pshare is not null
             and ((pairs.by_hours and pairs.h > 0 and pairs.ph > 0)
                  or (not pairs.by_hours and pairs.emp > 0 and pairs.pemp > 0))
        then ln(pairs.va / pairs.pva)
             - (1 - (pairs.share + pairs.pshare) / 2) * ln(pairs.fa::float8 / pairs.pfa)
             - (pairs.share + pairs.pshare) / 2 * ln(case when pairs.by_hours then pairs.h::float8 / pairs.ph
                                                          else pairs.emp::float8 / pairs.pemp end)
        end
from pairs where f.id = pairs.id
"""


def _postgres_recompute(agency_ids: list[int] | None) -> int:
    where, params = "true", []
    if agency_ids is not None:
        where, params = "f.agency_id = any(%s)", [agency_ids]
    with connection.cursor() as cursor:
        cursor.execute(_RECOMPUTE_SQL.format(where=where), params)
        return cursor.rowcount


def recompute_measures(agency_ids: Iterable[int] | None = None, *, chunk: int = 5000) -> int:
    """Recompute every stored indicator from the figures and the registry's employees (they may have
    changed in the registry since): one UPDATE on PostgreSQL, elsewhere enterprise by enterprise in
    chunks through ``measures.py``. Returns the rows written."""
    if connection.vendor == "postgresql":
        return _postgres_recompute(list(agency_ids) if agency_ids is not None else None)
    qs = EnterpriseFigures.objects.all()
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=list(agency_ids))
    ids = list(qs.values_list("enterprise_id", flat=True).distinct().order_by("enterprise_id"))
    done = 0
    for start in range(0, len(ids), chunk):
        batch = ids[start : start + chunk]
        rows = list(EnterpriseFigures.objects.filter(enterprise_id__in=batch))
        compute_rows(rows, registry_employees(batch))
        EnterpriseFigures.objects.bulk_update(rows, ["employees", *MEASURE_FIELDS], batch_size=1000)
        done += len(rows)
    return done


def _python_cells(agency_ids):
    values: dict[tuple, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    rows = _figures(agency_ids).values_list(
        "agency_id",
        "year",
        "enterprise__vsic_section",
        "enterprise__vsic_id",
        "enterprise__size_class",
        "enterprise__ward_id",
        *MEASURE_FIELDS,
    )
    for agency, year, section, vsic, size, ward, *measured in rows.iterator(chunk_size=5000):
        dims = {"vsic_section": section, "vsic_division": vsic[:2], "size_class": size, "ward": ward}
        for grouping in GROUPINGS:
            key = (agency, year, *(dims[d] if d in grouping else ALL for d in DIMENSIONS))
            for field, value in zip(MEASURE_FIELDS, measured, strict=True):
                if value is not None:
                    values[key][field].append(value)
    for key, by_measure in values.items():
        for field, found in by_measure.items():
            yield (*key, field, len(found), *quartiles(found))


def _grouping_sql(grouping: tuple[str, ...]) -> str:
    return "(" + ", ".join(_COLUMN[d] for d in grouping) + ")"


_COLUMN = {
    "vsic_section": "e.vsic_section",
    "vsic_division": "substr(e.vsic_id, 1, 2)",
    "size_class": "e.size_class",
    "ward": "e.ward_id",
}


def _postgres_grouping(agency_ids) -> tuple[str, list]:
    """The one query of every cell: (agency, year, 4 dimensions, then n and the 3 quartiles per measure)."""
    aggregates = ", ".join(
        f"count(f.{m}) as n_{m}, percentile_cont(array[0.25, 0.5, 0.75]) within group (order by f.{m}) as q_{m}"
        for m in MEASURE_FIELDS
    )
    dims = ", ".join(
        f"case when grouping({_COLUMN[d]}) = 1 then '' else {_COLUMN[d]} end as {d}" for d in DIMENSIONS
    )
    where = "e.vsic_id is not null and e.ward_id is not null and e.size_class <> ''"
    params: list = []
    if agency_ids is not None:
        where += " and f.agency_id = any(%s)"
        params.append(list(agency_ids))
    sets = ", ".join(_grouping_sql(g) for g in GROUPINGS)
    sql = (
        f"select f.agency_id, f.year, {dims}, {aggregates} "
        "from productivity_enterprisefigures f join registry_enterprise e on e.id = f.enterprise_id "
        f"where {where} group by f.agency_id, f.year, grouping sets ({sets})"
    )
    return sql, params


def _postgres_cells(agency_ids):
    sql, params = _postgres_grouping(agency_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor:
            key, rest = row[:6], row[6:]
            for index, field in enumerate(MEASURE_FIELDS):
                n, cuts = rest[2 * index], rest[2 * index + 1]
                if n:
                    yield (*key, field, n, *cuts)


def _postgres_write_cells(agency_ids, now) -> int:
    """Compute and write every cell in one INSERT … SELECT: the rows never leave the database."""
    sql, params = _postgres_grouping(agency_ids)
    measures = ", ".join(f"('{m}', g.n_{m}, g.q_{m})" for m in MEASURE_FIELDS)
    insert = (
        "insert into productivity_benchmark (agency_id, year, vsic_section, vsic_division, size_class, ward, "
        "measure, n, p25, median, p75, refreshed_at) "
        "select g.agency_id, g.year, g.vsic_section, g.vsic_division, g.size_class, g.ward, m.measure, m.n, "
        f"m.q[1], m.q[2], m.q[3], %s from ({sql}) g "
        f"cross join lateral (values {measures}) as m(measure, n, q) where m.n > 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(insert, [now, *params])
        return cursor.rowcount


def compute_cells(agency_ids: Iterable[int] | None = None) -> list[tuple]:
    """(agency, year, section, division, size, ward, measure, n, p25, median, p75) of every cell."""
    if connection.vendor == "postgresql":
        return list(_postgres_cells(agency_ids))
    return list(_python_cells(agency_ids))


@transaction.atomic
def refresh_benchmarks(agency_ids: Iterable[int] | None = None, *, recompute: bool = True) -> dict:
    """Recompute the stored indicators (``recompute``), then rewrite the benchmark cells of these agencies
    (None: all) in one transaction, so readers see the old cells until the new ones are complete."""
    agency_ids = list(agency_ids) if agency_ids is not None else None
    rows = recompute_measures(agency_ids) if recompute else 0
    now = timezone.now()
    old = (
        Benchmark.objects.all() if agency_ids is None else Benchmark.objects.filter(agency_id__in=agency_ids)
    )
    old._raw_delete(old.db)  # no signals, no cascades: nothing refers to a cell
    if connection.vendor == "postgresql":
        written = _postgres_write_cells(agency_ids, now)
        return {"rows": rows, "cells": written, "refreshed_at": now.isoformat()}
    cells = compute_cells(agency_ids)
    Benchmark.objects.bulk_create(
        (
            Benchmark(
                agency_id=a,
                year=y,
                vsic_section=s,
                vsic_division=d,
                size_class=z,
                ward=str(w),
                measure=m,
                n=n,
                p25=p25,
                median=med,
                p75=p75,
                refreshed_at=now,
            )
            for a, y, s, d, z, w, m, n, p25, med, p75 in cells
        ),
        batch_size=2000,
    )
    return {"rows": rows, "cells": len(cells), "refreshed_at": now.isoformat()}


# --- Reading ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    measure: str
    n: int
    p25: float | None
    median: float | None
    p75: float | None
    suppressed: bool

    @property
    def label(self) -> str:
        return str(MEASURE_LABELS[self.measure])

    def as_api(self) -> dict:
        if self.suppressed:
            return {"measure": self.measure, "suppressed": True}
        return {"measure": self.measure, "n": self.n, "p25": self.p25, "median": self.median, "p75": self.p75}


def shown(row: Benchmark, *, full: bool) -> Cell:
    if row.n < MIN_CELL and not full:
        return Cell(row.measure, 0, None, None, None, True)
    return Cell(row.measure, row.n, row.p25, row.median, row.p75, False)


def cells_of(
    *,
    agency_id: int,
    user: User | None,
    year: int,
    vsic_section: str = ALL,
    vsic_division: str = ALL,
    size_class: str = ALL,
    ward: str = ALL,
) -> list[Cell]:
    """The benchmark cell of each indicator for these filters (in ``MEASURE_FIELDS`` order), small cells
    suppressed unless ``user`` is the agency's staff. An indicator nobody has is absent."""
    full = can_see_small_cells(user)
    rows = {
        r.measure: r
        for r in Benchmark.objects.filter(
            agency_id=agency_id,
            year=year,
            vsic_section=vsic_section,
            vsic_division=vsic_division,
            size_class=size_class,
            ward=ward,
        )
    }
    return [shown(rows[m], full=full) for m in MEASURE_FIELDS if m in rows]


def years_of(agency_id: int) -> list[int]:
    """The years the agency's benchmarks cover, newest first (the whole-city cells of one indicator)."""
    return sorted(
        Benchmark.objects.filter(
            agency_id=agency_id,
            measure="labour_productivity",
            vsic_section=ALL,
            vsic_division=ALL,
            size_class=ALL,
            ward=ALL,
        ).values_list("year", flat=True),
        reverse=True,
    )


def peer_medians(
    *, agency_id: int, vsic_section: str, size_class: str, measure: str = "labour_productivity"
) -> dict[int, tuple[float, int]]:
    """{year: (median, n)} of one indicator in a peer group (section × size), every year."""
    return {
        y: (m, n)
        for y, m, n in Benchmark.objects.filter(
            agency_id=agency_id,
            vsic_section=vsic_section,
            vsic_division=ALL,
            size_class=size_class,
            ward=ALL,
            measure=measure,
        ).values_list("year", "median", "n")
    }


def refreshed_at(agency_id: int):
    """When the agency's cells were computed: a refresh rewrites them all at once, so any cell tells (read
    through the cell index, not by sorting the table)."""
    found = (
        Benchmark.objects.filter(agency_id=agency_id).order_by().values_list("refreshed_at", flat=True)[:1]
    )
    return found[0] if found else None


def distribution(
    *,
    agency_id: int,
    user: User | None,
    year: int,
    by: str,
    filters: dict,
    measure: str = "labour_productivity",
) -> list[tuple[str, Cell]]:
    """(group code, cell) of one indicator for every section or every size class (``by``) under the other
    filters, in one query; suppressed cells left out unless ``user`` is the agency's staff."""
    full = can_see_small_cells(user)
    lookup = {d: filters.get(d) or ALL for d in ("vsic_section", "size_class", "ward")} | {
        "vsic_division": ALL
    }
    lookup.pop(by)
    rows = Benchmark.objects.filter(agency_id=agency_id, year=year, measure=measure, **lookup).exclude(
        **{by: ALL}
    )
    out = []
    for row in rows.order_by(by):
        cell = shown(row, full=full)
        if not cell.suppressed:
            out.append((getattr(row, by), cell))
    return out


def peer_quartiles(
    *, agency_id: int, vsic_section: str, size_class: str, full: bool, measure: str = "labour_productivity"
) -> dict[int, tuple[float, float, float]]:
    """{year: (p25, median, p75)} of a peer group (section × size), small cells left out unless ``full``."""
    rows = Benchmark.objects.filter(
        agency_id=agency_id,
        vsic_section=vsic_section,
        vsic_division=ALL,
        size_class=size_class,
        ward=ALL,
        measure=measure,
    ).values_list("year", "p25", "median", "p75", "n")
    return {y: (a, b, c) for y, a, b, c, n in rows if full or n >= MIN_CELL}
