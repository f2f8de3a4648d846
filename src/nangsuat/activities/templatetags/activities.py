"""``{% enterprise_activities enterprise %}``: an enterprise's courses, events, systems, certificates and
awards, as the signed-in user may read them — the small panel on the registry's enterprise page."""

from django import template

from ..permissions import can_read_activities
from ..selectors import enterprise_activities as activities_of

register = template.Library()


@register.inclusion_tag("activities/_enterprise_activities.html", takes_context=True)
def enterprise_activities(context, enterprise):
    user = context["request"].user
    if not can_read_activities(user):
        return {"show": False}
    return {
        "show": True,
        "enterprise": enterprise,
        **activities_of(user, enterprise),
    }
