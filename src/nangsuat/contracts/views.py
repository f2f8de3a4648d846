"""Contract pages (list, detail, progress reports, completion request) and the city list pages
(the director proposes within budget; the officer records the city's decision). Thin views: a form,
one service or ``workflow.perform`` call, a render."""

from __future__ import annotations

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.errors import Refusal
from nangsuat.core.refusals import add_form_errors, message_of, refuse
from nangsuat.core.roles import AGENCY_READERS, CITY_LIST_READERS, Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.services import dossiers as dossier_services
from nangsuat.dossiers.states import State
from nangsuat.dossiers.uploads import file_download

from . import selectors, services
from .forms import CityDecisionForm, CompletionRequestForm, ProgressReportForm
from .models import CompletionEvidence


@login_required
def contract_list(request):
    if not request.user.has_role(Role.ENTERPRISE, *AGENCY_READERS):
        raise PermissionDenied
    q, state, sort = request.GET.get("q", ""), request.GET.get("state", ""), request.GET.get("sort", "")
    qs = selectors.contract_list(request.user, q=q, state=state, sort=sort)
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    states = [
        (s, State(s).label)
        for s in (
            State.CONTRACTED,
            State.IN_PROGRESS,
            State.COMPLETION_REQUESTED,
            State.INSPECTED,
            State.ACCEPTED,
            State.NOT_ACCEPTED,
            State.LIQUIDATED,
            State.PAID,
            State.TERMINATED,
        )
    ]
    template = "contracts/_contract_table.html" if request.htmx else "contracts/contract_list.html"
    return render(
        request, template, {"page_obj": page, "q": q, "state": state, "sort": sort, "states": states}
    )


def _contract(request, pk):
    return get_object_or_404(selectors.contracts_for(request.user), pk=pk)


@login_required
def contract_detail(request, pk, *, report_form=None, status=200):
    contract = _contract(request, pk)
    dossier = contract.dossier
    is_enterprise = request.user.role == Role.ENTERPRISE
    can_report = is_enterprise and dossier.state in services.REPORTING_STATES
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
            "limit": services.support_limit(dossier),
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


# --- The city list ----------------------------------------------------------------------------------


@login_required
def city_index(request):
    if not request.user.has_role(*CITY_LIST_READERS):
        raise PermissionDenied
    calls = selectors.city_calls(request.user).order_by("-year", "-registration_opens")
    return render(request, "contracts/city_index.html", {"calls": calls})


def _city_call(request, call_pk):
    return get_object_or_404(selectors.city_calls(request.user), pk=call_pk)


def _running_total(call, rows, selected_ids):
    committed = services.committed_total(call)
    selected = sum(r.amount for r in rows if not r.proposed and r.dossier.pk in selected_ids)
    total = committed + selected
    return {
        "committed": committed,
        "selected": selected,
        "total": total,
        "budget": call.budget_vnd,
        "remaining": call.budget_vnd - total,
        "over": total > call.budget_vnd,
        "over_by": total - call.budget_vnd,
        "percent": min(100, total * 100 // call.budget_vnd) if call.budget_vnd else 100,
    }


def _ids(values) -> set[int]:
    return {int(v) for v in values if str(v).isdigit()}


@login_required
def city_list(request, call_pk):
    call = _city_call(request, call_pk)
    rows = selectors.city_rows(call)
    return render(
        request,
        "contracts/city_list.html",
        {
            "call": call,
            "rows": rows,
            "totals": _running_total(call, rows, set()),
            "open_count": sum(1 for r in rows if not r.proposed),
            "can_propose": request.user.has_role(Role.DIRECTOR) and request.user.agency_id == call.agency_id,
            "can_record": request.user.has_role(Role.OFFICER) and request.user.agency_id == call.agency_id,
        },
    )


@login_required
def city_total(request, call_pk):
    """The running total for the ticked dossiers (htmx partial)."""
    call = _city_call(request, call_pk)
    rows = selectors.city_rows(call)
    totals = _running_total(call, rows, _ids(request.GET.getlist("dossier")))
    return render(request, "contracts/_city_total.html", {"call": call, "totals": totals})


@login_required
@require_POST
def city_propose(request, call_pk):
    call = _city_call(request, call_pk)
    ids = _ids(request.POST.getlist("dossier"))
    if not ids:
        messages.error(request, _("Vui lòng chọn ít nhất một hồ sơ để trình."))
        return redirect("submissions:call", call_pk=call.pk)
    done, refused, document = services.propose_to_city(call=call, dossier_ids=ids, actor=request.user)
    if done:
        messages.success(
            request,
            _("Đã trình UBND thành phố %(n)s hồ sơ (Tờ trình số %(number)s): %(list)s.")
            % {"n": len(done), "number": document.number, "list": ", ".join(str(d) for d in done)},
        )
    for line in refused:
        messages.error(request, line)
    return redirect("submissions:call", call_pk=call.pk)


@login_required
def city_decision(request, call_pk):
    """The officer records the city's decision (number, date, file) for each dossier on the list."""
    call = _city_call(request, call_pk)
    if not (request.user.has_role(Role.OFFICER) and request.user.agency_id == call.agency_id):
        raise PermissionDenied
    rows = [r for r in selectors.city_rows(call) if r.dossier.state == State.PROPOSED]
    form = CityDecisionForm(request.POST or None, request.FILES or None)
    choices = {r.dossier.pk: request.POST.get(f"decision_{r.dossier.pk}", "") for r in rows}
    reasons = {r.dossier.pk: request.POST.get(f"reason_{r.dossier.pk}", "").strip() for r in rows}
    for r in rows:
        r.choice, r.reason = choices[r.dossier.pk], reasons[r.dossier.pk]
    if request.method == "POST" and form.is_valid():
        chosen = [r for r in rows if r.choice in ("approve", "not_approve")]
        if not chosen:
            form.add_error(None, _("Vui lòng chọn kết quả cho ít nhất một hồ sơ."))
        else:
            done, refused = 0, []
            for r in chosen:
                payload = dict(form.cleaned_data)
                if payload.get("decision_file"):
                    payload["decision_file"].seek(0)
                try:
                    dossier_services.act(
                        dossier=r.dossier, action=r.choice, actor=request.user, note=r.reason, payload=payload
                    )
                    done += 1
                except (Refusal, ValidationError) as exc:
                    refused.append(f"{r.dossier}: {message_of(exc)}")
            if done:
                messages.success(request, _("Đã ghi nhận quyết định cho %(n)s hồ sơ.") % {"n": done})
            for line in refused:
                messages.error(request, line)
            return redirect("submissions:call", call_pk=call.pk)
    return render(
        request,
        "contracts/city_decision.html",
        {"call": call, "rows": rows, "form": form},
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
