"""The figures of the staff dashboard, each with the records behind it: every indicator against its target,
the support dossiers by state, the money proposed, committed and paid, and the overdue work.

Reads only, scoped first: the indicators through ``counting.scope_for``, the dossiers through
``dossiers.permissions.visible_dossiers``. Each dossier figure is a named set (``DOSSIER_SETS``) whose list
(``dossier_set``) is what the figure counts and sums, so the page a number links to shows that number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nangsuat.contracts.amounts import COMMITTED_STATES
from nangsuat.contracts.states import REPORTING_STATES
from nangsuat.core.models import Agency, User
from nangsuat.core.versioned_cache import cached, forget
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.permissions import visible_dossiers
from nangsuat.dossiers.states import FINAL_STATES, REFUSED_STATES, State
from nangsuat.reference.choices import ward_choices

from .counting import Scope, Tally, scope_for, tallies
from .definitions import INDICATORS, PERIOD, Indicator
from .targets import targets_of

# The dossiers whose support is asked for: submitted, and neither refused, withdrawn nor terminated.
ASKING_EXCLUDED = frozenset({State.DRAFT, State.TERMINATED, *REFUSED_STATES})

# The amount a dossier commits, in SQL: paid, else liquidated, else contracted, else on the city's list
# (``contracts.amounts.amount_of`` for the committed states, which all have a city list item).
COMMITTED_AMOUNT = Coalesce(
    F("contract__payment__amount_vnd"),
    F("contract__liquidation__final_amount_vnd"),
    F("contract__amount_vnd"),
    F("city_item__support_vnd"),
    F("requested_support_vnd"),
)

# What each money figure sums, per dossier (the lists show the same amount on each row).
SET_AMOUNTS = {
    "asked": Coalesce(F("requested_support_vnd"), 0),
    "committed": COMMITTED_AMOUNT,
    "paid": F("contract__payment__amount_vnd"),
}

DOSSIER_SETS = {
    "asked": _("Hồ sơ đề nghị hỗ trợ"),
    "committed": _("Hồ sơ đã được cam kết kinh phí"),
    "paid": _("Hồ sơ đã được thanh toán"),
    "overdue": _("Việc quá hạn"),
}


@dataclass
class IndicatorRow:
    indicator: Indicator
    tally: Tally
    target: int
    value: int  # the year's value, or the period's total

    @property
    def share(self) -> int:
        """Per cent of the target reached by the period's total (the bar stops at 100)."""
        return round(100 * self.tally.total / self.target) if self.target else 0

    @property
    def bar(self) -> int:
        return min(self.share, 100)


GROUP = "indicators"


def figures_changed(**_kwargs) -> None:
    """A counted record changed: every kept figure is dropped."""
    forget(GROUP)


def _cached(parts: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept ``INDICATORS_CACHE_SECONDS`` or until a counted record changes."""
    return cached(GROUP, parts, compute, seconds=settings.INDICATORS_CACHE_SECONDS)


def agency_ids_of(scope: Scope) -> list[int]:
    if scope.agency_ids is None:
        return list(Agency.objects.values_list("pk", flat=True))
    return list(scope.agency_ids)


def indicator_rows(scope: Scope, *, year: int | None = None) -> list[IndicatorRow]:
    found = _cached(("tallies", scope), lambda: tallies(scope))
    targets = targets_of(agency_ids_of(scope))
    rows = []
    for indicator in INDICATORS:
        t = found[indicator.code]
        value = t.by_year.get(year, 0) if year else t.total
        rows.append(IndicatorRow(indicator, t, targets[indicator.code], value))
    return rows


def wards_for(user: User, agency: Agency | None = None) -> list[tuple[str, str]]:
    """(code, name) of the wards a user filters by: those of the agency's province (none for the ministry
    without one)."""
    agency = agency or user.agency
    if agency is None:
        return []
    return ward_choices(agency.province_code)


def _dossiers(user: User, *, ward: str | None, year: int | None, agency_id: int | None) -> QuerySet[Dossier]:
    qs = visible_dossiers(Dossier.objects.all(), user)
    if agency_id and user.sees_all_agencies:
        qs = qs.filter(agency_id=agency_id)
    if ward:
        qs = qs.filter(enterprise__ward_id=ward)
    if year:
        qs = qs.filter(call__year=year)
    return qs


def overdue_condition(today: dt.date) -> Q:
    """A step past its due date, or a contract still running past its deadline."""
    late = Q(due_on__lt=today) | Q(state__in=REPORTING_STATES, contract__deadline__lt=today)
    return late & ~Q(state__in=FINAL_STATES)


def _overdue(qs: QuerySet[Dossier], today: dt.date) -> QuerySet[Dossier]:
    return qs.filter(overdue_condition(today))


def dossier_set(
    user: User, name: str, *, ward: str | None = None, year: int | None = None, agency_id: int | None = None
) -> QuerySet[Dossier]:
    """The dossiers behind the named figure (``DOSSIER_SETS``, or a state code), by call year when given."""
    qs = _dossiers(user, ward=ward, year=year, agency_id=agency_id)
    today = timezone.localdate()
    if name in State.values:
        qs = qs.filter(state=name)
    elif name == "asked":
        qs = qs.exclude(state__in=ASKING_EXCLUDED)
    elif name == "committed":
        qs = qs.filter(state__in=COMMITTED_STATES)
    elif name == "paid":
        qs = qs.filter(contract__payment__isnull=False)
    elif name == "overdue":
        qs = _overdue(qs, today)
    else:
        return qs.none()
    return qs


def dossier_figures(
    user: User, *, ward: str | None = None, year: int | None = None, agency_id: int | None = None
) -> dict:
    """Dossiers by state, money asked, committed and paid, and the overdue work: a few aggregate queries,
    kept like the indicators (what a user sees of the dossiers follows from the role and the agency)."""
    seen_as = (user.role, user.agency_id, user.sees_all_agencies, timezone.localdate())
    return _cached(
        ("dossiers", seen_as, ward, year, agency_id),
        lambda: _dossier_figures(user, ward=ward, year=year, agency_id=agency_id),
    )


def _dossier_figures(user: User, *, ward: str | None, year: int | None, agency_id: int | None) -> dict:
    qs = _dossiers(user, ward=ward, year=year, agency_id=agency_id)
    counts = dict(qs.order_by().values_list("state").annotate(n=Count("pk")))
    most = max(counts.values(), default=0)
    by_state = [
        (state, label, counts[state], round(100 * counts[state] / most))
        for state, label in State.choices
        if counts.get(state)
    ]
    money = {
        name: set_sum(dossier_set(user, name, ward=ward, year=year, agency_id=agency_id), name)
        for name in SET_AMOUNTS
    }
    overdue = dossier_set(user, "overdue", ward=ward, year=year, agency_id=agency_id).count()
    return {"by_state": by_state, "total": sum(counts.values()), **money, "overdue": overdue}


def set_sum(qs: QuerySet[Dossier], name: str) -> dict:
    """How many dossiers, and the sum of the named set's amount over them."""
    found = qs.aggregate(n=Count("pk"), vnd=Sum(SET_AMOUNTS[name]))
    return {"n": found["n"], "vnd": found["vnd"] or 0}


def dashboard_figures(
    user: User, *, year: int | None = None, ward: str | None = None, agency_id: int | None = None
) -> dict:
    """Everything the dashboard shows ``user``: what the page renders and the benchmark times."""
    scope = scope_for(user, agency_id=agency_id, ward_id=ward)
    return {
        "scope": scope,
        "indicators": indicator_rows(scope, year=year),
        "dossiers": dossier_figures(user, ward=ward, year=year, agency_id=agency_id),
        "years": PERIOD,
    }
