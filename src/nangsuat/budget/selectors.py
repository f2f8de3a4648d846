"""Reads of the budget, scoped by agency first. Finance sees its agency's estimates once sent to it; the
Department sees its own; an enterprise sees none (the pages answer 404)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404

from nangsuat.core.models import AuditEntry, User
from nangsuat.core.roles import Role
from nangsuat.core.tenancy import scope_to_agency

from .models import Estimate
from .states import SENT

READERS = frozenset({Role.OFFICER, Role.DIRECTOR, Role.FINANCE, Role.ADMIN})


def can_read_budget(user: User) -> bool:
    return user.is_authenticated and user.has_role(*READERS)


def visible_estimates(user: User) -> QuerySet[Estimate]:
    if not can_read_budget(user):
        return Estimate.objects.none()
    qs = scope_to_agency(Estimate.objects.all(), user)
    if user.role == Role.FINANCE:
        qs = qs.filter(state__in=SENT)
    return qs


def estimate_for(user: User, pk: int) -> Estimate:
    estimate = visible_estimates(user).filter(pk=pk).first()
    if estimate is None:
        raise Http404
    return estimate


def versions_of(estimate: Estimate, user: User) -> QuerySet[Estimate]:
    return (
        visible_estimates(user).filter(agency_id=estimate.agency_id, year=estimate.year).order_by("version")
    )


def estimate_history(estimate: Estimate) -> QuerySet[AuditEntry]:
    """The estimate's steps and edits, oldest first, from the audit log."""
    kind = ContentType.objects.get_for_model(Estimate)
    return (
        AuditEntry.objects.filter(content_type=kind, object_id=str(estimate.pk))
        .select_related("actor")
        .order_by("pk")
    )
