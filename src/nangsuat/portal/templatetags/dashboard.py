from django import template

from nangsuat.portal.selectors import dashboard_for

register = template.Library()


@register.simple_tag
def dashboard_data(user):
    """``{% dashboard_data request.user as dash %}``: the figures of the dashboard for this user."""
    return dashboard_for(user)
