"""A paginator for very long lists: it counts at most ``cap`` rows, so a page of a national register
never waits for ``COUNT(*)`` over a million rows. Beyond the cap the page says "more than N"."""

from collections.abc import Callable
from functools import cached_property

from django.core.paginator import Paginator

# ``keep(count)``: the count, from wherever the list keeps it (the shared cache), ``count()`` when not there.
Keeper = Callable[[Callable[[], int]], int]


class CappedPaginator(Paginator):
    cap = 10_000

    def __init__(
        self, object_list, per_page, *args, cap: int | None = None, keep: Keeper | None = None, **kwargs
    ):
        super().__init__(object_list, per_page, *args, **kwargs)
        if cap is not None:
            self.cap = cap
        self.keep = keep

    @cached_property
    def count(self) -> int:
        def count() -> int:
            return self.object_list.order_by()[: self.cap + 1].count()

        return self.keep(count) if self.keep else count()

    @property
    def capped(self) -> bool:
        """True when there are more rows than were counted (the last page is then out of reach)."""
        return self.count > self.cap
