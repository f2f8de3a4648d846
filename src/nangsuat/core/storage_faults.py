"""When the file store is full or cannot be written (a full disk, a read-only mount, lost permissions, an
S3-compatible store that is unreachable or refuses the write), the step refuses cleanly: a page or an API
call answers 507 (full) or 503 (not writable) with a message, the step's transaction rolls back so no
record is left, and the files the request had already written are removed, so no file is left either.

``FaultTolerantStorage`` gives any storage that behaviour: it removes a partly written file itself, turns
the backend's error into ``StorageUnavailable`` and notes each file a request writes (storage and name), so
the middleware (pages) and the API's handler (``api/errors.py``) can remove them through the same storage.
``ProtectedFileSystemStorage`` is the uploads' storage in ``MEDIA_ROOT`` (the default);
``s3_storage.ProtectedS3Storage`` the one in a private bucket (``MEDIA_STORAGE=s3``).

Neither hands out a URL that serves a file: files go out only through the views that check who asks
(``dossiers.uploads.file_download`` and the like, streaming ``storage.open``)."""

from __future__ import annotations

import contextvars
import errno
import logging
import os
from collections.abc import Iterator
from urllib.parse import urljoin

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.encoding import filepath_to_uri
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_written: contextvars.ContextVar[list[tuple[Storage, str]] | None] = contextvars.ContextVar(
    "written_files", default=None
)


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


class StorageUnreadable(StorageUnavailable):
    """The store could not be read (unreachable, refusing): a clean 503, nothing changed."""

    def message(self) -> str:
        return _("Máy chủ tạm thời không đọc được tệp. Vui lòng thử lại sau hoặc báo quản trị hệ thống.")


class FaultTolerantStorage:
    """A mixin placed before a storage class: a failed write becomes ``StorageUnavailable`` with its
    partial file removed, and each file written is noted for removal should the request fail."""

    #: what the backend raises when a write fails
    write_errors: tuple[type[BaseException], ...] = (OSError,)

    def write_error_code(self, exc: BaseException) -> int:
        """The ``errno`` a failed write stands for (``FULL`` ones answer 507, the others 503)."""
        return getattr(exc, "errno", None) or errno.EIO

    def _save(self, name, content):
        try:
            saved = super()._save(name, content)  # type: ignore[misc]
        except StorageUnavailable:
            raise
        except self.write_errors as exc:
            _remove(self, name)  # type: ignore[arg-type]
            log.error("file store refused %s: %s", name, exc)
            code = self.write_error_code(exc)
            raise StorageUnavailable(code, os.strerror(code)) from exc
        written = _written.get()
        if written is not None:
            written.append((self, saved))  # type: ignore[arg-type]
        return saved

    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)  # type: ignore[misc]
        except FileNotFoundError:
            raise  # a missing file: the views answer 404
        except self.write_errors as exc:
            log.error("file store could not open %s: %s", name, exc)
            raise StorageUnreadable(errno.EIO, os.strerror(errno.EIO)) from exc

    def url(self, name):
        """Never a URL that serves the file by itself: the path under ``MEDIA_URL``, which no route
        serves (files go out through the permission-checked views)."""
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name or "").lstrip("/"))


class ProtectedFileSystemStorage(FaultTolerantStorage, FileSystemStorage):
    """Uploads and drawn documents in ``MEDIA_ROOT``."""


def is_local(storage: Storage) -> bool:
    """Whether the files are in a folder of this server (free-disk checks make sense only then)."""
    return isinstance(storage, FileSystemStorage)


def walk(storage: Storage, top: str = "") -> Iterator[str]:
    """Every file name in the store under ``top`` (its sub-folders too), in name order per folder."""
    try:
        folders, files = storage.listdir(top)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{top}/{name}" if top else name
    for folder in sorted(folders):
        yield from walk(storage, f"{top}/{folder}" if top else folder)


def _remove(storage: Storage, name: str) -> None:
    try:
        if storage.exists(name):
            storage.delete(name)
    except Exception:  # noqa: BLE001 - the write already failed; a leftover is the clean-up's
        log.warning("could not remove the partial file %s", name, exc_info=True)


def remove_written_files() -> int:
    """Remove the files this request wrote (its step rolled back): returns how many."""
    written = _written.get() or []
    removed = 0
    for storage, name in written:
        try:
            if storage.exists(name):
                storage.delete(name)
                removed += 1
        except Exception:  # noqa: BLE001 - a leftover is found by the daily clean-up
            log.warning("could not remove %s", name, exc_info=True)
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
