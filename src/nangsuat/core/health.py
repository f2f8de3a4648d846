"""Health for the data centre's monitoring and its load balancer.

``/healthz``: the process answers (no database, nothing else): restart it when this fails.
``/readyz``: it can serve: the database answers and has every migration applied, the cache and the job
queue answer, the file store (``MEDIA_ROOT`` or the S3-compatible bucket) takes a write and a delete, and,
for a local folder, its disk has room (``READY_MIN_FREE_MB``; a bucket's room is its store's to watch). 200 or 503 with each check's
name and whether it passed; no detail that would help an attacker (errors go to the log).
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from .storage_faults import is_local

log = logging.getLogger(__name__)


def _database() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return True


def _migrations() -> bool:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def _cache() -> bool:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    found = cache.get(key) == "1"
    cache.delete(key)
    return found


def _queue() -> bool:
    """The job queue's table answers (inline, there is no queue to reach)."""
    if settings.TASKS_RUN_INLINE:
        return True
    DBTaskResult.objects.only("pk").first()
    return True


def _media() -> bool:
    """A probe written and deleted through the storage (a folder or a bucket alike)."""
    name = default_storage.save(f".readyz-{uuid.uuid4().hex}", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as probe:
            found = probe.read() == b"ok"
    finally:
        default_storage.delete(name)
    return found


def _disk() -> bool:
    if not is_local(default_storage):
        return True  # a bucket: no disk of this server to fill
    os.makedirs(default_storage.location, exist_ok=True)
    free_mb = shutil.disk_usage(default_storage.location).free // (1024 * 1024)
    return free_mb >= int(getattr(settings, "READY_MIN_FREE_MB", 500))


CHECKS = {
    "database": _database,
    "migrations": _migrations,
    "cache": _cache,
    "queue": _queue,
    "media": _media,
    "disk": _disk,
}


def run_checks() -> dict[str, bool]:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = bool(check())
        except Exception:  # noqa: BLE001 - a failed check is a 503, its reason goes to the log
            log.exception("readiness check %s failed", name)
            results[name] = False
        if name == "database" and not results[name]:
            results["migrations"] = False  # unknowable without the database
            break
    return results


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    checks = run_checks()
    ready = all(checks.values()) and set(checks) == set(CHECKS)
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
