from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .admin_site import CaseFileAdmin, ReadOnlyAdmin
from .models import Agency, AuditEntry, Holiday, User


@admin.register(User)
class UserAdmin(CaseFileAdmin, BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Chương trình 1322", {"fields": ("role", "agency", "full_name", "position", "phone")}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("Chương trình 1322", {"fields": ("role", "agency", "full_name", "email")}),
    )
    list_display = ("username", "full_name", "role", "agency", "is_active")
    list_filter = ("role", "agency", "is_active")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "province_code")


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "kind", "legal_basis")
    list_filter = ("kind",)
    date_hierarchy = "date"


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "content_type", "object_id", "from_state", "to_state")
    list_filter = ("action",)


# allauth's own admin shows and edits the TOTP seed: ours shows who enrolled what, and when.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(ReadOnlyAdmin):
    fields = ("user", "type", "created_at", "last_used_at")
    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
