"""Values read from the database once and then from the cache, which every server process shares: the short
lists that pages offer in their filters (wards, VSIC sections, support contents, an agency's calls) and the
dashboard's figures. Each group has a version in the cache; ``forget(group)`` starts a new one, so the old
entries are never read again and expire. The apps that own the rows call ``forget`` when one changes."""

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")
DAY = 24 * 3600


def _version_key(group: str) -> str:
    return f"kept:{group}:version"


def cached(group: str, name: object, build: Callable[[], T], *, seconds: int = DAY) -> T:
    """``build()``, kept in the cache under ``group`` and ``name`` (any value with a stable ``repr``) for
    ``seconds`` or until ``forget(group)``; without ``seconds``, built on every call."""
    if not seconds:
        return build()
    version = cache.get(_version_key(group))
    if version is None:  # first read, or the key was evicted: a fresh namespace, never an old one
        cache.add(_version_key(group), time.time_ns(), None)
        version = cache.get(_version_key(group))
    key = f"kept:{group}:{version}:" + hashlib.sha256(repr(name).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, seconds)
    return found


def forget(group: str) -> None:
    cache.set(_version_key(group), time.time_ns(), None)


def forget_until_committed(group: str) -> None:
    """``forget(group)`` now, and again once the transaction under way commits: a page read in between must not
    keep what may yet be rolled back."""
    forget(group)
    transaction.on_commit(lambda: forget(group))
