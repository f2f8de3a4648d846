"""A council member's “Việc cần làm”, registered with the dossiers app (``dossiers.tasks``).

A scoring member declares an interest, then scores; the secretary closes the council's result once every
sheet is in. Nothing else awaits a member: a submitted or recused sheet is done, and only the secretary
records the recommendation. Until a member declares no conflict the task names the dossier by its tracking
code alone (the member may not yet learn whom it concerns).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from nangsuat.dossiers.tasks import Task, awaited_workers, task_source

from . import selectors
from .models import CouncilMember, CouncilResult, ScoreSheet

S = ScoreSheet.Status


def _sheet_step(status: str) -> str:
    return _("Khai báo xung đột lợi ích") if status == S.PENDING else _("Chấm điểm")


def closable(result: CouncilResult) -> bool:
    """Every scoring member who did not recuse has submitted: the secretary may close."""
    progress = selectors.sheet_progress(result.dossier)
    return progress["expected"] > 0 and progress["submitted"] == progress["expected"]


@task_source(Role.COUNCIL)
def member_tasks(user: User) -> list[Task]:
    open_sheets = ScoreSheet.objects.filter(
        member__user=user,
        status__in=[S.PENDING, S.DRAFT],
        dossier__state=State.IN_COUNCIL,
        dossier__council_result__closed_at__isnull=True,
    ).select_related("member", "dossier__call", "dossier__enterprise", "dossier__content")
    tasks = [
        Task(
            dossier=sheet.dossier,
            step=_sheet_step(sheet.status),
            url=reverse("councils:sheet", args=[sheet.member.council_id, sheet.dossier_id]),
            due_on=sheet.dossier.due_on,
            named=sheet.status != S.PENDING,
        )
        for sheet in open_sheets
    ]
    to_close = (
        CouncilResult.objects.filter(
            council__members__user=user,
            council__members__position=CouncilMember.Position.SECRETARY,
            closed_at__isnull=True,
            dossier__state=State.IN_COUNCIL,
        )
        .select_related("dossier__call", "dossier__enterprise", "dossier__content")
        .distinct()
    )
    tasks += [
        Task(
            dossier=result.dossier,
            step=_("Chốt kết quả đánh giá"),
            url=reverse("councils:detail", args=[result.council_id]),
            due_on=result.dossier.due_on,
        )
        for result in to_close
        if closable(result)
    ]
    return tasks


@awaited_workers(Role.COUNCIL)
def council_workers(dossier: Dossier) -> dict[User, list[str]]:
    """Who on the dossier's council has something to do now: each member with an open sheet, and the
    secretary once every sheet is in."""
    result = CouncilResult.objects.filter(dossier=dossier).select_related("council", "dossier").first()
    if result is None or result.closed_at is not None or dossier.state != State.IN_COUNCIL:
        return {}
    workers: dict[User, list[str]] = {}
    for sheet in ScoreSheet.objects.filter(dossier=dossier, status__in=[S.PENDING, S.DRAFT]).select_related(
        "member__user"
    ):
        if sheet.member.user.is_active:
            workers[sheet.member.user] = [_sheet_step(sheet.status)]
    if closable(result):
        for member in result.council.members.filter(position=CouncilMember.Position.SECRETARY):
            workers.setdefault(member.user, []).append(_("Chốt kết quả đánh giá"))
    return workers
