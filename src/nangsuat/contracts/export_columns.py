"""The dossier export's money columns: what the city approved, what the contract says, what was paid.

Read from the records ``amounts.AMOUNT_RELATIONS`` names, loaded with the dossiers; a dossier without
that step yet has an empty cell, not a zero.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from nangsuat.core.spreadsheets import AMOUNT, Column
from nangsuat.dossiers.export import export_column
from nangsuat.dossiers.models import Dossier

from . import amounts
from .models import ProposedDossier


@export_column(Column(_("Kinh phí được phê duyệt (đồng)"), 18, AMOUNT), relations=("city_item",), order=20)
def approved(dossier: Dossier) -> int | None:
    item = getattr(dossier, "city_item", None)  # a missing reverse one-to-one is an AttributeError
    return (
        item.support_vnd if item is not None and item.decision == ProposedDossier.Decision.APPROVED else None
    )


@export_column(
    Column(_("Kinh phí hợp đồng (đồng)"), 18, AMOUNT), relations=amounts.AMOUNT_RELATIONS, order=30
)
def contracted(dossier: Dossier) -> int | None:
    contract = getattr(dossier, "contract", None)
    return contract.amount_vnd if contract is not None else None


@export_column(Column(_("Đã thanh toán (đồng)"), 18, AMOUNT), relations=amounts.AMOUNT_RELATIONS, order=40)
def paid(dossier: Dossier) -> int | None:
    payment = getattr(getattr(dossier, "contract", None), "payment", None)
    return payment.amount_vnd if payment is not None else None
