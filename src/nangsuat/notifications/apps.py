from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "nangsuat.notifications"
    label = "notifications"
    verbose_name = "Thông báo"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions

        from . import receivers  # noqa: F401  notifications on workflow steps

        label_actions(
            {
                "notifications.email_on": _("Bật nhận thông báo qua e-mail"),
                "notifications.email_off": _("Tắt nhận thông báo qua e-mail"),
            }
        )
