"""The budget's panel on the dossier page: ``{% dossier_counterpart dossier %}``, loaded by name in the
dossiers' template so that the dossiers never import the budget. It shows a supported dossier's funding (the
programme's support, the enterprise's own funds, the total) to those who may read it (the agency's budget
readers, the dossier's enterprise), with the officer's link to record the counterpart. The panel is drawn in
Python, every value escaped, as the lists' rows are (``core.rows``)."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from nangsuat.core.formatting import format_vnd
from nangsuat.dossiers.permissions import can_see_dossier

from .. import counterpart

register = template.Library()


@register.simple_tag(takes_context=True)
def dossier_counterpart(context, dossier) -> SafeString | str:
    user = context["request"].user
    # Those who may read funding read it for every dossier they see (``readable_dossiers`` scopes no
    # narrower than ``visible_dossiers``): the page's dossier, already read as visible, asks no query more.
    if (
        dossier.state in counterpart.NEVER_SUPPORTED
        or not counterpart.can_read(user)
        or not can_see_dossier(user, dossier)
    ):
        return ""
    funding = counterpart.funding_of(dossier)
    if funding is None:
        return ""
    return panel(
        dossier.pk, funding, can_write=counterpart.may_write(user) and dossier.state in counterpart.SUPPORTED
    )


def panel(pk: int, funding: counterpart.Funding, *, can_write: bool) -> SafeString:
    support = _("Kinh phí hỗ trợ theo hợp đồng") if funding.contracted else _("Kinh phí đề nghị hỗ trợ")
    if funding.recorded:
        note = f' <span class="muted small">· {escape(funding.note)}</span>' if funding.note else ""
        own = f"{format_vnd(funding.counterpart_vnd)}{note}"
    else:
        own = f'<span class="muted">{escape(_("chưa ghi nhận"))}</span>'
    action = ""
    if can_write:
        words = _("Sửa vốn đối ứng") if funding.recorded else _("Ghi nhận vốn đối ứng")
        href = reverse("budget:counterpart_edit", args=[pk])
        action = f'\n  <p><a class="btn btn--small" href="{href}">{escape(words)}</a></p>'
    return mark_safe(  # noqa: S308 - every value is escaped above
        f'<section class="panel" aria-labelledby="counterpart-{pk}">\n'
        f'  <h2 class="panel__title" id="counterpart-{pk}">{escape(_("Nguồn vốn thực hiện"))}</h2>\n'
        '  <dl class="dl">\n'
        f"    <dt>{escape(support)}</dt><dd>{format_vnd(funding.support_vnd)}</dd>\n"
        f"    <dt>{escape(_('Vốn đối ứng của doanh nghiệp'))}</dt><dd>{own}</dd>\n"
        f"    <dt>{escape(_('Tổng kinh phí thực hiện'))}</dt><dd><strong>{format_vnd(funding.total_vnd)}</strong></dd>\n"
        f"  </dl>{action}\n</section>"
    )
