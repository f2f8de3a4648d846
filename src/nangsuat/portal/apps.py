from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "nangsuat.portal"
    label = "portal"
    verbose_name = "Cổng công khai"
