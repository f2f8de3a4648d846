"""DOCX → PDF with LibreOffice headless. ``convert_many`` spreads the documents over the long-lived
converters (``converter_pool.py``: one LibreOffice kept running per core) when there are some, and otherwise,
or when none can be had, sends them to a one-shot ``soffice --convert-to pdf`` run per batch
(``docx_to_pdf_many``), which has its own throwaway profile (two conversions at once would otherwise fight
over one profile's lock) and a time limit. Both take and give bytes: the callers read the DOCX through the
storage and save the PDF back through it, so LibreOffice works on a temporary local copy whether the files
are in ``MEDIA_ROOT`` or in an S3-compatible bucket."""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import tempfile
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from . import converter as long_lived
from . import converter_pool

log = logging.getLogger(__name__)


class ConversionUnavailable(Exception):
    """LibreOffice is not installed on this server."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def can_convert() -> bool:
    """Whether PDFs can be drawn here: LibreOffice installed, or a shared converter configured."""
    return soffice_path() is not None or bool(getattr(settings, "PDF_CONVERTER_URL", ""))


def docx_to_pdf(docx: bytes, *, timeout: int | None = None) -> bytes:
    """The PDF of a DOCX. Raises ``ConversionUnavailable`` without LibreOffice, ``RuntimeError`` (with
    the reason) when the conversion fails or takes longer than ``timeout`` seconds."""
    pdfs, errors = convert_many({"document": docx}, timeout=timeout)
    if "document" not in pdfs:
        raise RuntimeError(errors.get("document", "no PDF"))
    return pdfs["document"]


STYLE_REFERENCE = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"')


def lean_copy(docx: bytes) -> bytes:
    """The copy of a DOCX that LibreOffice converts: the same document with only the styles it uses (and
    those they derive from). The drawn documents carry the whole built-in style sheet of Word's default
    template (160 styles, 350 kB), which LibreOffice otherwise reads for every document: about a third of
    its time per PDF, for pages that come out the same to the pixel. The DOCX kept and downloaded is
    untouched; on any surprise the document is converted as it is."""
    try:
        source = zipfile.ZipFile(io.BytesIO(docx))
        used: set[bytes] = set()
        for name in source.namelist():
            if name.startswith("word/") and name.endswith(".xml") and "styles" not in name.lower():
                used.update(STYLE_REFERENCE.findall(source.read(name)))
        styles = _lean_styles(source.read("word/styles.xml"), frozenset(used))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            for item in source.infolist():
                content = styles if item.filename == "word/styles.xml" else source.read(item)
                target.writestr(item.filename, content)
        return out.getvalue()
    except (KeyError, zipfile.BadZipFile, ValueError):
        return docx


STYLE = re.compile(rb"<w:style\b[^>]*?(?:/>|>.*?</w:style>)", re.DOTALL)
STYLE_ID = re.compile(rb'w:styleId="([^"]+)"')
STYLE_LINK = re.compile(rb'<w:(?:basedOn|link|next) w:val="([^"]+)"')
LATENT_STYLES = re.compile(rb"<w:latentStyles\b.*?</w:latentStyles>|<w:latentStyles\b[^>]*/>", re.DOTALL)


@lru_cache(maxsize=16)  # the documents share a few style sheets: each is pruned once per process
def _lean_styles(styles: bytes, used: frozenset[bytes]) -> bytes:
    """The style sheet without the styles nobody uses and without the latent-style table (Word's list of
    its built-in styles, no formatting). ``w:style`` elements never nest, so each is one match."""
    by_id = {_style_id(match.group()): match.group() for match in STYLE.finditer(styles)}
    keep = set(used) | {i for i, xml in by_id.items() if b'w:default="1"' in xml.split(b">", 1)[0]}
    todo = list(keep)
    while todo:
        for linked in STYLE_LINK.findall(by_id.get(todo.pop(), b"")):
            if linked not in keep:
                keep.add(linked)
                todo.append(linked)
    lean = STYLE.sub(lambda match: match.group() if _style_id(match.group()) in keep else b"", styles)
    return LATENT_STYLES.sub(b"", lean)


def _style_id(style: bytes) -> bytes:
    found = STYLE_ID.search(style)
    if found is None:
        raise ValueError("a style without an id")
    return found.group(1)


# Documents in flight to each converter at once: while it draws one, the next is already on its way.
IN_FLIGHT = 2


def convert_many(
    docs: dict[str, bytes], *, timeout: int | None = None
) -> tuple[dict[str, bytes], dict[str, str]]:
    """PDFs of several DOCX (keys are safe file stems) and, for each one that could not be drawn, the
    reason. Through the long-lived converters when there are some, each document to the least busy; a
    document one refuses is tried again by a one-shot run, a converter that cannot be had (down, could not
    be started again) leaves its documents to the others, and when none can be had the documents left go to
    one one-shot run, and the log says so. Raises ``ConversionUnavailable`` when there is neither a
    converter nor LibreOffice."""
    pdfs: dict[str, bytes] = {}
    errors: dict[str, str] = {}
    docs = {stem: lean_copy(content) for stem, content in docs.items()}
    pool = converter_pool.shared()
    if pool is not None and docs:
        limit = getattr(settings, "DOCUMENTS_PDF_TIMEOUT", 120) + 15
        out: set[long_lived.Converter] = set()  # the converters given up on for this batch
        down: list[str] = []

        def one(content: bytes) -> bytes:
            return pool.convert(content, timeout=timeout or limit, out=out)

        threads = min(len(docs), IN_FLIGHT * len(pool))
        with ThreadPoolExecutor(threads, thread_name_prefix="pdf") as executor:
            futures = {executor.submit(one, content): stem for stem, content in docs.items()}
            for future in as_completed(futures):
                stem = futures[future]
                try:
                    pdfs[stem] = future.result()
                except long_lived.ConversionFailed as exc:
                    errors[stem] = f"LibreOffice (converter): {exc}"
                except long_lived.ConverterDown as exc:
                    down.append(str(exc))
        left = {stem: content for stem, content in docs.items() if stem not in pdfs}
        if down and left:
            say = log.info if pool.optional else log.warning
            say(
                "PDF converter at %s unavailable (%s): %d document(s) go to one-shot soffice",
                pool.url,
                down[0],
                len(left),
            )
    else:
        left = dict(docs)
    if not left:
        return pdfs, {}
    if soffice_path() is None:
        if pool is None or (pool.optional and not pdfs):
            raise ConversionUnavailable("soffice not found")
        errors.update(
            {stem: errors.get(stem, "PDF converter unavailable; soffice not found") for stem in left}
        )
        return pdfs, errors
    try:
        drawn = docx_to_pdf_many(left, timeout=timeout)
        failure = "LibreOffice (one-shot) gave no PDF"
    except RuntimeError as exc:
        drawn, failure = {}, f"LibreOffice (one-shot): {exc}"
    for stem in left:
        if stem in drawn:
            pdfs[stem] = drawn[stem]
            errors.pop(stem, None)
        else:
            errors[stem] = "; ".join(filter(None, (errors.get(stem), failure)))
    return pdfs, errors


def docx_to_pdf_many(docs: dict[str, bytes], *, timeout: int | None = None) -> dict[str, bytes]:
    """PDFs of several DOCX in one LibreOffice run (one start-up instead of one per file); keys are
    safe file stems. A file LibreOffice could not convert is missing from the result; raises
    ``ConversionUnavailable`` without LibreOffice, ``RuntimeError`` when nothing could be converted or
    the run takes longer than ``timeout`` seconds."""
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
