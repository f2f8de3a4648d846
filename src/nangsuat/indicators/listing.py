"""How the records behind an indicator are listed: the columns of each kind of record (on the page, in the
workbook), the orders a reader may sort by, and one flat row per record for the API. The records themselves
are ``counting.records``: this module only shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from nangsuat.core.formatting import format_date_vi
from nangsuat.core.spreadsheets import DATE, TEXT, Column


@dataclass(frozen=True)
class Col:
    label: Any
    value: Callable[[Any], Any]
    sort: str = ""  # the order_by field, if the column sorts
    kind: str = TEXT
    width: int = 24


def _enterprise(record) -> str:
    e = getattr(record, "enterprise", None)
    return e.name if e else ""


def _tax_code(record) -> str:
    e = getattr(record, "enterprise", None)
    return e.tax_code if e else ""


def _ward(record) -> str:
    e = getattr(record, "enterprise", None)
    return e.ward.name if e and e.ward_id else ""


PARTICIPATIONS = (
    Col(_("Họ và tên"), lambda r: r.full_name, "full_name"),
    Col(_("Chức vụ"), lambda r: r.position, width=18),
    Col(_("Doanh nghiệp"), _enterprise, "enterprise__name", width=36),
    Col(_("Mã số thuế"), _tax_code, width=14),
    Col(_("Khóa đào tạo"), lambda r: r.course.title, "course__title", width=36),
    Col(_("Ngày bắt đầu"), lambda r: r.course.starts_on, "course__starts_on", DATE, 14),
)
EXPERTS = (
    Col(_("Họ và tên"), lambda r: r.person.full_name, "person__full_name"),
    Col(_("Nơi công tác"), lambda r: r.workplace or _enterprise(r), width=36),
    Col(_("Số chứng chỉ"), lambda r: r.certificate_number, "certificate_number", width=16),
    Col(_("Cấp"), lambda r: r.get_level_display(), width=14),
    Col(_("Ngày cấp"), lambda r: r.certified_on, "certified_on", DATE, 14),
)
PRODUCT_GROUPS = (
    Col(_("Nhóm sản phẩm"), lambda r: r.product_group, "product_group", width=30),
    Col(_("Doanh nghiệp"), _enterprise, "enterprise__name", width=36),
    Col(_("Mã số thuế"), _tax_code, width=14),
    Col(_("Loại chứng nhận"), lambda r: r.get_kind_display(), width=16),
    Col(_("Tiêu chuẩn, quy chuẩn"), lambda r: r.standard_code, width=20),
    Col(_("Ngày cấp"), lambda r: r.issued_on, "issued_on", DATE, 14),
)
ENTERPRISES = (
    Col(_("Mã số thuế"), lambda r: r.tax_code, "tax_code", width=14),
    Col(_("Tên doanh nghiệp"), lambda r: r.name, "name", width=44),
    Col(_("Xã/phường"), lambda r: r.ward.name if r.ward_id else "", "ward__name", width=24),
)

COLUMNS: dict[str, tuple[Col, ...]] = {
    "manager_trainings": PARTICIPATIONS,
    "certified_experts": EXPERTS,
    "product_groups_certified": PRODUCT_GROUPS,
    "enterprises_reached": ENTERPRISES,
    "enterprises_supported": ENTERPRISES,
    "award_entrants": ENTERPRISES,
}


def sorted_records(code: str, qs: QuerySet, sort: str) -> QuerySet:
    """``qs`` in the order ``sort`` names (``-`` first: descending), if a column of ``code`` sorts by it;
    the pk last, so pages never repeat a row."""
    allowed = {c.sort for c in COLUMNS[code] if c.sort}
    if sort.lstrip("-") in allowed:
        return qs.order_by(sort, "pk")
    return qs


def shown(value: Any) -> Any:
    """A cell on the page: dates in Vietnamese."""
    if isinstance(value, dt.date):
        return format_date_vi(value)
    return value


def table_rows(code: str, records) -> list[list[Any]]:
    return [[column.value(r) for column in COLUMNS[code]] for r in records]


def export_columns(code: str) -> list[Column]:
    return [Column(str(c.label), c.width, c.kind) for c in COLUMNS[code]]


def api_row(code: str, record) -> dict[str, Any]:
    """One record behind an indicator as the API lists it: what it is, its name, its date, its enterprise."""
    if code == "manager_trainings":
        kind, name, date = "participation", record.full_name, record.course.starts_on
        detail = record.course.title
    elif code == "certified_experts":
        kind, name, date = "expert", record.person.full_name, record.certified_on
        detail = record.certificate_number
    elif code == "product_groups_certified":
        kind, name, date = "product_group", record.product_group, record.issued_on
        detail = record.get_kind_display()
    else:
        enterprise = record
        return {
            "id": record.pk,
            "kind": "enterprise",
            "name": enterprise.name,
            "date": None,
            "detail": "",
            "enterprise_tax_code": enterprise.tax_code,
            "enterprise_name": enterprise.name,
            "ward": enterprise.ward.name if enterprise.ward_id else "",
        }
    return {
        "id": record.pk,
        "kind": kind,
        "name": name,
        "date": date,
        "detail": str(detail),
        "enterprise_tax_code": _tax_code(record),
        "enterprise_name": _enterprise(record),
        "ward": _ward(record),
    }
