import datetime as dt
from html import escape

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from nangsuat.core.formatting import format_day, format_moment
from nangsuat.core.rows import joined, link_to

from ..registration import kind_label
from ..states import State

register = template.Library()

_OK = {
    State.VALID,
    State.SURVEYED,
    State.RECOMMENDED,
    State.PROPOSED,
    State.APPROVED,
    State.ASSIGNED,
    State.CONTRACTED,
    State.IN_PROGRESS,
    State.ACCEPTED,
    State.LIQUIDATED,
    State.PAID,
}
_WARN = {
    State.SUBMITTED,
    State.NEEDS_SUPPLEMENT,
    State.IN_COUNCIL,
    State.COMPLETION_REQUESTED,
    State.INSPECTED,
}
_ERR = {
    State.INVALID,
    State.NOT_RECOMMENDED,
    State.NOT_APPROVED,
    State.NOT_ACCEPTED,
    State.WITHDRAWN,
    State.TERMINATED,
}


_LABELS = dict(State.choices)


@register.simple_tag
def state_badge(state: str):
    """A state's badge, rendered in Python (a list draws one per row)."""
    tone = "ok" if state in _OK else "warn" if state in _WARN else "err" if state in _ERR else ""
    label = escape(str(_LABELS.get(state, state)))
    return mark_safe(  # noqa: S308 - the state and its label are escaped
        f'<span class="badge{f" badge--{tone}" if tone else ""} state state--{escape(state)}">{label}</span>'
    )


@register.simple_tag
def dossier_rows(dossiers, today: dt.date) -> SafeString:
    """The officers' list's rows, drawn in Python as Django's admin draws its change list: a page of 25
    dossiers through the template language costs more than the rest of the page together. ``dossiers`` are
    plain rows of ``selectors.TABLE_VALUES``. Every value is escaped here; the columns are those of
    ``_dossier_table.html``'s heading."""
    tax, draft, late = escape(_("MST")), escape(_("Bản nháp")), escape(_("quá hạn"))
    link = link_to("dossiers:dossier_detail")
    rows = []
    for d in dossiers:
        due_on, code, ward = d["due_on"], d["tracking_code"], d["enterprise__ward__name"]
        due = "—"
        if due_on:
            over = due_on < today
            due = (
                f'<span class="{"due--over" if over else ""}">{format_day(due_on)}'
                f"{f' · {late}' if over else ''}</span>"
            )
        rows.append(
            f'<tr><td><a href="{link(d["pk"])}"><strong>{escape(code) if code else draft}</strong></a>'
            f'<span class="sub">{escape(d["call__title"])}</span></td>'
            f'<td>{escape(d["enterprise__name"])}<span class="sub">{tax} {escape(d["enterprise__tax_code"])} · '
            f"{escape(ward) if ward else ''}</span></td>"
            f'<td>{escape(d["content__name"])}<span class="sub">'
            f"{escape(Truncator(d['title']).chars(60))}</span></td>"
            f"<td>{state_badge(d['state'])}</td><td>{format_day(d['submitted_at'])}</td><td>{due}</td>"
            f'<td class="num">{d["priority_points"]}</td></tr>'
        )
    return joined(rows)


@register.simple_tag
def timeline_items(entries) -> SafeString:
    """The dossier's timeline, newest first, drawn in Python like the lists' rows: a dossier that has come a
    long way has dozens of entries, each with a moment, a badge and a note. Every value is escaped here."""
    internal = f' <span class="badge">{escape(_("Nội bộ"))}</span>'
    items = []
    for e in entries:
        at = timezone.localtime(e.at)
        title = escape(str(e.title))
        if e.url:
            title = f'<a href="{escape(e.url)}">{title}</a>'
        badge = f" → {state_badge(e.obj.to_state)}" if e.kind == "transition" else ""
        actor = f'<span class="muted small"> · {escape(str(e.actor))}</span>' if e.actor else ""
        note = f'<p class="timeline__note">{linebreaksbr(e.note, autoescape=True)}</p>' if e.note else ""
        items.append(
            f'<li class="timeline__item timeline__item--{escape(e.kind)}{" is-internal" if e.internal else ""}">'
            f'<time datetime="{at.isoformat()}">{format_moment(at)}</time> '
            f"<strong>{title}</strong>{badge}{internal if e.internal else ''} {actor}{note}</li>"
        )
    return joined(items)


@register.simple_tag
def road_steps(steps) -> SafeString:
    """The dossier's milestones (``stepper.steps``) as the items of its stepper."""
    stopped = f' <span class="visually-hidden">({escape(_("dừng tại bước này"))})</span>'
    current = ' aria-current="step"'
    return joined(
        f'<li class="is-{step.status}"{current if step.status == "current" else ""}>'
        f"{escape(step.label)}{stopped if step.status == 'ended' else ''}</li>"
        for step in steps
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def attachment_kind(kind: str) -> str:
    return kind_label(kind)
