"""When the database goes away (restarted, a connection killed, a statement past its timeout), a page or
an API call answers 503 "try again shortly" and the broken connection is dropped, so the next request opens
a new one: the server recovers without a restart."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


def database_unavailable_message() -> str:
    return _("Hệ thống tạm thời không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút.")


def drop_unusable_connections() -> None:
    """Close each connection that no longer answers, so the next query opens a new one (Django would
    at the request's end too; a worker serving the next request at once must not meet it first). A
    connection inside a transaction is left to the code that opened it."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or connection.in_atomic_block:
            continue
        try:
            if not connection.is_usable():
                connection.close()
        except Exception:  # noqa: BLE001 - a connection already broken may fail to close
            log.debug("closing a broken connection failed", exc_info=True)


class DatabaseUnavailableMiddleware:
    """Pages: an OperationalError or InterfaceError becomes the 503 page (drawn without the database)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.warning("Database unavailable on %s: %s", request.path, exception)
        drop_unusable_connections()
        if request.path.startswith("/api/"):
            body = {"detail": database_unavailable_message(), "errors": {}}
            response: HttpResponse = JsonResponse(body, status=503)
        else:
            html = render_to_string("503.html", {"message": database_unavailable_message()})
            response = HttpResponse(html, status=503)
        response["Retry-After"] = "30"
        return response
