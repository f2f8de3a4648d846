"""Aggregating the council's score sheets (Thông tư 15/2022/TT-BKHCN, Điều 16; DOMAIN-FACTS §2 and §4).

Pure functions, no database: the services feed them plain numbers and store what they return.

- Each criterion's mean is the mean of the submitted sheets' points for it; the total is the sum of the
  criterion means (equal to the mean of the sheets' totals). Means are exact fractions until shown,
  then rounded half-up to two decimals.
- Pass rule (configurable per call; seed 70 and 0.5): the mean total is at least ``pass_total_min``
  AND every criterion's mean is at least ``min_ratio`` × its maximum. Tested on the exact values.
- Ranking: mean total descending, then priority points descending, then the earlier submission first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Criterion:
    code: str
    max_points: int


@dataclass(frozen=True)
class Aggregate:
    means: dict[str, Decimal]
    total: Decimal
    passed: bool
    sheet_count: int
    failing: tuple[str, ...]  # codes of the criteria whose mean is below the minimum
    total_below_min: bool


def to_decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(TWO_PLACES, ROUND_HALF_UP)


def aggregate(
    sheets: Sequence[Mapping[str, int | None]],
    criteria: Sequence[Criterion],
    *,
    pass_total_min: Decimal | int,
    min_ratio: Decimal | float | str,
) -> Aggregate:
    """Means per criterion, total and pass/fail of the submitted ``sheets`` (code → points).

    Refuses (``ValueError``) an empty list of sheets, a sheet missing a criterion, and points outside
    0 … max — the services validate before, so this only guards the invariant."""
    if not sheets:
        raise ValueError("no sheets to aggregate")
    if not criteria:
        raise ValueError("no criteria")
    n = len(sheets)
    exact: dict[str, Fraction] = {}
    for criterion in criteria:
        points = []
        for sheet in sheets:
            value = sheet[criterion.code]
            if value is None or not 0 <= value <= criterion.max_points:
                raise ValueError(f"points {value!r} outside 0..{criterion.max_points} for {criterion.code}")
            points.append(int(value))
        exact[criterion.code] = Fraction(sum(points), n)
    total = sum(exact.values(), Fraction(0))
    ratio = Fraction(str(min_ratio))
    failing = tuple(c.code for c in criteria if exact[c.code] < ratio * c.max_points)
    total_below_min = total < Fraction(str(pass_total_min))
    return Aggregate(
        means={code: to_decimal(v) for code, v in exact.items()},
        total=to_decimal(total),
        passed=not failing and not total_below_min,
        sheet_count=n,
        failing=failing,
        total_below_min=total_below_min,
    )


@dataclass(frozen=True)
class Rankable:
    key: int  # what identifies the entry for the caller (a result's id, a row's index)
    total: Decimal
    priority_points: int
    submitted_at: dt.datetime | None


def rank_key(entry: Rankable) -> tuple:
    submitted = entry.submitted_at.timestamp() if entry.submitted_at else float("inf")
    return (-entry.total, -entry.priority_points, submitted, str(entry.key))


def ranked(entries: Sequence[Rankable]) -> list[tuple[int, Rankable]]:
    """Entries in rank order, numbered from 1 (every tie is broken, so ranks are distinct)."""
    return list(enumerate(sorted(entries, key=rank_key), start=1))
