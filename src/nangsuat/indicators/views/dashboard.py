"""The staff dashboard, and the lists behind its numbers: an indicator's records (page and workbook) and
the dossiers behind a dossier figure. Every list counts what the number it comes from shows."""

from __future__ import annotations

import base64
from functools import lru_cache

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.permissions import require
from nangsuat.core.spreadsheets import XLSX_TYPE, filters_line, write_table
from nangsuat.dossiers.states import State

from ..charts import year_chart
from ..counting import Tally, records, scope_for
from ..definitions import BY_CODE
from ..figures import (
    COMMITTED_AMOUNT,
    DOSSIER_SETS,
    SET_AMOUNTS,
    dashboard_figures,
    dossier_set,
    overdue_condition,
    set_sum,
)
from ..forms import FigureFilters
from ..listing import COLUMNS, export_columns, shown, sorted_records, table_rows
from ..permissions import can_compare_agencies, can_read_indicators, can_set_targets

PER_PAGE = 25
EXPORT_LIMIT = 50_000


@lru_cache(maxsize=512)
def _chart_uri(code: str, by_year: tuple, total: int, target: int, language: str) -> str:
    """The year chart as a data: URI (drawn once per set of figures: matplotlib takes tens of ms)."""
    tally = Tally(code, dict(by_year), total)
    svg = year_chart(tally, target=target, fmt="svg", unit=str(BY_CODE[code].unit))
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def chart_uri(row) -> str:
    t = row.tally
    return _chart_uri(t.code, tuple(sorted(t.by_year.items())), t.total, row.target, get_language() or "vi")


@login_required
def dashboard(request):
    require(can_read_indicators(request.user))
    form = FigureFilters(request.GET, user=request.user)
    year, ward, agency = form.value("year"), form.value("ward"), form.value("agency")
    figures = dashboard_figures(request.user, year=year, ward=ward, agency_id=agency)
    for row in figures["indicators"]:
        row.chart = chart_uri(row)
    return render(
        request,
        "indicators/dashboard.html",
        {
            "form": form,
            "year": year,
            "figures": figures,
            "query": form.query(),
            "agency": form.agency,
            "national": request.user.sees_all_agencies and not agency,
            "can_compare": bool(can_compare_agencies(request.user)),
            "can_set_targets": bool(can_set_targets(request.user)),
            "today": timezone.localdate(),
        },
    )


def _indicator_records(request, code: str):
    if code not in BY_CODE:
        raise Http404
    require(can_read_indicators(request.user))
    form = FigureFilters(request.GET, user=request.user)
    scope = scope_for(request.user, agency_id=form.value("agency"), ward_id=form.value("ward"))
    qs = records(code, scope, year=form.value("year"))
    if code in ("manager_trainings", "certified_experts", "product_groups_certified"):
        qs = qs.select_related("enterprise__ward")
    return form, sorted_records(code, qs, request.GET.get("sort", ""))


def _filters_text(form: FigureFilters) -> str:
    ward = dict(form.fields["ward"].choices).get(form.value("ward") or "")
    return filters_line(
        [
            (_("Năm"), form.value("year") or _("cả giai đoạn 2026 – 2030")),
            (_("Cơ quan"), form.agency.name if form.agency else _("cả nước")),
            (_("Xã/phường"), ward if form.value("ward") else ""),
        ]
    )


@login_required
def indicator_records(request, code: str):
    form, qs = _indicator_records(request, code)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    columns = COLUMNS[code]
    rows = [[shown(v) for v in cells] for cells in table_rows(code, page.object_list)]
    return render(
        request,
        "indicators/records.html",
        {
            "indicator": BY_CODE[code],
            "form": form,
            "page_obj": page,
            "columns": columns,
            "rows": rows,
            "query": form.query(),
            "filters_text": _filters_text(form),
        },
    )


@login_required
def indicator_export(request, code: str):
    form, qs = _indicator_records(request, code)
    indicator = BY_CODE[code]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(code[:31])
    write_table(
        sheet,
        title=str(indicator.name),
        filters=_filters_text(form),
        columns=export_columns(code),
        rows=table_rows(code, qs[:EXPORT_LIMIT].iterator(chunk_size=2000)),
    )
    response = HttpResponse(content_type=XLSX_TYPE)
    book.save(response)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="chi-tieu-{code}-{stamp}.xlsx"'
    return response


@login_required
def dossier_records(request, name: str):
    """The dossiers behind a dossier figure of the dashboard, with their amounts and the sum shown there."""
    if name not in DOSSIER_SETS and name not in State.values:
        raise Http404
    require(can_read_indicators(request.user))
    form = FigureFilters(request.GET, user=request.user)
    qs = dossier_set(
        request.user, name, ward=form.value("ward"), year=form.value("year"), agency_id=form.value("agency")
    )
    money = set_sum(qs, name) if name in SET_AMOUNTS else None
    qs = qs.select_related("enterprise", "enterprise__ward", "call", "contract")
    qs = qs.annotate(
        amount=SET_AMOUNTS.get(name, COMMITTED_AMOUNT),
        late=ExpressionWrapper(overdue_condition(timezone.localdate()), output_field=BooleanField()),
    ).order_by("-created_at", "-id")
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    title = DOSSIER_SETS.get(name) or _("Hồ sơ ở trạng thái “%(state)s”") % {"state": State(name).label}
    return render(
        request,
        "indicators/dossiers.html",
        {
            "title": title,
            "name": name,
            "money": money,
            "form": form,
            "page_obj": page,
            "query": form.query(),
            "today": timezone.localdate(),
            "filters_text": _filters_text(form),
        },
    )
