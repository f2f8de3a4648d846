"""Every answer carries its request id, and every log line written while serving it names that id."""

import json
import logging

import pytest
from django.test import Client

from nangsuat.core.request_log import JsonFormatter, RequestContextFilter, RequestIdMiddleware

pytestmark = pytest.mark.django_db


def test_an_answer_carries_the_proxys_request_id_or_a_new_one():
    assert Client().get("/healthz", HTTP_X_REQUEST_ID="abc12345-proxy")["X-Request-ID"] == "abc12345-proxy"
    fresh = Client().get("/healthz")["X-Request-ID"]
    assert len(fresh) == 32
    bogus = Client().get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert bogus != "<script>" and len(bogus) == 32


def test_a_log_line_written_during_a_request_is_json_with_its_id(rf):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("nangsuat.test-request-log")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def view(request):
        logger.info("Hồ sơ %s đã nộp", "CT-2026-000001")
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = rf.get("/dossiers/", HTTP_X_REQUEST_ID="req-00000001")
    try:
        RequestIdMiddleware(view)(request)
    finally:
        logger.removeHandler(handler)
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == "req-00000001" and line["path"] == "/dossiers/"
    assert line["message"] == "Hồ sơ CT-2026-000001 đã nộp" and line["level"] == "INFO"
