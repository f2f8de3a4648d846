"""Reads of the council app, with who-may-see already applied.

Visibility: a member sees only the dossiers of councils they sit on, and a dossier's contents only after
declaring no conflict; nobody sees another member's points before the result is closed; the secretary,
the agency's officers and directors see who has submitted (never the values) before closing, and the
aggregate once every sheet is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from nangsuat.core.models import User
from nangsuat.core.roles import COUNCIL_FOLLOWERS, COUNCIL_SEATS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.dossiers.states import State

from . import scoring
from .models import COUNCIL_MIN_MEMBERS, Council, CouncilMember, CouncilResult, ScoreSheet


def councils_for(user: User) -> QuerySet[Council]:
    qs = Council.objects.select_related("call", "call__agency").prefetch_related("members__user")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.has_role(*COUNCIL_FOLLOWERS):
        return scope_to_agency(qs, user, field="call__agency")
    return qs.filter(members__user=user).distinct()


def is_call_officer(user: User, call: Call) -> bool:
    return user.has_role(Role.OFFICER) and user.agency_id == call.agency_id


def eligible_council(call: Call) -> Council | None:
    """The call's council that can take dossiers: at least the minimum size and a secretary (latest)."""
    for council in Council.objects.filter(call=call).prefetch_related("members").order_by("-created_at"):
        members = list(council.members.all())
        has_secretary = any(m.position == CouncilMember.Position.SECRETARY for m in members)
        if len(members) >= COUNCIL_MIN_MEMBERS and has_secretary:
            return council
    return None


def seat_of(user: User, council: Council) -> CouncilMember | None:
    if not user.is_authenticated:
        return None
    return next((m for m in council.members.all() if m.user_id == user.pk), None)


def can_manage(user: User, council: Council) -> bool:
    return is_call_officer(user, council.call)


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
    """The signed-in member's own sheets (the member's workspace): those still to declare or score first,
    then the newest dossiers."""
    open_now = Q(
        status__in=[ScoreSheet.Status.PENDING, ScoreSheet.Status.DRAFT],
        dossier__state=State.IN_COUNCIL,
        dossier__council_result__closed_at__isnull=True,
    )
    return (
        ScoreSheet.objects.filter(member__user=user)
        .select_related("member__council__call", "dossier__enterprise", "dossier__content")
        .annotate(to_do=Case(When(open_now, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("to_do", "-dossier__state_changed_at", "-id")
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


def criteria_of(call: Call) -> list[scoring.Criterion]:
    return [scoring.Criterion(c.code, c.max_points) for c in call.criteria.all()]


def sheet_progress(dossier: Dossier) -> dict[str, int]:
    """How many sheets are in each status (what the secretary sees before closing — never the values)."""
    counts = dict.fromkeys(ScoreSheet.Status.values, 0)
    for status in ScoreSheet.objects.filter(dossier=dossier).values_list("status", flat=True):
        counts[status] += 1
    counts["expected"] = counts["pending"] + counts["draft"] + counts["submitted"]
    return counts


def compute_aggregate(dossier: Dossier) -> scoring.Aggregate | None:
    """The aggregate of the submitted sheets once every non-recused member has submitted; else None."""
    progress = sheet_progress(dossier)
    if progress["submitted"] == 0 or progress["submitted"] < progress["expected"]:
        return None
    sheets = [
        {line.criterion.code: line.points for line in sheet.lines.all()}
        for sheet in ScoreSheet.objects.filter(
            dossier=dossier, status=ScoreSheet.Status.SUBMITTED
        ).prefetch_related("lines__criterion")
    ]
    call = dossier.call
    return scoring.aggregate(
        sheets, criteria_of(call), pass_total_min=call.pass_total_min, min_ratio=call.pass_criterion_min_ratio
    )


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
    assert result.total_mean is not None  # close_result sets it with closed_at
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
        agg = _frozen(result) if result.closed_at else compute_aggregate(dossier)
        rows.append(ResultRow(dossier, result, sheet_progress(dossier), agg))
    complete = [(r, r.aggregate) for r in rows if r.aggregate is not None]
    entries = [
        scoring.Rankable(i, agg.total, r.dossier.priority_points, r.dossier.submitted_at)
        for i, (r, agg) in enumerate(complete)
    ]
    ordered = []
    for rank, entry in scoring.ranked(entries):
        row = complete[entry.key][0]
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
    return (
        User.objects.filter(role__in=COUNCIL_SEATS, agency_id=council.call.agency_id, is_active=True)
        .exclude(council_seats__council=council)
        .order_by("full_name", "username")
    )


def member_visible_dossier_ids(user: User) -> QuerySet:
    """Dossier ids a council member may open: those they declared no conflict for (draft or submitted
    sheet), and, for a secretary, every dossier of their council's call. For ``dossiers.permissions``:
    ``qs.filter(pk__in=member_visible_dossier_ids(user))``."""
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
