"""Pydantic's error list → ``{"field": ["Vietnamese message"]}``."""

from typing import Any

from django.utils.translation import gettext as _

_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def _message(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    limit = ctx.get(
        "ge", ctx.get("gt", ctx.get("le", ctx.get("lt", ctx.get("max_length", ctx.get("min_length")))))
    )
    table = {
        "missing": _("Trường này là bắt buộc."),
        "int_parsing": _("Phải là số nguyên."),
        "int_type": _("Phải là số nguyên."),
        "int_from_float": _("Phải là số nguyên (không có phần thập phân)."),
        "float_parsing": _("Phải là số."),
        "float_type": _("Phải là số."),
        "decimal_parsing": _("Phải là số."),
        "decimal_type": _("Phải là số."),
        "bool_parsing": _("Phải là true hoặc false."),
        "bool_type": _("Phải là true hoặc false."),
        "string_type": _("Phải là chuỗi ký tự."),
        "string_too_short": _("Quá ngắn: tối thiểu %(n)s ký tự.") % {"n": limit},
        "string_too_long": _("Quá dài: tối đa %(n)s ký tự.") % {"n": limit},
        "string_pattern_mismatch": _("Không đúng định dạng."),
        "too_short": _("Quá ít phần tử: tối thiểu %(n)s.") % {"n": limit},
        "too_long": _("Quá nhiều phần tử: tối đa %(n)s.") % {"n": limit},
        "greater_than": _("Phải lớn hơn %(n)s.") % {"n": limit},
        "greater_than_equal": _("Phải lớn hơn hoặc bằng %(n)s.") % {"n": limit},
        "less_than": _("Phải nhỏ hơn %(n)s.") % {"n": limit},
        "less_than_equal": _("Phải nhỏ hơn hoặc bằng %(n)s.") % {"n": limit},
        "date_parsing": _("Ngày không hợp lệ (định dạng YYYY-MM-DD)."),
        "date_from_datetime_parsing": _("Ngày không hợp lệ (định dạng YYYY-MM-DD)."),
        "date_type": _("Ngày không hợp lệ (định dạng YYYY-MM-DD)."),
        "datetime_parsing": _("Thời điểm không hợp lệ (định dạng ISO 8601)."),
        "datetime_from_date_parsing": _("Thời điểm không hợp lệ (định dạng ISO 8601)."),
        "datetime_type": _("Thời điểm không hợp lệ (định dạng ISO 8601)."),
        "uuid_parsing": _("Mã UUID không hợp lệ."),
        "list_type": _("Phải là một danh sách."),
        "dict_type": _("Phải là một đối tượng JSON."),
        "model_type": _("Phải là một đối tượng JSON."),
        "model_attributes_type": _("Phải là một đối tượng JSON."),
        "extra_forbidden": _("Trường không được hỗ trợ."),
        "json_invalid": _("JSON không hợp lệ."),
        "value_error": "",
        "assertion_error": "",
    }
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        return _("Giá trị không hợp lệ; chỉ nhận: %(values)s.") % {"values": expected}
    message = table.get(kind)
    if message:
        return message
    raw = str(err.get("msg", ""))
    for prefix in ("Value error, ", "Assertion failed, "):
        if raw.startswith(prefix):
            return raw[len(prefix) :]
    return _("Giá trị không hợp lệ.")


def _field_name(loc: list | tuple) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        # A schema parameter nests its fields under the parameter's name ("payload", "filters"): drop it.
        parts = parts[2:] if len(parts) > 2 else parts[1:]
    # Pydantic adds the tried type to the path of a union member ("literal['a','b']", "function-after[…]").
    parts = [p for p in parts if "[" not in p]
    return ".".join(parts) or "__all__"


def pydantic_errors_to_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for err in errors:
        messages = out.setdefault(_field_name(err.get("loc", ())), [])
        message = _message(err)
        if message not in messages:
            messages.append(message)
    return out
