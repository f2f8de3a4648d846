"""The process's PDF converters: a pool of long-lived converters (``converter.py``: one LibreOffice behind
unoserver each), by default one per processor core, because a LibreOffice draws one document at a time and
leaves the other cores idle.

Where they run (settings, docs/deploy.md):

* ``PDF_CONVERTER_URL``: converters run by the host (systemd units), one ``http://host:port`` or several
  separated by commas; the workers use them and never start one.
* otherwise the queue's worker (``nangsuat worker``) starts ``PDF_CONVERTER_PROCESSES`` of them (default: one
  per core) at start-up, all at once, on 127.0.0.1: the first on ``PDF_CONVERTER_PORT`` (its LibreOffice on
  the next port), the second two ports further, and so on, each with its own profile, with a Python that sees
  ``uno`` and ``unoserver`` (``PDF_CONVERTER_PYTHON``, else the ``.venv-uno`` that ``make install`` creates,
  else Debian's ``/usr/bin/python3``); it watches them and starts one again when it dies. A second worker on
  the same host finds them answering on their ports and shares them.
* ``PDF_CONVERTER=off``, or no such Python: one ``soffice --convert-to pdf`` run per batch (``pdf.py``).

A batch (``pdf.convert_many``) hands each document to the converter with the fewest documents in flight. A
converter that cannot be had (down, and could not be started again) is left out for the rest of the batch and
its document goes to another; when every one is out, the documents left go to the one-shot path.
"""

from __future__ import annotations

import atexit
import io
import logging
import os
import threading

from django.conf import settings
from docx import Document as new_docx

from .converter import ConversionFailed, Converter, ConverterDown, server_python

log = logging.getLogger(__name__)


class ConverterPool:
    """Several converters used as one; each takes the documents of whichever threads find it least busy."""

    def __init__(self, converters: list[Converter]) -> None:
        self.converters = converters
        self.lock = threading.Lock()
        self.in_flight = dict.fromkeys(converters, 0)

    def __len__(self) -> int:
        return len(self.converters)

    @property
    def url(self) -> str:
        return ", ".join(converter.url for converter in self.converters)

    @property
    def optional(self) -> bool:
        """A web process's pool: the worker's converters, which may or may not run on this host."""
        return all(converter.optional for converter in self.converters)

    @property
    def managed(self) -> bool:
        return any(converter.managed for converter in self.converters)

    def convert(self, docx: bytes, *, timeout: float, out: set[Converter]) -> bytes:
        """The PDF of ``docx`` from the least busy converter not in ``out`` (those the batch gave up on).
        One that cannot be had joins ``out`` (and the log) and the document goes to the next. Raises
        ``ConversionFailed`` when LibreOffice refuses the document, ``ConverterDown`` when every converter
        is out."""
        reasons = []
        while True:
            converter = self._take(out)
            if converter is None:
                raise ConverterDown("; ".join(reasons) or "every converter was given up for this batch")
            try:
                return converter.convert(docx, timeout=timeout)
            except ConverterDown as exc:
                reasons.append(str(exc))
                with self.lock:
                    out.add(converter)
                    others = len(self.converters) - len(out)
                if others:
                    say = log.info if converter.optional else log.warning
                    say("PDF converter at %s unavailable (%s); %d other(s) go on", converter.url, exc, others)
            finally:
                self._give_back(converter)

    def _take(self, out: set[Converter]) -> Converter | None:
        with self.lock:
            candidates = [converter for converter in self.converters if converter not in out]
            if not candidates:
                return None
            chosen = min(candidates, key=self.in_flight.__getitem__)
            self.in_flight[chosen] += 1
            return chosen

    def _give_back(self, converter: Converter) -> None:
        with self.lock:
            self.in_flight[converter] -= 1

    def warm_up(self) -> None:
        """Start the converters this process manages, all at once, and give each a first document:
        LibreOffice's first one loads its filters and fonts, not on a real document's time."""

        def warm(converter: Converter) -> None:
            try:
                converter.ensure_running()
                converter.convert(_warm_up_docx(), timeout=120)
            except (ConverterDown, ConversionFailed) as exc:
                log.warning(
                    "PDF converter at %s not started (%s); its documents go to the others, or to one-shot "
                    "soffice runs",
                    converter.url,
                    exc,
                )
            except Exception:  # noqa: BLE001 - the worker runs on without it
                log.exception("PDF converter at %s not started", converter.url)

        threads = [
            threading.Thread(target=warm, args=(converter,), name="pdf-converter-start", daemon=True)
            for converter in self.converters
            if converter.managed
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def pids(self) -> list[int]:
        return [pid for converter in self.converters for pid in converter.pids()]

    def stop(self) -> None:
        for converter in self.converters:
            converter.stop()


def _warm_up_docx() -> bytes:
    document = new_docx()
    paragraph = document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    paragraph.runs[0].font.name = "Times New Roman"
    document.add_table(rows=1, cols=2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# The process's pool --------------------------------------------------------------------------------------

_may_start = False
_shared: tuple[tuple, ConverterPool | None] | None = None
_shared_lock = threading.Lock()


def allow_start(allowed: bool = True) -> None:
    """Let this process start (and watch) its own converters: the queue's worker does, the web does not."""
    global _may_start
    _may_start = allowed


def processes() -> int:
    """How many converters the worker starts: ``PDF_CONVERTER_PROCESSES``, one per core by default."""
    return max(1, int(getattr(settings, "PDF_CONVERTER_PROCESSES", 0) or os.cpu_count() or 1))


def urls() -> list[str]:
    """The converters run by the host (``PDF_CONVERTER_URL``, comma-separated), if any."""
    configured = getattr(settings, "PDF_CONVERTER_URL", "")
    return [url.strip().rstrip("/") for url in configured.split(",") if url.strip()]


def worker_started() -> None:
    """The queue's worker starts: it may start its own converters, and does so at once (in the
    background), so the first PDFs do not wait for LibreOffice."""
    allow_start()

    def warm() -> None:
        try:
            pool = shared()
            if pool is not None:
                pool.warm_up()
        except Exception:  # noqa: BLE001 - the worker runs on without them
            log.exception("PDF converters not started")

    threading.Thread(target=warm, name="pdf-converters-start", daemon=True).start()


def shared() -> ConverterPool | None:
    """The converters this process uses, or None for the one-shot path."""
    global _shared
    mode = getattr(settings, "PDF_CONVERTER", "auto")
    hosted = urls()
    port = int(getattr(settings, "PDF_CONVERTER_PORT", 2003))
    count = processes()
    key = (mode, tuple(hosted), port, count, _may_start, getattr(settings, "PDF_CONVERTER_PYTHON", ""))
    with _shared_lock:
        if _shared is not None and _shared[0] == key:
            return _shared[1]
        if _shared is not None and _shared[1] is not None:
            _shared[1].stop()
        pool: ConverterPool | None = None
        # Each converter takes two ports (its server's and its LibreOffice's): the i-th runs on port + 2i.
        local = [(f"http://127.0.0.1:{port + 2 * i}", port + 2 * i) for i in range(count)]
        if mode == "off":
            pool = None
        elif hosted:
            pool = ConverterPool([Converter(url) for url in hosted])
        else:
            python = server_python() if _may_start else None
            if python is not None:
                pool = ConverterPool([Converter(url, python=python, port=p) for url, p in local])
            elif _may_start:
                log.info("PDF converter: no Python with uno and unoserver; one soffice run per batch")
            else:
                # The worker's, if one runs on this host.
                pool = ConverterPool([Converter(url, optional=True) for url, _p in local])
        _shared = (key, pool)
        return pool


@atexit.register
def reset() -> None:
    """Stop the converters this process started and forget them (at exit; tests, the benchmark)."""
    global _shared
    with _shared_lock:
        if _shared is not None and _shared[1] is not None:
            _shared[1].stop()
        _shared = None
