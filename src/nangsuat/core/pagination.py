"""A paginator for very long lists: it counts at most ``cap`` rows, so a page of a national register
never waits for ``COUNT(*)`` over a million rows. Beyond the cap the page says "more than N"."""

from functools import cached_property

from django.core.paginator import Paginator


class CappedPaginator(Paginator):
    cap = 10_000

    def __init__(self, object_list, per_page, *args, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        if cap is not None:
            self.cap = cap

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        """True when there are more rows than were counted (the last page is then out of reach)."""
        return self.count > self.cap
