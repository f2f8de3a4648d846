"""What each indicator counts, from the platform's own records: the value per year of the period and over
the whole period, per agency and for every agency together, and the records behind each value.

Each indicator reads one or more *sources*: a queryset of live records with the lookups of its date (the
record's year), its key (what is counted once: a participation, a person, an enterprise, a product group)
and its agency. A value is the number of distinct keys; for a distinct count the period's total is counted
over the whole period, so an enterprise reached in 2026 and in 2027 is one enterprise in the total. The
drill-down (``records``) lists the same keys, one row each, so its count is the value shown."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import CharField, F, Min, QuerySet, Value
from django.db.models.functions import Cast, Concat, ExtractYear

from nangsuat.activities.models import (
    Award,
    AwardKind,
    ConformityCertificate,
    CourseKind,
    EventEnterprise,
    Expert,
    Participation,
    SystemCertificate,
)
from nangsuat.contracts.models import Acceptance
from nangsuat.core.models import User
from nangsuat.core.roles import AGENCY_READERS
from nangsuat.dossiers.states import State
from nangsuat.registry.models import Enterprise

from .definitions import CODES, PERIOD

# A support dossier counts once accepted, and stays counted through liquidation and payment.
SUPPORTED_STATES = (State.ACCEPTED, State.LIQUIDATED, State.PAID)


@dataclass(frozen=True)
class Scope:
    """Whose records count: some agencies (None: every agency, as the ministry reads), and optionally the
    enterprises of one ward."""

    agency_ids: tuple[int, ...] | None
    ward_id: str | None = None  # a ward's code

    def limit(self, qs: QuerySet, agency: str, ward: str | None) -> QuerySet:
        if self.agency_ids is not None:
            qs = qs.filter(**{f"{agency}__in": self.agency_ids})
        if self.ward_id is not None:
            qs = qs.filter(**{ward: self.ward_id}) if ward else qs.none()
        return qs


def scope_for(user: User, *, agency_id: int | None = None, ward_id: str | None = None) -> Scope:
    """The caller's agency; the ministry (and a national administrator) reads every agency, or one it
    names. Anyone else reads nothing."""
    if not (user.is_authenticated and user.is_active and user.role in AGENCY_READERS):
        return Scope(agency_ids=(), ward_id=ward_id)
    if user.sees_all_agencies:
        return Scope(agency_ids=(agency_id,) if agency_id else None, ward_id=ward_id)
    if user.agency_id is None:
        return Scope(agency_ids=(), ward_id=ward_id)
    return Scope(agency_ids=(user.agency_id,), ward_id=ward_id)


@dataclass(frozen=True)
class Source:
    qs: QuerySet
    date: str  # a date field, or an integer year field when ``year_field``
    key: str
    agency: str
    ward: str | None
    year_field: bool = False

    def in_years(self, years: tuple[int, ...]) -> QuerySet:
        if self.year_field:
            return self.qs.filter(**{f"{self.date}__in": years})
        if years == tuple(range(years[0], years[-1] + 1)):  # a date range an index can serve
            first, last = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
            return self.qs.filter(**{f"{self.date}__range": (first, last)})
        return self.qs.filter(**{f"{self.date}__year__in": years})

    def keyed(self, scope: "Scope", years: tuple[int, ...]) -> QuerySet:
        """The source's rows in ``scope`` and ``years`` as (``a_`` agency, ``y_`` year, ``k_`` key)."""
        qs = scope.limit(self.in_years(years), self.agency, self.ward)
        year = F(self.date) if self.year_field else ExtractYear(self.date)
        key: Any
        if self.key == "key":  # a product group: the enterprise and the folded name together
            key = Concat(Cast("enterprise_id", CharField()), Value("|"), F("product_group_key"))
        else:
            key = F(self.key)
        return qs.order_by().annotate(a_=F(self.agency), y_=year, k_=key).values("a_", "y_", "k_")


def _attended(**extra) -> QuerySet:
    return Participation.objects.filter(
        deleted_at__isnull=True, course__deleted_at__isnull=True, attended=True, **extra
    )


def sources(code: str) -> list[Source]:
    """The records ``code`` counts, before scope and years."""
    if code == "manager_trainings":
        qs = _attended(is_manager=True, course__kind=CourseKind.MANAGER)
        return [Source(qs, "course__starts_on", "pk", "course__agency", "enterprise__ward")]
    if code == "certified_experts":
        qs = Expert.objects.filter(deleted_at__isnull=True, certified_on__isnull=False).exclude(
            certificate_number=""
        )
        return [Source(qs, "certified_on", "person", "agency", "enterprise__ward")]
    if code == "enterprises_reached":
        return [
            Source(
                _attended(enterprise__isnull=False),
                "course__starts_on",
                "enterprise",
                "course__agency",
                "enterprise__ward",
            ),
            Source(
                EventEnterprise.objects.filter(deleted_at__isnull=True, event__deleted_at__isnull=True),
                "event__held_on",
                "enterprise",
                "event__agency",
                "enterprise__ward",
            ),
            Source(
                SystemCertificate.objects.filter(deleted_at__isnull=True, issued_on__isnull=False),
                "issued_on",
                "enterprise",
                "agency",
                "enterprise__ward",
            ),
        ]
    if code == "enterprises_supported":
        qs = Acceptance.objects.filter(passed=True, contract__dossier__state__in=SUPPORTED_STATES)
        dossier = "contract__dossier"
        return [
            Source(
                qs,
                "minutes_date",
                f"{dossier}__enterprise",
                f"{dossier}__agency",
                f"{dossier}__enterprise__ward",
            )
        ]
    if code == "product_groups_certified":
        qs = ConformityCertificate.objects.filter(deleted_at__isnull=True, issued_on__isnull=False)
        return [Source(qs, "issued_on", "key", "agency", "enterprise__ward")]
    if code == "award_entrants":
        qs = Award.objects.filter(
            deleted_at__isnull=True, kind=AwardKind.NATIONAL_QUALITY, enterprise__isnull=False
        )
        return [Source(qs, "year", "enterprise", "agency", "enterprise__ward", year_field=True)]
    raise KeyError(code)


@dataclass
class Tally:
    """One indicator's values: per year and over the period, for the scope as a whole and per agency."""

    code: str
    by_year: dict[int, int]
    total: int
    per_agency: dict[int, "Tally"] = field(default_factory=dict)


# What is counted once per group: each (agency, year), each agency over the period, each year over every
# agency, and the scope over the period — GROUPING(a_, y_) is 0, 1, 2, 3 for them.
_GROUPS = ((("a_", "y_"), 0), (("a_",), 1), (("y_",), 2), ((), 3))


def _distinct_counts(parts: list[QuerySet]) -> list[tuple]:
    """(agency, year, count, grouping) rows: the distinct keys of the sources together in each group, in one
    statement on PostgreSQL (grouping sets), one per group elsewhere."""
    selects: list[str] = []
    params: list[Any] = []
    for n, qs in enumerate(parts):
        sql, p = qs.query.sql_with_params()
        selects.append(f"SELECT a_, y_, k_ FROM ({sql}) s{n}")
        params.extend(p)
    union = " UNION ALL ".join(selects)
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            # Hundreds of thousands of keys are sorted in memory, not on disk; a statement this short
            # gains nothing from compiling it (JIT costs ~20 ms here).
            cursor.execute("SET LOCAL work_mem = '32MB'")
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(
                f"SELECT a_, y_, COUNT(DISTINCT k_), GROUPING(a_, y_) FROM ({union}) u "
                "GROUP BY GROUPING SETS ((a_, y_), (a_), (y_), ())",
                params,
            )
            return cursor.fetchall()
    with connection.cursor() as cursor:
        rows = []
        for columns, grouping in _GROUPS:
            a = "a_" if "a_" in columns else "NULL"
            y = "y_" if "y_" in columns else "NULL"
            group = f" GROUP BY {', '.join(columns)}" if columns else ""
            cursor.execute(f"SELECT {a}, {y}, COUNT(DISTINCT k_), {grouping} FROM ({union}) u{group}", params)
            rows.extend(cursor.fetchall())
        return rows


def tally(code: str, scope: Scope) -> Tally:
    """``code``'s values in ``scope``, counted by the database: the distinct keys of its sources per year
    and over the period, for the scope and per agency."""
    by_year = dict.fromkeys(PERIOD, 0)
    total = 0
    per_agency: dict[int, Tally] = {}
    if scope.agency_ids != ():
        for agency_id, year, count, grouping in _distinct_counts(
            [source.keyed(scope, PERIOD) for source in sources(code)]
        ):
            if grouping in (0, 1):
                agency = per_agency.setdefault(agency_id, Tally(code, dict.fromkeys(PERIOD, 0), 0))
                if grouping == 0:
                    agency.by_year[int(year)] = count
                else:
                    agency.total = count
            elif grouping == 2:
                by_year[int(year)] = count
            else:
                total = count
    return Tally(code, by_year, total, per_agency)


def tallies(scope: Scope) -> dict[str, Tally]:
    return {code: tally(code, scope) for code in CODES}


def records(code: str, scope: Scope, *, year: int | None = None) -> QuerySet:
    """The records behind ``code``'s value for ``year`` (None: the period's total), one row per counted
    key, so that ``records(...).count()`` is the value shown:

    - ``manager_trainings``: participations;
    - ``certified_experts``: the first certificate of each person;
    - ``product_groups_certified``: the first certificate of each product group of an enterprise;
    - the enterprise counts: registry entries."""
    years = (year,) if year else PERIOD
    if scope.agency_ids == () or (year is not None and year not in PERIOD):
        return _listed_model(code).objects.none()
    found = [scope.limit(s.in_years(years), s.agency, s.ward) for s in sources(code)]
    if code == "manager_trainings":
        return (
            found[0]
            .select_related("course", "enterprise", "person")
            .order_by("course__starts_on", "full_name")
        )
    if code == "certified_experts":
        first = found[0].values("person").annotate(first=Min("pk")).values("first")
        return (
            Expert.objects.filter(pk__in=first)
            .select_related("person", "enterprise")
            .order_by("person__full_name", "pk")
        )
    if code == "product_groups_certified":
        first = found[0].values("enterprise", "product_group_key").annotate(first=Min("pk")).values("first")
        return (
            ConformityCertificate.objects.filter(pk__in=first)
            .select_related("enterprise")
            .order_by("enterprise__name", "product_group", "pk")
        )
    # One subquery of every source's keys (UNION ALL), which the database joins once; an OR of one subquery
    # per source is checked row by row over the whole registry once a source outgrows memory.
    keys = [qs.order_by().values_list(s.key, flat=True) for s, qs in zip(sources(code), found, strict=True)]
    union = keys[0].union(*keys[1:], all=True) if len(keys) > 1 else keys[0]
    return Enterprise.objects.filter(pk__in=union).select_related("ward").order_by("name", "pk")


def _listed_model(code: str):
    return {
        "manager_trainings": Participation,
        "certified_experts": Expert,
        "product_groups_certified": ConformityCertificate,
    }.get(code, Enterprise)
