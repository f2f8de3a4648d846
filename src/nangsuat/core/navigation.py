"""The navigation each role sees. Apps add their entries here, in one place."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str]
    prefix: str = ""


_ALL_STAFF = frozenset(r for r in Role if r != Role.ENTERPRISE)
_OFFICE = frozenset({Role.OFFICER, Role.DIRECTOR, Role.ADMIN, Role.MINISTRY, Role.CITY, Role.FINANCE})

NAV_ITEMS: list[NavItem] = [
    NavItem(_("Tổng quan"), "core:dashboard", frozenset(Role), "/app/"),
    NavItem(_("Doanh nghiệp"), "registry:enterprise_list", _OFFICE, "/registry/enterprises/"),
    NavItem(
        _("Nhập từ Excel"),
        "registry:import_start",
        frozenset({Role.OFFICER, Role.ADMIN}),
        "/registry/import/",
    ),
    NavItem(_("Hồ sơ doanh nghiệp"), "registry:my_enterprise", frozenset({Role.ENTERPRISE}), "/registry/me/"),
]
