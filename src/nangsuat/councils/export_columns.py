"""The dossier export's council column: the total of the council's mean scores, once the result is
closed (before, the figure still moves as sheets come in). Not in an enterprise's export: its pages do
not show it the council's scores either."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from nangsuat.core.roles import Role
from nangsuat.core.spreadsheets import SCORE, Column
from nangsuat.dossiers.export import export_column
from nangsuat.dossiers.models import Dossier


@export_column(
    Column(_("Điểm hội đồng"), 12, SCORE),
    relations=("council_result",),
    order=10,
    hidden_from={Role.ENTERPRISE},
)
def council_score(dossier: Dossier) -> Decimal | None:
    result = getattr(dossier, "council_result", None)  # a missing reverse one-to-one is an AttributeError
    return result.total_mean if result is not None and result.closed_at is not None else None
