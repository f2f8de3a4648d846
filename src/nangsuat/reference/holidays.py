"""Seeding the working-day calendar (core.Holiday) for a year from the `holidays` package (country "VN").

The package computes the lunar dates (Tết, Giỗ Tổ Hùng Vương) and the days off in lieu when a holiday
falls on a weekend (Bộ luật Lao động 2019, Điều 112). The government's yearly swaps (nghỉ bù, làm bù)
are announced late in the year before: an administrator enters them in the admin. Loading a year never
overwrites a date already in the table, so those edits survive a reload.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from nangsuat.core.models import Holiday

LEGAL_BASIS = "Bộ luật Lao động 2019, Điều 112"


@dataclass(frozen=True)
class HolidayRow:
    date: dt.date
    name: str
    kind: str
    legal_basis: str = LEGAL_BASIS


def public_holidays(year: int) -> list[HolidayRow]:
    """Vietnam's public holidays of `year`: statutory days as ``holiday``, days in lieu as ``day_off``."""
    import holidays  # a large library that only this yearly loading command needs

    observed = holidays.country_holidays("VN", years=year, language="vi")
    statutory = holidays.country_holidays("VN", years=year, language="vi", observed=False)
    return [
        HolidayRow(day, name, Holiday.Kind.HOLIDAY if day in statutory else Holiday.Kind.DAY_OFF)
        for day, name in sorted(observed.items())
    ]


@transaction.atomic
def load_holidays(*, years: list[int]) -> int:
    """Add the public holidays of `years` to the calendar; returns how many dates were added.
    Dates already present (seeded or edited by an administrator) are left as they are."""
    added = 0
    for year in years:
        for row in public_holidays(year):
            _, created = Holiday.objects.get_or_create(
                date=row.date,
                defaults={"name": row.name, "kind": row.kind, "legal_basis": row.legal_basis},
            )
            added += created
    return added
