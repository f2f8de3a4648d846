from django import template

from nangsuat.core.formatting import format_vnd

register = template.Library()


@register.filter
def number(value) -> str:
    """12500 → '12.500', as figures are written in Vietnamese."""
    return format_vnd(value, suffix="") if value is not None else "—"
