"""The productivity pages: an enterprise's figures, indicators and before/after against its peers; the
benchmark table with its filters and distribution charts (one page for everyone: small cells suppressed
outside the agency's staff), its export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.models import Agency
from nangsuat.core.refusals import refuse
from nangsuat.core.spreadsheets import filters_line
from nangsuat.reference.models import VsicCode
from nangsuat.registry.models import Enterprise, SizeClass
from nangsuat.registry.permissions import can_edit_enterprise
from nangsuat.registry.selectors import visible_enterprises

from . import benchmarks, charts, selectors, services
from .exports import benchmark_workbook
from .forms import BenchmarkFilterForm, FiguresForm
from .models import ALL


def _page_agency(request) -> Agency | None:
    code = request.GET.get("agency", "")
    if code:
        return Agency.objects.filter(code=code).first()
    user = request.user
    if user.is_authenticated and user.agency_id:
        return user.agency
    return Agency.objects.order_by("pk").first()


def _viewer(request, agency: Agency):
    user = request.user if request.user.is_authenticated else None
    if user is not None and not user.sees_all_agencies and user.agency_id != agency.pk:
        return None  # another agency's staff read this agency's table as the public does
    return user


def _benchmark_context(request):
    agency = _page_agency(request)
    if agency is None:
        raise Http404(_("Không có cơ quan thực hiện với mã này."))
    years = benchmarks.years_of(agency.pk)
    sections = list(VsicCode.objects.filter(level=1).order_by("code").values_list("code", "name"))
    form = BenchmarkFilterForm(
        request.GET or None, years=years, sections=sections, province_code=agency.province_code
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    year = filters.get("year") or (years[0] if years else None)
    section, size, ward = (filters.get(k) or ALL for k in ("vsic_section", "size_class", "ward"))
    viewer = _viewer(request, agency)
    cells = (
        benchmarks.cells_of(
            agency_id=agency.pk, user=viewer, year=year, vsic_section=section, size_class=size, ward=ward
        )
        if year
        else []
    )
    labels = dict(sections)
    used = [
        (_("Năm"), year),
        (_("Ngành cấp 1"), labels.get(section, "")),
        (_("Quy mô"), dict(SizeClass.choices).get(size, "")),
        (_("Xã, phường"), dict(form.fields["ward"].choices).get(ward, "") if ward else ""),
    ]
    return {
        "agency": agency,
        "form": form,
        "year": year,
        "cells": cells,
        "used": used,
        "section": section,
        "size": size,
        "ward": ward,
        "labels": labels,
        "viewer": viewer,
        "full": benchmarks.can_see_small_cells(viewer),
        "min_cell": benchmarks.MIN_CELL,
        "refreshed_at": benchmarks.refreshed_at(agency.pk),
    }


def _distributions(context) -> list[dict]:
    """Labour productivity by section (or by size class inside a section) as ranges from the first to the
    third quartile with the median marked, drawn in HTML (one query, no image): shown cells only."""
    if not context["year"]:
        return []
    filters = {"vsic_section": context["section"], "size_class": context["size"], "ward": context["ward"]}
    if context["section"] == ALL:
        by, labels = "vsic_section", context["labels"]
        title = _("Năng suất lao động theo ngành (triệu đồng/người)")
    else:
        by, labels = "size_class", dict(SizeClass.choices)
        title = _("Năng suất lao động theo quy mô (triệu đồng/người)")
    cells = benchmarks.distribution(
        agency_id=context["agency"].pk, user=context["viewer"], year=context["year"], by=by, filters=filters
    )
    if not cells:
        return []
    order = list(labels)
    cells.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    top = max(cell.p75 for _code, cell in cells) or 1
    rows = [
        {
            "label": str(labels.get(code, code)),
            "cell": cell,
            "left": round(max(cell.p25, 0) / top * 100, 1),
            "width": round(max(cell.p75 - max(cell.p25, 0), 0) / top * 100, 1),
            "mark": round(max(cell.median, 0) / top * 100, 1),
            "median_m": round(cell.median / 1e6),
        }
        for code, cell in cells
    ]
    return [{"title": title, "rows": rows}]


def benchmark_table(request):
    context = _benchmark_context(request)
    context["charts"] = _distributions(context)
    context["query"] = request.GET.urlencode()
    return render(request, "productivity/benchmarks.html", context)


def benchmark_export(request):
    context = _benchmark_context(request)
    handle = benchmark_workbook(
        context["cells"], filters=filters_line(context["used"]), min_cell=context["min_cell"]
    )
    return FileResponse(handle, as_attachment=True, filename=f"chuan-nang-suat-{context['year'] or ''}.xlsx")


def _enterprise_or_404(request, pk: int) -> Enterprise:
    return get_object_or_404(
        visible_enterprises(request.user).select_related("agency", "vsic", "ward"), pk=pk
    )


@login_required
def enterprise_productivity(request, pk: int):
    enterprise = _enterprise_or_404(request, pk)
    can_edit = bool(can_edit_enterprise(request.user, enterprise))
    form = FiguresForm(request.POST or None, initial={"year": _last_year()}) if can_edit else None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("Vai trò của bạn chỉ được xem số liệu."))
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "year" and v not in ("", None)}
            try:
                services.save_figures(
                    actor=request.user, enterprise=enterprise, year=form.cleaned_data["year"], data=data
                )
            except ValidationError as exc:
                refuse(request, exc, form)
            else:
                messages.success(
                    request, _("Đã lưu số liệu năng suất năm %(year)s.") % {"year": form.cleaned_data["year"]}
                )
                return redirect("productivity:enterprise", enterprise.pk)
    years = selectors.enterprise_years(enterprise)
    context = {
        "enterprise": enterprise,
        "years": years,
        "form": form,
        "can_edit": can_edit,
        "trend": trend_svg(enterprise, years, request.user),
        "before_after": [
            (d, selectors.before_after(d, request.user)) for d in selectors.supported_dossiers_of(enterprise)
        ],
    }
    return render(request, "productivity/enterprise.html", context)


def _last_year() -> int:
    return timezone.localdate().year - 1


def trend_svg(enterprise: Enterprise, years, user) -> str:
    rows = [r for r in years if r.figures is not None]
    if not rows:
        return ""
    full = benchmarks.can_see_small_cells(user)
    peers = benchmarks.peer_quartiles(
        agency_id=enterprise.agency_id,
        vsic_section=enterprise.vsic_section,
        size_class=enterprise.size_class,
        full=full,
    )
    return charts.trend_chart(
        [r.year for r in rows],
        [r.measures.get("labour_productivity") for r in rows],
        [peers.get(r.year) for r in rows],
    ).decode()
