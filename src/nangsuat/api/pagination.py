"""Page-number pagination for every list: ``?page=1&page_size=20`` (page_size 1–100).

Response shape: ``{"items": [...], "total": 123, "page": 1, "page_size": 20, "pages": 7, "total_capped": false}``.
A page past the end returns an empty ``items`` list (200), not an error.

``total`` counts at most ``TOTAL_CAP`` (10,000) rows, as the pages do (``core.pagination.CappedPaginator``),
so a list of a million enterprises never waits for ``COUNT(*)`` over all of them: with more rows, ``total``
is the cap, ``total_capped`` is true and ``pages`` stops there, while later pages still answer their rows.

Two ways to use it in a router::

    from nangsuat.api.pagination import paginated

    @router.get("", response=list[ThingOut])
    @paginated
    def things(request, filters: Query[ThingFilters]):
        return things_for(user=request.auth, **filters.dict())   # a queryset, already scoped

or, when the operation builds its own response, ``page_of(queryset, page=..., page_size=...)``
with ``PageParams`` as a ``Query`` parameter and ``page_schema(ThingOut)`` as the response.
"""

from math import ceil
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate
from pydantic import create_model

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
TOTAL_CAP = 10_000


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Số trang, bắt đầu từ 1 (page number, from 1)")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Số dòng mỗi trang, tối đa 100 (rows per page)"
    )


def _counted(rows: QuerySet | list) -> int:
    """A queryset: COUNT(*) over its first TOTAL_CAP + 1 rows, unordered, so the cost does not grow with it."""
    if isinstance(rows, QuerySet):
        return rows.order_by()[: TOTAL_CAP + 1].count()
    return len(rows)


def page_of(
    queryset: QuerySet | list, *, page: int = 1, page_size: int = DEFAULT_PAGE_SIZE
) -> dict[str, Any]:
    total = _counted(queryset)
    capped = total > TOTAL_CAP
    if capped:
        total = TOTAL_CAP
    offset = (page - 1) * page_size
    return {
        "items": list(queryset[offset : offset + page_size]),
        "total": total,
        "page": page,
        "page_size": page_size,
        "pages": ceil(total / page_size) if total else 0,
        "total_capped": capped,
    }


class PageNumberPagination(PaginationBase):
    class Input(PageParams):
        pass

    class Output(Schema):
        items: list[Any]
        total: int
        page: int
        page_size: int
        pages: int
        total_capped: bool = Field(False, description="Có hơn `total` dòng (more rows than `total` counted)")

    items_attribute = "items"

    def paginate_queryset(self, queryset, pagination: Input, request, **params):
        return page_of(queryset, page=pagination.page, page_size=pagination.page_size)


def paginated(func):
    """Decorator: the operation returns a queryset; the response is one page of it (shape above)."""
    return paginate(PageNumberPagination)(func)


def page_schema(item_schema: type[Schema]) -> type[Schema]:
    """The response schema of one page of ``item_schema`` (for operations that call ``page_of``)."""
    return create_model(
        f"{item_schema.__name__}Page",
        __base__=Schema,
        items=(list[item_schema], ...),
        total=(int, ...),
        page=(int, ...),
        page_size=(int, ...),
        pages=(int, ...),
        total_capped=(bool, False),
    )
