from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "nangsuat.contracts"
    label = "contracts"
    verbose_name = "Phê duyệt, hợp đồng, nghiệm thu, thanh toán"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import DEPARTMENT, Role

        from . import (
            effects,  # noqa: F401  registers the contract steps' workflow guards and effects
            export_columns,  # noqa: F401  the dossier export's money columns
        )

        city = DEPARTMENT
        add_nav_item(NavItem(_("Trình UBND"), "submissions:index", city, "/submissions/", "file", 31))
        readers = frozenset({Role.OFFICER, Role.DIRECTOR, Role.FINANCE, Role.ENTERPRISE})
        add_nav_item(NavItem(_("Hợp đồng"), "contracts:list", readers, "/contracts/", "wallet", 32))
