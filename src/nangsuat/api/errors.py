"""One error shape for the whole API, in Vietnamese:

    {"detail": "<message>", "errors": {"<field>": ["<message>", ...]}}

``errors`` is present (possibly empty) on every error. Status codes:
400 bad input (schema validation, Django ``ValidationError``, malformed JSON, ``DataError``), 401 no or bad credentials,
403 forbidden (``PermissionDenied``, ``core.errors.Forbidden``), 404 unknown (``Http404``,
``ObjectDoesNotExist``), 409 conflict (``core.errors.Conflict``, ``IntegrityError``), 429 throttled.
Routers raise :class:`ApiError` for anything else.
"""

import logging
from typing import Any

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    BadRequest,
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from nangsuat.core.database_faults import database_unavailable_message, drop_unusable_connections
from nangsuat.core.errors import Refusal
from nangsuat.core.storage_faults import StorageUnavailable, storage_unavailable_response

from .validation import pydantic_errors_to_fields

logger = logging.getLogger(__name__)

ALL_FIELDS = NON_FIELD_ERRORS  # "__all__": an error about the request as a whole


class ApiError(Exception):
    """Raise from a router: ``raise ApiError(409, _("…"), errors={"field": ["…"]})``."""

    def __init__(
        self,
        status: int,
        detail: str,
        errors: dict[str, list[str]] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(detail)
        self.status = status
        self.detail = str(detail)
        self.errors = errors or {}
        self.headers = headers or {}


class ErrorOut(Schema):
    """The body of every error answer, for the OpenAPI document."""

    detail: str = Field(..., description="Thông báo lỗi tiếng Việt (Vietnamese message)")
    errors: dict[str, list[str]] = Field(
        ..., description='Lỗi theo trường ("__all__": cả yêu cầu); {} khi không trường nào sai'
    )


def error_responses(*statuses: int) -> dict[int, type[ErrorOut]]:
    """``response={200: Out, **error_responses(400, 403, 404, 409)}``: the listed answers documented
    with the error body (401 is added: every authenticated operation may answer it)."""
    return {status: ErrorOut for status in sorted({401, *statuses})}


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"detail": str(detail), "errors": {k: [str(m) for m in v] for k, v in (errors or {}).items()}}


def _respond(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, errors=None, headers=None
) -> HttpResponse:
    response = api.create_response(request, error_body(detail, errors), status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _status_message(status: int) -> str:
    return {
        400: _("Yêu cầu không hợp lệ."),
        401: _("Chưa xác thực: hãy gửi khóa truy cập (Authorization: Bearer …) hoặc đăng nhập."),
        403: _("Bạn không có quyền thực hiện thao tác này."),
        404: _("Không tìm thấy."),
        405: _("Phương thức không được hỗ trợ."),
        409: _("Xung đột với trạng thái hiện tại của dữ liệu."),
        413: _("Dữ liệu gửi lên quá lớn."),
        429: _("Quá nhiều yêu cầu, vui lòng thử lại sau."),
    }.get(status, _("Yêu cầu không thực hiện được."))


def django_validation_errors(exc: DjangoValidationError) -> tuple[str, dict[str, list[str]]]:
    if hasattr(exc, "error_dict"):
        errors = {field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()}
        first = next((m for msgs in errors.values() for m in msgs), "")
        return _("Dữ liệu không hợp lệ: %(first)s") % {"first": first} if first else _(
            "Dữ liệu không hợp lệ."
        ), errors
    messages = [str(m) for m in exc.messages]
    return " ".join(messages) or _("Dữ liệu không hợp lệ."), {ALL_FIELDS: messages} if messages else {}


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace ninja's defaults (422 with pydantic's English, HTML tracebacks) with the shape above."""

    def on_ninja_validation(request, exc: NinjaValidationError):
        errors = pydantic_errors_to_fields(exc.errors)
        return _respond(api, request, 400, _("Dữ liệu không hợp lệ, vui lòng kiểm tra các trường."), errors)

    def on_django_validation(request, exc: DjangoValidationError):
        detail, errors = django_validation_errors(exc)
        return _respond(api, request, 400, detail, errors)

    def on_http_error(request, exc: HttpError):
        message = str(exc.message) if hasattr(exc, "message") else ""
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            return _respond(
                api,
                request,
                400,
                _("Nội dung gửi lên không phải JSON hợp lệ."),
                {ALL_FIELDS: [_("JSON lỗi cú pháp.")]},
            )
        if message == "CSRF check Failed":  # ninja's, for a signed-in browser's write
            message = _("Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF): hãy tải lại trang rồi thử lại.")
        elif isinstance(exc, AuthenticationError) or message in (
            "Unauthorized",
            "Forbidden",
            "Too many requests.",
        ):
            message = ""
        return _respond(api, request, exc.status_code, message or _status_message(exc.status_code))

    def on_api_error(request, exc: ApiError):
        return _respond(api, request, exc.status, exc.detail, exc.errors, exc.headers)

    def on_permission_denied(request, exc):
        return _respond(api, request, 403, str(exc) or _status_message(403))

    def on_not_found(request, exc):
        return _respond(api, request, 404, _("Không tìm thấy đối tượng yêu cầu."))

    def on_refusal(request, exc: Refusal):
        return _respond(api, request, exc.status, exc.message, exc.errors)

    def on_integrity_error(request, exc):
        logger.info("Integrity error in API: %s", exc)
        return _respond(api, request, 409, _("Dữ liệu trùng lặp hoặc xung đột với dữ liệu đã có."))

    def on_data_error(request, exc):
        logger.info("Data error in API: %s", exc)
        return _respond(api, request, 400, _("Dữ liệu không hợp lệ (quá dài, quá lớn hoặc sai kiểu)."))

    def on_bad_request(request, exc):
        # A multipart body Django cannot parse (a part's headers past 1 KB: a file name of thousands of
        # characters), too many fields, a JSON body past DATA_UPLOAD_MAX_MEMORY_SIZE.
        logger.info("Bad request to API: %s", exc)
        if isinstance(exc, RequestDataTooBig):
            return _respond(api, request, 413, _status_message(413))
        return _respond(
            api,
            request,
            400,
            _("Không đọc được dữ liệu gửi lên (tên tệp quá dài, hoặc quá nhiều trường)."),
        )

    def on_overflow(request, exc: OverflowError):
        # SQLite refuses to bind an integer past 64 bits (an id of 10**30 in a path); PostgreSQL finds
        # nothing. Bodies and filters bound their ids (``schemas.Id``); any other overflow is a bug.
        if "too large" not in str(exc):
            return on_unexpected(request, exc)
        logger.info("Integer overflow in API: %s", exc)
        return _respond(api, request, 400, _("Dữ liệu không hợp lệ: số quá lớn."))

    def on_database_unavailable(request, exc):
        # The database went away (restarted, connection killed) or a statement ran past its timeout:
        # a 503 the client may retry, and the broken connection is dropped so the next request opens
        # a new one (no restart needed).
        logger.warning("Database unavailable in API: %s", exc)
        drop_unusable_connections()
        return _respond(api, request, 503, database_unavailable_message(), headers={"Retry-After": "30"})

    def on_storage_unavailable(request, exc):
        # The media folder is full or read-only: the step rolled back; its files are removed too.
        return storage_unavailable_response(request, exc)

    def on_unexpected(request, exc):
        logger.exception("Unexpected API error", exc_info=exc)
        return _respond(api, request, 500, _("Lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị."))

    api.add_exception_handler(NinjaValidationError, on_ninja_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(PermissionDenied, on_permission_denied)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ObjectDoesNotExist, on_not_found)
    api.add_exception_handler(Refusal, on_refusal)
    api.add_exception_handler(IntegrityError, on_integrity_error)
    api.add_exception_handler(DataError, on_data_error)
    api.add_exception_handler(OperationalError, on_database_unavailable)
    api.add_exception_handler(InterfaceError, on_database_unavailable)
    api.add_exception_handler(OverflowError, on_overflow)
    api.add_exception_handler(StorageUnavailable, on_storage_unavailable)
    for bad_request in (MultiPartParserError, BadRequest, SuspiciousOperation):
        api.add_exception_handler(bad_request, on_bad_request)
    api.add_exception_handler(Exception, on_unexpected)
