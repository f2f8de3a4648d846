"""The productivity panels other apps' pages show, and the filters that round indicators at the edge.

``{% enterprise_productivity enterprise %}`` on the registry's enterprise page and
``{% dossier_before_after dossier %}`` on the dossier page: the lower apps' templates load this library,
so they never import this app."""

from django import template
from django.utils.translation import gettext as _

from ..benchmarks import PERCENT_MEASURES
from ..measures import NATIONAL_GROWTH_TARGET
from ..models import EnterpriseFigures
from ..selectors import BEFORE_AFTER_STATES, before_after

register = template.Library()

RATIO_MEASURES = ("capital_productivity",)


def _grouped(value: float) -> str:
    return f"{round(value):,}".replace(",", ".")


@register.filter
def percent(value) -> str:
    """A growth as a signed percentage with one decimal: 0.0912 → "+9,1 %"."""
    if not isinstance(value, int | float):
        return "—"
    return f"{value * 100:+.1f} %".replace(".", ",")


@register.filter
def measure_value(value, measure: str) -> str:
    if not isinstance(value, int | float):
        return "—"  # not known (or not in the row)
    if measure in PERCENT_MEASURES:
        return percent(value)
    if measure in RATIO_MEASURES:
        return f"{value:.2f}".replace(".", ",")
    return _grouped(value)


@register.inclusion_tag("productivity/_enterprise_panel.html", takes_context=True)
def enterprise_productivity(context, enterprise):
    latest = (
        EnterpriseFigures.objects.filter(enterprise=enterprise, labour_productivity__isnull=False)
        .order_by("-year")
        .first()
    )
    return {"enterprise": enterprise, "latest": latest, "target": NATIONAL_GROWTH_TARGET}


@register.inclusion_tag("productivity/_before_after.html", takes_context=True)
def dossier_before_after(context, dossier):
    if dossier.state not in BEFORE_AFTER_STATES:
        return {"show": False}
    result = before_after(dossier, context["request"].user)
    return {"show": True, "dossier": dossier, "result": result, "heading": _("Năng suất trước và sau hỗ trợ")}


@register.filter
def grouped(value) -> str:
    return _grouped(value) if isinstance(value, int | float) else "—"
