"""A dossier's support amount and what a call has committed of its budget: reads, no writes.

The limit is ``CallContent.max_support_for(total cost)`` (the support rate of the cost or the ceiling,
whichever is lower); before a contract the proposed support is what the enterprise asks, within it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from nangsuat.core.formatting import format_vnd
from nangsuat.dossiers.models import Call, CallContent, Dossier
from nangsuat.dossiers.registration import call_content_for
from nangsuat.dossiers.states import State

from .states import CONTRACT_STATES

# Dossiers whose support counts against the call's budget: proposed to the city and every step after,
# until a refusal or a termination releases it.
COMMITTED_STATES = frozenset({State.PROPOSED, State.APPROVED, State.ASSIGNED, *CONTRACT_STATES})

# The records an amount is read from, loaded with the dossier in one query.
AMOUNT_RELATIONS = ("contract__payment", "contract__liquidation", "city_item")


def limit_of(dossier: Dossier, content: CallContent | None) -> int | None:
    if content is None or dossier.total_cost_vnd is None:
        return None
    return content.max_support_for(dossier.total_cost_vnd)


def proposed_of(dossier: Dossier, content: CallContent | None) -> int:
    limit = limit_of(dossier, content)
    requested = dossier.requested_support_vnd
    if requested is None:
        return limit or 0
    return min(requested, limit) if limit is not None else requested


def support_limit(dossier: Dossier) -> int | None:
    """The most the programme may pay this dossier (rate × cost or the ceiling), None if unknown."""
    return limit_of(dossier, call_content_for(dossier))


def proposed_support(dossier: Dossier) -> int:
    """The support proposed before a contract: what the enterprise asks, within the limit."""
    return proposed_of(dossier, call_content_for(dossier))


def approved_support(dossier: Dossier) -> int:
    """The support the city approved: the amount its list proposed for the dossier (what the enterprise
    asked, within the limit); before the list, the support proposed now. A contract never exceeds it."""
    item = getattr(dossier, "city_item", None)  # a missing reverse one-to-one is an AttributeError
    return item.support_vnd if item is not None else proposed_support(dossier)


def amount_of(dossier: Dossier, content: CallContent | None) -> int:
    contract = getattr(dossier, "contract", None)  # a missing reverse one-to-one is an AttributeError
    if contract is not None:
        payment = getattr(contract, "payment", None)
        if payment is not None:
            return payment.amount_vnd
        liquidation = getattr(contract, "liquidation", None)
        if liquidation is not None:
            return liquidation.final_amount_vnd
        return contract.amount_vnd
    item = getattr(dossier, "city_item", None)
    return item.support_vnd if item is not None else proposed_of(dossier, content)


def supported_amount(dossier: Dossier) -> int:
    """The amount a dossier commits: paid, else liquidated, else contracted, else proposed."""
    fresh = Dossier.objects.select_related(*AMOUNT_RELATIONS).get(pk=dossier.pk)
    return amount_of(fresh, call_content_for(fresh))


def committed_total(call: Call, *, exclude_pk: int | None = None, exclude: Iterable[int] = ()) -> int:
    """Sum of the supported amounts of the call's dossiers already proposed or further on (two queries),
    without ``exclude_pk`` and ``exclude``. The one rule for "proposed so far": the city-list page and
    the Tờ trình both read it, so a dossier the city refused or a contract terminated counts in neither."""
    qs = Dossier.objects.filter(call=call, state__in=COMMITTED_STATES).select_related(*AMOUNT_RELATIONS)
    excluded = {*exclude, *([exclude_pk] if exclude_pk is not None else [])}
    if excluded:
        qs = qs.exclude(pk__in=excluded)
    contents = {c.content_id: c for c in CallContent.objects.filter(call=call)}
    return sum(amount_of(d, contents.get(d.content_id)) for d in qs)


def budget_message(call: Call, committed: int, extra: int) -> str:
    return _("Đã đề xuất %(committed)s + hồ sơ này %(extra)s = %(total)s / dự toán %(budget)s.") % {
        "committed": format_vnd(committed),
        "extra": format_vnd(extra),
        "total": format_vnd(committed + extra),
        "budget": format_vnd(call.budget_vnd),
    }
