"""Tracking codes (mã hồ sơ): ``CT-2026-000123-7KQM``: the agency's prefix, the year, the agency's own
sequence for people to read and sort by, and a random check part, so that a code does not tell the next
one (the public lookup asks for the code and the enterprise's tax code, and is rate-limited)."""

from __future__ import annotations

import secrets

from django.db import transaction

from nangsuat.core.models import Agency
from nangsuat.core.text import fold

from .models import TrackingCounter

# Crockford's base32: digits and capitals without I, L, O and U, which are misread for 1, 0 and V.
CHECK_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_LENGTH = 4  # 32**4, about a million codes behind each sequence number
PREFIX_MAX = 6


def prefix_of(agency: Agency) -> str:
    """The initials of the agency's place name: Cần Thơ → CT, Vĩnh Long → VL. Agencies whose names share
    initials share one sequence (``TrackingCounter.series``), so their codes never collide."""
    initials = "".join(word[0] for word in fold(agency.place_name).split() if word[0].isalpha())
    return initials.upper()[:PREFIX_MAX] or "HS"


def next_tracking_code(agency: Agency, year: int) -> str:
    """The next code of the agency's series for ``year``; numbers only go up, in a counter row locked for
    the transaction, so a code is never given twice."""
    series = f"{prefix_of(agency)}-{year}"
    with transaction.atomic():
        TrackingCounter.objects.get_or_create(series=series)
        counter = TrackingCounter.objects.select_for_update().get(series=series)
        counter.last += 1
        counter.save(update_fields=["last"])
    check = "".join(secrets.choice(CHECK_ALPHABET) for _ in range(CHECK_LENGTH))
    return f"{series}-{counter.last:06d}-{check}"
