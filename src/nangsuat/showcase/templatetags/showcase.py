"""Figures as a Vietnamese reader writes them: 1.250, 12,5 and +12,5 %."""

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from nangsuat.core.formatting import format_vnd

register = template.Library()


def _separators() -> tuple[str, str]:
    """(thousands, decimal): Vietnamese 1.250,5; English 1,250.5."""
    return (",", ".") if (get_language() or "vi").startswith("en") else (".", ",")


def _number(value, places: int) -> str:
    thousands, decimal = _separators()
    text = f"{value:,.{places}f}" if places else f"{value:,.0f}"
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    if places and decimal in text:
        text = text.rstrip("0").rstrip(decimal)
    return text


@register.filter
def number(value) -> str:
    """An integer count: 1.250."""
    if value is None or value == "":
        return "—"
    return format_vnd(int(value), suffix="") if _separators()[0] == "." else f"{int(value):,}"


@register.filter
def figure(value) -> str:
    """A measured figure, up to two decimals, no trailing zeros: 12,5."""
    if value is None or value == "":
        return "—"
    return _number(Decimal(value), 2)


@register.filter
def change(value) -> str:
    """A change in per cent, signed: +12,5 % / −8 %."""
    if value is None:
        return ""
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{_number(abs(value), 1)} %"
