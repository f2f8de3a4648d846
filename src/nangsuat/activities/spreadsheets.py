"""Workbooks of the activities: the registers' export, the attendance sheet's template, and the background
job that imports an attendance sheet into a course with its progress and error report (the registry's
error report, same shape)."""

import os
import tempfile
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from nangsuat.core.audit import record_audit
from nangsuat.core.jobs import report_progress, start_job
from nangsuat.core.models import Job, User
from nangsuat.core.spreadsheets import append_row
from nangsuat.registry.spreadsheets import error_report_workbook

from .importer import COLUMNS, import_rows, read_sheet
from .models import Course

IMPORT_JOB = "activities.attendance"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B4F8A")


def export_rows(*, title: str, headers: list[str], rows: Iterable[list[Any]]):
    """Write ``rows`` to a temporary .xlsx file, row by row (write-only), for a download."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(headers)
    for row in rows:
        append_row(sheet, row)
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the response closes it
    book.save(handle.name)
    handle.seek(0)
    return handle


def template_workbook() -> Workbook:
    """The attendance sheet's template: a header row and an example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Danh sách học viên")
    sheet.append([str(c.header) for c in COLUMNS])
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    sheet.append([c.example for c in COLUMNS])
    for index, column in enumerate(COLUMNS):
        letter = chr(ord("A") + index)
        sheet.column_dimensions[letter].width = 36 if column.key == "enterprise_name" else 18
        if column.key in ("tax_code", "identity_number", "phone", "ward_code", "vsic_code"):
            for cell in sheet[letter]:
                cell.number_format = "@"  # keep leading zeros
    notes = book.create_sheet(_("Hướng dẫn"))
    for line in (
        _("Mỗi dòng là một người tham gia khóa; chỉ cột “Họ và tên” là bắt buộc."),
        _("Cán bộ quản lý, Có tham dự: ghi “x” là có, để trống là không (Có tham dự để trống = có)."),
        _(
            "Doanh nghiệp được đối chiếu theo mã số thuế; doanh nghiệp chưa có trong sổ cần thêm tên, mã ngành VSIC, mã xã/phường."
        ),
        _(
            "Một người được nhận ra qua nhiều khóa theo số CCCD, hoặc theo họ tên và mã số thuế khi không có CCCD."
        ),
        _("Nhập lại cùng một danh sách không thêm người đã có trong khóa."),
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    return book


@transaction.atomic
def start_import(*, actor: User, course: Course, upload) -> Job:
    """Store the uploaded sheet and import it in the background; the page polls the job."""
    job = Job.objects.create(
        agency=course.agency,
        owner=actor,
        kind=IMPORT_JOB,
        params={"filename": os.path.basename(upload.name), "course": course.pk},
    )
    job.input_file.save(os.path.basename(upload.name), upload, save=True)
    record_audit(
        actor=actor, action="activity.attendance_import_started", target=course, data={"job": job.pk}
    )
    return start_job(job, run_import)


def run_import(job: Job) -> dict:
    """The job's body: count the rows, import them reporting progress, write the error report."""
    course = Course.objects.select_related("agency").get(pk=job.params["course"])
    filename = job.params.get("filename", job.input_file.name)
    try:
        with job.input_file.open("rb") as stream:
            total = sum(1 for _row in read_sheet(stream, filename))
    except ValidationError as exc:
        return {"fatal": exc.messages[0]}
    report_progress(job, 0, total)
    with job.input_file.open("rb") as stream:
        result = import_rows(
            read_sheet(stream, filename),
            course=course,
            actor=job.owner,
            progress=lambda done: report_progress(job, done),
        )
    if result.errors:
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
            error_report_workbook(result).save(handle.name)
            handle.seek(0)
            job.output_file.save(f"loi-nhap-hoc-vien-{job.pk}.xlsx", File(handle), save=False)
        Job.objects.filter(pk=job.pk).update(output_file=job.output_file.name)
    summary = result.as_dict()
    record_audit(
        actor=job.owner,
        action="activity.attendance_imported",
        target=course,
        data={k: v for k, v in summary.items() if k != "errors"},
    )
    return summary
