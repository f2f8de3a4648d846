"""The long-lived PDF converter (one LibreOffice behind unoserver): PDFs through it, two threads at once,
a converter killed mid-run started again, a dead shared one answered by the one-shot path, and a
document nothing can convert marked failed with its reason. The converter is started once for the
module."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from nangsuat.documents import converter as long_lived
from nangsuat.documents import pdf
from nangsuat.documents.models import Document
from nangsuat.documents.services import make_pending_pdfs

from .helpers import run_effect

SERVER_PYTHON = long_lived.server_python() if pdf.soffice_path() else None

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(pdf.soffice_path() is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(
        SERVER_PYTHON is None,
        reason="no Python with uno and unoserver (python3-uno; `make install` creates .venv-uno)",
    ),
]


def _free_port_pair() -> int:
    """A port free with the next one (unoserver's and its LibreOffice's)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port < 65535:
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def converter_port():
    yield _free_port_pair()
    long_lived.reset()


@pytest.fixture(autouse=True)
def converter(settings, converter_port):
    settings.DOCUMENTS_PDF = True
    settings.PDF_CONVERTER = "auto"
    settings.PDF_CONVERTER_URL = ""
    settings.PDF_CONVERTER_PORT = converter_port
    long_lived.allow_start()
    yield long_lived.shared()
    long_lived.allow_start(False)


@pytest.fixture
def no_one_shot(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the one-shot path was used")

    monkeypatch.setattr(pdf, "docx_to_pdf_many", refuse)


def _text(content: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return done.stdout.decode()


def _pdf_of(document: Document) -> bytes:
    document.refresh_from_db()
    with document.pdf.open("rb") as handle:
        return handle.read()


def _docx_of(document: Document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def test_the_queue_task_draws_the_pdf_through_the_converter(
    converter, dossier, owner, no_one_shot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = run_effect("receipt_slip", dossier, owner)
    document.refresh_from_db()
    assert document.pdf_status == Document.PdfStatus.READY
    content = _pdf_of(document)
    assert content.startswith(b"%PDF-")
    assert converter.managed and converter.pids(), "the converter keeps running after the conversion"
    text = _text(content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and document.number in text


def test_two_threads_convert_at_once(converter, dossier, owner, officer, no_one_shot):
    sources = [
        _docx_of(run_effect("receipt_slip", dossier, owner)),
        _docx_of(run_effect("validity_minutes", dossier, officer)),
    ]
    results: dict[int, list[bytes]] = {0: [], 1: []}
    failures: list[BaseException] = []

    def convert(index: int) -> None:
        try:
            for _ in range(3):
                results[index].append(pdf.docx_to_pdf(sources[index]))
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)

    threads = [threading.Thread(target=convert, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures
    assert all(len(done) == 3 and all(c.startswith(b"%PDF-") for c in done) for done in results.values())
    assert "Độc lập - Tự do - Hạnh phúc" in _text(results[1][0])


def _living_in_group(group: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and int(fields[2]) == group and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _libreoffice_pids(converter) -> list[int]:
    server = converter.process.pid
    return [pid for pid in converter.pids() if pid != server]


def test_a_converter_killed_mid_run_is_started_again(converter, dossier, officer, monkeypatch, caplog):
    documents = [
        run_effect(name, dossier, officer) for name in ("receipt_slip", "validity_minutes", "survey_minutes")
    ]
    converter.ensure_running()
    first_server = converter.process.pid
    victims = _libreoffice_pids(converter)
    assert victims, "the converter runs a LibreOffice"
    original = converter.convert
    killed = threading.Event()

    def convert_and_kill(docx, *, timeout):
        if not killed.is_set():
            killed.set()
            # LibreOffice dies while the first document is on its way or being drawn.
            threading.Timer(0.05, lambda: [os.kill(pid, signal.SIGKILL) for pid in victims]).start()
        return original(docx, timeout=timeout)

    monkeypatch.setattr(converter, "convert", convert_and_kill)
    with caplog.at_level(logging.INFO, logger="nangsuat.documents"):
        counts = make_pending_pdfs(documents=Document.objects.filter(pk__in=[d.pk for d in documents]))
    assert killed.is_set()
    for document in documents:
        document.refresh_from_db()
        assert document.pdf_status in (Document.PdfStatus.READY, Document.PdfStatus.FAILED)
    assert counts["converted"] + counts["failed"] == 3
    assert set(counts["errors"]) == {d.number for d in documents if d.pdf_status == Document.PdfStatus.FAILED}
    assert counts["converted"] == 3, counts["errors"]
    log = caplog.text
    assert "starting it again" in log or "one-shot soffice" in log
    if "starting it again" in log:
        assert converter.process.pid != first_server and _libreoffice_pids(converter)
        time.sleep(1)
        assert not _living_in_group(first_server), "nothing of the dead converter is left running"


def test_a_document_nothing_can_convert_is_failed_with_its_reason(converter, dossier, owner, caplog):
    document = run_effect("receipt_slip", dossier, owner)
    document.file.save("broken.docx", ContentFile(b"PK\x03\x04 not really a document"), save=True)
    with caplog.at_level(logging.WARNING, logger="nangsuat.documents"):
        counts = make_pending_pdfs(documents=Document.objects.filter(pk=document.pk))
    document.refresh_from_db()
    assert document.pdf_status == Document.PdfStatus.FAILED and not document.pdf
    reason = counts["errors"][document.number]
    assert "converter" in reason and "one-shot" in reason, reason
    assert document.number in caplog.text and "failed" in caplog.text
    assert converter.pids(), "a refused document leaves the converter running"


def test_a_converter_that_will_not_start_is_not_tried_again_at_once():
    port = _free_port_pair()
    broken = long_lived.Converter(f"http://127.0.0.1:{port}", python="/bin/false", port=port)
    with pytest.raises(long_lived.ConverterDown, match="did not start"):
        broken.convert(b"PK", timeout=5)
    started = time.monotonic()
    with pytest.raises(long_lived.ConverterDown, match="would not start"):
        broken.convert(b"PK", timeout=5)
    assert time.monotonic() - started < 1


def test_a_shared_converter_that_is_down_falls_back_to_one_shot(settings, dossier, owner, caplog):
    settings.PDF_CONVERTER_URL = f"http://127.0.0.1:{_free_port_pair()}"
    document = run_effect("receipt_slip", dossier, owner)
    with caplog.at_level(logging.WARNING, logger="nangsuat.documents"):
        counts = make_pending_pdfs(documents=Document.objects.filter(pk=document.pk))
    assert counts["converted"] == 1
    assert "unavailable" in caplog.text and "one-shot soffice" in caplog.text
    assert _pdf_of(document).startswith(b"%PDF-")
