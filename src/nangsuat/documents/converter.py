"""One long-lived PDF converter: a LibreOffice kept running behind unoserver's XML-RPC server, so a
document costs a conversion (a fraction of a second) instead of a LibreOffice start-up (seconds).

A converter at a URL is either run by the host (``PDF_CONVERTER_URL``) or started by this process, on
``port`` with its LibreOffice on ``port + 1`` and a profile of its own, watched and started again when it
dies. How many the process uses and where: ``converter_pool.py``.

The server converts one document at a time (LibreOffice is one process); several threads or workers may
call it at once, their requests wait their turn. unoserver's client is XML-RPC only (no ``uno``): the
calls below are its protocol (API "3"), with a time limit on the socket, which its own client lacks.
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import logging
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client
from functools import cache
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)

API_VERSION = "3"  # unoserver's XML-RPC protocol (unoserver.client.API_VERSION)
START_TIMEOUT = 60  # seconds for a new converter to answer
PROBE_TIMEOUT = 10
RETRY_START_AFTER = 60  # seconds before a converter that would not start is tried again


class ConverterDown(Exception):
    """The converter cannot be reached (and could not be started again): use the one-shot path."""


class ConversionFailed(RuntimeError):
    """The converter is up but LibreOffice could not convert this document."""


class _Transport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self.timeout
        return connection


def _proxy(url: str, timeout: float) -> xmlrpc.client.ServerProxy:
    return xmlrpc.client.ServerProxy(url, allow_none=True, transport=_Transport(timeout))


def probe(url: str, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether a unoserver speaking our protocol answers at ``url``."""
    try:
        info = _proxy(url, timeout).info()
    except (OSError, xmlrpc.client.Error, http.client.HTTPException):
        return False
    return isinstance(info, dict) and info.get("api") == API_VERSION


def _fault_reason(fault: xmlrpc.client.Fault) -> str:
    lines = [line for line in str(fault.faultString).splitlines() if line.strip()]
    return (lines[-1] if lines else str(fault))[-300:]


class Converter:
    """A converter at ``url``; ``python`` set: this process may start it (and start it again)."""

    def __init__(
        self, url: str, *, python: str | None = None, port: int | None = None, optional: bool = False
    ) -> None:
        self.url = url
        self.optional = optional  # a worker's converter the web may find on this host, or not
        self.python = python
        self.port = port
        self.process: subprocess.Popen | None = None
        self.generation = 0  # bumped at each (re)start, so two threads never restart it twice
        self.ready = False
        self.lock = threading.Lock()
        self.log_path: Path | None = None
        self.profile: tempfile.TemporaryDirectory | None = None
        self.retry_at = 0.0  # after a failed start: the batches meanwhile go to one-shot runs at once

    @property
    def managed(self) -> bool:
        return self.python is not None

    def convert(self, docx: bytes, *, timeout: float) -> bytes:
        """The PDF of ``docx``. A converter that stopped answering (LibreOffice died, a conversion hung)
        is started again and the document sent once more. Raises ``ConversionFailed`` when LibreOffice
        refuses the document, ``ConverterDown`` when no converter can be had."""
        for attempt in (1, 2):
            generation = self.ensure_running()
            try:
                result = _proxy(self.url, timeout).convert(
                    None, xmlrpc.client.Binary(docx), None, "pdf", None, [], False, None, None
                )
            except xmlrpc.client.Fault as fault:
                # A LibreOffice that died under the document answers with a fault too: tell them apart.
                if probe(self.url):
                    raise ConversionFailed(_fault_reason(fault)) from None
                reason = f"converter lost during a conversion ({_fault_reason(fault)})"
            except (OSError, xmlrpc.client.ProtocolError, http.client.HTTPException) as exc:
                reason = f"converter not answering ({type(exc).__name__}: {exc})"
            else:
                data = result.data if isinstance(result, xmlrpc.client.Binary) else b""
                if not data.startswith(b"%PDF"):
                    raise ConversionFailed("the converter returned no PDF")
                return data
            if not self.managed or attempt == 2:
                raise ConverterDown(reason)
            log.warning("PDF converter at %s: %s; starting it again", self.url, reason)
            self.restart(generation)
        raise AssertionError("unreachable")

    # Managing our own server ------------------------------------------------------------------------

    def ensure_running(self) -> int:
        """Start the converter if this process manages it and it is not running; returns its generation."""
        if not self.managed:
            return self.generation
        with self.lock:
            alive = self.process is None or self.process.poll() is None
            if not (self.ready and alive):
                if time.monotonic() < self.retry_at:
                    raise ConverterDown("it would not start a moment ago")
                try:
                    self._start()
                except ConverterDown:
                    self.retry_at = time.monotonic() + RETRY_START_AFTER
                    raise
            return self.generation

    def restart(self, seen_generation: int) -> None:
        with self.lock:
            if self.generation != seen_generation:
                return  # another thread started it again meanwhile
            self._stop()
            self.ready = False

    def _start(self) -> None:
        if probe(self.url, timeout=3):
            # Another worker on this host runs one: share it (and start ours if it goes away).
            self.process, self.ready = None, True
            self.generation += 1
            log.info("PDF converter: using the one already running at %s", self.url)
            return
        self._stop()
        assert self.python is not None and self.port is not None
        self.profile = tempfile.TemporaryDirectory(prefix="ns-uno-")
        self.log_path = Path(self.profile.name) / "unoserver.log"
        command = [
            self.python,
            "-m",
            "unoserver.server",
            "--interface",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--uno-interface",
            "127.0.0.1",
            "--uno-port",
            str(self.port + 1),
            "--user-installation",
            str(Path(self.profile.name) / "profile"),
            "--conversion-timeout",
            str(int(getattr(settings, "DOCUMENTS_PDF_TIMEOUT", 120))),
        ]
        started = time.monotonic()
        self.process = _spawn(command, self.log_path)
        self.generation += 1
        while time.monotonic() - started < START_TIMEOUT:
            if self.process.poll() is not None:
                break
            if probe(self.url, timeout=3):
                self.ready = True
                log.info(
                    "PDF converter started at %s (pid %s, %.1f s)",
                    self.url,
                    self.process.pid,
                    time.monotonic() - started,
                )
                return
            time.sleep(0.5)
        tail = self.log_tail()
        self._stop()
        if probe(self.url, timeout=3):  # another worker won the race for the port
            self.process, self.ready = None, True
            return
        raise ConverterDown(f"the PDF converter did not start: {tail}")

    def _stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(10)
            # What is left of its group (a LibreOffice launcher that outlived the server) goes too.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)
        if process is not None and self.profile is not None:
            self.profile.cleanup()
            self.profile = None

    def stop(self) -> None:
        with self.lock:
            self._stop()
            self.ready = False

    def pids(self) -> list[int]:
        """The processes of a converter this process started (the server and its LibreOffice)."""
        if self.process is None or self.process.poll() is not None:
            return []
        found = [self.process.pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if os.getpgid(int(entry.name)) == self.process.pid and int(entry.name) not in found:
                        found.append(int(entry.name))
                except OSError:
                    continue
        return found

    def log_tail(self) -> str:
        try:
            return (self.log_path.read_text(errors="replace") if self.log_path else "")[-400:].strip()
        except OSError:
            return ""


def _spawn(command: list[str], log_path: Path) -> subprocess.Popen:
    """Start the server from a thread that lives as long as it: the server is told to stop (SIGTERM)
    when that thread ends, which is when the worker dies, however it dies (a killed worker leaves no
    LibreOffice behind). A thread of a pool would end with its batch and take the converter with it."""
    box: queue.Queue = queue.Queue()

    def keeper() -> None:
        try:
            with open(log_path, "ab") as output:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group: stopped with its LibreOffice
                    preexec_fn=_die_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509
                )
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box.put(exc)
            return
        box.put(process)
        process.wait()

    threading.Thread(target=keeper, name="pdf-converter", daemon=True).start()
    started = box.get(timeout=30)
    if isinstance(started, BaseException):
        raise ConverterDown(f"the PDF converter could not be started: {started}")
    return started


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the thread that started it ends (PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


# Which Python can run the server -----------------------------------------------------------------------


def _candidates() -> list[str]:
    configured = getattr(settings, "PDF_CONVERTER_PYTHON", "")
    if configured:
        return [configured]
    roots = [Path.cwd(), Path(sys.prefix).parent, Path(settings.BASE_DIR).resolve().parent.parent]
    found = [str(root / ".venv-uno" / "bin" / "python") for root in roots]
    return [*dict.fromkeys(found), "/usr/bin/python3"]


@cache
def _can_serve(python: str) -> bool:
    if not os.access(python, os.X_OK):
        return False
    try:
        checked = subprocess.run(
            [python, "-c", "import uno, unoserver.server"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return checked.returncode == 0


def server_python() -> str | None:
    """A Python that sees ``uno`` and ``unoserver`` (to run the server), or None."""
    return next((python for python in _candidates() if _can_serve(python)), None)
