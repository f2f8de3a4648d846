"""Tracking codes (mã hồ sơ): ``CT-2026-000123-7KQM``: the agency's prefix, the year, the agency's own
sequence for people to read and sort by, and a random check part, so that a code does not tell the next
one (the public lookup asks for the code and the enterprise's tax code, and is rate-limited)."""

from __future__ import annotations

import secrets
import threading

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connection, connections, transaction

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
    """The next code of the agency's series for ``year``; numbers only go up, so a code is never given
    twice. With ``TRACKING_CODES_OWN_TRANSACTION`` (PostgreSQL servers) the number is taken in one
    statement committed at once on a connection of its own, so a submission never holds the year's
    counter while it draws its documents: during a deadline rush the submissions run side by side. A
    step rolled back then leaves its number unused (codes are unique, not a register without gaps;
    the register numbers of documents are, ``documents/numbering.py``). Otherwise the counter row is
    locked until the surrounding transaction ends."""
    series = f"{prefix_of(agency)}-{year}"
    if getattr(settings, "TRACKING_CODES_OWN_TRANSACTION", False) and connection.vendor == "postgresql":
        last = _take_apart(series)
    else:
        with transaction.atomic():
            TrackingCounter.objects.get_or_create(series=series)
            counter = TrackingCounter.objects.select_for_update().get(series=series)
            counter.last += 1
            counter.save(update_fields=["last"])
        last = counter.last
    check = "".join(secrets.choice(CHECK_ALPHABET) for _ in range(CHECK_LENGTH))
    return f"{series}-{last:06d}-{check}"


_own = threading.local()


def _take_apart(series: str) -> int:
    """One statement on this thread's own connection, in autocommit: the row is locked for the
    statement only."""
    own = getattr(_own, "connection", None)
    if own is None:
        own = _own.connection = connections.create_connection(DEFAULT_DB_ALIAS)
    table = TrackingCounter._meta.db_table
    try:
        with own.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (series, last) VALUES (%s, 1) "  # noqa: S608 - the model's own table
                f"ON CONFLICT (series) DO UPDATE SET last = {table}.last + 1 RETURNING last",
                [series],
            )
            return cursor.fetchone()[0]
    except (InterfaceError, OperationalError):
        own.close()  # a broken connection is opened anew next time
        _own.connection = None
        raise


def close_own_connection() -> None:
    """Close this thread's own connection (a thread that ends: a test's, a command's)."""
    own = getattr(_own, "connection", None)
    if own is not None:
        own.close()
        _own.connection = None
