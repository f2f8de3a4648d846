"""What each indicator counts, from the platform's own records: the value per year of the period and over
the whole period, per agency and for every agency together, and the records behind each value.

Each indicator reads one or more *sources*: a queryset of live records with the lookups of its date (the
record's year), its key (what is counted once: a participation, a person, an enterprise, a product group)
and its agency. A value is the number of distinct keys; for a distinct count the period's total is counted
over the whole period, so an enterprise reached in 2026 and in 2027 is one enterprise in the total. The
drill-down (``records``) lists the same keys, one row each, so its count is the value shown."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Min, Q, QuerySet

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
    ward_id: int | None = None

    def limit(self, qs: QuerySet, agency: str, ward: str | None) -> QuerySet:
        if self.agency_ids is not None:
            qs = qs.filter(**{f"{agency}__in": self.agency_ids})
        if self.ward_id is not None:
            qs = qs.filter(**{ward: self.ward_id}) if ward else qs.none()
        return qs


def scope_for(user: User, *, agency_id: int | None = None, ward_id: int | None = None) -> Scope:
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
        lookup = f"{self.date}__in" if self.year_field else f"{self.date}__year__in"
        return self.qs.filter(**{lookup: years})


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


def _rows(source: Source, scope: Scope, years: tuple[int, ...]) -> QuerySet:
    qs = scope.limit(source.in_years(years), source.agency, source.ward)
    year = source.date if source.year_field else f"{source.date}__year"
    if source.key == "key":  # a product group: the enterprise and the folded name together
        return qs.values_list(source.agency, year, "enterprise", "product_group_key").distinct()
    return qs.values_list(source.agency, year, source.key).distinct()


@dataclass
class Tally:
    """One indicator's values: per year and over the period, for the scope as a whole and per agency."""

    code: str
    by_year: dict[int, int]
    total: int
    per_agency: dict[int, "Tally"] = field(default_factory=dict)


def _count(keys_by_year: dict[int, set]) -> tuple[dict[int, int], int]:
    by_year = {year: len(keys_by_year.get(year, ())) for year in PERIOD}
    total = len(set().union(*keys_by_year.values())) if keys_by_year else 0
    return by_year, total


def tally(code: str, scope: Scope) -> Tally:
    """``code``'s values in ``scope``: one query per source, each returning its distinct
    (agency, year, key) rows of the period."""
    keys: dict[int, set] = defaultdict(set)
    by_agency: dict[int, dict[int, set]] = defaultdict(lambda: defaultdict(set))
    if scope.agency_ids != ():
        for source in sources(code):
            for agency_id, year, *key in _rows(source, scope, PERIOD).iterator(chunk_size=10_000):
                item = tuple(key)
                keys[year].add(item)
                by_agency[agency_id][year].add(item)
    by_year, total = _count(keys)
    result = Tally(code, by_year, total)
    for agency_id, agency_keys in by_agency.items():
        a_years, a_total = _count(agency_keys)
        result.per_agency[agency_id] = Tally(code, a_years, a_total)
    return result


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
    condition = Q()
    for source, qs in zip(sources(code), found, strict=True):
        condition |= Q(pk__in=qs.values(source.key))
    return Enterprise.objects.filter(condition).select_related("ward").order_by("name", "pk")


def _listed_model(code: str):
    return {
        "manager_trainings": Participation,
        "certified_experts": Expert,
        "product_groups_certified": ConformityCertificate,
    }.get(code, Enterprise)
