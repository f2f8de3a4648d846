"""DOCX → PDF with LibreOffice headless. Each call has its own throwaway profile (two conversions at
once would otherwise fight over one profile's lock) and a time limit."""

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
    """The PDF of a DOCX. Raises ``ConversionUnavailable`` without LibreOffice, ``RuntimeError`` when
    the conversion fails or takes longer than ``timeout`` seconds."""
    binary = soffice_path()
    if binary is None:
        raise ConversionUnavailable("soffice not found")
    timeout = timeout or getattr(settings, "DOCUMENTS_PDF_TIMEOUT", 120)
    with tempfile.TemporaryDirectory(prefix="ns-pdf-") as work:
        work_dir = Path(work)
        profile = Path(tempfile.gettempdir()) / f"lo-{uuid.uuid4().hex}"
        source = work_dir / "document.docx"
        source.write_bytes(docx)
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
            str(source),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(f"LibreOffice did not finish within {timeout} s") from exc
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        target = work_dir / "document.pdf"
        if completed.returncode != 0 or not target.exists():
            message = completed.stderr.decode(errors="replace")[-500:]
            raise RuntimeError(f"LibreOffice failed ({completed.returncode}): {message}")
        return target.read_bytes()
