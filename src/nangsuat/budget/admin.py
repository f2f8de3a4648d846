"""Norms are data the province maintains (a new row with a later effective date, never an edit of one in force);
the estimates and what is spent against them are written by the services only, with their audit entries."""

from django.contrib import admin

from nangsuat.core.admin_site import CaseFileAdmin, ReadOnlyAdmin

from .models import Estimate, Norm, Spending


@admin.register(Norm)
class NormAdmin(CaseFileAdmin):
    list_display = [
        "name",
        "kind",
        "content",
        "amount_vnd",
        "rate_percent",
        "ceiling_vnd",
        "effective_from",
        "is_example",
    ]
    list_filter = ["kind", "is_example", "agency"]
    search_fields = ["name", "legal_basis"]


@admin.register(Estimate)
class EstimateAdmin(ReadOnlyAdmin):
    list_display = ["title", "agency", "year", "version", "state", "decision_number"]
    list_filter = ["year", "state", "agency"]


@admin.register(Spending)
class SpendingAdmin(ReadOnlyAdmin):
    list_display = ["line", "kind", "amount_vnd", "recorded_on", "override_reason"]
    list_filter = ["kind"]
