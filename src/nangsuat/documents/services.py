"""Issuing documents: number from the register, DOCX drawn at once, PDF after the commit.

``issue_document`` is the one way a document enters the register. It runs inside the caller's
transaction (a workflow step's), so a step that fails leaves neither a document nor a used number.
Drawing the DOCX takes milliseconds and happens inline; the PDF conversion takes seconds and runs after
the commit as a task on the job queue (inline when ``TASKS_RUN_INLINE``), so it never slows a transition.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import uuid
import zipfile
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from nangsuat.core.audit import record_audit
from nangsuat.core.jobs import enqueue_on_commit
from nangsuat.core.models import Agency

from . import kinds, profile
from .format import Head
from .models import Document
from .numbering import Allocated, allocate_number, register_given_number
from .pdf import ConversionUnavailable, can_convert, convert_many, docx_to_pdf

if TYPE_CHECKING:
    from nangsuat.core.models import User

log = logging.getLogger(__name__)


def issue_document(
    *,
    agency: Agency,
    kind: str,
    title: str,
    data: dict[str, Any],
    dossier=None,
    actor: User | None = None,
    issued_on: dt.date | None = None,
    signer_name: str = "",
    signer_title: str = "",
    visible_to_enterprise: bool = True,
    number: str = "",
    number_field: str = "number",
) -> Document:
    """Number, draw and register a document of ``kind`` from ``data`` (the values its layout reads,
    kept on the record so it can be drawn again). Schedules its PDF after the commit.

    ``number`` is a number already given on a form (a contract's, a decision's): it is entered in the
    register as it is; one the register already holds for the year is refused with a
    ``ValidationError`` on ``number_field``."""
    issued_on = issued_on or timezone.localdate()
    if "profile" not in data:
        data = {**data, "profile": profile.snapshot(agency)}
    with transaction.atomic():
        allocated: Allocated
        if number.strip():
            given = register_given_number(agency=agency, kind=kind, year=issued_on.year, number=number)
            if given is None:
                raise ValidationError(
                    {
                        number_field: _("Số “%(number)s” đã có trong sổ văn bản năm %(year)s.")
                        % {"number": number.strip(), "year": issued_on.year}
                    }
                )
            allocated = given
            content = kinds.render(
                kind, Head.for_agency(agency, number=allocated.number, issued_on=issued_on), data
            )
        else:
            # Drawn before the series' counter is taken, with a mark where the number goes: the counter
            # is then held only while the mark is replaced, the file written and the step commits.
            content = kinds.render(
                kind, Head.for_agency(agency, number=NUMBER_MARK, issued_on=issued_on), data
            )
            allocated = allocate_number(agency=agency, kind=kind, year=issued_on.year)
            content = put_number(content, allocated.number)
        document = Document(
            agency=agency,
            dossier=dossier,
            kind=kind,
            year=issued_on.year,
            series=allocated.series,
            sequence=allocated.sequence,
            number=allocated.number,
            issued_on=issued_on,
            title=title[:500],
            signer_name=signer_name[:150],
            signer_title=signer_title[:150],
            visible_to_enterprise=visible_to_enterprise,
            data=data,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        document.file.save(
            _file_name(kind, issued_on, allocated.sequence, "docx"), ContentFile(content), save=False
        )
        document.save()
        record_audit(actor=actor, action="issue_document", target=document, note=document.number)
        schedule_pdf(document)
    return document


# Stands for the number in a document drawn before its number is taken (letters and digits only, so the
# drawing keeps it in one piece of text).
NUMBER_MARK = "NSNUMBERMARK7F3A9C"


def put_number(docx: bytes, number: str) -> bytes:
    """The DOCX with ``NUMBER_MARK`` replaced by ``number`` in its text parts."""
    mark, value = NUMBER_MARK.encode(), escape(number).encode()
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.endswith(".xml") and mark in content:
                content = content.replace(mark, value)
            target.writestr(item, content)
    return out.getvalue()


def _file_name(kind: str, day: dt.date, sequence: int, extension: str) -> str:
    return f"{kind.replace('_', '-')}-{day.year}-{sequence:04d}-{uuid.uuid4().hex[:8]}.{extension}"


def schedule_pdf(document: Document) -> None:
    """Convert after the commit: the task is queued with the step, and the queue's worker sends the
    PDFs to its long-lived converters (``converter_pool.py``, one LibreOffice per core), so a burst of
    steps never starts a crowd of LibreOffice processes. With ``TASKS_RUN_INLINE`` (tests, the one-process demo) it runs right after
    the commit in this process. A document left pending or failed is drawn again by the hourly
    ``make_pdfs``."""
    if not getattr(settings, "DOCUMENTS_PDF", True) or not can_convert():
        Document.objects.filter(pk=document.pk).update(pdf_status=Document.PdfStatus.MISSING)
        document.pdf_status = Document.PdfStatus.MISSING
        return
    enqueue_on_commit(render_pdf, document.pk)


# A worker that finds several documents waiting draws them in one batch: spread over its converters, or,
# without them, in one LibreOffice run (one start-up for all).
PDF_BATCH = 20


@task()
def render_pdf(document_id: int) -> dict[str, Any]:
    """The queue's task: draw the document's PDF, with those of the documents waiting after it (up to
    ``PDF_BATCH``) in the same batch. A document already drawn (by an earlier task's batch), or whose
    step was rolled back, is skipped. The result counts the PDFs drawn and gives each failure's reason."""
    waiting = Document.objects.filter(pdf_status=Document.PdfStatus.PENDING).exclude(file="")
    if not waiting.filter(pk=document_id).exists():
        return {"document_id": document_id, "pdf": "skipped"}
    batch = [
        document_id,
        *waiting.exclude(pk=document_id).order_by("pk").values_list("pk", flat=True)[: PDF_BATCH - 1],
    ]
    counts = make_pending_pdfs(batch=PDF_BATCH, documents=Document.objects.filter(pk__in=batch))
    return {"document_id": document_id, **counts}


def convert_to_pdf(document_id: int) -> dict[str, Any]:
    """Draw the PDF of a registered document; records READY, MISSING (no LibreOffice) or FAILED (and
    raises the reason)."""
    document = Document.objects.get(pk=document_id)
    try:
        with document.file.open("rb") as source:
            pdf = docx_to_pdf(source.read())
    except ConversionUnavailable:
        Document.objects.filter(pk=document_id).update(pdf_status=Document.PdfStatus.MISSING)
        return {"document_id": document_id, "pdf": "missing"}
    except Exception as exc:
        Document.objects.filter(pk=document_id).update(pdf_status=Document.PdfStatus.FAILED)
        log.warning("PDF of document %s (%s) failed: %s", document.number, document_id, exc)
        raise
    name = _file_name(document.kind, document.issued_on, document.sequence, "pdf")
    document.pdf.save(name, ContentFile(pdf), save=False)
    document.pdf_status = Document.PdfStatus.READY
    document.save(update_fields=["pdf", "pdf_status"])
    return {"document_id": document_id, "pdf": document.pdf.name, "bytes": len(pdf)}


def make_pending_pdfs(*, batch: int = 20, documents=None) -> dict[str, Any]:
    """Convert every document without a PDF (pending, failed or missing), ``batch`` at a time; returns
    {"converted": n, "failed": m, "errors": {number: reason}}. A document that fails is marked FAILED,
    its reason logged, and drawn again by the next ``make_pdfs``."""
    qs = documents if documents is not None else Document.objects.exclude(pdf_status=Document.PdfStatus.READY)
    ids = list(qs.exclude(file="").order_by("pk").values_list("pk", flat=True))
    counts: dict[str, Any] = {"converted": 0, "failed": 0, "errors": {}}
    for start in range(0, len(ids), batch):
        chunk = {d.pk: d for d in Document.objects.filter(pk__in=ids[start : start + batch])}
        sources = {}
        for pk, document in chunk.items():
            with document.file.open("rb") as handle:
                sources[str(pk)] = handle.read()
        try:
            pdfs, errors = convert_many(sources)
        except ConversionUnavailable:
            Document.objects.filter(pk__in=chunk).update(pdf_status=Document.PdfStatus.MISSING)
            counts["failed"] += len(chunk)
            continue
        for pk, document in chunk.items():
            content = pdfs.get(str(pk))
            if content is None:
                reason = errors.get(str(pk), "no PDF")
                Document.objects.filter(pk=pk).update(pdf_status=Document.PdfStatus.FAILED)
                log.warning("PDF of document %s (%s) failed: %s", document.number, pk, reason)
                counts["failed"] += 1
                counts["errors"][document.number or str(pk)] = reason
                continue
            name = _file_name(document.kind, document.issued_on, document.sequence, "pdf")
            document.pdf.save(name, ContentFile(content), save=False)
            document.pdf_status = Document.PdfStatus.READY
            document.save(update_fields=["pdf", "pdf_status"])
            counts["converted"] += 1
    return counts


def redraw_pdf(*, document: Document, actor: User) -> Document:
    """Try the PDF again (after a failure, or once LibreOffice is installed)."""
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(pdf_status=Document.PdfStatus.PENDING)
        document.pdf_status = Document.PdfStatus.PENDING
        record_audit(actor=actor, action="redraw_document_pdf", target=document, note=document.number)
        schedule_pdf(document)
    return document
