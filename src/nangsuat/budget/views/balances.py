"""The year's budget: planned, approved, committed, paid and remaining per line and per content, a chart,
and the director's leave to commit beyond a line's balance."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.activities.models import Course, Event
from nangsuat.core.errors import Refusal
from nangsuat.core.formatting import format_vnd
from nangsuat.core.refusals import message_of
from nangsuat.core.roles import DEPARTMENT, Role
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State as DossierState

from .. import counterpart, selectors, services
from ..balances import by_content, line_balances, totals
from ..charts import budget_chart
from ..forms import OverrideForm
from ..models import CommitmentOverride, Estimate, EstimateLine, Spending
from ..states import State


def _year_estimate(user, year: int) -> Estimate | None:
    """The year's approved version, or else its latest one this user may read."""
    rows = selectors.visible_estimates(user).filter(year=year)
    return rows.filter(state=State.APPROVED).first() or rows.order_by("-version").first()


@login_required
def budget_year(request, year: int | None = None):
    user = request.user
    if not selectors.can_read_budget(user):
        raise Http404
    if year is None:
        picked = request.GET.get("year", "")
        year = int(picked) if picked.isdigit() and 2000 <= int(picked) <= 2100 else timezone.localdate().year
    estimate = _year_estimate(user, year)
    balances = line_balances(estimate) if estimate else []
    groups = by_content(balances)
    is_director = user.role == Role.DIRECTOR
    context = {
        "year": year,
        "years": sorted(
            {*selectors.visible_estimates(user).values_list("year", flat=True), year}, reverse=True
        ),
        "estimate": estimate,
        "balances": balances,
        "groups": groups,
        "totals": totals(balances),
        "chart": mark_safe(budget_chart(groups).decode())
        if groups
        else "",  # drawn by us, no user text unescaped
        "override_form": OverrideForm() if is_director else None,
        "awaiting": Dossier.objects.filter(
            agency_id=user.agency_id, state=DossierState.ASSIGNED, call__year=year
        ).select_related("enterprise")
        if is_director
        else [],
        "activities": _unspent_activities(user, year) if estimate and user.has_role(*DEPARTMENT) else [],
        "counterpart": counterpart.agency_year_totals(user.agency_id, year) if user.agency_id else None,
        "overrides": CommitmentOverride.objects.filter(
            agency_id=user.agency_id, dossier__call__year=year
        ).select_related("dossier", "decided_by"),
    }
    return render(request, "budget/budget_year.html", context)


@login_required
@require_POST
def allow_overrun(request, year: int):
    user = request.user
    if not selectors.can_read_budget(user):
        raise Http404
    dossier = Dossier.objects.filter(agency_id=user.agency_id, pk=request.POST.get("dossier") or 0).first()
    if dossier is None:
        messages.error(request, _("Vui lòng chọn hồ sơ."))
        return redirect("budget:year", year)
    try:
        services.allow_overrun(dossier=dossier, director=user, reason=request.POST.get("reason", ""))
    except (Refusal, ValidationError) as exc:
        messages.error(request, message_of(exc))
    else:
        messages.success(
            request, _("Đã cho phép hồ sơ %(code)s vượt số dư.") % {"code": dossier.tracking_code}
        )
    return redirect("budget:year", year)


def _unspent_activities(user, year: int) -> list[tuple[str, str]]:
    """The agency's courses and events of the year not yet spent on a line: ("course:12", label)."""
    spent_courses = Spending.objects.filter(course__isnull=False).values("course_id")
    spent_events = Spending.objects.filter(event__isnull=False).values("event_id")
    courses = Course.objects.filter(agency_id=user.agency_id, year=year).exclude(pk__in=spent_courses)
    events = Event.objects.filter(agency_id=user.agency_id, held_on__year=year).exclude(pk__in=spent_events)
    return [(f"course:{c.pk}", f"{c.title} ({format_vnd(c.cost_vnd)})") for c in courses] + [
        (f"event:{e.pk}", f"{e.title} ({format_vnd(e.cost_vnd)})") for e in events
    ]


@login_required
@require_POST
def spend(request, year: int):
    """A course's or an event's cost, spent on a line of the year's approved budget."""
    user = request.user
    if not selectors.can_read_budget(user):
        raise Http404
    line = EstimateLine.objects.filter(
        pk=request.POST.get("line") or 0, estimate__agency_id=user.agency_id, estimate__year=year
    ).first()
    kind, _sep, pk = (request.POST.get("activity") or "").partition(":")
    model = {"course": Course, "event": Event}.get(kind)
    record = (
        model.objects.filter(agency_id=user.agency_id, pk=pk if pk.isdigit() else 0).first()
        if model
        else None
    )
    if line is None or record is None:
        messages.error(request, _("Vui lòng chọn dòng dự toán và hoạt động."))
        return redirect("budget:year", year)
    try:
        services.spend_on_activity(line=line, actor=user, **{kind: record})
    except (Refusal, ValidationError) as exc:
        messages.error(request, message_of(exc))
    else:
        messages.success(request, _("Đã ghi nhận khoản chi."))
    return redirect("budget:year", year)
