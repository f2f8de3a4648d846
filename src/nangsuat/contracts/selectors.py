"""Reads of the contract steps with who-may-see applied: enterprises their own contracts; agency staff
(officer, director, finance, city) their agency's; the ministry all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from nangsuat.core.roles import AGENCY_READERS, CITY_LIST_READERS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.core.text import fold
from nangsuat.dossiers.models import Call, CallContent, Dossier
from nangsuat.dossiers.states import State
from nangsuat.registry.permissions import member_enterprise_ids

from . import amounts
from .models import SupportContract

if TYPE_CHECKING:
    from nangsuat.core.models import User

SORTS = {
    "signed_on": "signed_on",
    "-signed_on": "-signed_on",
    "amount": "amount_vnd",
    "-amount": "-amount_vnd",
    "deadline": "deadline",
    "-deadline": "-deadline",
}


def contracts_for(user: User) -> QuerySet[SupportContract]:
    qs = SupportContract.objects.select_related(
        "dossier__enterprise", "dossier__content", "dossier__call", "agency"
    )
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role == Role.ENTERPRISE:
        return qs.filter(dossier__enterprise_id__in=member_enterprise_ids(user))
    if user.has_role(*AGENCY_READERS):
        return scope_to_agency(qs, user)
    return qs.none()


# What the list draws of each contract (``contract_rows``).
TABLE_COLUMNS = (
    "number",
    "signed_on",
    "amount_vnd",
    "deadline",
    "dossier__tracking_code",
    "dossier__state",
    "dossier__enterprise__name",
    "dossier__content__name",
)


def contract_list(user: User, *, q: str = "", state: str = "", sort: str = "") -> QuerySet[SupportContract]:
    qs = contracts_for(user)
    if state in State.values:
        qs = qs.filter(dossier__state=state)
    q = (q or "").strip()
    if q:
        folded = fold(q)
        qs = qs.filter(
            Q(number__icontains=q)
            | Q(dossier__tracking_code__icontains=q)
            | Q(dossier__enterprise__name__icontains=q)
            | Q(dossier__enterprise__tax_code__icontains=q)
            | Q(dossier__enterprise__search_text__icontains=folded)
        )
    return qs.order_by(SORTS.get(sort, "-signed_on"), "-id")


def city_calls(user: User) -> QuerySet[Call]:
    if not user.has_role(*CITY_LIST_READERS):
        return Call.objects.none()
    return scope_to_agency(Call.objects.all(), user).annotate(
        recommended=Count("dossiers", filter=Q(dossiers__state=State.RECOMMENDED)),
        proposed=Count("dossiers", filter=Q(dossiers__state__in=amounts.COMMITTED_STATES)),
    )


@dataclass
class CityRow:
    dossier: Dossier
    rank: int | None
    total: object
    amount: int
    limit: int | None
    proposed: bool
    position: int = 0  # 1, 2, 3… on this list, in the council's order: no gap for dossiers not here


def city_rows(call: Call) -> list[CityRow]:
    """Recommended dossiers and those already on the list, in the council's rank order."""
    dossiers = Dossier.objects.filter(
        call=call, state__in={State.RECOMMENDED, *amounts.COMMITTED_STATES}
    ).select_related(
        "enterprise", "content", "council_result", "call", "city_item__proposal", *amounts.AMOUNT_RELATIONS
    )
    contents = {c.content_id: c for c in CallContent.objects.filter(call=call)}
    rows = []
    for d in dossiers:
        result = getattr(d, "council_result", None)
        content = contents.get(d.content_id)
        rows.append(
            CityRow(
                d,
                result.rank if result else None,
                result.total_mean if result else None,
                amounts.amount_of(d, content),
                amounts.limit_of(d, content),
                d.state != State.RECOMMENDED,
            )
        )
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.dossier.pk))
    for position, row in enumerate(rows, 1):
        row.position = position
    return rows
