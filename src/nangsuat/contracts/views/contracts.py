"""Contract pages: the list, one contract with its steps, the enterprise's progress reports and
completion request, and the contract's files. Thin views: a form, one service or
``dossier_services.act`` call, a render."""

from __future__ import annotations

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.downloads import content_disposition
from nangsuat.core.errors import Refusal
from nangsuat.core.pagination import CappedPaginator
from nangsuat.core.refusals import add_form_errors, refuse
from nangsuat.core.roles import AGENCY_READERS, Role
from nangsuat.core.spreadsheets import XLSX_TYPE
from nangsuat.dossiers import workflow
from nangsuat.dossiers.services import dossiers as dossier_services
from nangsuat.dossiers.states import State
from nangsuat.dossiers.uploads import file_download

from .. import amounts, selectors, services
from ..export import contracts_workbook
from ..forms import CompletionRequestForm, ProgressReportForm
from ..models import CompletionEvidence
from ..states import CONTRACT_LIST_STATES, REPORTING_STATES

EXPORT_LIMIT = 20_000


@login_required
def contract_list(request):
    if not request.user.has_role(Role.ENTERPRISE, *AGENCY_READERS):
        raise PermissionDenied
    q, state, sort = request.GET.get("q", ""), request.GET.get("state", ""), request.GET.get("sort", "")
    qs = selectors.contract_list(request.user, q=q, state=state, sort=sort)
    # Counts at most 10,000 contracts, and reads only what the rows draw.
    qs = qs.select_related(None).select_related("dossier__enterprise", "dossier__content")
    page = CappedPaginator(qs.only(*selectors.TABLE_COLUMNS), 20).get_page(request.GET.get("page"))
    states = [(s, State(s).label) for s in CONTRACT_LIST_STATES]
    template = "contracts/_contract_table.html" if request.htmx else "contracts/contract_list.html"
    return render(
        request, template, {"page_obj": page, "q": q, "state": state, "sort": sort, "states": states}
    )


@login_required
def contract_export(request):
    """The list's contracts, with its search and state filter, as an Excel workbook."""
    if not request.user.has_role(Role.ENTERPRISE, *AGENCY_READERS):
        raise PermissionDenied
    q, state = request.GET.get("q", ""), request.GET.get("state", "")
    qs = selectors.contract_list(request.user, q=q, state=state, sort=request.GET.get("sort", ""))
    content = contracts_workbook(qs[:EXPORT_LIMIT], q=q, state=state)
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition(f"hop-dong-{timezone.localdate():%Y%m%d}.xlsx")
    return response


def _contract(request, pk):
    return get_object_or_404(selectors.contracts_for(request.user), pk=pk)


@login_required
def contract_detail(request, pk, *, report_form=None, status=200):
    contract = _contract(request, pk)
    dossier = contract.dossier
    is_enterprise = request.user.role == Role.ENTERPRISE
    can_report = is_enterprise and dossier.state in REPORTING_STATES
    available = workflow.available_actions(request.user, dossier)
    can_request = is_enterprise and any(t.action == "request_completion" and d.allowed for t, d in available)
    staff_actions = [] if is_enterprise else available
    return render(
        request,
        "contracts/contract_detail.html",
        {
            "contract": contract,
            "dossier": dossier,
            "reports": contract.progress_reports.all(),
            "completion": getattr(contract, "completion_request", None),
            "acceptance": getattr(contract, "acceptance", None),
            "liquidation": getattr(contract, "liquidation", None),
            "payment": getattr(contract, "payment", None),
            "termination": getattr(contract, "termination", None),
            "assignment": getattr(dossier, "assignment", None),
            "city_item": getattr(dossier, "city_item", None),
            "limit": amounts.support_limit(dossier),
            "report_form": report_form or (ProgressReportForm() if can_report else None),
            "can_request": can_request,
            "staff_actions": staff_actions,
        },
        status=status,
    )


@login_required
@require_POST
def progress_add(request, pk):
    contract = _contract(request, pk)
    form = ProgressReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_progress_report(contract=contract, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_form_errors(form, exc)
        except Refusal as exc:
            refuse(request, exc)
            return redirect("contracts:detail", pk=pk)
        else:
            messages.success(request, _("Đã gửi báo cáo tiến độ."))
            return redirect("contracts:detail", pk=pk)
    return contract_detail(request, pk, report_form=form, status=400)


@login_required
def completion_request(request, pk):
    """The enterprise's acceptance request: self-assessment and evidence → ``request_completion``."""
    contract = _contract(request, pk)
    if request.user.role != Role.ENTERPRISE:
        raise PermissionDenied
    form = CompletionRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier_services.act(
                dossier=contract.dossier,
                action="request_completion",
                actor=request.user,
                payload=form.cleaned_data,
            )
        except (ValidationError, Refusal) as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã gửi đề nghị nghiệm thu."))
            return redirect("contracts:detail", pk=pk)
    return render(
        request,
        "contracts/completion_form.html",
        {"contract": contract, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def report_file(request, pk, report_pk):
    """A progress report's file, to whoever may see the contract."""
    report = get_object_or_404(_contract(request, pk).progress_reports, pk=report_pk)
    return file_download(report.file, f"bao-cao-tien-do-{report.pk}{os.path.splitext(report.file.name)[1]}")


@login_required
def evidence_file(request, pk, evidence_pk):
    contract = _contract(request, pk)
    evidence = get_object_or_404(CompletionEvidence, pk=evidence_pk, request__contract=contract)
    return file_download(evidence.file, evidence.original_name)


@login_required
def decision_file(request, pk):
    """The city's decision file recorded for the contract's dossier."""
    contract = _contract(request, pk)
    item = getattr(contract.dossier, "city_item", None)
    if item is None:
        raise Http404
    extension = os.path.splitext(item.decision_file.name)[1]
    return file_download(
        item.decision_file, f"quyet-dinh-ubnd-{slugify(item.decision_number) or item.pk}{extension}"
    )
