"""The reports' pages: the list, a new draft, a report with its narrative to edit, its files, signing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from nangsuat.core.errors import Refusal
from nangsuat.core.permissions import require
from nangsuat.core.refusals import refuse

from . import selectors, services
from .downloads import report_file
from .figures import figures_of
from .forms import NarrativeForm, ReportCreateForm, ReportFilters
from .kinds import ReportKind
from .models import SECTIONS, Report
from .narrative import number, percent


def _report(request, pk: int) -> Report:
    require(selectors.can_read_reports(request.user))
    return get_object_or_404(selectors.visible_reports(request.user), pk=pk)


@login_required
def report_list(request):
    require(selectors.can_read_reports(request.user))
    form = ReportFilters(request.GET or None)
    f = form.cleaned_data if form.is_valid() else {}
    qs = selectors.filtered(
        selectors.visible_reports(request.user),
        kind=f.get("kind") or "",
        year=f.get("year"),
        state=f.get("state") or "",
    )
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/list.html",
        {
            "form": form,
            "page_obj": page,
            "reports": page.object_list,
            "can_write": bool(selectors.can_write_reports(request.user)),
            "query": query.urlencode(),
        },
    )


@login_required
def report_create(request):
    require(selectors.can_write_reports(request.user))
    form = ReportCreateForm(
        request.POST or None, initial={"kind": request.GET.get("kind") or ReportKind.ANNUAL}
    )
    if request.method == "POST" and form.is_valid():
        try:
            report, created = services.create_report(
                actor=request.user, kind=form.cleaned_data["kind"], year=form.cleaned_data["year"]
            )
        except (ValidationError, Refusal) as exc:
            refuse(request, exc, form)
        else:
            if created:
                messages.success(request, _("Đã lập dự thảo %(report)s.") % {"report": report})
            else:
                messages.info(request, _("%(report)s đã có; mở bản đã lập.") % {"report": report})
            return redirect("reports:detail", report.pk)
    return render(request, "reports/create.html", {"form": form})


def _figure_rows(figures: dict) -> list[dict]:
    return [
        {
            **row,
            "values_text": [number(v) for v in row["values"]],
            "target_text": number(row["target"]),
            "total_text": number(row["total"]),
            "share_text": percent(row["share"]),
            "bar": round(min(row["share"] or 0, 100)),  # an integer: a CSS width, never "0,4"
        }
        for row in figures["indicators"]
    ]


@login_required
def report_detail(request, pk: int):
    report = _report(request, pk)
    editable = selectors.can_edit(request.user, report)
    form = NarrativeForm(request.POST or None, instance=report) if editable else None
    if request.method == "POST":
        if form is None:
            refuse(request, Refusal(editable.reason))
            return redirect("reports:detail", report.pk)
        if form.is_valid():
            try:
                services.save_narrative(report=report, actor=request.user, sections=form.cleaned_data)
            except Refusal as exc:
                refuse(request, exc)
            else:
                messages.success(request, _("Đã lưu nội dung báo cáo."))
            return redirect("reports:detail", report.pk)
    if report.is_signed and report.document is not None:
        figures = report.document.data.get("figures") or {}
        sections = report.document.data.get("narrative") or report.narrative()
    else:
        figures = figures_of(report.agency_id, report.kind, report.year)
        sections = report.narrative()
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "form": form,
            "can_sign": bool(selectors.can_sign(request.user, report)),
            "figures": figures,
            "rows": _figure_rows(figures),
            "sections": [(heading, sections.get(name, "")) for name, heading in SECTIONS],
        },
    )


@login_required
def report_docx(request, pk: int):
    return report_file(_report(request, pk), "docx")


@login_required
def report_xlsx(request, pk: int):
    return report_file(_report(request, pk), "xlsx")


@login_required
def report_sign(request, pk: int):
    """The director's confirmation, then the signature: the number and the frozen files cannot be undone."""
    report = _report(request, pk)
    if report.is_signed:
        messages.info(request, _("Báo cáo đã được ký."))
        return redirect("reports:detail", report.pk)
    require(selectors.can_sign(request.user, report))
    if request.method == "POST":
        try:
            report = services.sign_report(report=report, actor=request.user)
        except Refusal as exc:
            refuse(request, exc)
        else:
            messages.success(
                request,
                _("Đã ký %(report)s, số %(number)s.") % {"report": report, "number": report.document.number},
            )
        return redirect("reports:detail", report.pk)
    return render(request, "reports/sign.html", {"report": report})
