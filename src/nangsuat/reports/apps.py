from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "nangsuat.reports"
    label = "reports"
    verbose_name = "Báo cáo thực hiện Kế hoạch"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions
        from nangsuat.core.navigation import NavItem, add_nav_item

        from . import document  # noqa: F401  registers the report's layout with the document register
        from .selectors import READERS

        add_nav_item(NavItem(_("Báo cáo"), "reports:list", READERS, "/reports/", "file", 47))
        label_actions(
            {
                "reports.created": _("Lập dự thảo báo cáo"),
                "reports.narrative_saved": _("Sửa nội dung báo cáo"),
                "reports.signed": _("Ký báo cáo"),
            }
        )
