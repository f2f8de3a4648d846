"""Who acts next on an estimate (read from its transition table), told when it moves; never the one who acted."""

from __future__ import annotations

from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _

from nangsuat.core.models import User
from nangsuat.notifications.services import notify_many

from .states import State
from .workflow import WORKFLOW, estimate_transitioned


def next_actors(estimate) -> dict[str, list[str]]:
    """Role → the actions awaiting it from the estimate's state."""
    by_role: dict[str, list[str]] = {}
    for transition in WORKFLOW.next_actors(estimate.state):
        for role in transition.roles:
            by_role.setdefault(role, []).append(transition.label)
    return by_role


@receiver(estimate_transitioned)
def notify_next(sender, step, **kwargs) -> None:
    estimate = step.estimate
    url = reverse("budget:estimate", args=[estimate.pk])
    for role, actions in next_actors(estimate).items():
        users = User.objects.filter(role=role, is_active=True, agency_id=estimate.agency_id).exclude(
            pk=step.actor.pk
        )
        notify_many(
            users,
            title=_("%(estimate)s: %(state)s")
            % {"estimate": estimate.title, "state": State(estimate.state).label},
            body=_("Việc chờ bạn: %(actions)s") % {"actions": ", ".join(actions)},
            url=url,
            key=f"estimate-{estimate.pk}-{estimate.state}-{step.transition.action}-{estimate.state_changed_at}",
        )
