from django.contrib import admin

from .models import Province, SupportContent, VsicCode, Ward


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "legal_basis")
    search_fields = ("code", "name")


@admin.register(Ward)
class WardAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "division_type", "province")
    list_filter = ("division_type", "province")
    search_fields = ("code", "name", "name_folded")


@admin.register(VsicCode)
class VsicCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "section")
    list_filter = ("level", "section")
    search_fields = ("code", "name", "name_en")
    raw_id_fields = ("parent",)


@admin.register(SupportContent)
class SupportContentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "group", "is_active", "ordering")
    list_filter = ("group", "is_active")
    list_editable = ("is_active", "ordering")
    search_fields = ("code", "name", "group")
    prepopulated_fields = {"code": ("name",)}
