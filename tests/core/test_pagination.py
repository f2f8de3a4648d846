import pytest

from nangsuat.core.models import Agency
from nangsuat.core.pagination import CappedPaginator

pytestmark = pytest.mark.django_db


def make_agencies(n):
    Agency.objects.bulk_create(
        Agency(code=f"a{i}", name=f"Sở {i}", parent_body="UBND", province_code="92", place_name="X")
        for i in range(n)
    )


@pytest.mark.parametrize(
    ("rows", "cap", "count", "capped"), [(3, 5, 3, False), (5, 5, 5, False), (9, 5, 6, True)]
)
def test_counts_at_most_one_past_the_cap(rows, cap, count, capped):
    make_agencies(rows)
    paginator = CappedPaginator(Agency.objects.order_by("code"), 2)
    paginator.cap = cap
    assert paginator.count == count
    assert paginator.capped is capped
    assert [a.code for a in paginator.page(1)] == ["a0", "a1"]
