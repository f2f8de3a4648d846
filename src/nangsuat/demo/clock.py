"""The demo's clock: the moment its steps take place, so a year's history reads like a real year.

The demo walks its dossiers through the real workflow, whose steps date what they write by Django's
clock (``timezone.now()``, ``timezone.localdate()``): the tracking code's year, a submission's time on
its receipt slip, the date and number of each document, the audit trail. Inside ``at(moment)`` that
clock says ``moment``, so each step is dated the day it is told to happen, not the day the demo is
loaded. Only the demo's seed sets it, in one thread, for the length of one step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from django.utils import timezone


@contextlib.contextmanager
def at(moment: dt.datetime) -> Iterator[dt.datetime]:
    """Django's clock reads ``moment`` (an aware datetime) inside the block. ``timezone.localtime`` and
    ``localdate`` read ``timezone.now`` when they are called, so they follow too."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    real_now = timezone.now
    timezone.now = lambda: moment  # type: ignore[assignment]
    try:
        yield moment
    finally:
        timezone.now = real_now  # type: ignore[assignment]


def on(day: dt.date, minutes: int = 0) -> dt.datetime:
    """Working hours of ``day``: 08:00 plus ``minutes``, in the project's time zone."""
    start = dt.datetime.combine(day, dt.time(8, 0)) + dt.timedelta(minutes=minutes)
    return timezone.make_aware(start)
