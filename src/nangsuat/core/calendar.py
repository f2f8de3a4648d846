"""The working-day calendar: Monday–Friday, minus holidays and days off, plus make-up working days.

Statutory deadlines in the programme ("trong 05 ngày làm việc") are counted with these functions.
The `core.Holiday` table is the source of the exceptions:

- kind ``holiday`` (ngày lễ, Tết) and ``day_off`` (ngày nghỉ bù): not worked, even on a weekday;
- kind ``workday`` (ngày làm bù): worked, even on a Saturday or Sunday.

The table is read once per process and kept in memory; saving or deleting a Holiday clears it, and
the copy is re-read after CACHE_SECONDS anyway, so other server processes see an edit within minutes.
While a database transaction is open the table is read afresh (and not kept), so an edit that is rolled
back never leaves a stale calendar behind.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from .models import Holiday

SATURDAY = 5
CACHE_SECONDS = 300


@dataclass(frozen=True)
class _Exceptions:
    off: frozenset[dt.date]
    worked: frozenset[dt.date]
    loaded_at: float = field(default_factory=time.monotonic)


_cache: _Exceptions | None = None


def clear_cache(**_kwargs) -> None:
    """Forget the cached Holiday table (called on every Holiday save/delete)."""
    global _cache
    _cache = None


def _on_holiday_change(**_kwargs) -> None:
    clear_cache()
    if connection.in_atomic_block:
        transaction.on_commit(clear_cache)


def _load() -> _Exceptions:
    off: set[dt.date] = set()
    worked: set[dt.date] = set()
    for day, kind in Holiday.objects.values_list("date", "kind"):
        (worked if kind == Holiday.Kind.WORKDAY else off).add(day)
    return _Exceptions(frozenset(off), frozenset(worked))


def _exceptions() -> _Exceptions:
    global _cache
    if _cache is not None and time.monotonic() - _cache.loaded_at < CACHE_SECONDS:
        return _cache
    loaded = _load()
    if not connection.in_atomic_block:
        _cache = loaded
    return loaded


def _is_working(day: dt.date, exc: _Exceptions) -> bool:
    if day in exc.worked:
        return True
    if day in exc.off:
        return False
    return day.weekday() < SATURDAY


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def is_working_day(d: dt.date) -> bool:
    """True if `d` is worked: a weekday that is not a holiday/day off, or a make-up working day."""
    return _is_working(_as_date(d), _exceptions())


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after `start` (before it when n < 0); `start` itself when n == 0.

    `start` need not be a working day: add_working_days(saturday, 1) is the next working day.
    """
    start = _as_date(start)
    exc = _exceptions()
    step = 1 if n >= 0 else -1
    day, remaining = start, abs(n)
    while remaining:
        day += dt.timedelta(days=step)
        if _is_working(day, exc):
            remaining -= 1
    return day


def working_days_between(a: dt.date, b: dt.date) -> int:
    """The number of working days from `a` to `b`: those d with a < d <= b; negative when b < a
    (then minus those d with b <= d < a).

    It is the inverse of add_working_days: working_days_between(a, add_working_days(a, n)) == n, and
    add_working_days(a, working_days_between(a, b)) == b whenever b is a working day.
    """
    a, b = _as_date(a), _as_date(b)
    if a == b:
        return 0
    exc = _exceptions()
    if a < b:
        first, last, sign = a + dt.timedelta(days=1), b, 1
    else:
        first, last, sign = b, a - dt.timedelta(days=1), -1
    count, day = 0, first
    while day <= last:
        if _is_working(day, exc):
            count += 1
        day += dt.timedelta(days=1)
    return sign * count


def next_working_day(d: dt.date) -> dt.date:
    """The first working day strictly after `d`."""
    return add_working_days(d, 1)


def on_or_after(d: dt.date) -> dt.date:
    """`d` if it is a working day, otherwise the next working day (a deadline that ends on a day off
    moves to the next working day — Bộ luật Dân sự 2015, Điều 148)."""
    d = _as_date(d)
    return d if is_working_day(d) else next_working_day(d)


post_save.connect(_on_holiday_change, sender="core.Holiday", dispatch_uid="core.calendar.holiday_saved")
post_delete.connect(_on_holiday_change, sender="core.Holiday", dispatch_uid="core.calendar.holiday_deleted")
