from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "nangsuat.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu của Kế hoạch"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import AGENCY_READERS, NATIONAL_ROLES

        from . import receivers  # noqa: F401  a counted record's change drops the cached figures

        # The staff's first entry: the plan's targets and the programme's figures.
        add_nav_item(
            NavItem(_("Bảng điều hành"), "indicators:dashboard", AGENCY_READERS, "/dashboard/", "chart", -1)
        )
        add_nav_item(
            NavItem(
                _("Tổng hợp các tỉnh"),
                "indicators:provinces",
                NATIONAL_ROLES,
                "/dashboard/provinces/",
                "chart",
                1,
            )
        )
