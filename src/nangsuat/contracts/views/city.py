"""The city list pages (Trình UBND thành phố): the director proposes the recommended dossiers within
the call's budget; the officer records the city's decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.downloads import content_disposition
from nangsuat.core.roles import CITY_LIST_READERS, Role
from nangsuat.core.spreadsheets import XLSX_TYPE
from nangsuat.dossiers.states import State

from .. import amounts, selectors, services
from ..export import city_list_workbook
from ..forms import CityDecisionForm


@login_required
def city_index(request):
    if not request.user.has_role(*CITY_LIST_READERS):
        raise PermissionDenied
    calls = selectors.city_calls(request.user).order_by("-year", "-registration_opens")
    return render(request, "contracts/city_index.html", {"calls": calls})


def _city_call(request, call_pk):
    return get_object_or_404(selectors.city_calls(request.user), pk=call_pk)


def _running_total(call, rows, selected_ids):
    committed = amounts.committed_total(call)
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
def city_export(request, call_pk):
    """The call's list, in the council's rank order, as an Excel workbook."""
    call = _city_call(request, call_pk)
    response = HttpResponse(city_list_workbook(call, selectors.city_rows(call)), content_type=XLSX_TYPE)
    name = _("Danh sách trình UBND %(call)s.xlsx") % {"call": call.title}
    response["Content-Disposition"] = content_disposition(name)
    return response


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
            done, refused = services.record_city_decisions(
                decisions=[(r.dossier, r.choice, r.reason) for r in chosen],
                actor=request.user,
                payload=form.cleaned_data,
            )
            if done:
                messages.success(request, _("Đã ghi nhận quyết định cho %(n)s hồ sơ.") % {"n": len(done)})
            for line in refused:
                messages.error(request, line)
            return redirect("submissions:call", call_pk=call.pk)
    return render(
        request,
        "contracts/city_decision.html",
        {"call": call, "rows": rows, "form": form},
        status=400 if form.errors else 200,
    )
