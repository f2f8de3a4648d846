"""The figures a report gives, read from the indicators engine and the contracts, as plain values (lists,
numbers, strings) so that the document keeps them (``Document.data``) and draws the same pages again.

- ``indicators``: each indicator's target, its value in each year of the period, the period's total
  (a distinct count over the whole period, never summed from the years) and the share of the target —
  exactly ``indicators.counting.tallies`` and ``indicators.targets.targets_of`` for the report's agency;
- ``supported``: the supported enterprises of the calls of the report's years
  (``indicators.supported``): name, ward, content, amount, state, year — nothing personal;
- ``money``: what those supports commit and what was paid in the report's years;
- ``productivity``: each supported enterprise with an accepted dossier and figures after its acceptance: its
  labour productivity's change since the year before its contract, beside its peers' median change over the
  same years (``productivity.selectors.before_after``), in percent."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum

from nangsuat.contracts.models import Payment
from nangsuat.dossiers.models import Dossier
from nangsuat.indicators.counting import SUPPORTED_STATES, Scope, Tally, tallies
from nangsuat.indicators.definitions import INDICATORS, PERIOD
from nangsuat.indicators.supported import supported_dossiers, supported_rows
from nangsuat.indicators.targets import targets_of
from nangsuat.productivity.selectors import before_after

from .kinds import span_of


def scope_of(agency_id: int) -> Scope:
    return Scope(agency_ids=(agency_id,))


def share(value: int, target: int) -> float | None:
    """The percentage of ``target`` reached, to one decimal; None without a target."""
    return round(100 * value / target, 1) if target else None


def indicator_rows(agency_id: int) -> list[dict[str, Any]]:
    counted = tallies(scope_of(agency_id))
    targets = targets_of([agency_id])
    rows = []
    for indicator in INDICATORS:
        found: Tally = counted[indicator.code]
        target = targets[indicator.code]
        rows.append(
            {
                "code": indicator.code,
                "name": str(indicator.name),
                "unit": str(indicator.unit),
                "clause": indicator.clause,
                "target": target,
                "values": [found.by_year.get(year, 0) for year in PERIOD],
                "total": found.total,
                "share": share(found.total, target),
            }
        )
    return rows


def supported_of(agency_id: int, years: tuple[int, ...]) -> tuple[list[dict[str, Any]], int]:
    """The rows of the supported list, and how many distinct enterprises they name."""
    rows = supported_rows(supported_dossiers((agency_id,)).filter(call__year__in=years))
    listed = [
        {
            "name": row.enterprise_name,
            "ward": row.ward,
            "content": row.content,
            "amount_vnd": row.amount_vnd,
            "state": row.state_label,
            "year": row.year,
        }
        for row in rows
    ]
    return listed, len({row.enterprise_id for row in rows})


def paid_in(agency_id: int, years: tuple[int, ...]) -> tuple[int, int]:
    """(đồng paid, payments made) on the agency's contracts in ``years``."""
    found = Payment.objects.filter(contract__agency_id=agency_id, paid_on__year__in=years).aggregate(
        total=Sum("amount_vnd")
    )
    count = Payment.objects.filter(contract__agency_id=agency_id, paid_on__year__in=years).count()
    return int(found["total"] or 0), count


def _percent(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def productivity_of(agency_id: int) -> list[dict[str, Any]]:
    """Labour productivity before and after, for each accepted dossier with figures after its acceptance:
    the latest year's change since the base year, the peers' median change, and the difference (points)."""
    rows = []
    accepted = Dossier.objects.filter(agency_id=agency_id, state__in=SUPPORTED_STATES).select_related(
        "enterprise"
    )
    for dossier in accepted.order_by("enterprise__name", "pk"):
        found = before_after(dossier)
        changes = [c for c in found.of("labour_productivity") if c.change is not None]
        if not changes:
            continue
        latest = changes[-1]
        rows.append(
            {
                "name": dossier.enterprise.name,
                "base_year": found.base_year,
                "year": latest.year,
                "change": _percent(latest.change),
                "peer_change": _percent(latest.peer_change),
                "difference": _percent(latest.difference),
            }
        )
    return rows


def figures_of(agency_id: int, kind: str, year: int) -> dict[str, Any]:
    years = span_of(kind, year)
    supported, enterprises = supported_of(agency_id, years)
    paid, payments = paid_in(agency_id, years)
    return {
        "period": list(PERIOD),
        "years": list(years),
        "indicators": indicator_rows(agency_id),
        "supported": supported,
        "money": {
            "committed_vnd": sum(row["amount_vnd"] for row in supported),
            "paid_vnd": paid,
            "payments": payments,
            "enterprises": enterprises,
        },
        "productivity": productivity_of(agency_id),
    }


def value_in(row: dict[str, Any], year: int) -> int:
    """An indicator row's value in ``year`` (0 outside the period)."""
    return row["values"][PERIOD.index(year)] if year in PERIOD else 0
