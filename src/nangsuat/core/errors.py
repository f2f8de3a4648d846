"""The one vocabulary for refusing a request, shared by every app's services.

A service raises :class:`Forbidden` when the actor may not do this at all (403) and :class:`Conflict` when
the data's current state does not allow it (409); bad input stays Django's ``ValidationError`` (400).
The API maps these classes once (``api/errors.py``); pages show them through
:func:`nangsuat.core.refusals.refuse`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class Refusal(Exception):
    """A request the product refuses, with a message for the user and optional field errors."""

    status = 400

    def __init__(self, message: str, errors: dict[str, list[str]] | None = None):
        super().__init__(str(message))
        self.message = str(message)
        self.errors = errors or {}


class Forbidden(Refusal, PermissionDenied):
    """The actor's role or scope does not allow this (403). A ``PermissionDenied``, so a page that does
    not catch it still answers 403."""

    status = 403


class Conflict(Refusal):
    """The data's current state does not allow this (409): a wrong dossier state, a closed sheet…"""

    status = 409
