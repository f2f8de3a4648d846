"""Reads of the productivity database: an enterprise's figures and indicators by year, and a supported
enterprise's before and after against its peers (``before_after``, also for the reports)."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from nangsuat.contracts.models import Acceptance, SupportContract
from nangsuat.core.models import User
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from nangsuat.registry.models import Enterprise, EnterpriseYear

from . import measures
from .benchmarks import MIN_CELL, can_see_small_cells, peer_medians
from .models import FIGURE_FIELDS, MEASURE_FIELDS, EnterpriseFigures, Source

BEFORE_AFTER_STATES = (State.ACCEPTED, State.LIQUIDATED, State.PAID)
BEFORE_AFTER_MEASURES = ("labour_productivity", "capital_productivity", "energy_productivity")


@dataclass
class YearRow:
    year: int
    employees: int | None
    revenue_vnd: int | None
    capital_vnd: int | None
    figures: EnterpriseFigures | None
    value_added_vnd: int | None
    measures: dict
    sources: dict = field(default_factory=dict)

    @property
    def entered(self) -> list[str]:
        """Who entered this year's figures, once each: "Doanh nghiệp tự kê khai (Ngô Thị Kim Yến)"."""
        seen: list[str] = []
        for stamp in self.sources.values():
            label = str(Source(stamp["source"]).label) if stamp.get("source") in Source.values else ""
            if stamp.get("user"):
                label += f" ({stamp['user']})"
            if label and label not in seen:
                seen.append(label)
        return seen


def enterprise_years(enterprise: Enterprise) -> list[YearRow]:
    """Every year the registry or the productivity database knows of the enterprise, oldest first."""
    registry = {y.year: y for y in EnterpriseYear.objects.filter(enterprise=enterprise)}
    rows = {r.year: r for r in EnterpriseFigures.objects.filter(enterprise=enterprise)}
    users = {
        u.pk: u
        for u in User.objects.filter(
            pk__in={s.get("by") for r in rows.values() for s in r.sources.values() if s.get("by")}
        )
    }
    out = []
    for year in sorted(set(registry) | set(rows)):
        reg, row = registry.get(year), rows.get(year)
        va = (
            measures.value_added(
                row.value_added_vnd,
                row.wages_vnd,
                row.depreciation_vnd,
                row.operating_surplus_vnd,
                row.production_taxes_vnd,
            )
            if row
            else None
        )
        sources = {
            name: {**stamp, "user": users.get(stamp.get("by"))}
            for name, stamp in (row.sources if row else {}).items()
        }
        out.append(
            YearRow(
                year=year,
                employees=reg.employees if reg else None,
                revenue_vnd=reg.revenue_vnd if reg else None,
                capital_vnd=reg.capital_vnd if reg else None,
                figures=row,
                value_added_vnd=va,
                measures={m: getattr(row, m) for m in MEASURE_FIELDS} if row else {},
                sources=sources,
            )
        )
    return out


def figures_row_dict(row: YearRow) -> dict:
    """One year for the API: figures with their source and who entered them, and the indicators."""
    values: dict[str, object] = {
        "employees": row.employees,
        "revenue_vnd": row.revenue_vnd,
        "capital_vnd": row.capital_vnd,
    }
    if row.figures is not None:
        for name in FIGURE_FIELDS:
            value = getattr(row.figures, name)
            values[name] = float(value) if name == "defect_rate" and value is not None else value
    figures = {}
    for name, value in values.items():
        stamp = row.sources.get(name) or {}
        user = stamp.get("user")
        figures[name] = {
            "value": value,
            "source": stamp.get("source")
            or ("registry" if name in ("employees", "revenue_vnd", "capital_vnd") else None),
            "entered_by": user.get_full_name() or user.username if user else None,
            "entered_at": stamp.get("at"),
        }
    return {
        "year": row.year,
        "figures": figures,
        "value_added_vnd": row.value_added_vnd,
        "measures": row.measures,
    }


def supported_dossiers_of(enterprise: Enterprise) -> QuerySet[Dossier]:
    return Dossier.objects.filter(enterprise=enterprise, state__in=BEFORE_AFTER_STATES).order_by("pk")


# --- Before and after ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    measure: str
    year: int
    value: float | None
    change: float | None  # the enterprise's, since the base year
    peer_change: float | None  # its peer group's median's, over the same years
    difference: float | None  # change − peer change (difference in differences)


@dataclass(frozen=True)
class BeforeAfter:
    dossier_id: int
    enterprise_id: int
    base_year: int | None
    acceptance_year: int | None
    base: dict
    changes: list[Change]
    reason: str = ""

    def of(self, measure: str) -> list[Change]:
        return [c for c in self.changes if c.measure == measure]

    @property
    def latest(self) -> Change | None:
        rows = [c for c in self.changes if c.measure == "labour_productivity" and c.change is not None]
        return rows[-1] if rows else None


def _ratio_change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or before <= 0:
        return None
    return now / before - 1


def before_after(dossier: Dossier, user: User | None = None) -> BeforeAfter:
    """The enterprise's indicators in the year before its contract and in each year after acceptance,
    beside its peer group's (same agency, VSIC section and size class) median change over the same years.
    A peer cell of fewer than 3 enterprises is left out unless ``user`` is the agency's staff (None: the
    reports, which only staff draw)."""
    enterprise = dossier.enterprise
    contract = SupportContract.objects.filter(dossier=dossier).first()
    acceptance = Acceptance.objects.filter(contract=contract, passed=True).first() if contract else None
    if contract is None or acceptance is None:
        return BeforeAfter(dossier.pk, enterprise.pk, None, None, {}, [], reason="not_accepted")
    base_year = contract.signed_on.year - 1
    accepted = acceptance.minutes_date.year
    rows = {r.year: r for r in EnterpriseFigures.objects.filter(enterprise=enterprise, year__gte=base_year)}
    base_row = rows.get(base_year)
    full = user is None or can_see_small_cells(user)
    base = {m: getattr(base_row, m) if base_row else None for m in BEFORE_AFTER_MEASURES}
    changes = []
    for measure in BEFORE_AFTER_MEASURES:
        peers = peer_medians(
            agency_id=enterprise.agency_id,
            vsic_section=enterprise.vsic_section,
            size_class=enterprise.size_class,
            measure=measure,
        )
        peer_base = peers.get(base_year)
        for year in sorted(y for y in rows if y > accepted):
            value = getattr(rows[year], measure)
            change = _ratio_change(value, base[measure])
            peer_now = peers.get(year)
            peer_change = None
            if peer_base and peer_now and (full or min(peer_base[1], peer_now[1]) >= MIN_CELL):
                peer_change = _ratio_change(peer_now[0], peer_base[0])
            difference = change - peer_change if change is not None and peer_change is not None else None
            changes.append(Change(measure, year, value, change, peer_change, difference))
    reason = "" if base_row and changes else ("no_base" if not base_row else "no_after")
    return BeforeAfter(dossier.pk, enterprise.pk, base_year, accepted, base, changes, reason)
