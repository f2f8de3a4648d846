"""Officers' registry tasks: bulk import with its progress, and the queue of membership claims."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.models import Job

from . import selectors, services
from .forms import ImportForm, MembershipDecisionForm
from .models import EnterpriseMembership
from .permissions import can_decide_membership, can_manage_registry
from .spreadsheets import IMPORT_JOB, start_import, template_workbook


def _manager(request) -> None:
    decision = can_manage_registry(request.user)
    if not decision:
        raise PermissionDenied(decision.reason)


def _job_or_404(request, pk: int) -> Job:
    # Jobs of the officer's agency; another agency's job is not found.
    return get_object_or_404(Job, pk=pk, kind=IMPORT_JOB, agency_id=request.user.agency_id)


@login_required
def import_start(request):
    _manager(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_import(actor=request.user, agency=request.user.agency, upload=form.cleaned_data["file"])
        return redirect("registry:import_job", job.pk)
    recent = Job.objects.filter(kind=IMPORT_JOB, agency_id=request.user.agency_id).select_related("owner")[
        :10
    ]
    return render(request, "registry/import_start.html", {"form": form, "recent": recent})


@login_required
def import_template(request):
    _manager(request)
    buffer = io.BytesIO()
    template_workbook().save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="mau-nhap-doanh-nghiep.xlsx")


@login_required
def import_job(request, pk: int):
    _manager(request)
    job = _job_or_404(request, pk)
    template = "registry/_import_progress.html" if request.htmx else "registry/import_job.html"
    return render(request, template, {"job": job})


@login_required
def import_errors(request, pk: int):
    _manager(request)
    job = _job_or_404(request, pk)
    if not job.output_file:
        raise Http404(_("Lần nhập này không có lỗi."))
    return FileResponse(
        job.output_file.open("rb"), as_attachment=True, filename=f"loi-nhap-doanh-nghiep-{job.pk}.xlsx"
    )


@login_required
def membership_queue(request):
    _manager(request)
    pending = selectors.pending_memberships(request.user)
    return render(
        request, "registry/membership_queue.html", {"pending": pending, "form": MembershipDecisionForm()}
    )


@login_required
@require_POST
def membership_decide(request, pk: int):
    _manager(request)
    membership = get_object_or_404(EnterpriseMembership.objects.select_related("enterprise", "user"), pk=pk)
    decision = can_decide_membership(request.user, membership)
    if not decision:
        raise Http404(decision.reason)
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("registry:membership_queue")
    service = (
        services.confirm_membership
        if form.cleaned_data["decision"] == "confirm"
        else services.reject_membership
    )
    try:
        service(actor=request.user, membership=membership, note=form.cleaned_data["note"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        text = (
            _("Đã xác nhận %(user)s đại diện cho %(enterprise)s.")
            if membership.status == EnterpriseMembership.Status.CONFIRMED
            else _("Đã từ chối yêu cầu của %(user)s với %(enterprise)s.")
        )
        messages.success(request, text % {"user": membership.user, "enterprise": membership.enterprise})
    return redirect("registry:membership_queue")
