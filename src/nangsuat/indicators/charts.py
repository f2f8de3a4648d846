"""Charts drawn on the server, without a browser library or a CDN: SVG for pages, PNG for documents.

matplotlib's object API (a ``Figure`` per chart, no pyplot state), so charts may be drawn in several
threads at once; DejaVu Sans, which matplotlib carries, has every Vietnamese letter."""

import io
from collections.abc import Sequence

import matplotlib
from django.utils.translation import gettext as _
from matplotlib.figure import Figure

from .counting import Tally
from .definitions import PERIOD

BLUE = "#1d4f91"
LIGHT = "#c9d7ea"
GREEN = "#2e7d32"
GREY = "#5f6b7a"
RC = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none", "svg.hashsalt": "nangsuat"}


def render(figure: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    figure.savefig(
        out, format=fmt, dpi=200 if fmt == "png" else 72, bbox_inches="tight", metadata=_metadata(fmt)
    )
    return out.getvalue()


def _metadata(fmt: str) -> dict:
    # no creation date in the file: the same figures draw the same bytes
    return {"Date": None} if fmt == "svg" else {"Software": None}


def new_figure(width: float, height: float) -> Figure:
    matplotlib.rcParams.update(RC)
    return Figure(figsize=(width, height), layout="constrained")


def year_chart(tally: Tally, *, target: int | None = None, fmt: str = "svg", unit: str = "") -> bytes:
    """One indicator's value per year of the period as bars, each labelled with its figure; the period's
    total against the target in the caption."""
    figure = new_figure(4.8, 2.4)
    axes = figure.add_subplot()
    years = list(PERIOD)
    values = [tally.by_year.get(year, 0) for year in years]
    bars = axes.bar([str(y) for y in years], values, color=BLUE, width=0.6)
    axes.bar_label(bars, labels=[_number(v) for v in values], padding=2, color=GREY)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.set_yticks([])
    axes.set_ylim(0, max([*values, 1]) * 1.25)
    caption = _("Cả giai đoạn: %(total)s") % {"total": _number(tally.total)}
    if target:
        caption += " / " + _("chỉ tiêu %(target)s") % {"target": _number(target)}
    if unit:
        caption += f" {unit}"
    axes.set_title(caption, loc="left", color=GREY, fontsize=9)
    return render(figure, fmt)


def progress_chart(rows: Sequence[tuple[str, int, int]], *, fmt: str = "png") -> bytes:
    """(label, value, target) rows as horizontal bars of the share of each target reached, 100 % marked."""
    figure = new_figure(6.3, 0.45 * len(rows) + 0.6)
    axes = figure.add_subplot()
    labels = [label for label, _value, _target in rows][::-1]
    shares = [min(100 * value / target, 150) if target else 0 for _label, value, target in rows][::-1]
    axes.barh(labels, [100] * len(rows), color=LIGHT, height=0.6)
    axes.barh(labels, shares, color=[GREEN if s >= 100 else BLUE for s in shares], height=0.6)
    texts = [f"{_number(v)} / {_number(t)}" for _label, v, t in rows][::-1]
    for i, (share, text) in enumerate(zip(shares, texts, strict=True)):
        axes.text(max(share, 100) + 3, i, text, va="center", color=GREY, fontsize=8)
    axes.axvline(100, color=GREY, linewidth=0.8, linestyle="--")
    axes.set_xlim(0, 170)
    axes.set_xticks([0, 50, 100])
    axes.set_xticklabels(["0 %", "50 %", "100 %"])
    axes.spines[["top", "right"]].set_visible(False)
    return render(figure, fmt)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")
