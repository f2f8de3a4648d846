from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "nangsuat.councils"
    label = "councils"
    verbose_name = "Hội đồng tư vấn"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions
        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import Role

        # Registers the council's workflow guards and effects, and a member's tasks.
        from . import effects, export_columns, tasks  # noqa: F401  (and the dossier export's score)

        label_actions(
            {
                "council_created": _("Thành lập hội đồng"),
                "council_member_added": _("Thêm thành viên hội đồng"),
                "council_member_removed": _("Rút thành viên khỏi hội đồng"),
            }
        )
        roles = frozenset({Role.COUNCIL, Role.OFFICER, Role.DIRECTOR, Role.FINANCE})
        add_nav_item(NavItem(_("Hội đồng"), "councils:index", roles, "/councils/", "scale", 30))
