"""Bulk import of enterprises: the upload, its progress while the job runs, the template and the error file."""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from nangsuat.core.jobs import checked
from nangsuat.core.models import Job
from nangsuat.core.permissions import require

from ..forms import ImportForm
from ..permissions import can_manage_registry
from ..spreadsheets import IMPORT_JOB, start_import, template_workbook


def _job_or_404(request, pk: int) -> Job:
    # Jobs of the officer's agency; another agency's job is not found.
    return get_object_or_404(Job, pk=pk, kind=IMPORT_JOB, agency_id=request.user.agency_id)


@login_required
def import_start(request):
    require(can_manage_registry(request.user))
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
    require(can_manage_registry(request.user))
    buffer = io.BytesIO()
    template_workbook().save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="mau-nhap-doanh-nghiep.xlsx")


@login_required
def import_job(request, pk: int):
    require(can_manage_registry(request.user))
    job = checked(_job_or_404(request, pk))  # a job whose worker died is not shown running
    template = "registry/_import_progress.html" if request.htmx else "registry/import_job.html"
    return render(request, template, {"job": job})


@login_required
def import_errors(request, pk: int):
    require(can_manage_registry(request.user))
    job = _job_or_404(request, pk)
    if not job.output_file:
        raise Http404(_("Lần nhập này không có lỗi."))
    return FileResponse(
        job.output_file.open("rb"), as_attachment=True, filename=f"loi-nhap-doanh-nghiep-{job.pk}.xlsx"
    )
