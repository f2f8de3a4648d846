"""The city's approval decision drafted for a Tờ trình, from the city list page: for the agency's staff
and the city, like the list itself (anyone else: 404)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from nangsuat.documents.drafts.responses import attachment

from .. import decision_draft, selectors


def _proposal(request, call_pk: int, pk: int):
    call = get_object_or_404(selectors.city_calls(request.user), pk=call_pk)
    return get_object_or_404(decision_draft.proposals_of(call).select_related("agency"), pk=pk)


@login_required
def decision_draft_docx(request, call_pk: int, pk: int):
    proposal = _proposal(request, call_pk, pk)
    return attachment(decision_draft.draw(proposal), name=decision_draft.file_name(proposal))


@login_required
def decision_draft_pdf(request, call_pk: int, pk: int):
    proposal = _proposal(request, call_pk, pk)
    return attachment(decision_draft.draw(proposal), name=decision_draft.file_name(proposal), pdf=True)
