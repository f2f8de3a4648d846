"""The productivity charts, drawn on the server as ``indicators/charts.py`` draws its own (matplotlib's
object API, DejaVu Sans, SVG for pages, PNG for documents): an enterprise's trend against its peers'
quartiles. The benchmark page's distributions are drawn in HTML (``benchmarks.html``): one query, no image."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from nangsuat.indicators.charts import BLUE, GREY, LIGHT, new_figure, render

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
    figure = new_figure(5.6, 2.6)
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
    return render(figure, fmt)


def n_fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")
