from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nangsuat.councils.scoring import Criterion, Rankable, aggregate, ranked

CRITERIA = [Criterion("urgency", 15), Criterion("feasibility", 50), Criterion("effectiveness", 35)]

sheet_st = st.fixed_dictionaries({c.code: st.integers(0, c.max_points) for c in CRITERIA})
sheets_st = st.lists(sheet_st, min_size=1, max_size=9)


def agg(sheets, total_min=70, ratio="0.5"):
    return aggregate(sheets, CRITERIA, pass_total_min=Decimal(total_min), min_ratio=Decimal(ratio))


@given(sheets_st)
def test_means_stay_within_bounds(sheets):
    result = agg(sheets)
    for c in CRITERIA:
        assert 0 <= result.means[c.code] <= c.max_points
    assert 0 <= result.total <= 100
    assert result.sheet_count == len(sheets)


@given(sheet_st, st.integers(1, 9))
def test_mean_of_identical_sheets_is_that_sheet(sheet, n):
    result = agg([sheet] * n)
    assert result.means == {code: Decimal(v).quantize(Decimal("0.01")) for code, v in sheet.items()}
    assert result.total == sum(sheet.values())


@given(sheets_st, st.randoms())
def test_order_does_not_matter(sheets, rnd):
    shuffled = list(sheets)
    rnd.shuffle(shuffled)
    assert agg(sheets) == agg(shuffled)


def test_pass_needs_total_and_every_criterion():
    assert agg([{"urgency": 15, "feasibility": 35, "effectiveness": 20}]).passed  # 70, all ≥ half
    below_total = agg([{"urgency": 10, "feasibility": 35, "effectiveness": 20}])  # 65
    assert not below_total.passed and below_total.total_below_min
    weak_criterion = agg([{"urgency": 7, "feasibility": 50, "effectiveness": 35}])  # 92, urgency 7 < 7.5
    assert not weak_criterion.passed and weak_criterion.failing == ("urgency",)


def test_pass_is_tested_on_exact_means_not_rounded_ones():
    # Means 69.995… would round to 70.00 but do not reach 70.
    sheets = [{"urgency": 15, "feasibility": 35, "effectiveness": 20}] * 2 + [
        {"urgency": 15, "feasibility": 35, "effectiveness": 19}
    ]
    result = agg(sheets)
    assert result.total == Decimal("69.67") and not result.passed


def test_points_out_of_bounds_are_refused():
    with pytest.raises(ValueError):
        agg([{"urgency": 16, "feasibility": 0, "effectiveness": 0}])
    with pytest.raises(ValueError):
        agg([])


def test_ties_break_by_priority_then_submission_time():
    import datetime as dt

    t0 = dt.datetime(2026, 2, 1, 8, 0, tzinfo=dt.UTC)
    entries = [
        Rankable("late", Decimal("80"), 10, t0 + dt.timedelta(hours=2)),
        Rankable("early", Decimal("80"), 10, t0),
        Rankable("priority", Decimal("80"), 15, t0 + dt.timedelta(days=3)),
        Rankable("best", Decimal("90"), 0, t0 + dt.timedelta(days=9)),
    ]
    assert [e.key for _rank, e in ranked(entries)] == ["best", "priority", "early", "late"]
    assert [rank for rank, _e in ranked(entries)] == [1, 2, 3, 4]
