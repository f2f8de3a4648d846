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
    # Whether this user reads the dossier's funding, with its contract and counterpart: one narrow query,
    # the page's dossier itself already read.
    found = (
        counterpart.readable_dossiers(user)
        .filter(pk=dossier.pk)
        .select_related("contract", "counterpart_fund")
        .only(
            "requested_support_vnd",
            "contract__amount_vnd",
            "counterpart_fund__amount_vnd",
            "counterpart_fund__note",
        )
        .first()
    )
    if found is None:
        return {"show": False}
    row = counterpart.CounterpartRow(found, getattr(found, "counterpart_fund", None))
    return {
        "show": True,
        "row": row,
        "dossier": dossier,
        "can_write": counterpart.may_write(user) and dossier.state in counterpart.SUPPORTED,
    }
