"""The year's budget against what is committed and paid, per line and per content; integer đồng only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from .models import Estimate, EstimateLine, Spending
from .states import COMMITTING, PAYING, State


@dataclass
class LineBalance:
    line: EstimateLine
    planned_vnd: int
    approved_vnd: int
    committed_vnd: int
    paid_vnd: int

    @property
    def remaining_vnd(self) -> int:
        return self.approved_vnd - self.committed_vnd


def approved_estimate(agency_id: int, year: int) -> Estimate | None:
    return Estimate.objects.filter(agency_id=agency_id, year=year, state=State.APPROVED).first()


def _sums(lines: list[EstimateLine], kinds) -> dict[int, int]:
    rows = (
        Spending.objects.filter(line__in=lines, kind__in=kinds)
        .values("line_id")
        .annotate(total=Sum("amount_vnd"))
    )
    return {row["line_id"]: int(row["total"] or 0) for row in rows}


def line_balances(estimate: Estimate) -> list[LineBalance]:
    lines = list(estimate.lines.select_related("content").order_by("key"))
    committed = _sums(lines, COMMITTING)
    paid = _sums(lines, PAYING)
    approved = estimate.state == State.APPROVED
    return [
        LineBalance(
            line=line,
            planned_vnd=line.amount_vnd,
            approved_vnd=line.approved_vnd if approved else 0,
            committed_vnd=committed.get(line.pk, 0),
            paid_vnd=paid.get(line.pk, 0),
        )
        for line in lines
    ]


def balance_of(line: EstimateLine) -> int:
    """What is left on a line of the approved budget."""
    committed = _sums([line], COMMITTING).get(line.pk, 0)
    return line.approved_vnd - committed


def by_content(balances: list[LineBalance]) -> list[dict]:
    """The same figures summed per task and support content, in the lines' order."""
    groups: dict[tuple, dict] = {}
    for b in balances:
        key = (b.line.task, b.line.content_id)
        group = groups.setdefault(
            key,
            {"task": b.line.get_task_display(), "content": b.line.content, **dict.fromkeys(TOTALS, 0)},
        )
        for name in TOTALS:
            group[name] += getattr(b, name)
    return list(groups.values())


TOTALS = ("planned_vnd", "approved_vnd", "committed_vnd", "paid_vnd", "remaining_vnd")


def totals(balances: list[LineBalance]) -> dict[str, int]:
    result: dict[str, int] = defaultdict(int)
    for b in balances:
        for name in TOTALS:
            result[name] += getattr(b, name)
    return dict(result)
