from django import template
from django.utils import timezone
from django.utils.html import format_html

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
    label = _LABELS.get(state, state)
    return format_html(
        '<span class="badge{} state state--{}">{}</span>', f" badge--{tone}" if tone else "", state, label
    )


@register.filter
def is_overdue(day) -> bool:
    return bool(day) and day < timezone.localdate()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def attachment_kind(kind: str) -> str:
    return kind_label(kind)
