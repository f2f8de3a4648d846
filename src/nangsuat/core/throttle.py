"""Counting requests per key in Django's cache, which the settings make shared by every process of the
server (a file cache by default, Redis when ``CACHE_URL`` says so): a limit held in one process's memory
would multiply by the number of processes."""

from django.core.cache import cache


def over_limit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one request under ``key``; True once more than ``limit`` fell in the current window (fixed
    windows of ``window_seconds``, starting at the first request)."""
    key = f"throttle:{key}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
