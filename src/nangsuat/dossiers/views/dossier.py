"""Pages of one dossier: the form, attachments, checklist, override, comments, actions and timeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.errors import Refusal
from nangsuat.core.models import with_user_names
from nangsuat.core.permissions import require
from nangsuat.core.refusals import add_form_errors, refuse, refuse_form
from nangsuat.core.roles import DEPARTMENT, Role

from .. import selectors, stepper, workflow
from ..forms.dossiers import AttachmentForm, CommentForm, DossierForm, EligibilityForm, OverrideForm
from ..models import Attachment, Dossier, EligibilityCheck, VisitPhoto
from ..permissions import can_comment, read_as_visible, visible_dossiers
from ..registration import kind_label, required_attachment_kinds
from ..services import dossiers as dossier_services
from ..services.dossiers import EDITABLE_STATES
from ..states import REFUSED_STATES, State
from ..uploads import file_download

ENDINGS = REFUSED_STATES | {State.TERMINATED}


def visible_dossier(request, pk: int, *, related: list[str] | tuple[str, ...] = ()) -> Dossier:
    """The dossier if this user may see it; 404 otherwise (the same for a guessed id)."""
    qs = visible_dossiers(
        Dossier.objects.select_related("call", "enterprise", "enterprise__ward", "content", *related),
        request.user,
    )
    return read_as_visible(get_object_or_404(qs, pk=pk), request.user)


def _action_buttons(user, dossier: Dossier) -> list[dict]:
    return [
        {
            "action": t.action,
            "label": t.label,
            "allowed": bool(d),
            "reason": d.reason,
            "danger": t.target in ENDINGS,
        }
        for t, d in workflow.available_actions(user, dossier)
    ]


@login_required
def dossier_detail(request, pk: int):
    dossier = visible_dossier(request, pk, related=selectors.DOSSIER_PAGE_RELATED)
    # Read once for the checklist shown and for the actions' condition that it be met.
    prefetch_related_objects(
        [dossier], Prefetch("eligibility", with_user_names(EligibilityCheck.objects.all(), "checked_by"))
    )
    user = request.user
    staff = user.role != Role.ENTERPRISE
    attachments = list(dossier.attachments.filter(is_current=True).order_by("kind", "-uploaded_at"))
    offered = selectors.call_content_for(dossier)
    required = required_attachment_kinds(dossier, offered)
    duplicates = list(selectors.duplicate_dossiers(dossier)[:10]) if staff else []
    present = {a.kind for a in attachments}
    context = {
        "dossier": dossier,
        "staff": staff,
        "today": timezone.localdate(),
        "overdue": bool(dossier.due_on and dossier.due_on < timezone.localdate()),
        "actions": _action_buttons(user, dossier),
        "attachments": attachments,
        "required_kinds": [(k, kind_label(k), k in present) for k in required],
        "checks": list(dossier.eligibility.all()),
        "duplicate_reason": selectors.duplicate_support_reason(dossier, duplicates) if staff else "",
        "duplicates": duplicates,
        # The open request is shown while the dossier awaits its papers; none is read otherwise.
        "supplements": (
            list(dossier.supplement_requests.all()[:1]) if dossier.state == State.NEEDS_SUPPLEMENT else []
        ),
        "visits": list(dossier.visits.prefetch_related("photos")),
        # Who submitted each and when: not the snapshots themselves (JSON, decoded per row if read).
        "revisions": list(
            with_user_names(dossier.revisions.all(), "submitted_by", leave=("data", "form_definition"))
        ),
        "timeline": selectors.timeline(dossier, user),
        "editable": dossier.state in EDITABLE_STATES and user.role == Role.ENTERPRISE,
        "attachment_form": AttachmentForm(),
        "comment_form": CommentForm() if can_comment(user, dossier) else None,
        "override_form": OverrideForm() if user.role == Role.DIRECTOR else None,
        "offered": offered,
        "road": stepper.steps(dossier.state, withdrawn_from=_withdrawn_from(dossier)),
    }
    return render(request, "dossiers/dossier_detail.html", context)


def _withdrawn_from(dossier) -> str | None:
    if dossier.state != State.WITHDRAWN:
        return None
    return (
        selectors.history_of(dossier)
        .filter(to_state=State.WITHDRAWN)
        .values_list("from_state", flat=True)
        .first()
    )


@login_required
def dossier_edit(request, pk: int):
    dossier = visible_dossier(request, pk)
    if request.user.role != Role.ENTERPRISE or dossier.state not in EDITABLE_STATES:
        raise PermissionDenied(_("Chỉ doanh nghiệp sửa được hồ sơ ở trạng thái bản nháp hoặc cần bổ sung."))
    form = DossierForm(request.POST or None, request.FILES or None, instance=dossier, call=dossier.call)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # the form and its papers, or nothing
                dossier_services.update_dossier(dossier=dossier, actor=request.user, data=form.dossier_data())
                dossier_services.attach_papers(dossier=dossier, actor=request.user, papers=form.papers())
        except (ValidationError, Refusal) as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu phiếu đăng ký."))
            return redirect("dossiers:dossier_detail", pk=dossier.pk)
    return render(
        request,
        "dossiers/dossier_form.html",
        {"form": form, "call": dossier.call, "enterprise": dossier.enterprise, "dossier": dossier},
    )


@login_required
def attachment_upload(request, pk: int):
    dossier = visible_dossier(request, pk)
    if request.method != "POST":
        return redirect("dossiers:dossier_detail", pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            dossier_services.add_attachment(
                dossier=dossier,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except (ValidationError, Refusal) as exc:
            refuse(request, exc)
        else:
            messages.success(request, _("Đã đính kèm “%(n)s”.") % {"n": form.cleaned_data["file"].name})
    else:
        refuse_form(request, form)
    return redirect(reverse("dossiers:dossier_detail", args=[pk]) + "#attachments")


@login_required
def attachment_remove(request, pk: int, attachment_id: int):
    dossier = visible_dossier(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, dossier=dossier, is_current=True)
    if request.method == "POST":
        try:
            dossier_services.remove_attachment(attachment=attachment, actor=request.user)
        except Refusal as exc:
            refuse(request, exc)
        else:
            messages.success(request, _("Đã gỡ tệp “%(n)s”.") % {"n": attachment.original_name})
    return redirect("dossiers:dossier_detail", pk=pk)


@login_required
def attachment_download(request, pk: int, attachment_id: int):
    dossier = visible_dossier(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, dossier=dossier)
    return file_download(attachment.file, attachment.original_name, attachment.content_type)


@login_required
def photo_download(request, pk: int, photo_id: int):
    dossier = visible_dossier(request, pk)
    photo = get_object_or_404(VisitPhoto, pk=photo_id, visit__dossier=dossier)
    try:
        handle = photo.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, content_type="image/png" if photo.file.name.endswith(".png") else "image/jpeg"
    )


@login_required
def eligibility(request, pk: int):
    dossier = visible_dossier(request, pk)
    if request.user.role not in DEPARTMENT:
        raise PermissionDenied(_("Chỉ cán bộ Sở KH&CN kiểm tra điều kiện hỗ trợ."))
    form = EligibilityForm(request.POST or None, checks=list(dossier.eligibility.all()))
    if request.method == "POST" and form.is_valid():
        try:
            dossier_services.record_eligibility(dossier=dossier, actor=request.user, items=form.items())
        except ValidationError as exc:
            for item, errs in exc.message_dict.items():
                form.add_error(f"evidence_{item}" if f"evidence_{item}" in form.fields else None, errs)
        except Refusal as exc:
            refuse(request, exc)
        else:
            messages.success(request, _("Đã lưu kết quả kiểm tra điều kiện."))
            return redirect("dossiers:dossier_detail", pk=pk)
    return render(
        request,
        "dossiers/eligibility.html",
        {
            "dossier": dossier,
            "form": form,
            "duplicate_reason": selectors.duplicate_support_reason(dossier),
            "duplicates": selectors.duplicate_dossiers(dossier)[:10],
            "editable": dossier.state in (State.SUBMITTED, State.NEEDS_SUPPLEMENT),
        },
    )


@login_required
def duplicate_override(request, pk: int):
    dossier = visible_dossier(request, pk)
    form = OverrideForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                dossier_services.override_duplicate(
                    dossier=dossier, director=request.user, reason=form.cleaned_data["reason"]
                )
            except (ValidationError, Refusal) as exc:
                refuse(request, exc)
            else:
                messages.success(request, _("Đã ghi nhận lý do chấp nhận hồ sơ trùng nội dung hỗ trợ."))
        else:
            refuse_form(request, form)
    return redirect("dossiers:dossier_detail", pk=pk)


@login_required
def comment_add(request, pk: int):
    dossier = visible_dossier(request, pk)
    require(can_comment(request.user, dossier))
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier_services.add_comment(
                dossier=dossier,
                author=request.user,
                body=form.cleaned_data["body"],
                internal=form.cleaned_data["internal"],
            )
        except (ValidationError, Refusal) as exc:
            refuse(request, exc)
        else:
            messages.success(request, _("Đã gửi ý kiến."))
    elif request.method == "POST":
        refuse_form(request, form)
    return redirect("dossiers:dossier_detail", pk=pk)


@login_required
def dossier_action(request, pk: int, action: str):
    """Confirm one action (note + the action's own fields) and perform it: the one door to ``perform``."""
    dossier = visible_dossier(request, pk)
    transition = workflow.BY_ACTION.get(action)
    if transition is None:
        raise Http404
    decision = workflow.may_act(request.user, dossier, transition)
    ready = workflow.check_conditions(dossier, transition) if decision else decision
    form_class = workflow.ACTION_FORMS.get(action)
    # A form offers what the system already knows (the register's next number, the approved amount).
    initial = (
        form_class.initial_for(dossier) if hasattr(form_class, "initial_for") and not request.POST else None
    )
    form = form_class(request.POST or None, request.FILES or None, initial=initial) if form_class else None
    status, errors, note, note_errors = 200, [], request.POST.get("note", ""), []
    if request.method == "POST":
        try:
            dossier_services.act(
                dossier=dossier,
                action=action,
                actor=request.user,
                note=note,
                data=request.POST,
                files=request.FILES,
            )
        except Refusal as exc:
            status, errors = exc.status, [exc.message]
        except ValidationError as exc:
            status = 400
            if hasattr(exc, "error_dict"):
                for field, errs in exc.message_dict.items():
                    if field == "note":
                        note_errors = errs
                    elif form is not None and field in form.fields:
                        # The page's bound form already shows its own validation errors; add only the
                        # ones a later check (an effect) found.
                        if not form.has_error(field):
                            form.add_error(field, errs)
                    else:
                        errors.extend(errs)
            else:
                errors = exc.messages
        else:
            messages.success(request, _("Đã thực hiện: %(a)s.") % {"a": transition.label})
            return redirect("dossiers:dossier_detail", pk=pk)
    elif not decision:
        status = 403
    return render(
        request,
        "dossiers/action_confirm.html",
        {
            "dossier": dossier,
            "transition": transition,
            "decision": decision,
            "ready": ready,
            "form": form,
            "errors": errors,
            "note": note,
            "note_errors": note_errors,
            "asks_note": not getattr(form, "note_field", ""),
            "danger": transition.target in ENDINGS,
        },
        status=status,
    )
