"""The budget's panel on the dossier page: ``{% dossier_counterpart dossier %}``, loaded by name in the
dossiers' template so that the dossiers never import the budget. It shows a supported dossier's funding (the
programme's support, the enterprise's own funds, the total) to those who may read it (the agency's budget
readers, the dossier's enterprise), with the officer's link to record the counterpart."""

from django import template

from .. import counterpart

register = template.Library()


@register.inclusion_tag("budget/_dossier_counterpart.html", takes_context=True)
def dossier_counterpart(context, dossier):
    user = context["request"].user
    if dossier.state in counterpart.NEVER_SUPPORTED or not counterpart.can_read(user):
        return {"show": False}
    rows = counterpart.rows_of(counterpart.readable_dossiers(user).filter(pk=dossier.pk))
    if not rows:
        return {"show": False}
    row = rows[0]
    return {
        "show": True,
        "row": row,
        "dossier": dossier,
        "can_write": counterpart.may_write(user) and dossier.state in counterpart.SUPPORTED,
    }
