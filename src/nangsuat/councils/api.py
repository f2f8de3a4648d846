"""``/api/v1/councils``: councils, the member's conflict declarations and score sheets, the results.

Visibility: a council member sees the councils they sit on; officers, directors and admins their
agency's; the ministry all — anything else is 404. The call's officer creates a council and seats or
removes its members, through the same services as the council pages. Before a result is closed nobody
reads another member's points; the secretary and the agency's officers/directors see the progress (who
has submitted) and the aggregate once every sheet is in. A recused (conflicted) member scoring → 403.
"""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from nangsuat.api.errors import ApiError, django_validation_errors, error_responses
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import InputSchema, PlausibleDate
from nangsuat.core.roles import Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.dossiers.models import Call

from . import selectors, services
from .models import Council, CouncilMember, ScoreSheet

router = Router(tags=["councils"])


class MemberOut(Schema):
    id: int
    user_id: int
    full_name: str
    position: str = Field(..., description="chair | vice_chair | reviewer | member | secretary")
    position_label: str
    organisation: str = Field(..., description="Cơ quan công tác ghi trong quyết định thành lập")


class CouncilOut(Schema):
    id: int
    name: str
    call_id: int
    call_title: str
    decision_number: str
    decision_date: date | None
    member_count: int


class CouncilDetailOut(CouncilOut):
    members: list[MemberOut]
    eligible: bool = Field(..., description="Đủ ≥5 thành viên và có thư ký (can take dossiers)")


def _member_out(m: CouncilMember) -> dict:
    return {
        "id": m.id,
        "user_id": m.user_id,
        "full_name": str(m.user),
        "position": m.position,
        "position_label": str(m.get_position_display()),
        "organisation": m.organisation,
    }


def _council_out(c: Council, detail: bool = False) -> dict:
    members = list(c.members.all())
    out = {
        "id": c.id,
        "name": c.name,
        "call_id": c.call_id,
        "call_title": c.call.title,
        "decision_number": c.decision_number,
        "decision_date": c.decision_date,
        "member_count": len(members),
    }
    if detail:
        out["members"] = [_member_out(m) for m in sorted(members, key=lambda m: m.id)]
        out["eligible"] = selectors.eligible_council(c.call) == c
    return out


def _council(request, council_id: int) -> Council:
    return get_object_or_404(selectors.councils_for(request.auth), pk=council_id)


@router.get("", response=list[CouncilOut], summary="Danh sách hội đồng (councils the caller may see)")
@paginated
def list_councils(request):
    return [_council_out(c) for c in selectors.councils_for(request.auth).order_by("-created_at")]


@router.get("/{council_id}", response=CouncilDetailOut, summary="Hội đồng và thành viên")
def get_council(request, council_id: int):
    return _council_out(_council(request, council_id), detail=True)


# --- Creating a council and seating its members (the call's officer) --------------------------------

# The services name the member ``user``; the API takes its id.
_API_FIELD = {"user": "user_id", "call": "call_id"}


def _bad_request(exc: ValidationError) -> ApiError:
    detail, errors = django_validation_errors(exc)
    return ApiError(400, detail, {_API_FIELD.get(k, k): v for k, v in errors.items()})


class CouncilIn(InputSchema):
    call_id: int = Field(..., ge=1, le=2**63 - 1)
    name: str = Field(..., min_length=1, max_length=255, description="Tên hội đồng")
    decision_number: str = Field("", max_length=50, description="Số quyết định thành lập")
    decision_date: PlausibleDate | None = Field(None, description="Ngày quyết định")


class MemberIn(InputSchema):
    user_id: int = Field(
        ..., ge=1, le=2**63 - 1, description="Tài khoản Hội đồng tư vấn (hoặc Sở Tài chính) cùng đơn vị"
    )
    position: CouncilMember.Position = Field(..., description="Chức danh trong hội đồng")
    organisation: str = Field(
        "", max_length=200, description="Cơ quan công tác (để trống: cơ quan của tài khoản)"
    )


@router.post(
    "",
    response={201: CouncilDetailOut, **error_responses(400, 403)},
    summary="Thành lập hội đồng cho một đợt (officer)",
)
def create_council(request, body: CouncilIn):
    """The officer of the call's agency creates an empty council; it takes dossiers once it has at least
    five members and a secretary."""
    if not request.auth.has_role(Role.OFFICER):
        raise PermissionDenied(_("Chỉ chuyên viên Sở KH&CN được thành lập hội đồng."))
    call = scope_to_agency(Call.objects.all(), request.auth).filter(pk=body.call_id).first()
    if call is None:
        raise ApiError(400, _("Đợt đăng ký không tồn tại."), {"call_id": [_("Không có đợt này.")]})
    try:
        council = services.create_council(
            call=call,
            name=body.name,
            actor=request.auth,
            decision_number=body.decision_number,
            decision_date=body.decision_date,
        )
    except ValidationError as exc:
        raise _bad_request(exc) from exc
    return Status(201, _council_out(_council(request, council.pk), detail=True))


@router.post(
    "/{council_id}/members",
    response={201: MemberOut, **error_responses(400, 403, 404)},
    summary="Thêm thành viên hội đồng (officer)",
)
def add_member(request, council_id: int, body: MemberIn):
    """At most one chair and one secretary; a scoring member seated while dossiers are in the council
    gets a sheet for each of them."""
    council = _council(request, council_id)
    if not selectors.can_manage(request.auth, council):
        raise PermissionDenied(_("Chỉ chuyên viên của Sở phụ trách đợt đăng ký được quản lý hội đồng."))
    user = selectors.member_users(council).filter(pk=body.user_id).first()
    if user is None:
        raise ApiError(
            400,
            _("Thành viên không hợp lệ."),
            {"user_id": [_("Không phải tài khoản Hội đồng tư vấn của đơn vị, hoặc đã là thành viên.")]},
        )
    try:
        member = services.add_member(
            council=council,
            user=user,
            position=body.position.value,
            actor=request.auth,
            organisation=body.organisation,
        )
    except ValidationError as exc:
        raise _bad_request(exc) from exc
    return Status(201, _member_out(member))


@router.delete(
    "/{council_id}/members/{member_id}",
    response={204: None, **error_responses(403, 404, 409)},
    summary="Rút thành viên khỏi hội đồng (officer)",
)
def remove_member(request, council_id: int, member_id: int):
    """Only a member who has neither declared nor scored anything (409 otherwise)."""
    council = _council(request, council_id)
    member = get_object_or_404(CouncilMember, pk=member_id, council=council)
    services.remove_member(member=member, actor=request.auth)
    return Status(204, None)


class ProgressOut(Schema):
    pending: int = Field(..., description="Chưa khai báo xung đột lợi ích")
    draft: int
    submitted: int
    recused: int = Field(..., description="Có xung đột lợi ích, không chấm")
    expected: int = Field(..., description="Số phiếu cần nộp (không tính thành viên có xung đột)")


class CouncilDossierOut(Schema):
    dossier_id: int
    tracking_code: str | None
    state: str
    sheet_status: str | None = Field(
        None, description="Phiếu của người gọi: pending | draft | submitted | recused"
    )
    submitted_at: datetime | None = None
    title: str | None = Field(None, description="Chỉ hiện sau khi khai báo không có xung đột")
    enterprise_name: str | None = None
    progress: ProgressOut | None = Field(
        None, description="Cho thư ký/chuyên viên: ai đã nộp (không có điểm)"
    )


@router.get("/{council_id}/dossiers", response=list[CouncilDossierOut], summary="Hồ sơ của hội đồng")
def council_dossiers(request, council_id: int):
    council = _council(request, council_id)
    user = request.auth
    seat = selectors.seat_of(user, council)
    mine = {s.dossier_id: s for s in ScoreSheet.objects.filter(member=seat)} if seat else {}
    follow = selectors.can_follow(user, council)
    out = []
    for result in council.results.select_related("dossier__enterprise").order_by("id"):
        d = result.dossier
        sheet = mine.get(d.pk)
        if sheet is None and not follow:
            continue
        shown = follow or sheet.status in (ScoreSheet.Status.DRAFT, ScoreSheet.Status.SUBMITTED)
        out.append(
            {
                "dossier_id": d.pk,
                "tracking_code": d.tracking_code,
                "state": d.state,
                "sheet_status": sheet.status if sheet else None,
                "submitted_at": sheet.submitted_at if sheet else None,
                "title": d.title if shown else None,
                "enterprise_name": d.enterprise.name if shown else None,
                "progress": selectors.sheet_progress(d) if follow else None,
            }
        )
    return out


class LineOut(Schema):
    criterion: str
    name: str
    max_points: int
    points: int | None
    comment: str


class SheetOut(Schema):
    dossier_id: int
    status: str
    submitted_at: datetime | None
    comment: str
    total: int | None
    lines: list[LineOut]


def _sheet_out(sheet: ScoreSheet) -> dict:
    lines = [
        {
            "criterion": ln.criterion.code,
            "name": ln.criterion.name,
            "max_points": ln.criterion.max_points,
            "points": ln.points,
            "comment": ln.comment,
        }
        for ln in sheet.lines.select_related("criterion")
    ]
    return {
        "dossier_id": sheet.dossier_id,
        "status": sheet.status,
        "submitted_at": sheet.submitted_at,
        "comment": sheet.comment,
        "total": sheet.total,
        "lines": lines,
    }


def _own_sheet(request, council_id: int, dossier_id: int) -> ScoreSheet:
    council = _council(request, council_id)
    seat = selectors.seat_of(request.auth, council)
    if seat is None:
        raise ApiError(403, _("Bạn không phải thành viên chấm điểm của hội đồng này."))
    sheet = (
        ScoreSheet.objects.filter(member=seat, dossier_id=dossier_id)
        .select_related("member", "dossier")
        .first()
    )
    if sheet is None:
        raise ApiError(404, _("Không tìm thấy phiếu đánh giá."))
    return sheet


class ConflictIn(InputSchema):
    has_conflict: bool = Field(..., description="true: có xung đột lợi ích (không chấm hồ sơ này)")
    reason: str = Field("", max_length=2000, description="Bắt buộc khi has_conflict = true")


@router.post(
    "/{council_id}/dossiers/{dossier_id}/conflict", response=SheetOut, summary="Khai báo xung đột lợi ích"
)
def declare_conflict(request, council_id: int, dossier_id: int, payload: ConflictIn):
    sheet = _own_sheet(request, council_id, dossier_id)
    sheet = services.declare_conflict(
        sheet=sheet, actor=request.auth, has_conflict=payload.has_conflict, reason=payload.reason
    )
    return _sheet_out(sheet)


class LineIn(InputSchema):
    criterion: str = Field(
        ..., max_length=30, description="Mã tiêu chí (urgency, feasibility, effectiveness...)"
    )
    points: int | None = Field(None, description="0 … điểm tối đa của tiêu chí")
    comment: str = Field("", max_length=5000)


class ScoreIn(InputSchema):
    lines: list[LineIn] = Field(..., max_length=20)
    comment: str | None = Field(None, max_length=5000, description="Nhận xét chung")


@router.get("/{council_id}/dossiers/{dossier_id}/score", response=SheetOut, summary="Phiếu đánh giá của tôi")
def get_score(request, council_id: int, dossier_id: int):
    return _sheet_out(_own_sheet(request, council_id, dossier_id))


@router.put("/{council_id}/dossiers/{dossier_id}/score", response=SheetOut, summary="Lưu điểm (bản nháp)")
def put_score(request, council_id: int, dossier_id: int, payload: ScoreIn):
    sheet = _own_sheet(request, council_id, dossier_id)
    points = {ln.criterion: ln.points for ln in payload.lines}
    comments = {ln.criterion: ln.comment for ln in payload.lines}
    sheet = services.save_score(
        sheet=sheet, actor=request.auth, points=points, comments=comments, comment=payload.comment
    )
    return _sheet_out(sheet)


@router.post(
    "/{council_id}/dossiers/{dossier_id}/score/submit",
    response=SheetOut,
    summary="Nộp phiếu (không sửa được)",
)
def submit_score(request, council_id: int, dossier_id: int):
    sheet = services.submit_sheet(sheet=_own_sheet(request, council_id, dossier_id), actor=request.auth)
    return _sheet_out(sheet)


class ResultOut(Schema):
    dossier_id: int
    tracking_code: str | None
    rank: int | None = Field(None, description="Thứ hạng (điểm TB giảm dần, điểm ưu tiên, thời điểm nộp)")
    criterion_means: dict[str, Decimal] | None
    total_mean: Decimal | None
    passed: bool | None
    priority_points: int
    closed: bool
    progress: ProgressOut | None = None


@router.get("/{council_id}/results", response=list[ResultOut], summary="Kết quả đánh giá")
def council_results(request, council_id: int):
    """Closed results for every member; the secretary and the agency's officers/directors also see the
    progress of open ones and their aggregate once every sheet is in."""
    council = _council(request, council_id)
    follow = selectors.can_follow(request.auth, council)
    out = []
    for row in selectors.council_results(council):
        closed = row.result.closed_at is not None
        if not closed and not follow:
            continue
        agg = row.aggregate
        out.append(
            {
                "dossier_id": row.dossier.pk,
                "tracking_code": row.dossier.tracking_code,
                "rank": row.result.rank if closed else row.rank,
                "criterion_means": agg.means if agg else None,
                "total_mean": agg.total if agg else None,
                "passed": agg.passed if agg else None,
                "priority_points": row.dossier.priority_points,
                "closed": closed,
                "progress": row.progress if follow else None,
            }
        )
    return out
