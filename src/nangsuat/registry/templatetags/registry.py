"""The registry's list rows, ``{% enterprise_rows enterprises %}``."""

from html import escape

from django import template
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from nangsuat.core.formatting import format_vnd
from nangsuat.core.rows import joined, link_to

register = template.Library()


@register.simple_tag
def enterprise_rows(enterprises) -> SafeString:
    """The register's rows, drawn in Python as Django's admin draws its change list: a page of up to a hundred
    enterprises through the template language costs more than the rest of the page together. Every value is
    escaped here; the columns are those of ``_enterprise_results.html``'s heading."""
    no_figures = escape(_("Chưa có số liệu"))
    link = link_to("registry:enterprise_detail")
    rows = []
    for e in enterprises:
        vsic = escape(e.vsic.name) if e.vsic_id else ""
        size = (
            f'<span class="badge badge--{escape(e.size_class)}">{escape(str(e.get_size_class_display()))}</span>'
            if e.size_class
            else f'<span class="muted">{no_figures}</span>'
        )
        rows.append(
            f'<tr><td><a href="{link(e.pk)}">{escape(e.name)}</a><span class="sub">'
            f"{escape(str(e.get_kind_display()))}{f' · {escape(e.address)}' if e.address else ''}</span></td>"
            f'<td class="mono">{escape(e.tax_code)}</td>'
            f"<td>{escape(e.ward.name) if e.ward_id else ''}</td>"
            f'<td><span title="{vsic}">{escape(e.vsic_id or "")}</span><span class="sub">'
            f"{escape(Truncator(e.vsic.name).chars(38)) if e.vsic_id else ''}</span></td>"
            f'<td class="num">{"—" if e.employees is None else e.employees}</td>'
            f'<td class="num">{format_vnd(e.revenue_vnd)}</td><td>{size}</td></tr>'
        )
    return joined(rows)
