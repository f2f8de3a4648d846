"""Tenancy: every programme record belongs to one agency. Staff see their agency's records,
the ministry sees all. Selectors call ``scope_to_agency`` before anything else."""

from django.db.models import QuerySet

from .models import User


def scope_to_agency(qs: QuerySet, user: User, field: str = "agency") -> QuerySet:
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.sees_all_agencies:
        return qs
    if user.agency_id is None:
        return qs.none()
    return qs.filter(**{f"{field}_id": user.agency_id})
