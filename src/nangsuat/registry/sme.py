"""SME size by Nghị định 80/2021/NĐ-CP, Điều 5 (DOMAIN-FACTS §3).

Employees (annual average of staff with social insurance) is mandatory; revenue and total capital are
alternatives. Test micro, then small, then medium; the first that matches wins; above medium is not an SME.
The sector group follows the main VSIC line: section A → agriculture, forestry, fishery; B–F → industry and
construction (same thresholds as A); G–U → trade and services.
"""

from dataclasses import dataclass

TY = 1_000_000_000  # 1 tỷ đồng

AGRI_INDUSTRY = "agri_industry"
TRADE_SERVICES = "trade_services"


@dataclass(frozen=True)
class Threshold:
    size: str
    employees: int
    revenue_vnd: int
    capital_vnd: int


THRESHOLDS: dict[str, list[Threshold]] = {
    AGRI_INDUSTRY: [
        Threshold("micro", 10, 3 * TY, 3 * TY),
        Threshold("small", 100, 50 * TY, 20 * TY),
        Threshold("medium", 200, 200 * TY, 100 * TY),
    ],
    TRADE_SERVICES: [
        Threshold("micro", 10, 10 * TY, 3 * TY),
        Threshold("small", 50, 100 * TY, 50 * TY),
        Threshold("medium", 100, 300 * TY, 100 * TY),
    ],
}


def sector_group(vsic_section: str) -> str:
    return AGRI_INDUSTRY if (vsic_section or "").upper() in "ABCDEF" and vsic_section else TRADE_SERVICES


def size_class(
    *, vsic_section: str, employees: int | None, revenue_vnd: int | None, capital_vnd: int | None
) -> str:
    """Return ``micro``, ``small``, ``medium`` or ``large``; ``""`` when the figures do not allow a decision
    (no employees, or neither revenue nor capital)."""
    if employees is None or (revenue_vnd is None and capital_vnd is None):
        return ""
    for t in THRESHOLDS[sector_group(vsic_section)]:
        if employees > t.employees:
            continue
        if (revenue_vnd is not None and revenue_vnd <= t.revenue_vnd) or (
            capital_vnd is not None and capital_vnd <= t.capital_vnd
        ):
            return t.size
    return "large"


def is_sme(size: str) -> bool:
    return size in ("micro", "small", "medium")
