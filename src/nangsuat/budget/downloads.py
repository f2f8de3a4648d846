"""The estimate's files, for its page and its API alike: the estimate (DOCX, XLSX) and Finance's appraisal
(DOCX, XLSX, once Finance has appraised; 404 before). Who may read the estimate is checked by the caller
(``selectors.estimate_for``)."""

from __future__ import annotations

import io

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from nangsuat.core.downloads import named_file_response
from nangsuat.core.spreadsheets import XLSX_TYPE
from nangsuat.documents.numbering import series_for

from . import document
from .export import appraisal_workbook, estimate_workbook
from .models import Estimate

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = ("docx", "xlsx")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404(_("Định dạng phải là docx hoặc xlsx."))


def estimate_file(estimate: Estimate, fmt: str) -> FileResponse:
    """The estimate as sent to Finance (the register's document), or a draft while it is being written; or
    its workbook."""
    _check(fmt)
    name = f"du-toan-{estimate.year}-lan-{estimate.version}.{fmt}"
    if fmt == "xlsx":
        return named_file_response(
            io.BytesIO(estimate_workbook(estimate)), filename=name, content_type=XLSX_TYPE
        )
    issued = estimate.document
    if issued is not None and issued.file:
        return named_file_response(issued.file.open("rb"), filename=name, content_type=DOCX_TYPE)
    number = f"…/{series_for(estimate.agency, document.ESTIMATE)}"
    content = document.draw_estimate(estimate, number=number)
    return named_file_response(io.BytesIO(content), filename=name, content_type=DOCX_TYPE)


def appraisal_file(estimate: Estimate, fmt: str) -> FileResponse:
    """Finance's appraisal, once it has appraised (the DOCX's number left for Finance's own register)."""
    _check(fmt)
    if estimate.appraised_on is None:
        raise Http404(_("Dự toán chưa được Sở Tài chính thẩm định."))
    name = f"tham-dinh-du-toan-{estimate.year}-lan-{estimate.version}.{fmt}"
    if fmt == "xlsx":
        content, content_type = appraisal_workbook(estimate), XLSX_TYPE
    else:
        content, content_type = document.draw_appraisal(estimate), DOCX_TYPE
    return named_file_response(io.BytesIO(content), filename=name, content_type=content_type)
