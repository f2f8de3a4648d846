from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "nangsuat.core"
    label = "core"
    verbose_name = "Lõi hệ thống"


class NationalAdminConfig(admin_apps.AdminConfig):
    """Django's admin app with the product's site (``admin_site.py``). Named in INSTALLED_APPS in place of
    ``django.contrib.admin``; ``default = False`` keeps ``CoreConfig`` the configuration of this app."""

    default = False
    default_site = "nangsuat.core.admin_site.NationalAdminSite"
