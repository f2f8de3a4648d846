"""Checking uploaded files by what they contain, not by what they are called, and naming them safely.

Accepted: PDF, DOCX and XLSX (a zip whose parts say it is a Word document / an Excel workbook, measured
before it is opened: ``core/archives.py``), JPEG and PNG. The declared name and content type are never
trusted: the stored name is random, and the name shown and offered for download ends with the extension
of the type found.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from nangsuat.core.archives import check_archive

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
JPEG = ("jpg", "image/jpeg")
PNG = ("png", "image/png")
DOCUMENT_TYPES = (PDF, DOCX, XLSX, JPEG, PNG)
IMAGE_TYPES = (JPEG, PNG)
# Other spellings of a type's extension that a user's file name may keep.
EXTENSION_ALIASES = {"jpg": ("jpg", "jpeg")}
MAX_NAME_LENGTH = 200
CONTENT_TYPES_MAX_BYTES = 1024 * 1024  # a real [Content_Types].xml is a few kilobytes


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "DOSSIER_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _sniff_zip(upload: UploadedFile) -> tuple[str, str] | None:
    check_archive(upload, upload.name)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names:
                return None
            if archive.getinfo("[Content_Types].xml").file_size > CONTENT_TYPES_MAX_BYTES:
                return None
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    if "word/document.xml" in names and "wordprocessingml.document.main" in types:
        return DOCX
    if "xl/workbook.xml" in names and "spreadsheetml.sheet.main" in types:
        return XLSX
    return None


def sniff(upload: UploadedFile) -> tuple[str, str] | None:
    """(extension, content type) judged from the first bytes (and a zip's parts), or None. Raises
    ``ValidationError`` for a zip too large to unpack."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def check_upload(upload: UploadedFile, allowed=DOCUMENT_TYPES) -> CheckedFile:
    """Refuse (``ValidationError``) an empty, too large or unexpected file; return what it really is."""
    limit = max_upload_bytes()
    if not upload.size:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name})
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” vượt quá dung lượng cho phép %(mb)s MB.")
            % {"name": upload.name, "mb": limit // (1024 * 1024)}
        )
    kind = sniff(upload)
    if kind is None or kind not in allowed:
        names = ", ".join(ext.upper() for ext, _ct in allowed)
        raise ValidationError(
            _("Tệp “%(name)s” không đúng định dạng cho phép (%(types)s).")
            % {"name": upload.name, "types": names}
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(kind[0], kind[1], upload.size, digest.hexdigest())


def random_name(extension: str) -> str:
    """A file name nobody can guess or use to climb out of the media folder; the field's ``upload_to``
    puts it in its dated folder."""
    return f"{secrets.token_hex(16)}.{extension}"


def with_extension(name: str, extension: str) -> str:
    """``name`` ending with ``extension``, the type its content was found to be: a PDF named ``x.hta``,
    ``x.html`` or ``x.pdf.exe`` is offered as ``x.pdf``, never opened as a program or a page. Bounded
    length, the extension kept."""
    spellings = EXTENSION_ALIASES.get(extension, (extension,))
    stem, current = os.path.splitext(name)
    if current[1:].lower() not in spellings:
        name = stem  # a foreign extension goes; what is left may already end with the right one
        stem, current = os.path.splitext(name)
    if current[1:].lower() in spellings:
        extension = current[1:]
    else:
        stem = name
    stem = stem.strip() or "tep"
    return f"{stem[: MAX_NAME_LENGTH - len(extension) - 1]}.{extension}"


def safe_original_name(name: str, extension: str) -> str:
    """The user's file name, for display and download: no folders, bounded length, and the extension
    of the type found in the content (``with_extension``)."""
    return with_extension((name or "").replace("\\", "/").rsplit("/", 1)[-1].strip(), extension)


def file_download(field, filename: str, content_type: str | None = None) -> FileResponse:
    """A stored file as a download under ``filename``, which takes the extension of the stored file (the
    type its content was found to be when it was stored): 404 when it is missing, and the browser is told
    not to guess its type."""
    if not field:
        raise Http404
    stored_extension = os.path.splitext(field.name)[1][1:]
    if stored_extension:
        filename = with_extension(filename, stored_extension)
    try:
        handle = field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=filename)
    if content_type:
        response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
