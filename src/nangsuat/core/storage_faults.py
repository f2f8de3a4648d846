"""When the media folder is full or cannot be written (a full disk, a read-only mount, lost permissions),
the step refuses cleanly: a page or an API call answers 507 (full) or 503 (not writable) with a message,
the step's transaction rolls back so no record is left, and the files the request had already written
are removed, so no file is left either.

``ProtectedFileSystemStorage`` is the uploads' storage: it removes a partly written file itself, turns the
``OSError`` into ``StorageUnavailable`` and notes each file a request writes, so the middleware (pages)
and the API's handler (``api/errors.py``) can remove them."""

from __future__ import annotations

import contextvars
import errno
import logging
import os

from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_written: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("written_files", default=None)


class StorageUnavailable(OSError):
    """The media folder refused a write; ``errno`` says why."""

    @property
    def full(self) -> bool:
        return self.errno in FULL

    @property
    def status(self) -> int:
        return 507 if self.full else 503

    def message(self) -> str:
        if self.full:
            return _(
                "Máy chủ đã hết chỗ lưu tệp: thao tác chưa được thực hiện và không có gì được lưu. "
                "Vui lòng thử lại sau hoặc báo quản trị hệ thống."
            )
        return _(
            "Máy chủ tạm thời không ghi được tệp: thao tác chưa được thực hiện và không có gì được lưu. "
            "Vui lòng thử lại sau hoặc báo quản trị hệ thống."
        )


class ProtectedFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            saved = super()._save(name, content)
        except StorageUnavailable:
            raise
        except OSError as exc:
            _remove(self, name)
            log.error("media folder refused %s: %s", name, exc)
            raise StorageUnavailable(exc.errno or errno.EIO, os.strerror(exc.errno or errno.EIO)) from exc
        written = _written.get()
        if written is not None:
            written.append(self.path(saved))
        return saved


def _remove(storage: FileSystemStorage, name: str) -> None:
    try:
        path = storage.path(name)
        if os.path.isfile(path):
            os.remove(path)
    except OSError:
        log.warning("could not remove the partial file %s", name, exc_info=True)


def remove_written_files() -> int:
    """Remove the files this request wrote (its step rolled back): returns how many."""
    written = _written.get() or []
    removed = 0
    for path in written:
        try:
            os.remove(path)
            removed += 1
        except FileNotFoundError:
            continue
        except OSError:
            log.warning("could not remove %s", path, exc_info=True)
    written.clear()
    return removed


def storage_unavailable_response(request, exc: StorageUnavailable) -> HttpResponse:
    remove_written_files()
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": exc.message(), "errors": {}}, status=exc.status)
    html = render_to_string("503.html", {"message": exc.message()})
    return HttpResponse(html, status=exc.status)


class StorageFaultMiddleware:
    """Notes the files each request writes; a ``StorageUnavailable`` on a page becomes the clean
    refusal, with the request's files removed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _written.set([])
        try:
            return self.get_response(request)
        finally:
            _written.reset(token)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageUnavailable):
            return None
        return storage_unavailable_response(request, exception)
