"""Reads of the council app, with who-may-see already applied.

Visibility: a member sees only the dossiers of councils they sit on, and a dossier's contents only after
declaring no conflict; nobody sees another member's points before the result is closed; the secretary,
the agency's officers and directors see who has submitted (never the values) before closing, and the
aggregate once every sheet is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from nangsuat.core.roles import COUNCIL_FOLLOWERS, COUNCIL_SEATS
from nangsuat.core.tenancy import scope_to_agency

from . import scoring, services
from .models import Council, CouncilMember, CouncilResult, ScoreSheet

if TYPE_CHECKING:
    from nangsuat.core.models import User
    from nangsuat.dossiers.models import Dossier


def councils_for(user: User) -> QuerySet[Council]:
    qs = Council.objects.select_related("call", "call__agency").prefetch_related("members__user")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.has_role(*COUNCIL_FOLLOWERS):
        return scope_to_agency(qs, user, field="call__agency")
    return qs.filter(members__user=user).distinct()


def seat_of(user: User, council: Council) -> CouncilMember | None:
    if not user.is_authenticated:
        return None
    return next((m for m in council.members.all() if m.user_id == user.pk), None)


def can_manage(user: User, council: Council) -> bool:
    return services.is_call_officer(user, council.call)


def is_secretary(user: User, council: Council) -> bool:
    seat = seat_of(user, council)
    return seat is not None and seat.position == CouncilMember.Position.SECRETARY


def can_follow(user: User, council: Council) -> bool:
    """May see the progress of every dossier (who has submitted) and the aggregate once complete."""
    if is_secretary(user, council):
        return True
    if not user.has_role(*COUNCIL_FOLLOWERS):
        return False
    return user.sees_all_agencies or user.agency_id == council.call.agency_id


def sheets_of(user: User) -> QuerySet[ScoreSheet]:
    """The signed-in member's own sheets, newest dossiers first (the member's workspace)."""
    return (
        ScoreSheet.objects.filter(member__user=user)
        .select_related("member__council__call", "dossier__enterprise", "dossier__content")
        .order_by("-dossier__state_changed_at", "-id")
    )


def may_read_sheet(user: User, sheet: ScoreSheet) -> bool:
    """One's own sheet always; another member's only once the council's result is closed."""
    if sheet.member.user_id == user.pk:
        return True
    result = CouncilResult.objects.filter(dossier_id=sheet.dossier_id).first()
    if result is None or result.closed_at is None:
        return False
    council = sheet.member.council
    return can_follow(user, council) or seat_of(user, council) is not None


@dataclass
class ResultRow:
    dossier: Dossier
    result: CouncilResult
    progress: dict[str, int]
    aggregate: scoring.Aggregate | None  # frozen or live; None until every sheet is in
    rank: int | None = None

    @property
    def complete(self) -> bool:
        return self.aggregate is not None

    @property
    def means(self) -> list:
        return list(self.aggregate.means.values()) if self.aggregate else []


def _frozen(result: CouncilResult) -> scoring.Aggregate:
    from decimal import Decimal

    return scoring.Aggregate(
        means={k: Decimal(v) for k, v in result.criterion_means.items()},
        total=result.total_mean,
        passed=bool(result.passed),
        sheet_count=result.sheet_count,
        failing=(),
        total_below_min=False,
    )


def council_results(council: Council) -> list[ResultRow]:
    """Every dossier sent to the council with its progress and, once complete, its aggregate; ranked
    (complete ones by the rule, then the incomplete ones by submission)."""
    rows = []
    results = council.results.select_related("dossier__enterprise", "dossier__content", "dossier__call")
    for result in results:
        dossier = result.dossier
        agg = _frozen(result) if result.closed_at else services.compute_aggregate(dossier)
        rows.append(ResultRow(dossier, result, services.sheet_progress(dossier), agg))
    complete = [r for r in rows if r.complete]
    entries = [
        scoring.Rankable(i, r.aggregate.total, r.dossier.priority_points, r.dossier.submitted_at)
        for i, r in enumerate(complete)
    ]
    ordered = []
    for rank, entry in scoring.ranked(entries):
        row = complete[entry.key]
        row.rank = rank
        ordered.append(row)
    rest = sorted(
        (r for r in rows if not r.complete),
        key=lambda r: (r.dossier.submitted_at is None, r.dossier.submitted_at),
    )
    return ordered + rest


def dossier_sheets(dossier: Dossier) -> list[ScoreSheet]:
    return list(
        ScoreSheet.objects.filter(dossier=dossier)
        .select_related("member__user")
        .prefetch_related("lines__criterion")
        .order_by("member__id")
    )


def member_users(council: Council) -> QuerySet:
    """Staff who may be seated: council (and finance) accounts of the call's agency, not yet members."""
    from nangsuat.core.models import User

    return (
        User.objects.filter(role__in=COUNCIL_SEATS, agency_id=council.call.agency_id, is_active=True)
        .exclude(council_seats__council=council)
        .order_by("full_name", "username")
    )


def member_visible_dossier_ids(user: User) -> QuerySet:
    """Dossier ids a council member may open: those they declared no conflict for (draft or submitted
    sheet), and, for a secretary, every dossier of their council's call. For ``dossiers.permissions``:
    ``qs.filter(pk__in=member_visible_dossier_ids(user))``."""
    from django.db.models import Q

    from nangsuat.dossiers.models import Dossier

    return Dossier.objects.filter(
        Q(
            score_sheets__member__user=user,
            score_sheets__status__in=[ScoreSheet.Status.DRAFT, ScoreSheet.Status.SUBMITTED],
        )
        | Q(
            call__councils__members__user=user,
            call__councils__members__position=CouncilMember.Position.SECRETARY,
        )
    ).values("pk")
