"""Council pages: officers manage councils; members declare and score; the secretary follows and closes.

Thin views: they parse a form, call one service or the workflow, and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.errors import Refusal
from nangsuat.core.refusals import message_of, refuse, refuse_form
from nangsuat.core.roles import COUNCIL_FOLLOWERS, COUNCIL_SEATS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.dossiers.services import dossiers as dossier_services

from . import selectors, services
from .forms import ConflictForm, CouncilForm, MemberForm
from .guidance import guidance_for
from .models import COUNCIL_MIN_MEMBERS, CouncilMember, ScoreSheet


def _council(request, pk):
    return get_object_or_404(selectors.councils_for(request.user), pk=pk)


@login_required
def council_index(request):
    """Members: their assigned dossiers; officers and directors: the agency's councils."""
    user = request.user
    sheets = selectors.sheets_of(user)
    councils = (
        selectors.councils_for(user)
        .annotate(n_dossiers=Count("results", distinct=True))
        .order_by("-call__year", "-created_at")
    )
    if not user.has_role(*COUNCIL_FOLLOWERS, *COUNCIL_SEATS):
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status in ScoreSheet.Status.values:
        sheets = sheets.filter(status=status)
    page = Paginator(sheets, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "councils/index.html",
        {
            "sheets_page": page,
            "councils": councils,
            "statuses": ScoreSheet.Status.choices,
            "status": status,
            "can_create": user.has_role(Role.OFFICER),
        },
    )


@login_required
def council_create(request):
    if not request.user.has_role(Role.OFFICER):
        raise PermissionDenied
    calls = scope_to_agency(Call.objects.all(), request.user)
    form = CouncilForm(request.POST or None, calls=calls)
    if request.method == "POST" and form.is_valid():
        try:
            council = services.create_council(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Đã thành lập hội đồng. Hãy thêm thành viên."))
            return redirect("councils:detail", pk=council.pk)
    return render(request, "councils/council_form.html", {"form": form})


@login_required
def council_detail(request, pk):
    council = _council(request, pk)
    user = request.user
    follow = selectors.can_follow(user, council)
    manage = selectors.can_manage(user, council)
    seat = selectors.seat_of(user, council)
    rows = selectors.council_results(council) if follow else []
    for row in rows:
        row.actions = (
            [
                (t, d)
                for t, d in workflow.available_actions(user, row.dossier)
                if t.action in ("recommend", "not_recommend")
            ]
            if row.dossier.state == "in_council"
            else []
        )
    member_form = MemberForm(users=selectors.member_users(council)) if manage else None
    my_sheets = {s.dossier_id: s for s in ScoreSheet.objects.filter(member=seat)} if seat else {}
    return render(
        request,
        "councils/council_detail.html",
        {
            "council": council,
            "members": council.members.select_related("user").order_by("id"),
            "rows": rows,
            "follow": follow,
            "manage": manage,
            "seat": seat,
            "my_sheets": my_sheets,
            "member_form": member_form,
            "criteria": list(council.call.criteria.all()),
            "min_members": COUNCIL_MIN_MEMBERS,
            "eligible": selectors.eligible_council(council.call) == council,
        },
    )


@login_required
@require_POST
def member_add(request, pk):
    council = _council(request, pk)
    form = MemberForm(request.POST, users=selectors.member_users(council))
    if form.is_valid():
        try:
            services.add_member(council=council, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Đã thêm thành viên."))
        except (ValidationError, Refusal) as exc:
            refuse(request, exc)
    else:
        refuse_form(request, form)
    return redirect("councils:detail", pk=pk)


@login_required
@require_POST
def member_remove(request, pk, member_pk):
    council = _council(request, pk)
    member = get_object_or_404(CouncilMember, pk=member_pk, council=council)
    try:
        services.remove_member(member=member, actor=request.user)
        messages.success(request, _("Đã rút thành viên khỏi hội đồng."))
    except Refusal as exc:
        refuse(request, exc)
    return redirect("councils:detail", pk=pk)


def _own_sheet(request, pk, dossier_pk) -> ScoreSheet:
    council = _council(request, pk)
    seat = selectors.seat_of(request.user, council)
    if seat is None:
        raise Http404
    return get_object_or_404(
        ScoreSheet.objects.select_related(
            "dossier__enterprise", "dossier__content", "dossier__call", "member__council"
        ),
        member=seat,
        dossier_id=dossier_pk,
    )


@login_required
def sheet_page(request, pk, dossier_pk):
    """The member's page for one dossier: declaration first, then the summary and the score sheet."""
    sheet = _own_sheet(request, pk, dossier_pk)
    return _render_sheet(request, sheet)


def _render_sheet(request, sheet, *, conflict_form=None, errors=None, values=None, status=200):
    show_contents = sheet.status in (ScoreSheet.Status.DRAFT, ScoreSheet.Status.SUBMITTED)
    lines = list(sheet.lines.select_related("criterion"))
    values = values or {}
    for line in lines:
        line.value = values.get(line.criterion.code, line.points)
        line.comment_value = values.get(f"comment_{line.criterion.code}", line.comment)
        line.errors = (errors or {}).get(line.criterion.code, [])
        line.guidance = guidance_for(line.criterion.code)
    return render(
        request,
        "councils/sheet.html",
        {
            "sheet": sheet,
            "dossier": sheet.dossier,
            "council": sheet.member.council,
            "conflict_form": conflict_form or ConflictForm(),
            "show_contents": show_contents,
            "lines": lines,
            "errors": errors or {},
            "attachments": sheet.dossier.attachments.filter(is_current=True) if show_contents else [],
            "editable": sheet.status == ScoreSheet.Status.DRAFT and sheet.dossier.state == "in_council",
            "max_total": sum(line.criterion.max_points for line in lines),
        },
        status=status,
    )


@login_required
@require_POST
def sheet_declare(request, pk, dossier_pk):
    sheet = _own_sheet(request, pk, dossier_pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        return _render_sheet(request, sheet, conflict_form=form, status=400)
    try:
        services.declare_conflict(sheet=sheet, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        for field, msgs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, msgs)
        return _render_sheet(request, sheet, conflict_form=form, status=400)
    except Refusal as exc:
        refuse(request, exc)
    return redirect("councils:sheet", pk=pk, dossier_pk=dossier_pk)


@login_required
@require_POST
def sheet_score(request, pk, dossier_pk):
    sheet = _own_sheet(request, pk, dossier_pk)
    codes = [c.code for c in sheet.dossier.call.criteria.all()]
    points = {code: request.POST.get(f"points_{code}", "") for code in codes}
    comments = {code: request.POST.get(f"comment_{code}", "") for code in codes}
    submit = request.POST.get("submit") == "1"
    try:
        services.save_score(
            sheet=sheet,
            actor=request.user,
            points=points,
            comments=comments,
            comment=request.POST.get("comment", ""),
        )
        if submit:
            services.submit_sheet(sheet=sheet, actor=request.user)
    except ValidationError as exc:
        values = {**points, **{f"comment_{k}": v for k, v in comments.items()}}
        return _render_sheet(request, sheet, errors=exc.message_dict, values=values, status=400)
    except Refusal as exc:
        refuse(request, exc)
        return redirect("councils:sheet", pk=pk, dossier_pk=dossier_pk)
    messages.success(request, _("Đã nộp phiếu đánh giá.") if submit else _("Đã lưu phiếu nháp."))
    return redirect("councils:sheet", pk=pk, dossier_pk=dossier_pk)


@login_required
@require_POST
def dossier_decide(request, pk, dossier_pk):
    """The secretary (or an officer) records the council's recommendation through the workflow."""
    council = _council(request, pk)
    dossier = get_object_or_404(Dossier, pk=dossier_pk, council_result__council=council)
    action = request.POST.get("action")
    if action not in ("recommend", "not_recommend"):
        raise Http404
    try:
        dossier_services.act(
            dossier=dossier, action=action, actor=request.user, note=request.POST.get("note", "")
        )
        messages.success(
            request, _("Đã ghi nhận kết quả của hội đồng cho hồ sơ %(code)s.") % {"code": dossier}
        )
    except (ValidationError, Refusal) as exc:
        refuse(request, exc)
    return redirect("councils:detail", pk=pk)


@login_required
def dossier_sheets(request, pk, dossier_pk):
    """Every member's sheet for one dossier — only after the result is closed."""
    council = _council(request, pk)
    dossier = get_object_or_404(Dossier, pk=dossier_pk, council_result__council=council)
    if dossier.council_result.closed_at is None:
        raise PermissionDenied  # one's own sheet is on the sheet page; the others wait for the closing
    sheets = [s for s in selectors.dossier_sheets(dossier) if selectors.may_read_sheet(request.user, s)]
    if not sheets:
        raise PermissionDenied
    return render(
        request,
        "councils/sheets.html",
        {
            "council": council,
            "dossier": dossier,
            "sheets": sheets,
            "result": dossier.council_result,
            "criteria": list(dossier.call.criteria.all()),
        },
    )
