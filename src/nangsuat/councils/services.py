"""Writes of the council app: councils and members, conflict declarations, score sheets, the result.

Every function is keyword-only, runs in one transaction and leaves an audit entry. Refusals:
``Forbidden`` (403), ``Conflict`` (409), ``django.core.exceptions.ValidationError`` (400).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.roles import COUNCIL_SEATS
from nangsuat.dossiers.states import State
from nangsuat.notifications.services import notify

from . import scoring, selectors
from .models import (
    COUNCIL_MAX_MEMBERS,
    ConflictDeclaration,
    Council,
    CouncilMember,
    CouncilResult,
    ScoreLine,
    ScoreSheet,
)

if TYPE_CHECKING:
    from nangsuat.core.models import User
    from nangsuat.dossiers.models import Call, Dossier

UNIQUE_POSITIONS = (CouncilMember.Position.CHAIR, CouncilMember.Position.SECRETARY)


def _require_officer(actor: User, call: Call) -> None:
    if not selectors.is_call_officer(actor, call):
        raise Forbidden(_("Chỉ chuyên viên của Sở phụ trách đợt đăng ký được quản lý hội đồng."))


# --- Councils and members ---------------------------------------------------------------------------


def create_council(
    *, call: Call, name: str, actor: User, decision_number: str = "", decision_date=None
) -> Council:
    """Create a council for a call. Refuses anyone but an officer of the call's agency."""
    _require_officer(actor, call)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Vui lòng nhập tên hội đồng.")})
    with transaction.atomic():
        council = Council.objects.create(
            call=call, name=name, decision_number=(decision_number or "").strip(), decision_date=decision_date
        )
        record_audit(actor=actor, action="council_created", target=council, note=name)
    return council


def add_member(
    *, council: Council, user: User, position: str, actor: User, organisation: str = ""
) -> CouncilMember:
    """Seat a staff user (role council or finance, same agency) on the council in a position.

    Refuses a second chair or secretary, a member already seated, more than the maximum size. A scoring
    member seated while dossiers are in the council gets a pending sheet for each."""
    _require_officer(actor, council.call)
    if position not in CouncilMember.Position.values:
        raise ValidationError({"position": _("Chức danh không hợp lệ.")})
    if not user.has_role(*COUNCIL_SEATS) or user.agency_id != council.call.agency_id:
        raise ValidationError({"user": _("Thành viên phải là tài khoản Hội đồng tư vấn của cùng đơn vị.")})
    with transaction.atomic():
        members = list(CouncilMember.objects.select_for_update().filter(council=council))
        if any(m.user_id == user.pk for m in members):
            raise ValidationError({"user": _("Người này đã là thành viên của hội đồng.")})
        if len(members) >= COUNCIL_MAX_MEMBERS:
            raise ValidationError(
                {"user": _("Hội đồng đã đủ %(n)s thành viên.") % {"n": COUNCIL_MAX_MEMBERS}}
            )
        if position in UNIQUE_POSITIONS and any(m.position == position for m in members):
            raise ValidationError(
                {"position": _("Hội đồng đã có %(p)s.") % {"p": CouncilMember.Position(position).label}}
            )
        member = CouncilMember.objects.create(
            council=council, user=user, position=position, organisation=" ".join(organisation.split())
        )
        if member.scores:
            for result in council.results.filter(closed_at__isnull=True).select_related("dossier"):
                _open_sheet(member, result.dossier)
        record_audit(actor=actor, action="council_member_added", target=council, note=str(member))
    return member


def remove_member(*, member: CouncilMember, actor: User) -> None:
    """Remove a member who has not yet declared or scored anything."""
    council = member.council
    _require_officer(actor, council.call)
    with transaction.atomic():
        if member.sheets.exclude(status=ScoreSheet.Status.PENDING).exists() or member.declarations.exists():
            raise Conflict(_("Thành viên đã khai báo hoặc chấm điểm, không thể rút khỏi hội đồng."))
        # Only pending sheets are left, blank; the case file protects a sheet's lines, so they go first.
        ScoreLine.objects.filter(sheet__member=member).delete()
        member.sheets.all().delete()
        record_audit(actor=actor, action="council_member_removed", target=council, note=str(member))
        member.delete()


# --- Sending a dossier to the council ---------------------------------------------------------------


def _open_sheet(member: CouncilMember, dossier: Dossier) -> ScoreSheet:
    sheet, created = ScoreSheet.objects.get_or_create(member=member, dossier=dossier)
    if created:
        ScoreLine.objects.bulk_create(
            ScoreLine(sheet=sheet, criterion=c) for c in dossier.call.criteria.all()
        )
    return sheet


def open_score_sheets(*, dossier: Dossier, actor: User) -> CouncilResult:
    """Open the council's result for the dossier and one pending sheet per scoring member.
    Called inside the ``send_to_council`` transition."""
    council = selectors.eligible_council(dossier.call)
    if council is None:
        raise Conflict(_("Đợt đăng ký chưa có hội đồng đủ thành viên và thư ký."))
    result, _created = CouncilResult.objects.get_or_create(dossier=dossier, defaults={"council": council})
    for member in council.members.all():
        if member.scores:
            _open_sheet(member, dossier)
    return result


# --- The member's work -----------------------------------------------------------------------------


def _require_own_open_sheet(sheet: ScoreSheet, actor: User) -> None:
    if sheet.member.user_id != actor.pk:
        raise Forbidden(_("Đây không phải phiếu đánh giá của bạn."))
    if (
        sheet.dossier.state != State.IN_COUNCIL
        or CouncilResult.objects.filter(dossier_id=sheet.dossier_id, closed_at__isnull=False).exists()
    ):
        raise Conflict(_("Hội đồng đã kết thúc đánh giá hồ sơ này."))


def declare_conflict(*, sheet: ScoreSheet, actor: User, has_conflict: bool, reason: str = "") -> ScoreSheet:
    """The member's declaration of interest, once per dossier. A conflict recuses the member."""
    reason = (reason or "").strip()
    with transaction.atomic():
        sheet = ScoreSheet.objects.select_for_update().select_related("member", "dossier").get(pk=sheet.pk)
        _require_own_open_sheet(sheet, actor)
        if sheet.status != ScoreSheet.Status.PENDING:
            raise Conflict(_("Bạn đã khai báo xung đột lợi ích cho hồ sơ này."))
        if has_conflict and not reason:
            raise ValidationError({"reason": _("Vui lòng nêu rõ lý do xung đột lợi ích.")})
        ConflictDeclaration.objects.create(
            member=sheet.member, dossier=sheet.dossier, has_conflict=has_conflict, reason=reason
        )
        sheet.status = ScoreSheet.Status.RECUSED if has_conflict else ScoreSheet.Status.DRAFT
        sheet.save(update_fields=["status", "updated_at"])
        record_audit(
            actor=actor,
            action="conflict_declared",
            target=sheet.dossier,
            note=reason,
            data={"has_conflict": has_conflict, "member": sheet.member_id},
        )
        if has_conflict:  # a recusal may leave every other sheet in
            tell_secretary_when_complete(sheet.dossier)
    return sheet


def _require_draft(sheet: ScoreSheet) -> None:
    if sheet.status == ScoreSheet.Status.PENDING:
        raise Forbidden(_("Vui lòng khai báo xung đột lợi ích trước khi chấm điểm."))
    if sheet.status == ScoreSheet.Status.RECUSED:
        raise Forbidden(_("Bạn đã khai báo có xung đột lợi ích nên không chấm hồ sơ này."))
    if sheet.status == ScoreSheet.Status.SUBMITTED:
        raise Conflict(_("Phiếu đánh giá đã nộp, không thể sửa."))


def _parse_points(raw: Any, criterion) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    message = _("Điểm tiêu chí “%(name)s” phải là số nguyên từ 0 đến %(max)s.") % {
        "name": criterion.name,
        "max": criterion.max_points,
    }
    if isinstance(raw, bool):
        raise ValidationError({criterion.code: message})
    try:
        value = int(str(raw).strip()) if not isinstance(raw, int) else raw
    except (TypeError, ValueError):
        raise ValidationError({criterion.code: message}) from None
    if not 0 <= value <= criterion.max_points:
        raise ValidationError({criterion.code: message})
    return value


def save_score(
    *,
    sheet: ScoreSheet,
    actor: User,
    points: dict[str, Any],
    comments: dict[str, str] | None = None,
    comment: str | None = None,
) -> ScoreSheet:
    """Save the member's draft: ``points`` and ``comments`` keyed by criterion code. Points outside
    0 … max are refused per criterion; a missing criterion keeps its value."""
    comments = comments or {}
    with transaction.atomic():
        sheet = ScoreSheet.objects.select_for_update().select_related("member", "dossier").get(pk=sheet.pk)
        _require_own_open_sheet(sheet, actor)
        _require_draft(sheet)
        lines = {line.criterion.code: line for line in sheet.lines.select_related("criterion")}
        unknown = set(points) - lines.keys()
        if unknown:
            raise ValidationError(
                {code: _("Tiêu chí không thuộc phiếu đánh giá.") for code in sorted(unknown)}
            )
        errors: dict[str, list[str]] = {}
        parsed: dict[str, int | None] = {}
        for code, raw in points.items():
            try:
                parsed[code] = _parse_points(raw, lines[code].criterion)
            except ValidationError as exc:
                for field, msgs in exc.message_dict.items():
                    errors.setdefault(field, []).extend(msgs)
        if errors:
            raise ValidationError(errors)
        for code, line in lines.items():
            if code in parsed:
                line.points = parsed[code]
            if code in comments:
                line.comment = (comments[code] or "").strip()
            line.save(update_fields=["points", "comment"])
        if comment is not None:
            sheet.comment = comment.strip()
        sheet.save(update_fields=["comment", "updated_at"])
    return sheet


def submit_sheet(*, sheet: ScoreSheet, actor: User) -> ScoreSheet:
    """Submit the sheet for good. Refuses a sheet with a criterion not scored."""
    with transaction.atomic():
        sheet = ScoreSheet.objects.select_for_update().select_related("member", "dossier").get(pk=sheet.pk)
        _require_own_open_sheet(sheet, actor)
        _require_draft(sheet)
        missing = {
            line.criterion.code: _("Chưa chấm điểm tiêu chí “%(name)s”.") % {"name": line.criterion.name}
            for line in sheet.lines.select_related("criterion")
            if line.points is None
        }
        if missing:
            raise ValidationError(missing)
        sheet.status = ScoreSheet.Status.SUBMITTED
        sheet.submitted_at = timezone.now()
        sheet.save(update_fields=["status", "submitted_at", "updated_at"])
        record_audit(
            actor=actor,
            action="score_sheet_submitted",
            target=sheet.dossier,
            data={"member": sheet.member_id},
        )
        tell_secretary_when_complete(sheet.dossier)
    return sheet


def tell_secretary_when_complete(dossier: Dossier) -> None:
    """Once every scoring member who did not recuse has submitted, the secretary is told the result can be
    closed — once per dossier; until then nothing awaits the secretary."""
    result = (
        CouncilResult.objects.filter(dossier=dossier, closed_at__isnull=True)
        .select_related("council")
        .first()
    )
    progress = selectors.sheet_progress(dossier)
    if result is None or progress["expected"] == 0 or progress["submitted"] < progress["expected"]:
        return
    code = dossier.tracking_code or f"#{dossier.pk}"
    for member in result.council.members.filter(position=CouncilMember.Position.SECRETARY).select_related(
        "user"
    ):
        notify(
            member.user,
            title=_("Hồ sơ %(code)s đủ phiếu đánh giá: chờ bạn chốt kết quả") % {"code": code},
            body=_(
                "Mọi thành viên đã nộp phiếu. Việc cần làm: Chốt kết quả đánh giá (đề xuất hoặc không đề xuất)."
            ),
            url=reverse("councils:detail", args=[result.council_id]),
            dossier=dossier,
            verb="council_complete",
            key=f"council-complete:{dossier.pk}",
        )


# --- The result --------------------------------------------------------------------------------------


def rerank_call(call: Call) -> None:
    """Number the call's closed results in rank order (DOMAIN-FACTS §4 tie-break)."""
    results = list(
        CouncilResult.objects.filter(council__call=call, closed_at__isnull=False).select_related("dossier")
    )
    entries = [
        scoring.Rankable(r.pk, r.total_mean, r.dossier.priority_points, r.dossier.submitted_at)
        for r in results
        if r.total_mean is not None  # always, once closed: close_result sets both
    ]
    by_pk = {r.pk: r for r in results}
    for rank, entry in scoring.ranked(entries):
        result = by_pk[entry.key]
        if result.rank != rank:
            result.rank = rank
            result.save(update_fields=["rank"])


def close_result(*, dossier: Dossier, actor: User) -> CouncilResult:
    """Freeze the council's result for the dossier (inside ``recommend`` / ``not_recommend``)."""
    result = CouncilResult.objects.select_for_update().get(dossier=dossier)
    if result.closed_at is not None:
        raise Conflict(_("Kết quả đánh giá đã được chốt."))
    agg = selectors.compute_aggregate(dossier)
    if agg is None:
        raise Conflict(_("Chưa đủ phiếu đánh giá để chốt kết quả."))
    result.criterion_means = {code: str(v) for code, v in agg.means.items()}
    result.total_mean = agg.total
    result.passed = agg.passed
    result.sheet_count = agg.sheet_count
    result.closed_at = timezone.now()
    result.closed_by = actor
    result.save()
    rerank_call(dossier.call)
    result.refresh_from_db()
    record_audit(
        actor=actor,
        action="council_result_closed",
        target=dossier,
        data={"total": str(agg.total), "passed": agg.passed, "rank": result.rank},
    )
    return result
