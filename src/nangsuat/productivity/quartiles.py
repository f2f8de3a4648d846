"""Quartiles by linear interpolation between closest ranks: PostgreSQL's ``percentile_cont`` (and
Hyndman & Fan's type 7, numpy's default). Pure; the benchmarks use it on databases without
``percentile_cont`` and the tests check both give the same numbers."""

import math
from collections.abc import Sequence


def percentile_cont(sorted_values: Sequence[float], fraction: float) -> float:
    """The value at ``fraction`` (0–1) of ``sorted_values`` (ascending, not empty): position
    ``fraction × (n − 1)`` counted from 0, interpolated between the two values around it."""
    if not sorted_values:
        raise ValueError("no values")
    position = fraction * (len(sorted_values) - 1)
    low = math.floor(position)
    high = math.ceil(position)
    if low == high:
        return float(sorted_values[low])
    weight = position - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * weight


def quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    """(p25, median, p75) of ``values``, in any order."""
    ordered = sorted(values)
    return percentile_cont(ordered, 0.25), percentile_cont(ordered, 0.5), percentile_cont(ordered, 0.75)
