"""Downloads of the documents drawn on demand: one view per document and format, each checking who may
draw it first (an answer of 404 to anyone else, as for a record that does not exist)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from . import score_sheets
from .responses import attachment


def _sheet(request, pk: int):
    sheet = get_object_or_404(score_sheets.sheets(), pk=pk)
    if not score_sheets.may_draw(request.user, sheet):
        raise Http404
    return sheet


@login_required
def score_sheet(request, pk: int):
    sheet = _sheet(request, pk)
    return attachment(score_sheets.draw(sheet), name=score_sheets.file_name(sheet))


@login_required
def score_sheet_pdf(request, pk: int):
    sheet = _sheet(request, pk)
    return attachment(score_sheets.draw(sheet), name=score_sheets.file_name(sheet), pdf=True)
