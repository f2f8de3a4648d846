from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "nangsuat.core"
    label = "core"
    verbose_name = "Lõi hệ thống"
