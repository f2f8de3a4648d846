"""Reads of the public list (công khai, Kế hoạch 14, II.2.d) and of the good-practice models.

The public pages read one agency: the one named by ``?agency=<code>``, else the site's own (the first
agency; a deployment serves one province). What they read is public by construction: the enterprises'
names, wards and sectors, the support content, amount, state and year of their dossiers, the indicators'
figures, and the published cases — never a person, a phone, an e-mail, an identity or tax number or a
council member's score."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.text import Truncator

from nangsuat.core.models import Agency, User
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.core.text import fold
from nangsuat.dossiers.models import Dossier
from nangsuat.indicators.charts import year_chart
from nangsuat.indicators.counting import SUPPORTED_STATES, Scope, tally
from nangsuat.indicators.definitions import INDICATORS, Indicator
from nangsuat.indicators.supported import SupportedRow, supported_dossiers, supported_rows
from nangsuat.indicators.targets import targets_of
from nangsuat.reference.choices import ward_choices
from nangsuat.reference.models import SupportContent, VsicCode
from nangsuat.registry.models import Enterprise

from .models import Case, CaseState

CHART_SECONDS = 600


def public_agency(code: str | None) -> Agency | None:
    """The agency a public page reads: ``code``'s (None when there is no such agency), else the site's."""
    if code:
        return Agency.objects.filter(code=code).first()
    return Agency.objects.order_by("pk").first()


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 < number < 10_000_000 else None


# --- The public list of supported enterprises ------------------------------------------------------

SORTS = {
    "name": lambda r: (fold(r.enterprise_name), r.year),
    "ward": lambda r: (fold(r.ward), fold(r.enterprise_name)),
    "content": lambda r: (fold(r.content), fold(r.enterprise_name)),
    "amount": lambda r: (r.amount_vnd, fold(r.enterprise_name)),
    "state": lambda r: (r.state_label, fold(r.enterprise_name)),
    "year": lambda r: (r.year, fold(r.enterprise_name)),
}
DEFAULT_SORT = "-year"


@dataclass(frozen=True)
class SupportedFilters:
    year: int | None = None
    ward: str = ""
    content: int | None = None
    q: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_params(cls, params: QueryDict | dict) -> SupportedFilters:
        sort = params.get("sort") or DEFAULT_SORT
        return cls(
            year=_int(params.get("year")),
            ward=(params.get("ward") or "").strip()[:6],
            content=_int(params.get("content")),
            q=(params.get("q") or "").strip()[:100],
            sort=sort if sort.lstrip("-") in SORTS else DEFAULT_SORT,
        )


def public_supported(agency: Agency, filters: SupportedFilters) -> list[SupportedRow]:
    """The agency's supported enterprises, filtered and sorted. A province supports a few hundred
    enterprises over the period, so the rows are sorted here (the amount is read as
    ``contracts.amounts`` reads it, not a column)."""
    qs = supported_dossiers((agency.pk,), year=filters.year)
    if filters.ward:
        qs = qs.filter(enterprise__ward_id=filters.ward)
    if filters.content:
        qs = qs.filter(content_id=filters.content)
    rows = supported_rows(qs)
    if filters.q:
        words = fold(filters.q).split()
        rows = [r for r in rows if all(w in fold(r.enterprise_name) for w in words)]
    key = SORTS[filters.sort.lstrip("-")]
    return sorted(rows, key=key, reverse=filters.sort.startswith("-"))


def _wards_among(agency: Agency, codes: QuerySet) -> list[tuple[str, str]]:
    """(code, name) of the wards ``codes`` names, from the agency's province's list (``reference.choices``;
    an enterprise's ward is always of its agency's province)."""
    present = set(codes.distinct())
    return [(code, name) for code, name in ward_choices(agency.province_code) if code in present]


def supported_choices(agency: Agency) -> dict:
    """The years, wards and contents the agency's list holds, as (value, label) for its filters."""
    qs = supported_dossiers((agency.pk,)).order_by()
    return {
        "years": [(y, y) for y in sorted(set(qs.values_list("call__year", flat=True)), reverse=True)],
        "wards": _wards_among(agency, qs.values_list("enterprise__ward", flat=True)),
        "contents": list(
            SupportContent.objects.filter(pk__in=qs.values("content")).values_list("pk", "name")
        ),
    }


# --- Indicators' progress ------------------------------------------------------------------------


@dataclass
class Progress:
    indicator: Indicator
    by_year: dict[int, int]
    total: int
    target: int
    chart: str = field(repr=False, default="")

    @property
    def pct(self) -> int:
        return round(100 * self.total / self.target) if self.target else 0

    @property
    def bar(self) -> int:
        return min(self.pct, 100)


def _chart(code: str, tallied, target: int, unit: str) -> str:
    """The year chart as SVG text, kept in the cache under its figures (the same figures draw the same
    bytes, so a chart is drawn once for every visitor until a figure changes)."""
    figures = f"{code}:{sorted(tallied.by_year.items())}:{tallied.total}:{target}:{unit}"
    key = "showcase:chart:" + hashlib.sha256(figures.encode()).hexdigest()
    svg = cache.get_or_set(
        key, lambda: year_chart(tallied, target=target, fmt="svg", unit=unit).decode(), CHART_SECONDS
    )
    return str(svg)


def progress_of(agency: Agency) -> list[Progress]:
    """Each indicator of the agency against its target, with its chart by year."""
    scope = Scope(agency_ids=(agency.pk,))
    targets = targets_of([agency.pk])
    rows = []
    for indicator in INDICATORS:
        tallied = tally(indicator.code, scope)
        target = targets[indicator.code]
        rows.append(
            Progress(
                indicator,
                tallied.by_year,
                tallied.total,
                target,
                _chart(indicator.code, tallied, target, str(indicator.unit)),
            )
        )
    return rows


# --- Good-practice models ------------------------------------------------------------------------

CASE_RELATIONS = ("dossier__enterprise", "dossier__enterprise__ward", "dossier__content", "dossier__call")


@dataclass(frozen=True)
class CaseFilters:
    q: str = ""
    section: str = ""
    ward: str = ""
    content: int | None = None
    state: str = ""

    @classmethod
    def from_params(cls, params: QueryDict | dict) -> CaseFilters:
        state = params.get("state") or ""
        return cls(
            q=(params.get("q") or "").strip()[:100],
            section=(params.get("section") or "").strip()[:1].upper(),
            ward=(params.get("ward") or "").strip()[:6],
            content=_int(params.get("content")),
            state=state if state in CaseState.values else "",
        )

    def apply(self, qs: QuerySet[Case]) -> QuerySet[Case]:
        if self.section:
            qs = qs.filter(dossier__enterprise__vsic_section=self.section)
        if self.ward:
            qs = qs.filter(dossier__enterprise__ward_id=self.ward)
        if self.content:
            qs = qs.filter(dossier__content_id=self.content)
        if self.state:
            qs = qs.filter(state=self.state)
        for word in self.q.split():
            qs = qs.filter(Q(title__icontains=word) | Q(dossier__enterprise__name__icontains=word))
        return qs


def published_cases(agency: Agency, filters: CaseFilters) -> QuerySet[Case]:
    qs = Case.objects.filter(agency=agency, state=CaseState.PUBLISHED).select_related(*CASE_RELATIONS)
    return filters.apply(qs).prefetch_related("photos", "figures").order_by("-published_at", "-pk")


def published_case(pk: int) -> Case | None:
    return (
        Case.objects.filter(pk=pk, state=CaseState.PUBLISHED)
        .select_related(*CASE_RELATIONS)
        .prefetch_related("photos", "figures")
        .first()
    )


def case_choices(agency: Agency) -> dict:
    """The sectors, wards and tools of the agency's published cases, as (value, label) for the portal's
    search."""
    cases = Case.objects.filter(agency=agency, state=CaseState.PUBLISHED).order_by()
    sections = VsicCode.objects.filter(level=1, code__in=cases.values("dossier__enterprise__vsic_section"))
    return {
        "sections": [
            (code, f"{code} · {Truncator(name).chars(48)}")
            for code, name in sections.values_list("code", "name")
        ],
        "wards": _wards_among(agency, cases.values_list("dossier__enterprise__ward", flat=True)),
        "contents": list(
            SupportContent.objects.filter(pk__in=cases.values("dossier__content")).values_list("pk", "name")
        ),
    }


def staff_cases(user: User, filters: CaseFilters) -> QuerySet[Case]:
    qs = scope_to_agency(Case.objects.select_related(*CASE_RELATIONS), user)
    return filters.apply(qs).order_by("-updated_at", "-pk")


def staff_case(user: User, pk: int) -> Case | None:
    return (
        scope_to_agency(Case.objects.select_related(*CASE_RELATIONS, "consent_recorded_by"), user)
        .filter(pk=pk)
        .prefetch_related("photos", "figures")
        .first()
    )


def dossiers_for_cases(user: User) -> QuerySet[Dossier]:
    """The dossiers an officer may draw a case from: accepted, liquidated or paid, without a case yet."""
    qs = Dossier.objects.filter(state__in=SUPPORTED_STATES, showcase_case__isnull=True)
    return scope_to_agency(qs, user).select_related("enterprise", "content", "call").order_by("-pk")


# --- An enterprise's public entry ------------------------------------------------------------------


def public_enterprise(pk: int) -> Enterprise | None:
    """An enterprise with a public entry: one on the list of supported enterprises or with a published case
    (any other is not the public's to look up)."""
    listed = supported_dossiers(None).filter(enterprise_id=pk).exists()
    shown = Case.objects.filter(dossier__enterprise_id=pk, state=CaseState.PUBLISHED).exists()
    if not (listed or shown):
        return None
    return (
        Enterprise.objects.select_related("ward", "vsic")
        .only("pk", "name", "agency_id", "ward__name", "vsic__name", "vsic__code", "vsic_section")
        .filter(pk=pk)
        .first()
    )


def enterprise_entry(enterprise: Enterprise) -> dict:
    section = VsicCode.objects.filter(level=1, code=enterprise.vsic_section).first()
    return {
        "sector": section.name if section else "",
        "supported": supported_rows(supported_dossiers(None).filter(enterprise=enterprise)),
        "cases": list(
            Case.objects.filter(dossier__enterprise=enterprise, state=CaseState.PUBLISHED)
            .select_related(*CASE_RELATIONS)
            .order_by("-published_at")
        ),
    }
