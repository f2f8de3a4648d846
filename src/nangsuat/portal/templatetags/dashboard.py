import datetime as dt

from django import template
from django.utils import formats, translation

from nangsuat.core.formatting import format_date_vi
from nangsuat.portal.selectors import dashboard_for

register = template.Library()


@register.simple_tag
def dashboard_data(user):
    """``{% dashboard_data request.user as dash %}``: the figures of the dashboard for this user."""
    return dashboard_for(user)


@register.filter
def long_date(value: dt.date | None) -> str:
    """ "ngày 05 tháng 01 năm 2027" in Vietnamese, "5 January 2027" in English."""
    if value is None:
        return "—"
    if translation.get_language() == "vi":
        return format_date_vi(value)
    return formats.date_format(value, "j F Y")
