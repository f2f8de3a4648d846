"""The support amount rules as numbers: proposed support never above the request, the rate of the cost or
the ceiling; exactly the smallest of the three when all are known."""

from hypothesis import given
from hypothesis import strategies as st

from nangsuat.contracts.amounts import limit_of
from nangsuat.contracts.amounts import proposed_of as proposed
from nangsuat.dossiers.models import CallContent, Dossier

money = st.integers(0, 50_000_000_000)


@given(cost=money, requested=money, rate=st.integers(1, 100), ceiling=money)
def test_proposed_support_is_the_smallest_of_request_rate_and_ceiling(cost, requested, rate, ceiling):
    content = CallContent(support_rate_percent=rate, ceiling_vnd=ceiling)
    dossier = Dossier(total_cost_vnd=cost, requested_support_vnd=requested)
    limit = limit_of(dossier, content)
    assert limit == min(cost * rate // 100, ceiling)
    assert proposed(dossier, content) == min(requested, limit)
    assert proposed(dossier, content) <= ceiling and proposed(dossier, content) * 100 <= cost * rate


@given(cost=money, rate=st.integers(1, 100), ceiling=money)
def test_without_a_request_the_limit_is_proposed(cost, rate, ceiling):
    content = CallContent(support_rate_percent=rate, ceiling_vnd=ceiling)
    dossier = Dossier(total_cost_vnd=cost, requested_support_vnd=None)
    assert proposed(dossier, content) == limit_of(dossier, content)
