"""Django's admin site, kept for a national superuser: it reads every agency and knows nothing of the
product's tenancy, secrecy or audit. An agency's administrator works on the product's own pages.

Nobody signs in here: Django's password-only login form sends to the product's sign-in, which asks for
the second factor, and the site opens only to a session that passed it. The case file is never deleted
here, and what only the product's services write is shown read-only (``CaseFileAdmin``, ``ReadOnlyAdmin``)."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext as _

from .errors import Forbidden
from .mfa import passed_second_factor


class NationalAdminSite(admin.AdminSite):
    site_header = "Chương trình 1322 — quản trị kỹ thuật"
    site_title = "Chương trình 1322"

    def has_permission(self, request) -> bool:
        user = request.user
        return (
            user.is_active
            and user.is_superuser
            and user.is_national_admin
            and passed_second_factor(request, user)
        )

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise Forbidden(_("Trang quản trị kỹ thuật chỉ dành cho quản trị viên toàn quốc."))
        return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index"))


class CaseFileAdmin(admin.ModelAdmin):
    """A record of the case file, or a user who may have acted on it: never deleted (a user is
    deactivated on the staff pages)."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(CaseFileAdmin):
    """What only the product's services write, each with its audit entry: shown, never added or changed."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CaseFileInline(admin.TabularInline):
    def has_delete_permission(self, request, obj=None) -> bool:
        return False
