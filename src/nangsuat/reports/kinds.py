"""The reports the Department owes on the plan (Kế hoạch 14/KH-UBND, V.1.đ: "tổ chức sơ kết, tổng kết …
tổng hợp báo cáo tình hình triển khai Kế hoạch này, gửi Ủy ban nhân dân thành phố và Bộ Khoa học và Công
nghệ"): the annual report, the mid-term review in 2028 and the final review in 2030 to the City People's
Committee, and the report to the Ministry. Stable codes; labels translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.indicators.definitions import PERIOD

MIDTERM_YEAR = 2028  # Kế hoạch 14, V.1.đ: sơ kết at the middle of the period 2026–2030
FINAL_YEAR = PERIOD[-1]


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Báo cáo năm")
    MIDTERM = "midterm", _("Báo cáo sơ kết")
    FINAL = "final", _("Báo cáo tổng kết")
    MINISTRY = "ministry", _("Báo cáo gửi Bộ Khoa học và Công nghệ")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SIGNED = "signed", _("Đã ký")


# The reports addressed to the City People's Committee; the other one goes to the Ministry.
CITY_KINDS = frozenset({ReportKind.ANNUAL, ReportKind.MIDTERM, ReportKind.FINAL})
# The only year a review may be for.
FIXED_YEARS: dict[str, int] = {ReportKind.MIDTERM: MIDTERM_YEAR, ReportKind.FINAL: FINAL_YEAR}
MINISTRY_NAME = "Bộ Khoa học và Công nghệ"
PROGRAMME = "Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa"


def span_of(kind: str, year: int) -> tuple[int, ...]:
    """The years a report gives account of: its year, or for a review every year of the period to it."""
    if kind in FIXED_YEARS:
        return tuple(y for y in PERIOD if y <= year)
    return (year,)


def period_text(years: tuple[int, ...] = PERIOD) -> str:
    """'2026 - 2030' (Nghị định 30 writes a range with a spaced hyphen)."""
    return f"{years[0]} - {years[-1]}" if len(years) > 1 else str(years[0])


def summary_of(kind: str, year: int, province: str) -> str:
    """The trích yếu under "BÁO CÁO", in lines short enough for the page."""
    where = f" trên địa bàn {province}" if province else ""
    products = "doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa"
    if kind == ReportKind.MIDTERM:
        first = f"Sơ kết giai đoạn {period_text(span_of(kind, year))} thực hiện Kế hoạch triển khai"
        second = "Chương trình hỗ trợ doanh nghiệp nâng cao năng suất"
        third = f"và chất lượng sản phẩm, hàng hóa giai đoạn {period_text()}"
        return f"{first}\n{second}\n{third}" + (f"\n{where.strip()}" if where else "")
    if kind == ReportKind.FINAL:
        first = "Tổng kết thực hiện Kế hoạch triển khai Chương trình hỗ trợ"
        return f"{first}\n{products}\ngiai đoạn {period_text()}{where}"
    if kind == ReportKind.MINISTRY:
        first = "Tình hình thực hiện Chương trình quốc gia hỗ trợ"
        return f"{first}\n{products}\nnăm {year}{where}"
    return f"Kết quả thực hiện Kế hoạch triển khai Chương trình hỗ trợ\n{products}\nnăm {year}{where}"


def one_line(summary: str) -> str:
    return " ".join(summary.split())
