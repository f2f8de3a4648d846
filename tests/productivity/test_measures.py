"""The indicators of DOMAIN-FACTS §8 against values computed by hand, and their properties."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nangsuat.productivity.measures import (
    YearFigures,
    labour_share,
    measures,
    series,
    tfp_growth,
    value_added,
)

BEFORE = YearFigures(
    year=2023,
    employees=40,
    hours_worked=80_000,
    fixed_assets_vnd=8_000_000_000,
    energy_kwh=400_000,
    wages_vnd=2_000_000_000,
    depreciation_vnd=500_000_000,
    operating_surplus_vnd=1_200_000_000,
    production_taxes_vnd=300_000_000,
)
NOW = YearFigures(
    year=2024,
    employees=44,
    hours_worked=88_000,
    fixed_assets_vnd=8_800_000_000,
    energy_kwh=420_000,
    wages_vnd=2_400_000_000,
    depreciation_vnd=550_000_000,
    operating_surplus_vnd=1_450_000_000,
    production_taxes_vnd=400_000_000,
)


def test_value_added_by_income_approach_sums_the_four_parts():
    assert value_added(None, 2_000, 500, 1_200, 300) == 4_000
    # a part missing: the value given directly
    assert value_added(3_900, 2_000, None, 1_200, 300) == 3_900
    # a loss counts: surplus may be negative
    assert value_added(None, 2_000, 500, -2_600, 100) == 0


def test_levels_by_hand():
    m = measures(BEFORE)
    # value added 2.0 + 0.5 + 1.2 + 0.3 = 4.0 billion đồng
    assert m.value_added_vnd == 4_000_000_000
    assert m.labour_productivity == 100_000_000  # 4.0 bn ÷ 40 people
    assert m.labour_productivity_hour == 50_000  # 4.0 bn ÷ 80,000 hours
    assert m.capital_productivity == 0.5  # 4.0 bn ÷ 8.0 bn fixed assets
    assert m.energy_productivity == 10_000  # 4.0 bn ÷ 400,000 kWh
    assert m.labour_productivity_growth is None  # no year before


def test_growth_and_tfp_by_hand():
    m = measures(NOW, BEFORE)
    # 2024: value added 4.8 bn, 44 people → 109,090,909.09 đồng/person; growth 109.09/100 − 1
    assert m.labour_productivity == pytest.approx(4_800_000_000 / 44)
    assert m.labour_productivity_growth == pytest.approx(0.0909090909)
    assert m.capital_productivity_growth == pytest.approx((4.8 / 8.8) / 0.5 - 1)
    # TFP: g_Y = ln(4.8/4.0) = 0.18232, g_K = ln(1.1) = 0.09531, g_L (hours) = ln(1.1) = 0.09531;
    # labour shares 2.4/4.8 = 0.5 and 2.0/4.0 = 0.5 → b_L = 0.5, b_K = 0.5;
    # TFP growth = 0.18232 − 0.5·0.09531 − 0.5·0.09531 = 0.08701
    assert tfp_growth(NOW, BEFORE) == pytest.approx(math.log(1.2) - math.log(1.1), abs=1e-12)
    assert m.tfp_growth == pytest.approx(0.0870114, abs=1e-6)


def test_growth_only_between_consecutive_years():
    later = YearFigures(**{**NOW.__dict__, "year": 2025})
    assert measures(later, BEFORE).labour_productivity_growth is None
    assert series([BEFORE, later])[2025].tfp_growth is None


def test_missing_or_zero_denominators_give_no_indicator():
    m = measures(YearFigures(year=2024, employees=0, value_added_vnd=1_000))
    assert m.labour_productivity is None and m.labour_productivity_hour is None
    assert m.capital_productivity is None and m.energy_productivity is None


def test_tfp_needs_a_labour_share_between_0_and_1():
    assert labour_share(YearFigures(year=2024, value_added_vnd=1_000, wages_vnd=1_500)) is None
    assert (
        tfp_growth(NOW, YearFigures(year=2023, employees=40, fixed_assets_vnd=1, value_added_vnd=4)) is None
    )


positive = st.integers(min_value=1, max_value=10**12)


@given(positive, positive, positive, positive, st.integers(min_value=1, max_value=10**6))
def test_labour_productivity_is_value_added_per_person(w, d, s, t, people):
    m = measures(
        YearFigures(
            year=2024,
            employees=people,
            wages_vnd=w,
            depreciation_vnd=d,
            operating_surplus_vnd=s,
            production_taxes_vnd=t,
        )
    )
    assert m.labour_productivity == pytest.approx((w + d + s + t) / people)


@given(positive, positive, positive, st.floats(min_value=0.5, max_value=3))
def test_tfp_is_zero_when_output_grows_as_its_inputs(va, assets, hours, factor):
    """Constant returns: scale value added, capital and labour by one factor — no TFP growth."""
    wages = va // 2 or 1
    if not 0 < wages / va < 1:
        return
    before = YearFigures(
        year=2023, hours_worked=hours, fixed_assets_vnd=assets, value_added_vnd=va, wages_vnd=wages
    )
    now = YearFigures(
        year=2024,
        hours_worked=round(hours * factor) or 1,
        fixed_assets_vnd=round(assets * factor) or 1,
        value_added_vnd=round(va * factor) or 1,
        wages_vnd=round(wages * factor) or 1,
    )
    result = tfp_growth(now, before)
    if result is not None:
        g = [
            math.log(n / b)
            for n, b in ((now.value_added_vnd, va), (now.fixed_assets_vnd, assets), (now.hours_worked, hours))
        ]
        assert abs(result) <= abs(g[0] - g[1]) + abs(g[0] - g[2]) + 1e-9
