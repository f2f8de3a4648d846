"""``Idempotency-Key`` on the API's POSTs: a client that timed out and sends the same request again gets
the first answer, not a second dossier.

The first request with a key takes a row (unique per caller and key) before it runs; a retry finds the row
and replays the stored answer, or answers 409 while the first still runs. Only a success (2xx) is kept: a
refusal or an error frees the key, so the retry runs again. The same key with another body is 422. Keys
live ``IDEMPOTENCY_HOURS`` (24).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import IdempotentRequest

HEADER = "HTTP_IDEMPOTENCY_KEY"
MAX_KEY = 200


def _hours() -> int:
    return int(getattr(settings, "IDEMPOTENCY_HOURS", 24))


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"detail": message, "errors": {"Idempotency-Key": [message]}}, status=status)


def _sha256(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.META.get(HEADER)
        if key is None or request.method != "POST" or not request.path.startswith("/api/"):
            return self.get_response(request)
        if not key or len(key) > MAX_KEY or not key.isascii() or not key.isprintable():
            return _error(400, _("Idempotency-Key phải gồm 1–200 ký tự ASCII in được."))
        credentials = request.META.get("HTTP_AUTHORIZATION", "")
        if not credentials:
            return self.get_response(request)  # answered 401 by the API: nothing to remember
        caller = _sha256(credentials.encode())
        try:
            body = request.body
        except Exception:  # noqa: BLE001 - an oversized body: the API answers it (413)
            return self.get_response(request)
        fingerprint = _sha256(request.path.encode() + b"\0" + body)
        stale = timezone.now() - dt.timedelta(hours=_hours())
        IdempotentRequest.objects.filter(caller=caller, key=key, created_at__lt=stale).delete()
        try:
            with transaction.atomic():
                entry = IdempotentRequest.objects.create(
                    caller=caller, key=key, method=request.method, path=request.path, body_sha256=fingerprint
                )
        except IntegrityError:
            return self._replay(caller, key, fingerprint)
        try:
            response = self.get_response(request)
        except BaseException:
            IdempotentRequest.objects.filter(pk=entry.pk).delete()
            raise
        if 200 <= response.status_code < 300 and not getattr(response, "streaming", False):
            IdempotentRequest.objects.filter(pk=entry.pk).update(
                status=response.status_code,
                content_type=response.get("Content-Type", ""),
                body=response.content,
            )
        else:
            IdempotentRequest.objects.filter(pk=entry.pk).delete()
        return response

    @staticmethod
    def _replay(caller: str, key: str, fingerprint: str):
        entry = IdempotentRequest.objects.filter(caller=caller, key=key).first()
        if entry is None:  # freed between the two reads: ask the client to send it again
            return _error(409, _("Yêu cầu cùng Idempotency-Key vừa kết thúc; vui lòng gửi lại."))
        if entry.body_sha256 != fingerprint:
            return _error(422, _("Idempotency-Key này đã dùng cho một yêu cầu khác."))
        if entry.status is None:
            return _error(
                409, _("Yêu cầu cùng Idempotency-Key đang được xử lý; vui lòng thử lại sau ít giây.")
            )
        response = HttpResponse(bytes(entry.body), status=entry.status, content_type=entry.content_type)
        response["Idempotent-Replayed"] = "true"
        return response
