"""The answer to a download of a drawn document: its DOCX, or the PDF LibreOffice makes of it."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from nangsuat.core.downloads import content_disposition

from ..pdf import ConversionUnavailable, docx_to_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attachment(content: bytes, *, name: str, pdf: bool = False) -> HttpResponse:
    """The drawn DOCX as a download named ``name``, or its PDF when ``pdf`` (503 when the PDF cannot be
    made: LibreOffice missing or failing; the DOCX stays available)."""
    if pdf:
        try:
            content = docx_to_pdf(content)
        except (ConversionUnavailable, RuntimeError):
            return HttpResponse(_("Chưa tạo được tệp PDF; hãy tải tệp DOCX."), status=503)
    response = HttpResponse(content, content_type="application/pdf" if pdf else DOCX_TYPE)
    # A PDF opens in the browser's viewer; the DOCX, which a browser cannot show, downloads.
    response["Content-Disposition"] = content_disposition(f"{name}.{'pdf' if pdf else 'docx'}", inline=pdf)
    return response
