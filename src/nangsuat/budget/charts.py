"""The year's budget as a chart drawn on the server (matplotlib, as ``indicators.charts``): per task and
content, approved against committed and paid, in millions of đồng."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nangsuat.indicators.charts import BLUE, GREEN, GREY, LIGHT, new_figure, render

MILLION = 1_000_000


def budget_chart(groups: list[dict], *, fmt: str = "svg") -> bytes:
    figure = new_figure(6.4, 1.2 + 0.32 * max(len(groups), 1))
    axes = figure.add_subplot()
    labels = [str(g["content"] or g["task"]).split(" — ")[0][:32] for g in groups][::-1]
    approved = [g["approved_vnd"] / MILLION for g in groups][::-1]
    committed = [g["committed_vnd"] / MILLION for g in groups][::-1]
    paid = [g["paid_vnd"] / MILLION for g in groups][::-1]
    rows = range(len(groups))
    axes.barh(rows, approved, color=LIGHT, height=0.75, label=_("Được duyệt"))
    axes.barh(rows, committed, color=BLUE, height=0.45, label=_("Đã cam kết"))
    axes.barh(rows, paid, color=GREEN, height=0.2, label=_("Đã chi"))
    axes.set_yticks(list(rows), labels)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlabel(_("triệu đồng"), color=GREY)
    figure.legend(loc="outside lower center", ncol=3, frameon=False, fontsize=8)
    return render(figure, fmt)
