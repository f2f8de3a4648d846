"""The long-lived PDF converters (a pool of LibreOffice processes behind unoserver): PDFs through them, a
batch spread over the pool, two threads at once, a converter killed mid-batch started again while the batch
completes, one that will not start leaving its documents to the others, converters run by the host named in
a list, dead ones answered by the one-shot path, and a document nothing can convert marked failed with its
reason. The pool (two converters) is started once for the module."""

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
from nangsuat.documents import converter_pool, pdf
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


POOL = 2


def _free_ports(count: int) -> int:
    """The first of ``count`` consecutive free ports (two for each converter: unoserver's, LibreOffice's)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + count > 65536:
            continue
        try:
            for other in range(port + 1, port + count):
                with socket.socket() as next_one:
                    next_one.bind(("127.0.0.1", other))
        except OSError:
            continue
        return port
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def converter_port():
    yield _free_ports(2 * POOL)
    converter_pool.reset()


@pytest.fixture(autouse=True)
def converter(settings, converter_port):
    """The worker's pool; its converters started together, once for the module."""
    settings.DOCUMENTS_PDF = True
    settings.PDF_CONVERTER = "auto"
    settings.PDF_CONVERTER_URL = ""
    settings.PDF_CONVERTER_PORT = converter_port
    settings.PDF_CONVERTER_PROCESSES = POOL
    converter_pool.allow_start()
    pool = converter_pool.shared()
    if not all(each.ready for each in pool.converters):
        pool.warm_up()
    yield pool
    converter_pool.allow_start(False)


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
    assert converter.managed and len(converter) == POOL
    assert all(each.pids() for each in converter.converters), "the converters keep running"
    text = _text(content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and document.number in text


def _count_conversions(pool, monkeypatch) -> dict[str, int]:
    """How many documents each converter of ``pool`` is sent, by its URL."""
    served = dict.fromkeys((each.url for each in pool.converters), 0)
    for each in pool.converters:

        def counted(docx, *, timeout, _each=each, _original=each.convert):
            served[_each.url] += 1
            return _original(docx, timeout=timeout)

        monkeypatch.setattr(each, "convert", counted)
    return served


def _four_documents(dossier, owner, officer) -> list[Document]:
    return [
        run_effect("receipt_slip", dossier, owner),
        run_effect("validity_minutes", dossier, officer),
        run_effect("survey_minutes", dossier, officer),
        run_effect("receipt_slip", dossier, owner),
    ]


def test_a_batch_is_spread_over_the_pool(converter, dossier, owner, officer, no_one_shot, monkeypatch):
    documents = _four_documents(dossier, owner, officer)
    served = _count_conversions(converter, monkeypatch)
    counts = make_pending_pdfs(documents=Document.objects.filter(pk__in=[d.pk for d in documents]))
    assert counts == {"converted": 4, "failed": 0, "errors": {}}
    assert sorted(served.values()) == [2, 2], served
    assert "Độc lập - Tự do - Hạnh phúc" in _text(_pdf_of(documents[1]))


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


def test_a_converter_killed_mid_batch_is_started_again_and_the_batch_completes(
    converter, dossier, owner, officer, no_one_shot, monkeypatch, caplog
):
    documents = _four_documents(dossier, owner, officer)
    second = converter.converters[1]
    second.ensure_running()
    first_server = second.process.pid
    victims = _libreoffice_pids(second)
    assert victims, "the converter runs a LibreOffice"
    served = _count_conversions(converter, monkeypatch)
    counted = second.convert
    killed = threading.Event()

    def convert_and_kill(docx, *, timeout):
        if not killed.is_set():
            killed.set()
            # LibreOffice dies while the document is on its way or being drawn.
            threading.Timer(0.05, lambda: [os.kill(pid, signal.SIGKILL) for pid in victims]).start()
        return counted(docx, timeout=timeout)

    monkeypatch.setattr(second, "convert", convert_and_kill)
    with caplog.at_level(logging.INFO, logger="nangsuat.documents"):
        counts = make_pending_pdfs(documents=Document.objects.filter(pk__in=[d.pk for d in documents]))
    assert killed.is_set()
    assert counts == {"converted": 4, "failed": 0, "errors": {}}
    for document in documents:
        assert _pdf_of(document).startswith(b"%PDF-")
    assert all(served.values()), served
    assert "starting it again" in caplog.text
    assert second.process.pid != first_server and _libreoffice_pids(second)
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
    assert all(each.pids() for each in converter.converters), "a refused document leaves them running"


def test_a_converter_that_will_not_start_is_not_tried_again_at_once():
    port = _free_ports(2)
    broken = long_lived.Converter(f"http://127.0.0.1:{port}", python="/bin/false", port=port)
    with pytest.raises(long_lived.ConverterDown, match="did not start"):
        broken.convert(b"PK", timeout=5)
    started = time.monotonic()
    with pytest.raises(long_lived.ConverterDown, match="would not start"):
        broken.convert(b"PK", timeout=5)
    assert time.monotonic() - started < 1


def test_a_converter_that_will_not_start_leaves_its_documents_to_the_others(
    converter, dossier, owner, officer, no_one_shot, monkeypatch, caplog
):
    port = _free_ports(2)
    broken = long_lived.Converter(f"http://127.0.0.1:{port}", python="/bin/false", port=port)
    # The broken one first: it is picked first, and the documents must still all be drawn.
    pool = converter_pool.ConverterPool([broken, *converter.converters])
    monkeypatch.setattr(converter_pool, "shared", lambda: pool)
    documents = _four_documents(dossier, owner, officer)
    with caplog.at_level(logging.WARNING, logger="nangsuat.documents"):
        counts = make_pending_pdfs(documents=Document.objects.filter(pk__in=[d.pk for d in documents]))
    assert counts == {"converted": 4, "failed": 0, "errors": {}}
    assert f"PDF converter at {broken.url} unavailable" in caplog.text and "2 other(s) go on" in caplog.text
    assert "one-shot" not in caplog.text


def test_converters_run_by_the_host_are_named_in_a_list(
    converter, settings, dossier, owner, officer, no_one_shot, monkeypatch
):
    monkeypatch.setattr(converter_pool, "_shared", None)  # the worker's pool stays up for the tests after
    settings.PDF_CONVERTER_URL = " , ".join(f"{each.url}/" for each in converter.converters)
    hosted = converter_pool.shared()
    assert hosted is not converter and [each.url for each in hosted.converters] == [
        each.url for each in converter.converters
    ]
    assert not hosted.managed
    served = _count_conversions(hosted, monkeypatch)
    documents = _four_documents(dossier, owner, officer)
    counts = make_pending_pdfs(documents=Document.objects.filter(pk__in=[d.pk for d in documents]))
    assert counts == {"converted": 4, "failed": 0, "errors": {}}
    assert sorted(served.values()) == [2, 2], served


def test_shared_converters_that_are_down_fall_back_to_one_shot(settings, dossier, owner, caplog):
    # Last: naming other converters stops the worker's pool.
    dead = [f"http://127.0.0.1:{_free_ports(2)}" for _ in range(2)]
    settings.PDF_CONVERTER_URL = ",".join(dead)
    document = run_effect("receipt_slip", dossier, owner)
    with caplog.at_level(logging.WARNING, logger="nangsuat.documents"):
        counts = make_pending_pdfs(documents=Document.objects.filter(pk=document.pk))
    assert counts["converted"] == 1
    assert f"PDF converter at {dead[0]} unavailable" in caplog.text and "1 other(s) go on" in caplog.text
    assert f"PDF converter at {dead[0]}, {dead[1]} unavailable" in caplog.text
    assert "one-shot soffice" in caplog.text
    assert _pdf_of(document).startswith(b"%PDF-")
