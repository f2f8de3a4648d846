from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "nangsuat.notifications"
    label = "notifications"
    verbose_name = "Thông báo"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  notifications on workflow steps
