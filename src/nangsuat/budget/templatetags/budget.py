"""The budget's panel on the dossier page: ``{% dossier_counterpart dossier %}``, loaded by name in the
dossiers' template so that the dossiers never import the budget. It shows a supported dossier's funding (the
programme's support, the enterprise's own funds, the total) to those who may read it (the agency's budget
readers, the dossier's enterprise), with the officer's link to record the counterpart."""

from django import template

from nangsuat.dossiers.permissions import can_see_dossier

from .. import counterpart

register = template.Library()


@register.inclusion_tag("budget/_dossier_counterpart.html", takes_context=True)
def dossier_counterpart(context, dossier):
    user = context["request"].user
    # Those who may read funding read it for every dossier they see (``readable_dossiers`` scopes no
    # narrower than ``visible_dossiers``): the page's dossier, already read as visible, asks no query more.
    if (
        dossier.state in counterpart.NEVER_SUPPORTED
        or not counterpart.can_read(user)
        or not can_see_dossier(user, dossier)
    ):
        return {"show": False}
    funding = counterpart.funding_of(dossier)
    if funding is None:
        return {"show": False}
    return {
        "show": True,
        "row": funding,
        "dossier": dossier,
        "can_write": counterpart.may_write(user) and dossier.state in counterpart.SUPPORTED,
    }
