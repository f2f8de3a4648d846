"""The enterprises the programme supports: every dossier the city approved, from the approval to the
payment, but for those whose acceptance failed or whose contract was terminated. One list for the reports
to the city and the ministry and for the public list (công khai): the enterprise's name and ward, the
support content, the amount (paid, else liquidated, else contracted, else approved), the state and the
call's year. Nothing personal is read here."""

from dataclasses import dataclass

from django.db.models import QuerySet

from nangsuat.contracts.amounts import AMOUNT_RELATIONS, amount_of
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State

SUPPORTED_LIST_STATES = (
    State.APPROVED,
    State.ASSIGNED,
    State.CONTRACTED,
    State.IN_PROGRESS,
    State.COMPLETION_REQUESTED,
    State.INSPECTED,
    State.ACCEPTED,
    State.LIQUIDATED,
    State.PAID,
)


def supported_dossiers(agency_ids: tuple[int, ...] | None, *, year: int | None = None) -> QuerySet[Dossier]:
    """The supported dossiers of these agencies (None: every agency), of the calls of ``year`` or all."""
    qs = Dossier.objects.filter(state__in=SUPPORTED_LIST_STATES)
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=agency_ids)
    if year:
        qs = qs.filter(call__year=year)
    return qs.select_related("enterprise", "enterprise__ward", "content", "call", *AMOUNT_RELATIONS).order_by(
        "call__year", "enterprise__name", "pk"
    )


@dataclass(frozen=True)
class SupportedRow:
    dossier_id: int
    enterprise_id: int
    enterprise_name: str
    tax_code: str
    ward: str
    content: str
    amount_vnd: int
    state: str
    state_label: str
    year: int
    agency_id: int


def supported_rows(qs: QuerySet[Dossier]) -> list[SupportedRow]:
    """The rows of a list of supported dossiers, the amount read as ``contracts.amounts`` reads it (the
    contract's content already fixes the amount once a contract exists; before, the city's list)."""
    return [
        SupportedRow(
            dossier_id=d.pk,
            enterprise_id=d.enterprise_id,
            enterprise_name=d.enterprise.name,
            tax_code=d.enterprise.tax_code,
            ward=d.enterprise.ward.name if d.enterprise.ward else "",
            content=d.content.name if d.content else "",
            amount_vnd=amount_of(d, None),
            state=d.state,
            state_label=str(State(d.state).label),
            year=d.call.year,
            agency_id=d.agency_id,
        )
        for d in qs
    ]
