"""The import of figures: the upload, the job with its progress, the template and the error report."""

import io
import os
import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.audit import record_audit
from nangsuat.core.jobs import report_progress, start_job
from nangsuat.core.models import Agency, Job, User
from nangsuat.core.permissions import require
from nangsuat.registry.forms import ImportForm
from nangsuat.registry.importer import ImportResult
from nangsuat.registry.permissions import can_manage_registry
from nangsuat.registry.spreadsheets import error_report_workbook as registry_error_report

from .benchmarks import refresh_benchmarks
from .importer import COLUMNS, import_figures, read_table

IMPORT_JOB = "productivity.import"


@transaction.atomic
def start_import(*, actor: User, agency: Agency, upload) -> Job:
    job = Job.objects.create(
        agency=agency, owner=actor, kind=IMPORT_JOB, params={"filename": os.path.basename(upload.name)}
    )
    job.input_file.save(os.path.basename(upload.name), upload, save=True)
    record_audit(
        actor=actor, action="productivity.import_started", target=job, data={"filename": upload.name}
    )
    return start_job(job, run_import)


def error_report_workbook(result: ImportResult) -> Workbook:
    return registry_error_report(result, title=_("LỖI NHẬP SỐ LIỆU NĂNG SUẤT"))


def run_import(job: Job) -> dict:
    """The job's body: import the rows with progress, write the error report, refresh the benchmarks.
    A durable job queue may call it as it is."""
    filename = job.params.get("filename", job.input_file.name)
    try:
        with job.input_file.open("rb") as stream:
            total = sum(1 for _row in read_table(stream, filename))
    except ValidationError as exc:
        return {"fatal": exc.messages[0]}
    report_progress(job, 0, total)
    with job.input_file.open("rb") as stream:
        result = import_figures(
            read_table(stream, filename),
            agency=job.agency,
            actor=job.owner,
            progress=lambda done: report_progress(job, done),
        )
    if result.errors:
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
            error_report_workbook(result).save(handle.name)
            handle.seek(0)
            job.output_file.save(f"loi-nhap-nang-suat-{job.pk}.xlsx", File(handle), save=False)
        Job.objects.filter(pk=job.pk).update(output_file=job.output_file.name)
    refresh_benchmarks([job.agency_id])
    summary = result.as_dict()
    record_audit(
        actor=job.owner,
        action="productivity.imported",
        target=job,
        data={k: v for k, v in summary.items() if k != "errors"},
    )
    return summary


def _job_or_404(request, pk: int) -> Job:
    return get_object_or_404(Job, pk=pk, kind=IMPORT_JOB, agency_id=request.user.agency_id)


@login_required
def import_start(request):
    require(can_manage_registry(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_import(actor=request.user, agency=request.user.agency, upload=form.cleaned_data["file"])
        return redirect("productivity:import_job", job.pk)
    recent = Job.objects.filter(kind=IMPORT_JOB, agency_id=request.user.agency_id).select_related("owner")[
        :10
    ]
    return render(request, "productivity/import_start.html", {"form": form, "recent": recent})


@login_required
def import_template(request):
    require(can_manage_registry(request.user))
    book = Workbook()
    sheet = book.active
    sheet.title = _("Số liệu năng suất")
    sheet.append([str(c.header) for c in COLUMNS])
    sheet.append([c.example for c in COLUMNS])
    for cell in sheet["A"]:
        cell.number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="mau-nhap-so-lieu-nang-suat.xlsx")


@login_required
def import_job(request, pk: int):
    require(can_manage_registry(request.user))
    job = _job_or_404(request, pk)
    template = "productivity/_import_progress.html" if request.htmx else "productivity/import_job.html"
    return render(request, template, {"job": job})


@login_required
def import_errors(request, pk: int):
    require(can_manage_registry(request.user))
    job = _job_or_404(request, pk)
    if not job.output_file:
        raise Http404(_("Lần nhập này không có lỗi."))
    return FileResponse(
        job.output_file.open("rb"), as_attachment=True, filename=f"loi-nhap-nang-suat-{job.pk}.xlsx"
    )
