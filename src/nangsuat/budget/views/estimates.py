"""The estimates: the list, one estimate with its lines, versions and Finance's figures side by side, its
lines' edits, its steps and its workbook. An enterprise, or a user of another agency, gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.audit import action_label
from nangsuat.core.errors import Refusal
from nangsuat.core.refusals import message_of
from nangsuat.core.roles import DEPARTMENT, Role

from .. import selectors, services
from ..balances import line_balances, totals
from ..downloads import appraisal_file, estimate_file
from ..forms import DecisionForm, LineForm
from ..models import EstimateLine
from ..states import EDITABLE, Action, State
from ..workflow import WORKFLOW


def _reader(request) -> None:
    if not selectors.can_read_budget(request.user):
        raise Http404


@login_required
def estimate_list(request):
    _reader(request)
    user = request.user
    if request.method == "POST" and user.has_role(*DEPARTMENT):
        try:
            year = int(request.POST.get("year", ""))
            if not 2000 <= year <= 2100:
                raise ValueError
        except ValueError:
            messages.error(request, _("Năm không hợp lệ."))
            return redirect("budget:estimates")
        try:
            estimate = services.create_estimate(agency=user.agency, year=year, actor=user)
        except (Refusal, ValidationError) as exc:
            messages.error(request, message_of(exc))
            return redirect("budget:estimates")
        return redirect("budget:estimate", estimate.pk)
    estimates = list(selectors.visible_estimates(user).order_by("-year", "-version"))
    for e in estimates:
        e.total_vnd = sum(line.amount_vnd for line in e.lines.all())
    return render(
        request,
        "budget/estimate_list.html",
        {
            "estimates": estimates,
            "can_create": user.has_role(*DEPARTMENT),
            "next_year": timezone.localdate().year + 1,
        },
    )


@login_required
def estimate_detail(request, pk: int):
    _reader(request)
    user = request.user
    estimate = selectors.estimate_for(user, pk)
    balances = line_balances(estimate)
    editable = estimate.state in EDITABLE and user.has_role(*DEPARTMENT)
    actions = [
        (t, d)
        for t, d in WORKFLOW.available_actions(user, estimate)
        if t.action not in ("appraise", "approve")
    ]
    context = {
        "estimate": estimate,
        "balances": balances,
        "totals": totals(balances),
        "appraised_total": sum(b.line.approved_vnd for b in balances),
        "versions": selectors.versions_of(estimate, user),
        "editable": editable,
        "line_form": LineForm() if editable else None,
        "actions": actions,
        "can_appraise": user.role == Role.FINANCE and estimate.state == State.SUBMITTED,
        "can_approve": user.role == Role.OFFICER and estimate.state == State.SENT_TO_CITY,
        "decision_form": DecisionForm(),
        "can_adjust": estimate.state == State.APPROVED and user.has_role(*DEPARTMENT),
        "history": _history(estimate),
    }
    return render(request, "budget/estimate_detail.html", context)


def _history(estimate) -> list:
    """The audit entries with their words: a step by the estimate's own labels (``submit`` here is not a
    dossier's submission), any other entry by the label its app registered."""
    entries = list(selectors.estimate_history(estimate))
    for entry in entries:
        entry.label = (  # type: ignore[attr-defined]
            Action(entry.action).label if entry.action in Action.values else action_label(entry.action)
        )
    return entries


@login_required
@require_POST
def line_save(request, pk: int, line_pk: int | None = None):
    _reader(request)
    estimate = selectors.estimate_for(request.user, pk)
    line = get_object_or_404(EstimateLine, estimate=estimate, pk=line_pk) if line_pk else None
    form = LineForm(request.POST)
    if not form.is_valid():
        messages.error(request, message_of(ValidationError(form.errors)))
        return redirect("budget:estimate", pk)
    try:
        services.save_line(estimate=estimate, actor=request.user, data=form.cleaned_data, line=line)
    except (Refusal, ValidationError) as exc:
        messages.error(request, message_of(exc))
    return redirect("budget:estimate", pk)


@login_required
@require_POST
def line_delete(request, pk: int, line_pk: int):
    _reader(request)
    estimate = selectors.estimate_for(request.user, pk)
    line = get_object_or_404(EstimateLine, estimate=estimate, pk=line_pk)
    try:
        services.delete_line(line=line, actor=request.user)
    except Refusal as exc:
        messages.error(request, message_of(exc))
    return redirect("budget:estimate", pk)


def _appraisal_lines(request, estimate) -> list[dict]:
    """The page's fields ``amount_<id>`` and ``note_<id>`` as the API's ``lines``."""
    lines = []
    for line in estimate.lines.all():
        raw = (request.POST.get(f"amount_{line.pk}") or "").replace(".", "").replace(" ", "")
        if raw and not raw.isdigit():
            raise ValidationError({"lines": _("Số tiền thẩm định phải là số nguyên đồng.")})
        lines.append(
            {
                "id": line.pk,
                "appraised_amount_vnd": int(raw) if raw else None,
                "note": request.POST.get(f"note_{line.pk}", ""),
            }
        )
    return lines


@login_required
@require_POST
def estimate_action(request, pk: int, action: str):
    _reader(request)
    estimate = selectors.estimate_for(request.user, pk)
    note = request.POST.get("note", "")
    try:
        if action == "appraise":
            services.act(
                estimate=estimate,
                action=action,
                actor=request.user,
                note=note,
                payload={"lines": _appraisal_lines(request, estimate)},
            )
        else:
            services.act(
                estimate=estimate,
                action=action,
                actor=request.user,
                note=note,
                data=request.POST,
                files=request.FILES,
            )
    except (Refusal, ValidationError) as exc:
        messages.error(request, message_of(exc))
    else:
        messages.success(
            request, _("Đã thực hiện: %(action)s.") % {"action": WORKFLOW.by_action[action].label}
        )
    return redirect("budget:estimate", pk)


@login_required
@require_POST
def estimate_adjust(request, pk: int):
    _reader(request)
    estimate = selectors.estimate_for(request.user, pk)
    try:
        adjustment = services.create_adjustment(estimate=estimate, actor=request.user)
    except Refusal as exc:
        messages.error(request, message_of(exc))
        return redirect("budget:estimate", pk)
    return redirect("budget:estimate", adjustment.pk)


@login_required
def estimate_xlsx(request, pk: int):
    _reader(request)
    return estimate_file(selectors.estimate_for(request.user, pk), "xlsx")


@login_required
def estimate_docx(request, pk: int):
    """The estimate as sent to Finance (the register's document), or a draft while it is being written."""
    _reader(request)
    return estimate_file(selectors.estimate_for(request.user, pk), "docx")


@login_required
def appraisal_docx(request, pk: int):
    """Finance's appraisal, once it has appraised (its number left for Finance's own register)."""
    _reader(request)
    return appraisal_file(selectors.estimate_for(request.user, pk), "docx")


@login_required
def appraisal_xlsx(request, pk: int):
    """Finance's appraisal as a workbook: planned, appraised, difference and note per line, with totals."""
    _reader(request)
    return appraisal_file(selectors.estimate_for(request.user, pk), "xlsx")
