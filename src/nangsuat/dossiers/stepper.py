"""The dossier's road as the page draws it: eight milestones from submission to payment, each done, the
one under way, or the one where the dossier ended (refused, withdrawn, terminated)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .states import State

S = State
# Each milestone, and the states in which it is reached (the road's order).
MILESTONES = (
    (_("Nộp hồ sơ"), S.SUBMITTED),
    (_("Kiểm tra hợp lệ"), S.VALID),
    (_("Khảo sát thực tế"), S.SURVEYED),
    (_("Hội đồng tư vấn"), S.RECOMMENDED),
    (_("UBND phê duyệt"), S.APPROVED),
    (_("Giao nhiệm vụ, ký hợp đồng"), S.CONTRACTED),
    (_("Nghiệm thu"), S.ACCEPTED),
    (_("Thanh toán"), S.PAID),
)
ROAD = [
    S.DRAFT,
    S.SUBMITTED,
    S.VALID,
    S.SURVEYED,
    S.IN_COUNCIL,
    S.RECOMMENDED,
    S.PROPOSED,
    S.APPROVED,
    S.ASSIGNED,
    S.CONTRACTED,
    S.IN_PROGRESS,
    S.COMPLETION_REQUESTED,
    S.INSPECTED,
    S.ACCEPTED,
    S.LIQUIDATED,
    S.PAID,
]
# Where a dossier off the road stands: the state it is counted at, and whether it ended there.
OFF_ROAD = {
    S.NEEDS_SUPPLEMENT: (S.SUBMITTED, False),
    S.INVALID: (S.SUBMITTED, True),
    S.NOT_RECOMMENDED: (S.IN_COUNCIL, True),
    S.NOT_APPROVED: (S.PROPOSED, True),
    S.NOT_ACCEPTED: (S.INSPECTED, True),
    S.TERMINATED: (S.IN_PROGRESS, True),
}


@dataclass(frozen=True)
class Step:
    label: str
    status: str  # done, current, ended, todo


def steps(state: str, *, withdrawn_from: str | None = None) -> list[Step]:
    """The milestones for a dossier in ``state`` (a withdrawn one ends after ``withdrawn_from``)."""
    ended = False
    if state == S.WITHDRAWN:
        at, ended = (withdrawn_from or S.SUBMITTED), True
    elif state in OFF_ROAD:
        at, ended = OFF_ROAD[state]
    else:
        at = state
    position = ROAD.index(at) if at in ROAD else 0
    result, marked = [], False
    for label, reached_at in MILESTONES:
        if ROAD.index(reached_at) <= position:
            result.append(Step(str(label), "done"))
        elif not marked and state != S.DRAFT:
            result.append(Step(str(label), "ended" if ended else "current"))
            marked = True
        else:
            result.append(Step(str(label), "todo"))
    return result
