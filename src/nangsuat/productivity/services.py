"""Writes of the productivity database: one year's figures of one enterprise (the page, the API), and the
indicators stored beside them. Employees, revenue and capital go to the registry's year
(``registry.services.set_year_figures``), the rest to ``EnterpriseFigures`` with each figure's source."""

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.registry.models import Enterprise, EnterpriseYear
from nangsuat.registry.services import MAX_EMPLOYEES, MAX_VND, set_year_figures

from . import measures
from .models import FIGURE_FIELDS, FIRST_YEAR, MEASURE_FIELDS, EnterpriseFigures, Source

REGISTRY_FIELDS = ("employees", "revenue_vnd", "capital_vnd")
MAX_HOURS = MAX_EMPLOYEES * 8784  # every employee working every hour of a leap year
MAX_KWH = 10**15
UPPER = {"hours_worked": MAX_HOURS, "energy_kwh": MAX_KWH}


def source_of(user: User | None) -> str:
    return Source.ENTERPRISE if user is not None and user.role == Role.ENTERPRISE else Source.OFFICER


def _as_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        return int(value)
    return int(str(value).strip().replace(".", "").replace(",", "").replace(" ", ""))


def clean_year(value: Any) -> int:
    this_year = timezone.localdate().year
    try:
        year = _as_int(value)
    except (TypeError, ValueError):
        raise ValidationError({"year": _("Năm phải là một số nguyên.")}) from None
    if year < FIRST_YEAR or year > this_year:
        raise ValidationError(
            {
                "year": _("Năm số liệu phải từ %(first)s đến %(last)s.")
                % {"first": FIRST_YEAR, "last": this_year}
            }
        )
    return year


def clean_figures(data: dict[str, Any]) -> dict[str, Any]:
    """The figures of ``data`` given a value (a key absent: not given; ``None`` or "": erase), as integers
    (đồng, hours, kWh) and a decimal percentage; ``ValidationError`` naming each bad field."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for field in (*FIGURE_FIELDS, *REGISTRY_FIELDS):
        if field not in data:
            continue
        value = data[field]
        if value in (None, ""):
            out[field] = None
            continue
        if field == "defect_rate":
            try:
                rate = Decimal(str(value).replace(",", ".")).quantize(Decimal("0.01"))
            except (InvalidOperation, ValueError):
                errors[field] = _("Tỷ lệ lỗi phải là một số, ví dụ 2,5.")
                continue
            if rate < 0 or rate > 100:
                errors[field] = _("Tỷ lệ lỗi phải từ 0 đến 100 (%).")
            out[field] = rate
            continue
        try:
            number = _as_int(value)
        except (TypeError, ValueError):
            errors[field] = _("Phải là một số nguyên.")
            continue
        upper = MAX_EMPLOYEES if field == "employees" else UPPER.get(field, MAX_VND)
        if number < 0 and field != "operating_surplus_vnd":
            errors[field] = _("Không được là số âm.")
        elif abs(number) > upper:
            errors[field] = _("Giá trị quá lớn, vui lòng kiểm tra lại.")
        out[field] = number
    if errors:
        raise ValidationError(errors)
    return out


def _year_figures(row: EnterpriseFigures, employees: int | None) -> measures.YearFigures:
    return measures.YearFigures(
        year=row.year,
        employees=employees,
        hours_worked=row.hours_worked,
        fixed_assets_vnd=row.fixed_assets_vnd,
        energy_kwh=row.energy_kwh,
        value_added_vnd=row.value_added_vnd,
        wages_vnd=row.wages_vnd,
        depreciation_vnd=row.depreciation_vnd,
        operating_surplus_vnd=row.operating_surplus_vnd,
        production_taxes_vnd=row.production_taxes_vnd,
    )


def compute_rows(rows: list[EnterpriseFigures], employees: dict[tuple[int, int], int]) -> None:
    """Set the stored indicators of ``rows`` (any enterprises, any years) from their figures and the
    registry's employees ``{(enterprise_id, year): n}``; growth against the row of the year before."""
    by_key = {(r.enterprise_id, r.year): r for r in rows}
    for row in rows:
        head = employees.get((row.enterprise_id, row.year))
        before = by_key.get((row.enterprise_id, row.year - 1))
        result = measures.measures(
            _year_figures(row, head),
            _year_figures(before, employees.get((before.enterprise_id, before.year))) if before else None,
        )
        row.employees = head
        for field in MEASURE_FIELDS:
            setattr(row, field, getattr(result, field))


def registry_employees(enterprise_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    return {
        (e, y): n
        for e, y, n in EnterpriseYear.objects.filter(enterprise_id__in=list(enterprise_ids)).values_list(
            "enterprise_id", "year", "employees"
        )
    }


def recompute_enterprise(enterprise_id: int) -> None:
    rows = list(EnterpriseFigures.objects.filter(enterprise_id=enterprise_id))
    compute_rows(rows, registry_employees([enterprise_id]))
    EnterpriseFigures.objects.bulk_update(rows, ["employees", *MEASURE_FIELDS])


@transaction.atomic
def save_figures(
    *, actor: User | None, enterprise: Enterprise, year: Any, data: dict[str, Any], source: str = ""
) -> EnterpriseFigures:
    """Record one year's figures of ``enterprise`` (those ``data`` names; the others stay), each with its
    source and who entered it; employees, revenue and capital through the registry's year. Recomputes the
    indicators of this year and the next (its growth). Refuses bad input with Vietnamese messages."""
    year = clean_year(year)
    figures = clean_figures(data)
    source = source or source_of(actor)
    registry = {k: figures.pop(k) for k in REGISTRY_FIELDS if k in figures}
    if registry:
        current = EnterpriseYear.objects.filter(enterprise=enterprise, year=year).first()
        merged = {k: getattr(current, k) if current else None for k in REGISTRY_FIELDS} | registry
        set_year_figures(actor=actor, enterprise=enterprise, year=year, **merged)
    row, _created = EnterpriseFigures.objects.select_for_update().get_or_create(
        enterprise=enterprise, year=year, defaults={"agency_id": enterprise.agency_id}
    )
    stamp = {"source": source, "by": actor.pk if actor else None, "at": timezone.now().isoformat()}
    changed = []
    for field, value in (figures | registry).items():
        if field in figures and getattr(row, field) != value:
            setattr(row, field, value)
            changed.append(field)
        row.sources[field] = stamp
    row.updated_by = actor if actor is not None and actor.is_authenticated else None
    row.save()
    recompute_enterprise(enterprise.pk)
    record_audit(
        actor=actor,
        action="productivity.figures_set",
        target=enterprise,
        data={"year": year, "source": source, "fields": sorted(figures | registry), "changed": changed},
    )
    row.refresh_from_db()
    return row
