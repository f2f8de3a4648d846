"""Table rows drawn in Python, as Django's admin draws its change list: the long lists' template tags
(``dossier_rows``, ``enterprise_rows``, ``contract_rows``) build each row with an f-string, every value passed
through ``html.escape``, and share these two pieces."""

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe


def link_to(name: str) -> Callable[[object], str]:
    """The URL of the detail view ``name`` for any id, resolved once for the whole list: ``link(pk)``."""
    head, tail = reverse(name, args=[0]).rsplit("/0/", 1)
    return lambda pk: f"{head}/{pk}/{tail}"


def joined(rows: Iterable[str]) -> SafeString:
    """The rows as one safe string; each row must have escaped every value it holds."""
    return mark_safe("".join(rows))  # noqa: S308 - the callers escape every value
