"""The enterprises' own funds (vốn đối ứng) beside what the programme supports, per dossier and per year.

A dossier counts once the city approved its support (or the director assigned it) and until it is settled:
``SUPPORTED``. Its support is its contract's amount, or what it asked for before a contract is signed; its
counterpart is what the Department recorded (nothing until then). The Department, Finance and administrators
read their agency's; an enterprise reads its own dossiers' only (the API), never another's.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State as DossierState
from nangsuat.registry.permissions import member_enterprise_ids

from .models import CounterpartFund
from .selectors import can_read_budget

S = DossierState
SUPPORTED = frozenset(
    {
        S.APPROVED,
        S.ASSIGNED,
        S.CONTRACTED,
        S.IN_PROGRESS,
        S.COMPLETION_REQUESTED,
        S.INSPECTED,
        S.ACCEPTED,
        S.NOT_ACCEPTED,
        S.LIQUIDATED,
        S.PAID,
    }
)
# States a dossier is in before it is ever supported (or once refused on the way): no counterpart can be
# recorded for it, so its page asks for none. A withdrawn or terminated dossier may have been supported.
NEVER_SUPPORTED = frozenset(S) - SUPPORTED - {S.WITHDRAWN, S.TERMINATED}
# Records a dossier's counterpart: the Department's officer of the dossier's agency.
WRITERS = frozenset({Role.OFFICER})


@dataclass
class CounterpartRow:
    dossier: Dossier
    fund: CounterpartFund | None

    @property
    def support_vnd(self) -> int:
        contract = getattr(self.dossier, "contract", None)
        if contract is not None:
            return contract.amount_vnd
        return self.dossier.requested_support_vnd or 0

    @property
    def counterpart_vnd(self) -> int:
        return self.fund.amount_vnd if self.fund else 0

    @property
    def total_vnd(self) -> int:
        return self.support_vnd + self.counterpart_vnd

    @property
    def note(self) -> str:
        return self.fund.note if self.fund else ""


@dataclass(frozen=True)
class Funding:
    """One dossier's funding as its page shows it (``funding_of``)."""

    contracted: bool
    support_vnd: int
    recorded: bool
    counterpart_vnd: int
    note: str

    @property
    def total_vnd(self) -> int:
        return self.support_vnd + self.counterpart_vnd


def funding_of(dossier: Dossier) -> Funding | None:
    """The funding of a dossier its reader already holds: its contract's amount (or what it asked for) and its
    recorded counterpart, from the rows read with the dossier (the dossier's page reads them in its own
    statement), else in one narrow statement. None when it was never supported and has no counterpart, as
    ``readable_dossiers`` would leave it out."""
    if Dossier.contract.is_cached(dossier) and Dossier.counterpart_fund.is_cached(dossier):  # read with it
        contract = getattr(dossier, "contract", None)
        fund = getattr(dossier, "counterpart_fund", None)
        contract_vnd = contract.amount_vnd if contract else None
        fund_id, counterpart_vnd, note = (fund.pk, fund.amount_vnd, fund.note) if fund else (None, 0, "")
    else:
        contract_vnd, fund_id, counterpart_vnd, note = (
            Dossier.objects.filter(pk=dossier.pk)
            .values_list(
                "contract__amount_vnd",
                "counterpart_fund__id",
                "counterpart_fund__amount_vnd",
                "counterpart_fund__note",
            )
            .get()
        )
    if dossier.state not in SUPPORTED and fund_id is None:
        return None
    return Funding(
        contracted=contract_vnd is not None,
        support_vnd=contract_vnd if contract_vnd is not None else dossier.requested_support_vnd or 0,
        recorded=fund_id is not None,
        counterpart_vnd=counterpart_vnd or 0,
        note=note or "",
    )


def can_read(user: User) -> bool:
    return can_read_budget(user) or (user.is_authenticated and user.role == Role.ENTERPRISE)


def may_write(user: User) -> bool:
    return user.is_authenticated and user.has_role(*WRITERS)


def readable_dossiers(user: User) -> QuerySet[Dossier]:
    """The supported dossiers (and any with a recorded counterpart) this user may read: the agency's for the
    budget's readers, its own enterprises' for an enterprise, none for anyone else."""
    qs = Dossier.objects.filter(Q(state__in=SUPPORTED) | Q(counterpart_fund__isnull=False))
    if user.is_authenticated and user.role == Role.ENTERPRISE:
        return qs.filter(enterprise_id__in=member_enterprise_ids(user))
    if not can_read_budget(user):
        return qs.none()
    return scope_to_agency(qs, user)


def rows_of(dossiers: QuerySet[Dossier]) -> list[CounterpartRow]:
    dossiers = dossiers.select_related(
        "enterprise", "content", "call", "contract", "counterpart_fund"
    ).order_by("enterprise__name", "pk")
    return [CounterpartRow(d, getattr(d, "counterpart_fund", None)) for d in dossiers]


def year_rows(user: User, year: int) -> list[CounterpartRow]:
    """The year's dossiers (by their call's year) with their support and counterpart."""
    return rows_of(readable_dossiers(user).filter(call__year=year))


def row_for(user: User, dossier_id: int) -> CounterpartRow:
    rows = rows_of(readable_dossiers(user).filter(pk=dossier_id))
    if not rows:
        raise Http404
    return rows[0]


def agency_year_totals(agency_id: int, year: int) -> dict[str, int]:
    """The agency's year: what the programme supports and what the enterprises bring themselves."""
    dossiers = Dossier.objects.filter(
        Q(state__in=SUPPORTED) | Q(counterpart_fund__isnull=False), agency_id=agency_id, call__year=year
    )
    return totals(rows_of(dossiers))


def totals(rows: list[CounterpartRow]) -> dict[str, int]:
    support = sum(r.support_vnd for r in rows)
    counterpart = sum(r.counterpart_vnd for r in rows)
    return {"support_vnd": support, "counterpart_vnd": counterpart, "total_vnd": support + counterpart}
