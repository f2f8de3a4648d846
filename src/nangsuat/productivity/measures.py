"""Productivity indicators of one enterprise-year, as DOMAIN-FACTS §8 defines them. Pure functions, no
database: the services feed them plain numbers (money in integer đồng) and store the floats they return;
pages round them at the edge only.

- Value added (income approach) = wages + depreciation + operating surplus + production taxes; a value
  added given directly is used when the parts are not all known.
- Labour productivity = value added ÷ average number employed (đồng per person), and ÷ hours worked
  (đồng per hour), as the Asian Productivity Organization's databook reports both.
- Capital productivity = value added ÷ fixed assets; energy productivity = value added ÷ energy used
  (đồng per kWh-equivalent).
- Growth of an indicator = this year ÷ last year − 1 (only between consecutive years).
- TFP growth by growth accounting = g_Y − b_K·g_K − b_L·g_L with b_K + b_L = 1, here with growth rates
  as log differences and b_L the labour share of value added (wages ÷ value added, the mean of the two
  years, Törnqvist), b_K = 1 − b_L. Needs both years' value added, fixed assets, labour (hours worked if
  both years have them, else employees) and wages.
- National reference: labour productivity growth above 6.5 %/year (QĐ 1305/QĐ-TTg, 2023).
"""

import math
from dataclasses import dataclass, fields

NATIONAL_GROWTH_TARGET = 0.065  # QĐ 1305/QĐ-TTg (2023): labour productivity growth > 6.5 %/year


@dataclass(frozen=True)
class YearFigures:
    """What one year contributes to the indicators (None: not known)."""

    year: int
    employees: int | None = None
    hours_worked: int | None = None
    fixed_assets_vnd: int | None = None
    energy_kwh: int | None = None
    value_added_vnd: int | None = None
    wages_vnd: int | None = None
    depreciation_vnd: int | None = None
    operating_surplus_vnd: int | None = None
    production_taxes_vnd: int | None = None


@dataclass(frozen=True)
class Measures:
    value_added_vnd: int | None = None
    labour_productivity: float | None = None
    labour_productivity_hour: float | None = None
    capital_productivity: float | None = None
    energy_productivity: float | None = None
    labour_productivity_growth: float | None = None
    capital_productivity_growth: float | None = None
    energy_productivity_growth: float | None = None
    tfp_growth: float | None = None

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def value_added(
    direct: int | None,
    wages: int | None,
    depreciation: int | None,
    surplus: int | None,
    taxes: int | None,
) -> int | None:
    """Value added by the income approach when all four parts are known, else the value given directly."""
    parts = (wages, depreciation, surplus, taxes)
    if all(p is not None for p in parts):
        return sum(parts)  # type: ignore[arg-type]
    return direct


def _ratio(numerator: int | None, denominator: int | float | None) -> float | None:
    if numerator is None or not denominator or denominator <= 0:
        return None
    return numerator / denominator


def _growth(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or before <= 0:
        return None
    return now / before - 1


def _log_growth(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or now <= 0 or before <= 0:
        return None
    return math.log(now / before)


def _va(f: YearFigures) -> int | None:
    return value_added(
        f.value_added_vnd, f.wages_vnd, f.depreciation_vnd, f.operating_surplus_vnd, f.production_taxes_vnd
    )


def levels(f: YearFigures) -> Measures:
    va = _va(f)
    return Measures(
        value_added_vnd=va,
        labour_productivity=_ratio(va, f.employees),
        labour_productivity_hour=_ratio(va, f.hours_worked),
        capital_productivity=_ratio(va, f.fixed_assets_vnd),
        energy_productivity=_ratio(va, f.energy_kwh),
    )


def labour_share(f: YearFigures) -> float | None:
    va = _va(f)
    if f.wages_vnd is None or va is None or va <= 0:
        return None
    share = f.wages_vnd / va
    return share if 0 < share < 1 else None


def tfp_growth(now: YearFigures, before: YearFigures) -> float | None:
    """g_Y − b_K·g_K − b_L·g_L (§8), log growth rates, b_L the two years' mean labour share."""
    g_y = _log_growth(_va(now), _va(before))
    g_k = _log_growth(now.fixed_assets_vnd, before.fixed_assets_vnd)
    if now.hours_worked and before.hours_worked:
        g_l = _log_growth(now.hours_worked, before.hours_worked)
    else:
        g_l = _log_growth(now.employees, before.employees)
    shares = (labour_share(now), labour_share(before))
    if g_y is None or g_k is None or g_l is None or None in shares:
        return None
    b_l = (shares[0] + shares[1]) / 2  # type: ignore[operator]
    b_k = 1 - b_l
    return g_y - b_k * g_k - b_l * g_l


def measures(now: YearFigures, before: YearFigures | None = None) -> Measures:
    """The indicators of ``now``; growth rates only when ``before`` is the year just before it."""
    current = levels(now)
    if before is None or before.year != now.year - 1:
        return current
    previous = levels(before)
    return Measures(
        **{
            **current.as_dict(),
            "labour_productivity_growth": _growth(current.labour_productivity, previous.labour_productivity),
            "capital_productivity_growth": _growth(
                current.capital_productivity, previous.capital_productivity
            ),
            "energy_productivity_growth": _growth(current.energy_productivity, previous.energy_productivity),
            "tfp_growth": tfp_growth(now, before),
        }
    )


def series(years: list[YearFigures]) -> dict[int, Measures]:
    """The indicators of each year of one enterprise, growth against the year before where it exists."""
    by_year = {f.year: f for f in years}
    return {y: measures(f, by_year.get(y - 1)) for y, f in sorted(by_year.items())}
