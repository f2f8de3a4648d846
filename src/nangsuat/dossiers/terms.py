"""What a call offers for each support content, when a higher app sets it by its own rules.

The dossiers sit below the budget, so they never ask the budget's norms directly: the budget registers a
provider here in its ``AppConfig.ready()`` (``budget.norms.call_terms``). ``set_call_contents`` asks the
providers for the support rate, the ceiling and their legal basis in force on the call's opening day
(``registration_opens``) and writes them on the call's content, where they stay: a norm changed later never
alters an opened call, nor the contracts signed under it. Without a provider, or when no provider has terms
for a content, the call keeps the rate and ceiling its managers entered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple


class CallTerms(NamedTuple):
    rate_percent: int
    ceiling_vnd: int
    legal_basis: str


Provider = Callable[..., "tuple[int, int, str] | None"]
_providers: list[Provider] = []


def provide_call_terms(provider: Provider) -> Provider:
    """Register ``provider(agency_id=, content_id=, opened_on=)`` → (rate %, ceiling, legal basis) or None."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def terms_in_force(*, agency_id: int, content_id: int, opened_on: dt.date) -> CallTerms | None:
    """The first registered provider's terms for a content of a call opened on ``opened_on``, if any."""
    for provider in _providers:
        terms = provider(agency_id=agency_id, content_id=content_id, opened_on=opened_on)
        if terms is not None:
            return CallTerms(*terms)
    return None
