from django.contrib import admin

from nangsuat.core.admin_site import CaseFileAdmin, CaseFileInline

from .models import Assignment, CitySubmission, ProposedDossier, SupportContract


class ProposedInline(CaseFileInline):
    model = ProposedDossier
    extra = 0
    raw_id_fields = ["dossier"]
    readonly_fields = ["rank", "support_vnd", "decision", "decision_number", "decision_date"]


@admin.register(CitySubmission)
class CitySubmissionAdmin(CaseFileAdmin):
    list_display = ["call", "agency", "created_at"]
    inlines = [ProposedInline]


@admin.register(Assignment)
class AssignmentAdmin(CaseFileAdmin):
    list_display = ["dossier", "decision_number", "decision_date", "contract_due_on"]


@admin.register(SupportContract)
class SupportContractAdmin(CaseFileAdmin):
    list_display = ["number", "dossier", "signed_on", "amount_vnd", "deadline"]
    list_filter = ["agency"]
    search_fields = ["number", "dossier__tracking_code", "dossier__enterprise__name"]
    readonly_fields = ["dossier", "agency", "amount_vnd", "signed_by"]
