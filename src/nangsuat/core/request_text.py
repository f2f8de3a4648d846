"""Text arrives without control characters, whatever the form, page or API operation that reads it.

A control character (a NUL, an ESC, a vertical tab pasted from a word processor) cannot be written into
an official document (XML 1.0 forbids it) nor a workbook, so a note carrying one would fail each time the
dossier's minutes were drawn. Rather than each of the product's forms checking, this middleware looks
once at the query string, a form's fields (never its files) and the strings of an API's JSON body, keys
included:

- on a page, it cleans them (``core.text.without_control_characters``): a person cannot see what a
  paste brought in, and nothing typed on purpose is lost;
- in the API, it answers 400 naming each field, in the API's error shape: a program sending one has a
  bug its author should hear of, not data quietly changed.
"""

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse, QueryDict
from django.utils.translation import gettext as _

from .text import has_control_characters, without_control_characters

FORM_CONTENT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _cleaned_query(query: QueryDict) -> QueryDict | None:
    """A cleaned copy of ``query``, or None when it holds no control character."""
    lists = list(query.lists())
    if not any(has_control_characters(k) or any(has_control_characters(v) for v in vs) for k, vs in lists):
        return None
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in lists:
        cleaned.setlist(without_control_characters(key), [without_control_characters(v) for v in values])
    cleaned._mutable = False
    return cleaned


def _dirty_fields(query: QueryDict) -> list[str]:
    return [
        without_control_characters(key)
        for key, values in query.lists()
        if has_control_characters(key) or any(has_control_characters(v) for v in values)
    ]


def _dirty_paths(value: Any, path: str = "") -> list[str]:
    """The dotted paths (``contents.0.name``) of the strings in a JSON value holding a control character."""
    if isinstance(value, str):
        return [path or "__all__"] if has_control_characters(value) else []
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _dirty_paths(v, f"{path}.{i}" if path else str(i))]
    if isinstance(value, dict):
        found = []
        for key, v in value.items():
            name = without_control_characters(key)
            here = f"{path}.{name}" if path else name
            found += [here] if has_control_characters(key) else _dirty_paths(v, here)
        return found
    return []


def _json_body(request) -> Any:
    """The parsed JSON body when it may hold a control character, else None (not parsed twice in the
    common case; a malformed or oversized body is left for the view to answer)."""
    try:
        body = request.body
    except RequestDataTooBig:  # answered 413 where the body is read (``api/errors.py``)
        return None
    if not has_control_characters(body.decode("utf-8", "replace")) and b"\\u00" not in body:
        return None  # neither raw nor escaped (``\u0006``)
    try:
        return json.loads(body)
    except ValueError:
        return None


def _form_body(request) -> QueryDict | None:
    if request.method not in ("POST", "PUT", "PATCH") or request.content_type not in FORM_CONTENT_TYPES:
        return None
    try:
        return request.POST
    except Exception:  # a malformed body: the view meets the same error and answers it
        return None


def _refusal(fields: list[str]) -> JsonResponse:
    message = _("Dữ liệu chứa ký tự điều khiển (không in được).")
    return JsonResponse({"detail": message, "errors": {name: [message] for name in fields}}, status=400)


class ControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            fields = _dirty_fields(request.GET)
            if (post := _form_body(request)) is not None:
                fields += _dirty_fields(post)
            elif request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/json":
                fields += _dirty_paths(_json_body(request))
            if fields:
                return _refusal(fields)
            return self.get_response(request)
        if cleaned := _cleaned_query(request.GET):
            request.GET = cleaned
        if (post := _form_body(request)) is not None and (cleaned := _cleaned_query(post)):
            request.POST = cleaned
        return self.get_response(request)
