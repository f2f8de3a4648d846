"""Django's admin site. Nobody signs in here: Django's password-only login form sends to the product's
sign-in, which asks for the second factor, and the site opens only to a session that passed it."""

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
        return user.is_active and user.is_staff and passed_second_factor(request, user)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise Forbidden(_("Trang quản trị kỹ thuật chỉ dành cho quản trị viên toàn quốc."))
        return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index"))
