"""The narrative sections' first text, drawn from the figures, for the officer to complete before the
director signs: what was achieved against each target, which targets lag the pace of the period, what is
left to do and what the Department asks of the city or the Ministry. Pure functions of the figures."""

from __future__ import annotations

from typing import Any

from nangsuat.core.formatting import format_vnd
from nangsuat.indicators.definitions import PERIOD

from .figures import value_in
from .kinds import CITY_KINDS, FINAL_YEAR, ReportKind, period_text


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def percent(value: float | None) -> str:
    """'12,5 %' (a decimal comma), '—' without a target."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",").removesuffix(",0") + " %"


def pace(year: int) -> float:
    """The share of the period's targets due by the end of ``year`` at an even pace (2027: 40 %)."""
    done = sum(1 for y in PERIOD if y <= year)
    return round(100 * done / len(PERIOD), 1)


def lagging(figures: dict[str, Any], year: int) -> list[dict[str, Any]]:
    due = pace(year)
    return [row for row in figures["indicators"] if row["share"] is not None and row["share"] < due]


def results(kind: str, year: int, figures: dict[str, Any]) -> str:
    money = figures["money"]
    years = figures["years"]
    when = f"năm {year}" if len(years) == 1 else f"giai đoạn {period_text(tuple(years))}"
    lines = [
        f"Trong {when}, Sở Khoa học và Công nghệ đã hỗ trợ {number(money['enterprises'])} doanh nghiệp thực hiện "
        "nhiệm vụ nâng cao năng suất và chất lượng, với tổng kinh phí hỗ trợ "
        f"{format_vnd(money['committed_vnd'], ' đồng')}, trong đó đã thanh toán "
        f"{format_vnd(money['paid_vnd'], ' đồng')}.",
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch:",
    ]
    for row in figures["indicators"]:
        if len(years) == 1:
            done = f"năm {year} đạt {number(value_in(row, year))} {row['unit']}"
        else:
            done = ", ".join(f"năm {y} đạt {number(value_in(row, y))}" for y in years) + f" {row['unit']}"
        lines.append(
            f"- {row['name']}: {done}; lũy kế giai đoạn {number(row['total'])}/{number(row['target'])} "
            f"{row['unit']}, đạt {percent(row['share'])} chỉ tiêu."
        )
    return "\n".join(lines)


def shortcomings(kind: str, year: int, figures: dict[str, Any]) -> str:
    behind = lagging(figures, year)
    lines = []
    if behind:
        lines.append(
            f"Một số chỉ tiêu chưa đạt tiến độ (đến hết năm {year} cần đạt khoảng {percent(pace(year))} chỉ tiêu "
            "cả giai đoạn):"
        )
        lines += [f"- {row['name']}: mới đạt {percent(row['share'])} chỉ tiêu." for row in behind]
    else:
        lines.append(f"Các chỉ tiêu của Kế hoạch đều đạt hoặc vượt tiến độ đề ra đến hết năm {year}.")
    money = figures["money"]
    if money["committed_vnd"] and money["paid_vnd"] < money["committed_vnd"]:
        lines.append(
            f"- Kinh phí đã thanh toán {format_vnd(money['paid_vnd'], ' đồng')} trên "
            f"{format_vnd(money['committed_vnd'], ' đồng')} kinh phí hỗ trợ; một số nhiệm vụ chưa được nghiệm "
            "thu, thanh lý và thanh toán."
        )
    return "\n".join(lines)


def causes(kind: str, year: int, figures: dict[str, Any]) -> str:
    return "\n".join(
        [
            "- Nguồn lực của doanh nghiệp, nhất là doanh nghiệp nhỏ và vừa, còn hạn chế; nhận thức về năng suất, "
            "chất lượng và lợi ích của việc áp dụng hệ thống quản lý, công cụ cải tiến chưa đồng đều.",
            "- Việc thực hiện nhiệm vụ hỗ trợ kéo dài qua nhiều bước (xét chọn, ký hợp đồng, nghiệm thu, thanh "
            "lý); một số doanh nghiệp chậm hoàn thiện hồ sơ, minh chứng kết quả.",
        ]
    )


def directions(kind: str, year: int, figures: dict[str, Any]) -> str:
    if year >= FINAL_YEAR:
        lines = ["Giai đoạn tiếp theo, Sở Khoa học và Công nghệ tập trung:"]
    else:
        lines = [f"Năm {year + 1}, Sở Khoa học và Công nghệ tập trung:"]
    for row in lagging(figures, year):
        left = max(row["target"] - row["total"], 0)
        lines.append(
            f"- {row['name']}: phấn đấu thực hiện {number(left)} {row['unit']} còn lại của chỉ tiêu."
        )
    lines += [
        "- Tiếp tục tuyên truyền, phổ biến, đào tạo về năng suất, chất lượng cho doanh nghiệp trên địa bàn.",
        "- Đẩy nhanh tiến độ nghiệm thu, thanh lý, thanh toán các nhiệm vụ hỗ trợ đã ký hợp đồng.",
        "- Nhân rộng các mô hình điển hình áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.",
    ]
    return "\n".join(lines)


def proposals(kind: str, year: int, figures: dict[str, Any]) -> str:
    if kind in CITY_KINDS:
        following = "giai đoạn tiếp theo" if year >= FINAL_YEAR else f"năm {year + 1}"
        return "\n".join(
            [
                f"- Đề nghị Ủy ban nhân dân thành phố bố trí kinh phí thực hiện Kế hoạch {following}.",
                "- Đề nghị các sở, ban ngành, Ủy ban nhân dân các xã, phường phối hợp giới thiệu doanh nghiệp "
                "tham gia Chương trình.",
            ]
        )
    return "\n".join(
        [
            "- Đề nghị Bộ Khoa học và Công nghệ tiếp tục tổ chức đào tạo, cấp chứng chỉ chuyên gia năng suất "
            "cho địa phương.",
            "- Đề nghị Bộ hướng dẫn thống nhất mẫu báo cáo và bộ chỉ tiêu theo dõi Chương trình.",
        ]
    )


WRITERS = {
    "results": results,
    "shortcomings": shortcomings,
    "causes": causes,
    "directions": directions,
    "proposals": proposals,
}


def defaults(kind: str, year: int, figures: dict[str, Any]) -> dict[str, str]:
    """Each narrative section's first text."""
    assert kind in ReportKind.values, kind
    return {name: write(kind, year, figures) for name, write in WRITERS.items()}
