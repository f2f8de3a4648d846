"""Each request carries an id (the proxy's ``X-Request-ID``, or a new one), answered in the same header
and written on every log line the request causes; with ``LOG_FORMAT=json`` each line is one JSON object
(time, level, logger, message, request id, path, user), for the data centre's log collector."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid

_request: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("request", default=None)
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if ACCEPTED_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request.set({"request_id": request_id, "method": request.method, "path": request.path})
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestContextFilter(logging.Filter):
    """Adds the current request's id, method and path to each record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = _request.get() or {}
        record.request_id = context.get("request_id", "")
        record.http_method = context.get("method", "")
        record.http_path = context.get("path", "")
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "method": getattr(record, "http_method", ""),
            "path": getattr(record, "http_path", ""),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
