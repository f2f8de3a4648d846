"""The city's approval decision drafted for one Tờ trình: the list it approves is exactly the list the
Tờ trình proposes (the dossiers of the call's city list that this Tờ trình carries, in rank order, with
the support proposed for each), so the draft and the Tờ trình never disagree on a name or an amount."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from nangsuat.core.formatting import format_date_vi
from nangsuat.documents import kinds, profile
from nangsuat.documents.format import Head
from nangsuat.documents.kinds.city_decision import DRAFT_NUMBER
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.dossiers.models import Call

from .models import ProposedDossier


def proposals_of(call: Call) -> QuerySet[Document]:
    """The Tờ trình the director has signed for the call's city list."""
    return (
        Document.objects.filter(kind=DocumentKind.CITY_PROPOSAL, city_items__submission__call=call)
        .distinct()
        .order_by("issued_on", "pk")
    )


def items_of(proposal: Document) -> QuerySet[ProposedDossier]:
    return (
        ProposedDossier.objects.filter(proposal=proposal)
        .select_related("dossier__enterprise", "dossier__content", "submission__call")
        .order_by("rank", "pk")
    )


def decision_data(proposal: Document) -> dict[str, Any]:
    items = list(items_of(proposal))
    call = items[0].submission.call if items else None
    return {
        "city": proposal.agency.parent_body,
        # The plan and bases the agency's Tờ trình cited, else the agency's profile now.
        "profile": proposal.data.get("profile") or profile.snapshot(proposal.agency),
        "year": call.year if call else proposal.issued_on.year,
        "call": call.title.split(" —")[0] if call else "",
        "proposal": {"number": proposal.number, "date_text": format_date_vi(proposal.issued_on)},
        "rows": [
            [
                item.dossier.enterprise.name,
                item.dossier.enterprise.tax_code,
                str(item.dossier.content),
                item.support_vnd,
            ]
            for item in items
        ],
        "total_vnd": sum(item.support_vnd for item in items),
    }


def draw(proposal: Document) -> bytes:
    agency = proposal.agency
    head = Head(
        parent_body="",
        agency_name=agency.parent_body,
        place=agency.place_name,
        number=DRAFT_NUMBER,
        issued_on=timezone.localdate(),  # the city dates it; only its year shows
    )
    return kinds.render("city_decision_draft", head, decision_data(proposal))


def file_name(proposal: Document) -> str:
    return f"du-thao-qd-ubnd-phe-duyet-danh-sach-theo-to-trinh-{proposal.sequence:02d}-{proposal.year}"
