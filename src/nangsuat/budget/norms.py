"""Which norm applies: the one in force on the day an estimate or a call was opened.

A norm changed later (a new row with a later ``effective_from``) applies to estimates and calls opened on or
after that day only; a line keeps the norm and the figure it was drawn with, and a signed contract keeps its
amount (``Spending`` records the contract's own figure).
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from .models import Norm
from .states import NormKind, Task

NORM_OF_TASK: dict[str, str] = {
    Task.SUPPORT: NormKind.SUPPORT,
    Task.MANAGER_TRAINING: NormKind.TRAINING,
    Task.EXPERT_TRAINING: NormKind.TRAINING,
    Task.COMMUNICATION: NormKind.COMMUNICATION,
    Task.COUNCIL: NormKind.COUNCIL,
    Task.SURVEY: NormKind.SURVEY,
}


def norm_in_force(
    *, agency_id: int, kind: str, on: datetime.date, content_id: int | None = None
) -> Norm | None:
    rows = Norm.objects.filter(agency_id=agency_id, kind=kind, effective_from__lte=on).filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on)
    )
    if kind == NormKind.SUPPORT:
        rows = rows.filter(content_id=content_id)
    return rows.order_by("-effective_from", "-pk").first()


def per_unit_vnd(norm: Norm) -> int:
    """A support norm's unit is one enterprise supported up to the ceiling; the others carry their figure."""
    if norm.kind == NormKind.SUPPORT and norm.ceiling_vnd is not None:
        return norm.ceiling_vnd
    return norm.amount_vnd


def norm_for_line(*, agency_id: int, task: str, on: datetime.date, content_id: int | None) -> Norm | None:
    kind = NORM_OF_TASK.get(task)
    if kind is None:
        return None
    return norm_in_force(agency_id=agency_id, kind=kind, on=on, content_id=content_id)


def call_terms(*, agency_id: int, content_id: int, opened_on: datetime.date) -> tuple[int, int, str] | None:
    """The support rate (%), ceiling and legal basis a call opened on ``opened_on`` offers for a content."""
    norm = norm_in_force(agency_id=agency_id, kind=NormKind.SUPPORT, on=opened_on, content_id=content_id)
    if norm is None or norm.rate_percent is None or norm.ceiling_vnd is None:
        return None
    return norm.rate_percent, norm.ceiling_vnd, norm.legal_basis
