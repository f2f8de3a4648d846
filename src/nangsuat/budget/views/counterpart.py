"""The enterprises' counterpart funds (vốn đối ứng): the year's list beside the programme's support, its
workbook, and the officer's form for one dossier. An enterprise, or a user of another agency, gets 404; a
reader who may not record them (the director, Finance, administrators) gets 403 on the form."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.downloads import named_file_response
from nangsuat.core.errors import Refusal
from nangsuat.core.refusals import add_form_errors
from nangsuat.core.spreadsheets import XLSX_TYPE
from nangsuat.dossiers.models import Dossier

from .. import counterpart, selectors, services
from ..export import counterpart_workbook
from ..forms import CounterpartForm


def _reader(request) -> None:
    if not selectors.can_read_budget(request.user):
        raise Http404


@login_required
def counterpart_list(request, year: int | None = None):
    _reader(request)
    user = request.user
    if year is None:
        picked = request.GET.get("year", "")
        year = int(picked) if picked.isdigit() and 2000 <= int(picked) <= 2100 else timezone.localdate().year
    if not 2000 <= year <= 2100:
        raise Http404
    rows = counterpart.year_rows(user, year)
    years = sorted(
        {*counterpart.readable_dossiers(user).values_list("call__year", flat=True), year}, reverse=True
    )
    context = {
        "year": year,
        "years": years,
        "rows": rows,
        "totals": counterpart.totals(rows),
        "can_write": counterpart.may_write(user),
        "supported_states": counterpart.SUPPORTED,
    }
    return render(request, "budget/counterpart_list.html", context)


@login_required
def counterpart_xlsx(request, year: int):
    _reader(request)
    rows = counterpart.year_rows(request.user, year)
    content = counterpart_workbook(year, rows, counterpart.totals(rows))
    return named_file_response(
        io.BytesIO(content), filename=f"von-doi-ung-{year}.xlsx", content_type=XLSX_TYPE
    )


@login_required
def counterpart_edit(request, dossier_pk: int):
    """The officer records or changes a supported dossier's counterpart amount and note."""
    _reader(request)
    user = request.user
    dossier = (
        Dossier.objects.filter(agency_id=user.agency_id, pk=dossier_pk)
        .select_related("enterprise", "content", "call")
        .first()
    )
    if dossier is None or user.agency_id is None:
        raise Http404
    if not counterpart.may_write(user):
        raise PermissionDenied(_("Chỉ chuyên viên Sở KH&CN ghi nhận vốn đối ứng."))
    if dossier.state not in counterpart.SUPPORTED:
        raise Http404
    row = counterpart.row_for(user, dossier.pk)
    initial = {"amount_vnd": row.counterpart_vnd, "note": row.note} if row.fund else {}
    form = CounterpartForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_counterpart_fund(
                dossier=dossier,
                actor=user,
                amount_vnd=form.cleaned_data["amount_vnd"],
                note=form.cleaned_data["note"],
            )
        except (Refusal, ValidationError) as exc:
            add_form_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã ghi nhận vốn đối ứng của hồ sơ %(code)s.") % {"code": dossier.tracking_code},
            )
            return redirect("budget:counterpart_year", dossier.call.year)
    return render(request, "budget/counterpart_form.html", {"row": row, "dossier": dossier, "form": form})
