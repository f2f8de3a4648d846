from django.apps import AppConfig


class ShowcaseConfig(AppConfig):
    name = "nangsuat.showcase"
    label = "showcase"
    verbose_name = "Công khai và mô hình điển hình"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import PROGRAMME_MANAGERS

        from . import services  # noqa: F401  labels the audit actions

        add_nav_item(
            NavItem(
                _("Mô hình điển hình"), "showcase:case_list", PROGRAMME_MANAGERS, "/showcase/", "award", 48
            )
        )
