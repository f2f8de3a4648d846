"""A report's files: a signed report's are the ones frozen at signing (the register's DOCX, the workbook
kept beside it); a draft's are drawn on each request from the figures of the moment, marked "DỰ THẢO"
and with the number left blank. Sent under Vietnamese names ("Báo cáo 15-BC-SKHCN.docx",
"Dự thảo Báo cáo năm 2027.docx")."""

from __future__ import annotations

import io

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.downloads import named_file_response, safe_filename
from nangsuat.core.spreadsheets import XLSX_TYPE
from nangsuat.documents.filenames import download_name

from .document import draft_number, draw
from .models import Report
from .services import document_data, workbook_of

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = ("docx", "xlsx")


def file_name(report: Report, extension: str) -> str:
    if report.is_signed and report.document is not None:
        name = download_name(report.document, extension).rsplit(".", 1)[0]
    else:
        name = _("Dự thảo %(report)s %(year)s") % {"report": report.get_kind_display(), "year": report.year}
    if extension == "xlsx":
        name = _("Số liệu %(report)s") % {"report": name}
    return f"{safe_filename(name)}.{extension}"


def report_file(report: Report, extension: str):
    """The response carrying the report's DOCX or XLSX."""
    if extension not in FORMATS:
        raise Http404(_("Định dạng phải là docx hoặc xlsx."))
    content_type = DOCX_TYPE if extension == "docx" else XLSX_TYPE
    if report.is_signed:
        stored = report.document.file if extension == "docx" and report.document else report.workbook
        if not stored:
            raise Http404(_("Báo cáo chưa có tệp %(ext)s.") % {"ext": extension.upper()})
        try:
            handle = stored.open("rb")
        except FileNotFoundError as exc:
            raise Http404(_("Không tìm thấy tệp của báo cáo.")) from exc
    else:
        data = document_data(report, signer=None, draft=True)
        if extension == "docx":
            content = draw(
                report.agency, data, number=draft_number(report.agency), issued_on=timezone.localdate()
            )
        else:
            content = workbook_of(report, data)
        handle = io.BytesIO(content)
    return named_file_response(handle, filename=file_name(report, extension), content_type=content_type)
