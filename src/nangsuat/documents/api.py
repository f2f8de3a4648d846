"""``/api/v1/documents``: the register as the caller may see it, and each document's files.

A document the caller may not see is 404, as on the pages. Files are served through the API too, so a
client with a Bearer token needs no browser session.
"""

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import Id
from nangsuat.core.downloads import named_file_response

from . import selectors
from .filenames import download_name
from .models import Document, DocumentKind

router = Router(tags=["documents"])


class DocumentFilterIn(Schema):
    q: str = Field("", max_length=100, description="Số, trích yếu, mã hồ sơ, tên doanh nghiệp")
    kind: DocumentKind | None = Field(None, description="Loại văn bản")
    year: int | None = Field(None, ge=2000, le=2100)
    dossier_id: Id | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class DocumentOut(Schema):
    id: int
    number: str
    kind: str
    kind_label: str
    issued_on: dt.date
    title: str
    dossier_id: int | None
    tracking_code: str | None
    signer_name: str
    signer_title: str
    pdf_status: str
    docx_url: str | None
    pdf_url: str | None
    created_at: dt.datetime

    @staticmethod
    def resolve_kind_label(obj: Document) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_tracking_code(obj: Document) -> str | None:
        return obj.dossier.tracking_code if obj.dossier_id else None

    @staticmethod
    def resolve_docx_url(obj: Document) -> str | None:
        return reverse("api:document_file", args=[obj.pk, "docx"]) if obj.file else None

    @staticmethod
    def resolve_pdf_url(obj: Document) -> str | None:
        return reverse("api:document_file", args=[obj.pk, "pdf"]) if obj.pdf else None


@router.get("", response=list[DocumentOut], summary="Sổ văn bản (documents)")
@paginated
def list_documents(request, filters: Query[DocumentFilterIn]):
    params = filters.dict()
    dossier_id = params.pop("dossier_id", None)
    register = selectors.RegisterFilters(
        q=" ".join((params.get("q") or "").split()),
        kind=params.get("kind") or "",
        year=params.get("year"),
        date_from=params.get("date_from"),
        date_to=params.get("date_to"),
    )
    qs = selectors.register(user=request.auth, filters=register)
    return qs.filter(dossier_id=dossier_id) if dossier_id else qs


@router.get("/{document_id}", response=DocumentOut, summary="Một văn bản")
def get_document(request, document_id: int):
    return get_object_or_404(selectors.visible_documents(request.auth), pk=document_id)


@router.get(
    "/{document_id}/{fmt}",
    url_name="document_file",
    summary="Tệp của văn bản (docx hoặc pdf)",
    response={200: None},
)
def document_file(request, document_id: int, fmt: str):
    document = get_object_or_404(selectors.visible_documents(request.auth), pk=document_id)
    if fmt not in ("docx", "pdf"):
        raise Http404(_("Định dạng phải là docx hoặc pdf."))
    stored = document.file if fmt == "docx" else document.pdf
    if not stored:
        raise Http404(_("Văn bản chưa có tệp %(fmt)s.") % {"fmt": fmt.upper()})
    content_type = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return named_file_response(
        stored.open("rb"),
        filename=download_name(document, fmt),
        content_type=content_type,
        inline=fmt == "pdf",
    )
