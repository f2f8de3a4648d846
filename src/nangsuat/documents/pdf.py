"""DOCX → PDF with LibreOffice headless. Each call has its own throwaway profile (two conversions at
once would otherwise fight over one profile's lock) and a time limit. It takes and gives bytes: the callers
read the DOCX through the storage and save the PDF back through it, so LibreOffice works on a temporary
local copy whether the files are in ``MEDIA_ROOT`` or in an S3-compatible bucket."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)


class ConversionUnavailable(Exception):
    """LibreOffice is not installed on this server."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: int | None = None) -> bytes:
    return docx_to_pdf_many({"document": docx}, timeout=timeout)["document"]


def docx_to_pdf_many(docs: dict[str, bytes], *, timeout: int | None = None) -> dict[str, bytes]:
    """PDFs of several DOCX in one LibreOffice run (one start-up instead of one per file); keys are
    safe file stems. A file LibreOffice could not convert is missing from the result."""
    """The PDF of a DOCX. Raises ``ConversionUnavailable`` without LibreOffice, ``RuntimeError`` when
    the conversion fails or takes longer than ``timeout`` seconds."""
    binary = soffice_path()
    if binary is None:
        raise ConversionUnavailable("soffice not found")
    timeout = timeout or getattr(settings, "DOCUMENTS_PDF_TIMEOUT", 120) * max(1, len(docs) // 10 + 1)
    with tempfile.TemporaryDirectory(prefix="ns-pdf-") as work:
        work_dir = Path(work)
        profile = Path(tempfile.gettempdir()) / f"lo-{uuid.uuid4().hex}"
        sources = []
        for stem, content in docs.items():
            source = work_dir / f"{stem}.docx"
            source.write_bytes(content)
            sources.append(str(source))
        command = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work_dir),
            *sources,
        ]
        try:
            completed = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(f"LibreOffice did not finish within {timeout} s") from exc
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        result = {
            stem: (work_dir / f"{stem}.pdf").read_bytes()
            for stem in docs
            if (work_dir / f"{stem}.pdf").exists()
        }
        if not result:
            message = completed.stderr.decode(errors="replace")[-500:]
            raise RuntimeError(f"LibreOffice failed ({completed.returncode}): {message}")
        return result
