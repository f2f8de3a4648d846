from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "nangsuat.activities"
    label = "activities"
    verbose_name = "Hoạt động của Chương trình"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import AGENCY_READERS, Role

        from . import receivers  # noqa: F401  records a management system on a dossier's acceptance

        enterprise = frozenset({Role.ENTERPRISE})
        add_nav_item(
            NavItem(
                _("Đăng ký đào tạo"),
                "activities:registration",
                enterprise,
                "/activities/registration/",
                "calendar",
                5,
            )
        )
        add_nav_item(NavItem(_("Hoạt động"), "activities:index", AGENCY_READERS, "/activities/", "award", 45))
