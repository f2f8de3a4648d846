import html

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..fields import field_html, widget_html
from ..formatting import format_date, format_day, format_moment, format_vnd

register = template.Library()


@register.filter
def vnd(value):
    return format_vnd(value)


@register.filter
def day(value):
    """``date:"d/m/Y"`` at a tenth of its cost (``format_day``); nothing for no date."""
    return format_day(value) if value else ""


@register.filter
def moment(value):
    """``date:"H:i d/m/Y"`` at a tenth of its cost (``format_moment``); nothing for no moment."""
    return format_moment(value) if value else ""


@register.filter
def ngay(value):
    """A date as the page's language writes it: "ngày 05 tháng 01 năm 2027", or "5 January 2027"."""
    return format_date(value)


@register.filter
def days_left(day) -> int | None:
    """Days from today to ``day`` (negative once past); None without a date."""
    return None if not day else (day - timezone.localdate()).days


@register.filter
def has_role(user, roles: str) -> bool:
    return getattr(user, "is_authenticated", False) and user.role in roles.split(",")


@register.inclusion_tag("core/_pagination.html", takes_context=True)
def pagination(context, page_obj):
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    return {"page_obj": page_obj, "query": params.urlencode()}


@register.simple_tag(takes_context=True)
def sort_url(context, field: str) -> str:
    request = context["request"]
    params = request.GET.copy()
    current = params.get("sort", "")
    params["sort"] = (
        field[1:]
        if current == field and field.startswith("-")
        else (f"-{field}" if current == field else field)
    )
    params.pop("page", None)
    return "?" + params.urlencode()


@register.inclusion_tag("core/_sort_th.html", takes_context=True)
def sort_th(context, field: str, label: str, css: str = "") -> dict:
    """A sortable column's heading: a link that sorts by ``field`` (``-field``: newest/largest first on
    the first click) or reverses the current order, with ``aria-sort`` and an arrow for the current one."""
    current = context["request"].GET.get("sort", "")
    key = field.lstrip("-")
    direction = ""
    if current.lstrip("-") == key:
        direction = "descending" if current.startswith("-") else "ascending"
    return {"url": sort_url(context, field), "label": label, "direction": direction, "css": css}


@register.simple_tag
def options(choices, chosen):
    """``<option>`` elements of (value, label) pairs, ``chosen`` selected, rendered in Python with the standard
    library's escaping (a filter's hundred-odd wards would otherwise cost a template loop, or ``format_html``'s
    lazy-aware escaping, three times per option on every page)."""
    chosen = "" if chosen is None else str(chosen)
    return mark_safe(  # noqa: S308 - every value and label is escaped here
        "".join(
            f'<option value="{html.escape(str(value))}"{" selected" if str(value) == chosen else ""}>'
            f"{html.escape(str(label))}</option>"
            for value, label in choices
        )
    )


@register.simple_tag
def select(bound_field):
    """A choice field's ``<select>`` rendered in Python: a list's filters carry a hundred-odd options (the
    wards), and Django's widget renders a template for each one. A rejected value is marked invalid, as the
    widget marks it."""
    return format_html(
        '<select name="{}" id="{}"{}>{}</select>',
        bound_field.html_name,
        bound_field.id_for_label,
        mark_safe(' aria-invalid="true"') if bound_field.errors else "",  # noqa: S308 - a constant
        options(bound_field.field.choices, bound_field.value()),
    )


@register.simple_tag
def form_field(bound_field, wide=False, errors_first=False):
    """``{% include "core/_field.html" %}`` drawn in Python (``core.fields``)."""
    return field_html(bound_field, wide=wide, errors_first=errors_first)


@register.simple_tag
def form_widget(bound_field):
    """``{{ field }}`` drawn in Python (``core.fields``)."""
    return widget_html(bound_field)
