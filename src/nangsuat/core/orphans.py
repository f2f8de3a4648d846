"""Uploaded or drawn files no record names: left by a step that was rolled back after its document was
written, or by a disk that filled up mid-write. The daily clean-up removes those older than an hour (a
file younger may belong to a step still running)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

MIN_AGE = dt.timedelta(hours=1)


def referenced_names() -> set[str]:
    """Every file name a FileField of any model holds (documents, attachments, photos, evidence…)."""
    names: set[str] = set()
    for model in apps.get_models():
        fields = [f.name for f in model._meta.get_fields() if isinstance(f, models.FileField)]
        for field in fields:
            names.update(
                n for n in model._default_manager.exclude(**{field: ""}).values_list(field, flat=True) if n
            )
    return names


def orphan_files(*, now: dt.datetime | None = None) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    cutoff = ((now or timezone.now()) - MIN_AGE).timestamp()
    known = referenced_names()
    found = []
    for path in root.rglob("*"):
        if not path.is_file() or path.name.startswith("."):
            continue
        if str(path.relative_to(root)) in known or path.stat().st_mtime > cutoff:
            continue
        found.append(path)
    return sorted(found)


def remove_orphans(*, now: dt.datetime | None = None) -> list[Path]:
    removed = []
    for path in orphan_files(now=now):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed
