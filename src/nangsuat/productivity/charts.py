"""The productivity charts, drawn on the server as ``indicators/charts.py`` draws its own (matplotlib's
object API, DejaVu Sans, SVG for pages): an enterprise's trend against its peers' quartiles, and the
distribution of an indicator across sections or size classes."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from nangsuat.indicators.charts import BLUE, GREY, LIGHT, _figure, _render

ORANGE = "#c2571a"


def _millions(value: float) -> str:
    return f"{value / 1e6:,.0f}".replace(",", ".")


def trend_chart(
    years: Sequence[int],
    values: Sequence[float | None],
    peers: Sequence[tuple[float, float, float] | None],
    *,
    fmt: str = "svg",
) -> bytes:
    """The enterprise's labour productivity (million đồng per person) by year, over its peer group's
    band from the first to the third quartile and their median."""
    figure = _figure(5.6, 2.6)
    axes = figure.add_subplot()
    labels = [str(y) for y in years]
    band = [(i, p) for i, p in enumerate(peers) if p is not None]
    if band:
        xs = [i for i, _p in band]
        axes.fill_between(
            xs,
            [p[0] / 1e6 for _i, p in band],
            [p[2] / 1e6 for _i, p in band],
            color=LIGHT,
            label=_("Nhóm so sánh: tứ phân vị 1–3"),
        )
        axes.plot(
            xs,
            [p[1] / 1e6 for _i, p in band],
            color=GREY,
            linestyle="--",
            marker="o",
            markersize=3,
            label=_("Nhóm so sánh: trung vị"),
        )
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if points:
        axes.plot(
            [i for i, _v in points],
            [v / 1e6 for _i, v in points],
            color=BLUE,
            marker="o",
            linewidth=2,
            label=_("Doanh nghiệp"),
        )
        for i, v in points:
            axes.annotate(
                _millions(v),
                (i, v / 1e6),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
                color=BLUE,
            )
    axes.set_xticks(range(len(labels)), labels)
    axes.set_ylim(bottom=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_ylabel(_("triệu đồng/người"), color=GREY)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=8)
    return _render(figure, fmt)


def distribution_chart(
    rows: Sequence[tuple[str, float, float, float, int]],
    *,
    unit_divisor: float = 1e6,
    unit: str = "",
    fmt: str = "svg",
) -> bytes:
    """(label, p25, median, p75, n) rows as horizontal ranges from the first to the third quartile with
    the median marked: where each group stands (suppressed groups are left out by the caller)."""
    figure = _figure(5.6, 0.38 * len(rows) + 0.9)
    axes = figure.add_subplot()
    ordered = list(rows)[::-1]
    for i, (_label, p25, median, p75, _n) in enumerate(ordered):
        axes.plot(
            [p25 / unit_divisor, p75 / unit_divisor], [i, i], color=LIGHT, linewidth=9, solid_capstyle="butt"
        )
        axes.plot([median / unit_divisor], [i], marker="|", markersize=14, markeredgewidth=2.5, color=BLUE)
        axes.text(
            p75 / unit_divisor,
            i,
            f"  {_millions(median * 1e6 / unit_divisor)} (n={n_fmt(_n)})",
            va="center",
            fontsize=7.5,
            color=GREY,
        )
    axes.set_yticks(range(len(ordered)), [label for label, *_rest in ordered])
    axes.set_xlim(left=0, right=max([r[3] for r in ordered] + [1]) / unit_divisor * 1.35)
    axes.spines[["top", "right", "left"]].set_visible(False)
    if unit:
        axes.set_xlabel(unit, color=GREY)
    return _render(figure, fmt)


def n_fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")
