"""Pages show a refusal one way: as the form's errors when there is a form, else as a message."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm

from .errors import Refusal


def _joined(errors) -> str:
    return " ".join(str(m) for msgs in errors.values() for m in msgs)


def message_of(exc: Exception) -> str:
    """The words of a refusal, a ``ValidationError`` or a ``PermissionDenied``, for one line on a page."""
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return _joined(exc.message_dict)
        return " ".join(exc.messages)
    if isinstance(exc, Refusal):
        return exc.message
    return str(exc)


def add_form_errors(form: BaseForm, exc: ValidationError | Refusal) -> None:
    """Put each field's errors on that field of the form, the rest above the form."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(exc, Refusal) and exc.errors:
        for field, errors in exc.errors.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc.messages)
    else:
        form.add_error(None, message_of(exc))


def refuse(request, exc: ValidationError | PermissionDenied | Refusal, form: BaseForm | None = None) -> None:
    """Show why a service refused: on the form when one is given, else as an error message."""
    if form is not None:
        add_form_errors(form, exc)
    else:
        messages.error(request, message_of(exc))


def refuse_form(request, form: BaseForm) -> None:
    """A small form posted from a page that then redirects: its errors become one error message."""
    messages.error(request, _joined(form.errors))
