"""The indexes behind a list page's sorts: each one reads a page in order and checks the list's filters without
reading a row."""

from collections.abc import Iterable

from django.db import models


def list_index(name: str, *fields: str, filters: Iterable[str]) -> models.Index:
    """(agency, *fields, id) followed by the list ``filters`` it does not start with, as key columns: a page
    of the list sorted on ``fields`` (``-field``: descending) reads this index in order and checks any other
    filter on the index entry itself (a btree condition on a later key column), so a row that does not match
    costs no table read, and a count of rows matching several filters is read from one index alone."""
    bare = {f.lstrip("-") for f in fields}
    lead = [*fields] if fields[-1].lstrip("-") == "id" else [*fields, "id"]
    return models.Index(fields=["agency", *lead, *(f for f in filters if f not in bare)], name=name)
