"""Operations whose body a Django form validates, as a page's would (the workflow's action forms, the
progress report): the body read as a JSON object or as a form with files, and the form's fields drawn
as JSON Schema for the OpenAPI document, so the document never drifts from the form."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .errors import ALL_FIELDS, ApiError

FORM_CONTENT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
BINARY = {"type": "string", "format": "binary"}


def read_form_body(request) -> tuple[Any, Any]:
    """``(data, files)``: a form's fields and files, or a JSON object and ``None``. Malformed JSON or
    anything but an object is 400."""
    if request.content_type in FORM_CONTENT_TYPES:
        return request.POST, request.FILES
    try:
        data = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise ApiError(
            400, _("Nội dung gửi lên không phải JSON hợp lệ."), {ALL_FIELDS: [_("JSON lỗi cú pháp.")]}
        ) from exc
    if not isinstance(data, dict):
        raise ApiError(400, _("Dữ liệu không hợp lệ."), {ALL_FIELDS: [_("Phải là một đối tượng JSON.")]})
    return data, None


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def _field_schema(field: forms.Field) -> dict[str, Any]:
    if isinstance(field, forms.FileField):
        multiple = getattr(field.widget, "allow_multiple_selected", False)
        schema: dict[str, Any] = {"type": "array", "items": BINARY} if multiple else dict(BINARY)
    elif isinstance(field, forms.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
    elif isinstance(field, forms.BooleanField):
        schema = {"type": "boolean"}
    else:  # text, and choices whose list may come from the database (read when the form validates)
        schema = {"type": "string"}
        if getattr(field, "max_length", None):
            schema["maxLength"] = field.max_length
        if getattr(field, "min_length", None):
            schema["minLength"] = field.min_length
    description = " ".join(str(part) for part in (field.label, field.help_text) if part)
    if description:
        schema["description"] = description
    return schema


def check_json_types(form_class: type[forms.Form] | None, data: Any, files: Any) -> None:
    """A JSON body's fields must have the JSON type the document gives them (``_field_schema``): the
    form would take a list or an object for text as Python's text of it (``['a', 'b']`` in an official
    document), ``true`` for the number 1. ValidationError (400) naming each field; a form body (``files``
    not None) is text throughout and the form reads it as a page's."""
    if form_class is None or files is not None:
        return
    errors: dict[str, list[str]] = {}
    for name, field in form_class().fields.items():
        value = data.get(name)
        if value is None:
            continue  # absent: the form says whether it is required
        schema = _field_schema(field)
        if schema["type"] == "array" or schema.get("format") == "binary":
            errors[name] = [_("Tệp phải gửi trong một biểu mẫu multipart/form-data.")]
        elif schema["type"] == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
            errors[name] = [_("Phải là số nguyên.")]
        elif schema["type"] == "boolean" and not isinstance(value, bool):
            errors[name] = [_("Phải là true hoặc false.")]
        elif schema["type"] == "string" and not isinstance(value, str):
            errors[name] = [_("Phải là chuỗi ký tự.")]
    if errors:
        raise ValidationError(errors)


def form_schema(form_class: type[forms.Form], *, files: bool) -> tuple[dict[str, Any], list[str]]:
    """``(properties, required)`` of the form's fields; file fields only when ``files`` (a multipart body)."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, field in form_class().fields.items():
        if isinstance(field, forms.FileField) and not files:
            continue
        properties[name] = _field_schema(field)
        if field.required:
            required.append(name)
    return properties, required


def form_request_body(form_class: type[forms.Form]) -> dict[str, Any]:
    """An operation's ``openapi_extra``: its body is the form, as JSON or (with its files) multipart."""

    def schema(files: bool) -> dict[str, Any]:
        properties, required = form_schema(form_class, files=files)
        return {"type": "object", "properties": properties, "required": required}

    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": schema(False)},
                "multipart/form-data": {"schema": schema(True)},
            },
        }
    }
