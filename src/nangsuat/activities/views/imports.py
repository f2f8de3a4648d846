"""The attendance sheet's import: the upload on a course, the job's progress, the template, the error file."""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from nangsuat.core.jobs import checked
from nangsuat.core.models import Job
from nangsuat.core.permissions import require

from .. import selectors
from ..forms import AttendanceImportForm
from ..models import Course
from ..permissions import can_record_activities
from ..spreadsheets import IMPORT_JOB, start_import, template_workbook


def _job_or_404(request, pk: int) -> Job:
    # Jobs of the officer's agency; another agency's job is not found.
    return get_object_or_404(Job, pk=pk, kind=IMPORT_JOB, agency_id=request.user.agency_id)


@login_required
def import_start(request, pk: int):
    require(can_record_activities(request.user))
    course = get_object_or_404(selectors.visible_courses(request.user), pk=pk)
    form = AttendanceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_import(actor=request.user, course=course, upload=form.cleaned_data["file"])
        return redirect("activities:import_job", job.pk)
    return render(request, "activities/import_start.html", {"form": form, "course": course})


@login_required
def import_template(request):
    require(can_record_activities(request.user))
    buffer = io.BytesIO()
    template_workbook().save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="mau-danh-sach-hoc-vien.xlsx")


@login_required
def import_job(request, pk: int):
    require(can_record_activities(request.user))
    job = checked(_job_or_404(request, pk))  # a job whose worker died is not shown running
    course = Course.objects.filter(pk=job.params.get("course")).first()
    template = "activities/_import_progress.html" if request.htmx else "activities/import_job.html"
    return render(request, template, {"job": job, "course": course})


@login_required
def import_errors(request, pk: int):
    require(can_record_activities(request.user))
    job = _job_or_404(request, pk)
    if not job.output_file:
        raise Http404(_("Lần nhập này không có lỗi."))
    return FileResponse(
        job.output_file.open("rb"), as_attachment=True, filename=f"loi-nhap-hoc-vien-{job.pk}.xlsx"
    )
