"""Documents drawn on demand from a record, never entered in the register: a council member's scoring
sheet (B8-ĐGNV), the city's decision drafted for the director's Tờ trình. They carry no number of
the Department's (the sheet has none; the city gives its decision its own), so they need no counter
and leave no row in the register: each download draws the current record again."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..pdf import ConversionUnavailable, docx_to_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attachment(content: bytes, *, name: str, pdf: bool = False) -> HttpResponse:
    """The drawn DOCX, or its PDF when ``pdf`` (503 when LibreOffice is missing)."""
    if pdf:
        try:
            content = docx_to_pdf(content)
        except (ConversionUnavailable, RuntimeError):
            return HttpResponse(_("Chưa tạo được tệp PDF; hãy tải tệp DOCX."), status=503)
    response = HttpResponse(content, content_type="application/pdf" if pdf else DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{"pdf" if pdf else "docx"}"'
    return response


def local_day(moment: dt.datetime | None, default: dt.date) -> dt.date:
    if moment is None:
        return default
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
