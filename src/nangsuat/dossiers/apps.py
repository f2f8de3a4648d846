from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "nangsuat.dossiers"
    label = "dossiers"
    verbose_name = "Đợt đăng ký và hồ sơ"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions
        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import Role

        from . import (
            effects,  # noqa: F401  registers the intake steps' workflow guards and effects
            receivers,  # noqa: F401  keeps the dossiers' copies of names in step
        )
        from .selectors import CALL_ACTIONS, OTHER_ACTIONS
        from .states import Action

        label_actions({**dict(Action.choices), **OTHER_ACTIONS, **CALL_ACTIONS})

        everyone = frozenset(Role)
        add_nav_item(NavItem(_("Việc cần làm"), "dossiers:tasks", everyone, "/dossiers/tasks/", "check", 5))
        add_nav_item(
            NavItem(
                _("Đợt đăng ký"),
                "dossiers:call_list",
                everyone - {Role.COUNCIL},
                "/dossiers/calls/",
                "calendar",
                20,
            )
        )
        add_nav_item(NavItem(_("Hồ sơ"), "dossiers:dossier_list", everyone, "/dossiers/", "folder", 21))
