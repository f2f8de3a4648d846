"""A council member's scoring sheet as a document (B8-ĐGNV): who may draw it, and what it says.

Who: the member themself, once they have declared no conflict (the sheet shows the dossier); the agency's officers and directors once the council's result is
closed — the councils app's rule (``councils.selectors.may_read_sheet``): nobody reads another member's
points before the closing. Anyone else (an enterprise, another agency) gets the same answer as for a
sheet that does not exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from nangsuat.core.models import User
from nangsuat.core.roles import DEPARTMENT
from nangsuat.councils.models import ScoreSheet
from nangsuat.councils.selectors import may_read_sheet

from .. import kinds
from ..context import dossier_data, enterprise_data, person_name
from ..format import Head


def sheets() -> QuerySet[ScoreSheet]:
    return ScoreSheet.objects.select_related(
        "member__user",
        "member__council__call__agency",
        "dossier__enterprise",
        "dossier__content",
        "dossier__call",
        "dossier__agency",
    ).prefetch_related("lines", "dossier__call__criteria")


def may_draw(user: User, sheet: ScoreSheet) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if sheet.member.user_id == user.pk:
        # The sheet names the enterprise and the task: a member sees them only once they have declared
        # no conflict of interest with it.
        return sheet.status in (ScoreSheet.Status.DRAFT, ScoreSheet.Status.SUBMITTED)
    return (
        user.has_role(*DEPARTMENT)
        and user.agency_id == sheet.dossier.agency_id
        and may_read_sheet(user, sheet)
    )


def sheet_data(sheet: ScoreSheet) -> dict[str, Any]:
    """What the sheet says, from the member's record: the call's criteria, the points and comments the
    member has given so far, the total once every criterion has its points."""
    council, dossier = sheet.member.council, sheet.dossier
    given = {line.criterion_id: line for line in sheet.lines.all()}
    criteria = list(dossier.call.criteria.all())
    submitted = sheet.status == ScoreSheet.Status.SUBMITTED
    decision = council.decision_number
    if decision and council.decision_date:
        decision = f"{decision} ngày {council.decision_date:%d/%m/%Y}"
    return {
        "council": {"name": council.name, "decision": decision},
        "member": {
            "name": person_name(sheet.member.user),
            "position": sheet.member.get_position_display(),
        },
        "enterprise": enterprise_data(dossier),
        "dossier": dossier_data(dossier),
        "criteria": [
            [
                c.name,
                c.max_points,
                getattr(given.get(c.pk), "points", None),
                getattr(given.get(c.pk), "comment", ""),
            ]
            for c in criteria
        ],
        "max_total": sum(c.max_points for c in criteria) or 100,
        "total": sheet.total,
        "comment": sheet.comment,
        "submitted": submitted,
        "submitted_at_text": _moment(sheet.submitted_at) if submitted else "",
    }


def _moment(value) -> str:
    """'09 giờ 15, ngày 05/01/2027' (short enough for the signature column)."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d/%m/%Y}"


def _local_day(moment: dt.datetime | None) -> dt.date:
    return timezone.localtime(moment).date() if moment is not None else timezone.localdate()


def draw(sheet: ScoreSheet) -> bytes:
    """The DOCX, dated the day the member submitted it (a draft: the day it was last saved)."""
    agency = sheet.dossier.agency
    day = _local_day(sheet.submitted_at or sheet.updated_at)
    head = Head.for_agency(agency, number="", issued_on=day)
    return kinds.render("score_sheet", head, sheet_data(sheet))


def file_name(sheet: ScoreSheet) -> str:
    return f"phieu-danh-gia-B8-{sheet.dossier.tracking_code or sheet.dossier.pk}-{sheet.member.pk}"
