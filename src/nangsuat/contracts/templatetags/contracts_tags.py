"""The contract list's rows, ``{% contract_rows contracts %}``."""

from html import escape

from django import template
from django.utils.safestring import SafeString

from nangsuat.core.formatting import format_day, format_vnd
from nangsuat.core.rows import joined, link_to
from nangsuat.dossiers.templatetags.dossiers_tags import state_badge

register = template.Library()


@register.simple_tag
def contract_rows(contracts) -> SafeString:
    """The list's rows, drawn in Python as Django's admin draws its change list (as the dossier list's are).
    Every value is escaped here; the columns are those of ``_contract_table.html``'s heading."""
    link = link_to("contracts:detail")
    rows = []
    for c in contracts:
        dossier = c.dossier
        rows.append(
            f'<tr><td><a href="{link(c.pk)}"><strong>{escape(c.number)}</strong></a>'
            f'<span class="sub">{escape(dossier.tracking_code or "")}</span></td>'
            f'<td>{escape(dossier.enterprise.name)}<span class="sub">{escape(dossier.content.name)}</span></td>'
            f'<td>{format_day(c.signed_on)}</td><td class="num">{format_vnd(c.amount_vnd)}</td>'
            f"<td>{format_day(c.deadline)}</td><td>{state_badge(dossier.state)}</td></tr>"
        )
    return joined(rows)
