"""Uploaded or drawn files no record names: left by a step that was rolled back after its document was
written, or by a disk that filled up mid-write. The daily clean-up removes those older than an hour (a
file younger may belong to a step still running). The store is walked through the storage API, so the
same clean-up serves ``MEDIA_ROOT`` and an S3-compatible bucket."""

from __future__ import annotations

import datetime as dt
import posixpath

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from .storage_faults import walk

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


def orphan_files(*, now: dt.datetime | None = None) -> list[str]:
    """Names (relative to the store) of the files no record names and older than ``MIN_AGE``."""
    cutoff = (now or timezone.now()) - MIN_AGE
    known = referenced_names()
    found = []
    for name in walk(default_storage):
        if posixpath.basename(name).startswith(".") or name in known:
            continue
        if default_storage.get_modified_time(name) > cutoff:
            continue
        found.append(name)
    return sorted(found)


def remove_orphans(*, now: dt.datetime | None = None) -> list[str]:
    removed = []
    for name in orphan_files(now=now):
        default_storage.delete(name)
        removed.append(name)
    return removed
