from django.contrib import admin

from nangsuat.core.admin_site import CaseFileAdmin, CaseFileInline, ReadOnlyAdmin

from .models import ConflictDeclaration, Council, CouncilMember, CouncilResult, ScoreSheet


class MemberInline(CaseFileInline):
    model = CouncilMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(CaseFileAdmin):
    list_display = ["name", "call", "decision_number", "decision_date"]
    list_filter = ["call__agency"]
    search_fields = ["name", "decision_number"]
    inlines = [MemberInline]


@admin.register(CouncilResult)
class CouncilResultAdmin(CaseFileAdmin):
    list_display = ["dossier", "council", "total_mean", "passed", "rank", "closed_at"]
    list_filter = ["passed", "council__call"]
    readonly_fields = [f.name for f in CouncilResult._meta.fields]


@admin.register(ScoreSheet)
class ScoreSheetAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "member", "status", "submitted_at"]
    list_filter = ["status"]
    readonly_fields = ["member", "dossier", "status", "submitted_at", "comment"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "member", "has_conflict", "declared_at"]
    readonly_fields = ["member", "dossier", "has_conflict", "reason"]
