from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "nangsuat.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions

        label_actions(
            {
                "api.token.issued": _("Cấp khóa truy cập API"),
                "api.token.revoked": _("Thu hồi khóa truy cập API"),
                "api.token.revoked_all": _("Thu hồi mọi khóa truy cập API"),
            }
        )
