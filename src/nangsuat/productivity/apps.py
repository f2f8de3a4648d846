from django.apps import AppConfig


class ProductivityConfig(AppConfig):
    name = "nangsuat.productivity"
    label = "productivity"
    verbose_name = "Cơ sở dữ liệu năng suất"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions
        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import AGENCY_READERS

        add_nav_item(
            NavItem(_("Năng suất"), "productivity:benchmarks", AGENCY_READERS, "/nang-suat/", "chart", 46)
        )
        label_actions(
            {
                "productivity.figures_set": _("Cập nhật số liệu năng suất"),
                "productivity.import_started": _("Bắt đầu nhập số liệu năng suất"),
                "productivity.imported": _("Nhập số liệu năng suất"),
            }
        )
