"""The single way to write an audit entry. Call it inside the service's transaction.

An entry's action is a stable English code (``submit``, ``enterprise.updated``); the app that writes it
registers the words a page shows for it (``label_actions`` in its ``AppConfig.ready()``)."""

from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry, User


def record_audit(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    agency_id = getattr(target, "agency_id", None)
    if agency_id is None and actor is not None and getattr(actor, "is_authenticated", False):
        agency_id = actor.agency_id
    return AuditEntry.objects.create(
        agency_id=agency_id,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data or {},
    )


def history_of(target: models.Model):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
    ).select_related("actor")


ACTION_LABELS: dict[str, Any] = {}


def label_actions(labels: Mapping[str, Any]) -> None:
    """Register the translated labels of an app's audit actions (code → lazy label)."""
    ACTION_LABELS.update(labels)


def action_label(code: str) -> str:
    """The action's label in the active language; an unregistered code, made readable."""
    label = ACTION_LABELS.get(code)
    return str(label) if label is not None else code.replace(".", " ").replace("_", " ").capitalize()
