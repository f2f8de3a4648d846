"""Quartiles by linear interpolation between closest ranks (PostgreSQL's ``percentile_cont``)."""

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from nangsuat.productivity.quartiles import percentile_cont, quartiles


def test_odd_count():
    # 5 values: positions 1, 2, 3 (0-based) exactly
    assert quartiles([5, 1, 4, 2, 3]) == (2.0, 3.0, 4.0)


def test_even_count():
    # 4 values 10, 20, 30, 40: positions 0.75, 1.5, 2.25
    assert quartiles([40, 10, 30, 20]) == (17.5, 25.0, 32.5)


def test_one_and_two_values():
    assert quartiles([7]) == (7.0, 7.0, 7.0)
    assert quartiles([1, 3]) == (1.5, 2.0, 2.5)


def test_empty_is_refused():
    with pytest.raises(ValueError):
        percentile_cont([], 0.5)


@given(st.lists(st.floats(min_value=-1e9, max_value=1e9), min_size=1, max_size=50))
def test_quartiles_are_ordered_and_within_range(values):
    p25, median, p75 = quartiles(values)
    assert min(values) <= p25 <= median <= p75 <= max(values)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="percentile_cont is PostgreSQL's")
@pytest.mark.parametrize("values", [[5, 1, 4, 2, 3], [40, 10, 30, 20], [1.5, 2.25, 1e6, -3, 0, 7, 7, 9.125]])
def test_equal_to_postgresql_percentile_cont(values):
    with connection.cursor() as cursor:
        cursor.execute(
            "select percentile_cont(array[0.25, 0.5, 0.75]) within group (order by x) "
            "from unnest(%s::float8[]) as x",
            [[float(v) for v in values]],
        )
        assert tuple(cursor.fetchone()[0]) == pytest.approx(quartiles(values), rel=1e-12)
