"""Spreadsheets of the registry: the import template, the import's error report, the list's export, and
the background job that runs an import with its progress."""

import os
import tempfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from nangsuat.core.audit import record_audit
from nangsuat.core.jobs import report_progress, start_job
from nangsuat.core.models import Agency, Job, User
from nangsuat.core.spreadsheets import (
    AMOUNT,
    NUMBER,
    TEXT,
    WRAP,
    Column,
    filters_line,
    write_table,
)

from .importer import COLUMNS, ImportResult, import_records, read_table
from .models import Enterprise

IMPORT_JOB = "registry.import"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B4F8A")


def _styled_header(sheet, headers: list[str], widths: list[int]) -> None:
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def template_workbook() -> Workbook:
    """The import template: one header row, one example row, a sheet of explanations."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Doanh nghiệp")
    _styled_header(sheet, [str(c.header) for c in COLUMNS], [18 if c.key != "name" else 40 for c in COLUMNS])
    sheet.append([c.example for c in COLUMNS])
    for cell in sheet["A"]:
        cell.number_format = "@"  # keep the tax code's leading zero
    notes = book.create_sheet(_("Hướng dẫn"))
    notes.append([_("Cột"), _("Bắt buộc"), _("Ghi chú")])
    hints = {
        "tax_code": _(
            "10 chữ số, 13 chữ số dạng 0123456789-001, hoặc 12 chữ số (hộ kinh doanh). Nhập dạng văn bản."
        ),
        "kind": _(
            "Doanh nghiệp, Hợp tác xã, Hộ kinh doanh hoặc Cơ sở sản xuất kinh doanh; để trống = Doanh nghiệp."
        ),
        "vsic": _("Mã ngành VSIC 2018 (cấp 2 đến cấp 5), ví dụ 10 hoặc 1020."),
        "ward": _("Tên hoặc mã xã/phường của thành phố (sau ngày 01/7/2025)."),
        "year": _("Bắt buộc khi nhập lao động, doanh thu hoặc nguồn vốn."),
        "employees": _("Số lao động tham gia BHXH bình quân năm (Nghị định 80/2021)."),
    }
    for c in COLUMNS:
        notes.append([str(c.header), _("Có") if c.required else "", hints.get(c.key, "")])
    notes.column_dimensions["A"].width, notes.column_dimensions["C"].width = 26, 90
    return book


def error_report_workbook(result: ImportResult, *, title: str | None = None) -> Workbook:
    """The import's errors, one line each, under the same title and header as the exports; the line under
    the title says what the import did rather than naming filters. Every import of rows by tax code uses
    it, each under its own ``title``."""
    book = Workbook(write_only=True)
    write_table(
        book.create_sheet(_("Lỗi")),
        title=title or _("LỖI NHẬP DANH SÁCH DOANH NGHIỆP"),
        filters=_(
            "Đã đọc %(total)s dòng: %(created)s thêm mới, %(updated)s cập nhật, %(errors)s dòng có lỗi."
        )
        % {
            "total": result.total,
            "created": result.created,
            "updated": result.updated,
            "errors": result.error_rows,
        },
        columns=[
            Column(_("Dòng"), 8, NUMBER),
            Column(_("Cột"), 24),
            Column(_("Giá trị"), 30),
            Column(_("Lỗi"), 60, WRAP),
        ],
        rows=([error.row, error.column, error.value, error.message] for error in result.errors),
    )
    return book


def export_enterprises(qs: QuerySet[Enterprise], *, filters: str = "") -> tempfile._TemporaryFileWrapper:
    """Write the enterprises of ``qs`` (the list's filters applied, named in ``filters``) to a temporary
    .xlsx file, row by row (openpyxl write-only mode, the queryset read in chunks), so a large export
    keeps memory flat."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Doanh nghiệp"))
    widths = {"tax_code": 16, "name": 40, "short_name": 20, "address": 40, "email": 26, "representative": 24}
    columns = [
        Column(str(c.header), widths.get(c.key, 16), WRAP if c.key in ("name", "address") else TEXT)
        for c in COLUMNS[:10]
    ] + [
        Column(_("Năm số liệu"), 10),
        Column(_("Lao động tham gia BHXH"), 14, NUMBER),
        Column(_("Doanh thu (đồng)"), 20, AMOUNT),
        Column(_("Tổng nguồn vốn (đồng)"), 20, AMOUNT),
        Column(_("Quy mô"), 14),
    ]
    rows = (
        [
            e.tax_code,
            e.name,
            e.short_name,
            e.get_kind_display(),
            e.vsic_id,
            e.ward.name if e.ward_id else "",
            e.address,
            e.phone,
            e.email,
            e.representative,
            e.latest_year,
            e.employees,
            e.revenue_vnd,
            e.capital_vnd,
            e.get_size_class_display() if e.size_class else "",
        ]
        for e in qs.select_related("ward", "vsic").iterator(chunk_size=2000)
    )
    write_table(
        sheet,
        title=_("DANH SÁCH DOANH NGHIỆP"),
        filters=filters or filters_line([]),
        columns=columns,
        rows=rows,
    )
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the response closes it
    book.save(handle.name)
    handle.seek(0)
    return handle


# --- The import job -----------------------------------------------------------------------------------


@transaction.atomic
def start_import(*, actor: User, agency: Agency, upload) -> Job:
    """Store the uploaded file and run the import in the background; the page polls the job."""
    job = Job.objects.create(
        agency=agency, owner=actor, kind=IMPORT_JOB, params={"filename": os.path.basename(upload.name)}
    )
    job.input_file.save(os.path.basename(upload.name), upload, save=True)
    record_audit(actor=actor, action="enterprise.import_started", target=job, data={"filename": upload.name})
    return start_job(job, run_import)


def _count_rows(job: Job) -> int:
    with job.input_file.open("rb") as stream:
        return sum(1 for _row in read_table(stream, job.input_file.name))


def run_import(job: Job) -> dict:
    """The job's body: count rows, import them reporting progress, write the error report."""
    filename = job.params.get("filename", job.input_file.name)
    try:
        total = _count_rows(job)
    except ValidationError as exc:
        return {"fatal": exc.messages[0]}
    report_progress(job, 0, total)
    with job.input_file.open("rb") as stream:
        result = import_records(
            read_table(stream, filename),
            agency=job.agency,
            actor=job.owner,
            progress=lambda done: report_progress(job, done),
        )
    if result.errors:
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
            error_report_workbook(result).save(handle.name)
            handle.seek(0)
            job.output_file.save(f"loi-nhap-doanh-nghiep-{job.pk}.xlsx", File(handle), save=False)
        Job.objects.filter(pk=job.pk).update(output_file=job.output_file.name)
    summary = result.as_dict()
    record_audit(
        actor=job.owner,
        action="enterprise.imported",
        target=job,
        data={k: v for k, v in summary.items() if k != "errors"},
    )
    return summary


def import_file(*, path: str, agency: Agency, actor: User | None = None) -> ImportResult:
    """Import a file synchronously (the command line); same validation and writes as the page."""
    with open(path, "rb") as stream:
        result = import_records(read_table(stream, path), agency=agency, actor=actor)
    summary = {k: v for k, v in result.as_dict().items() if k != "errors"}
    record_audit(actor=actor, action="enterprise.imported", target=agency, data={"file": path, **summary})
    return result
