"""The navigation each role sees, as data. Apps add their entries to NAV_ITEMS below (one line each),
or from their AppConfig.ready() with ``add_nav_item(NavItem(...))``.

A NavItem is: the translated ``label``; the ``url_name`` to reverse (an item whose URL does not exist
yet is skipped); the ``roles`` (Role codes) that see it; the path ``prefix`` that marks it active
(defaults to its URL); an ``icon`` from ``core/static/core/icons.svg`` (home, building, upload, idcard,
users, folder, calendar, scale, file, bell, chart, wallet, book, award, search, settings, dot); and an
``order`` (lower first; items of equal order keep their place in the list).
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from .roles import AGENCY_READERS, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str]
    prefix: str = ""
    icon: str = "dot"
    order: int = 100


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Tổng quan"), "core:dashboard", frozenset(Role), "/app/", icon="home", order=0),
    NavItem(
        pgettext_lazy("menu", "Doanh nghiệp"),
        "registry:enterprise_list",
        AGENCY_READERS,
        "/registry/enterprises/",
        icon="building",
        order=40,
    ),
    NavItem(
        _("Hồ sơ doanh nghiệp"),
        "registry:my_enterprise",
        frozenset({Role.ENTERPRISE}),
        "/registry/me/",
        icon="idcard",
        order=2,
    ),
    NavItem(_("Tài khoản cán bộ"), "accounts:staff_list", frozenset({Role.ADMIN}), "/staff/", icon="users"),
]


# A label may read differently as a menu entry (English menus use the plural: "Dossiers", not "Dossier").
# A translation in the "menu" context, when the catalogue has one, wins over the label's plain one.
MENU_WORDING = (
    pgettext_lazy("menu", "Đợt đăng ký"),
    pgettext_lazy("menu", "Hồ sơ"),
    pgettext_lazy("menu", "Hội đồng"),
    pgettext_lazy("menu", "Hợp đồng"),
    pgettext_lazy("menu", "Thông báo"),
)


def menu_label(label) -> str:
    msgid = (getattr(label, "_args", None) or (None,))[0]
    if isinstance(msgid, str):
        worded = pgettext("menu", msgid)
        if worded != msgid:
            return worded
    return str(label)


def add_nav_item(item: NavItem) -> None:
    """Add an app's entry (idempotent: an item with the same url_name replaces the earlier one)."""
    NAV_ITEMS[:] = [i for i in NAV_ITEMS if i.url_name != item.url_name] + [item]


# The menu keeps one row on a 1366 px screen: a role with more entries than this sees the first ones (by
# order) in the row and the rest under "Thêm" (more), a list that opens in place, without script.
MENU_ROW = 10


def split_menu(items: list[dict], *, row: int = MENU_ROW) -> tuple[list[dict], list[dict]]:
    """(the entries in the row, the entries under "Thêm"): all in the row when they fit."""
    if len(items) <= row:
        return items, []
    return items[: row - 1], items[row - 1 :]


def items_for(user, path: str) -> list[dict]:
    """The entries ``user`` sees, in order, as dicts for the templates: label, url, icon, active."""
    if user is None or not user.is_authenticated:
        return []
    items = []
    for item in sorted(NAV_ITEMS, key=lambda i: i.order):
        if user.role not in item.roles:
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        prefix = item.prefix or url
        items.append(
            {
                "label": menu_label(item.label),
                "url": url,
                "icon": item.icon,
                "prefix": prefix,
                "active": False,
            }
        )
    # Only the entry with the longest matching prefix is active (/dossiers/calls/ is not also /dossiers/).
    matching = [i for i in items if path.startswith(i["prefix"])]
    if matching:
        max(matching, key=lambda i: len(i["prefix"]))["active"] = True
    return items
