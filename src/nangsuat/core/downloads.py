"""A file sent under its Vietnamese name: ``Content-Disposition`` with the UTF-8 name (RFC 6266
``filename*``) and an ASCII fallback (``filename``) for the clients that read only that one.

Django's ``FileResponse(filename=…)`` sends only ``filename*`` for a name outside ASCII; some mail
gateways and older download managers then save "download" or a percent-encoded name.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from django.http import FileResponse
from unidecode import unidecode

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')  # what no file system or header quote takes


def safe_filename(name: str) -> str:
    """``name`` in NFC with path separators as hyphens and what a file name cannot hold removed."""
    name = unicodedata.normalize("NFC", name).replace("/", "-").replace("\\", "-")
    return " ".join(_UNSAFE.sub("", name).split()) or "tep"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """``inline`` (shown in the browser) or ``attachment``; both the ASCII and the UTF-8 name."""
    filename = safe_filename(filename)
    fallback = " ".join(unidecode(filename).replace('"', "").replace("\\", "").split())
    disposition = "inline" if inline else "attachment"
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def named_file_response(handle, *, filename: str, content_type: str, inline: bool = False) -> FileResponse:
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response
