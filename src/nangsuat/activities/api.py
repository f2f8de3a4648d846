"""``/api/v1/trainings``, ``experts``, ``events``, ``certifications``, ``systems``, ``awards``: the
programme's activity records over JSON, through the activities' services and selectors.

Each is a paginated GET list and a POST create answering 201 with the record and its ``id``. A body names an
enterprise by ``tax_code``; one the registry lacks is 400 naming ``tax_code``, unless the body also gives
``enterprise_name`` with ``vsic_code`` and ``ward_code`` (the registry needs them): then it is added to the
registry. The agency's readers see its records; an enterprise user sees what concerns the enterprises it
represents, never a participant's identity number or phone. Another agency's record is 404, a read-only role
403 on a write, a council member 403 on every read.
"""

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from nangsuat.api.errors import error_responses
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import Id, InputSchema, PlausibleDate, from_attribute
from nangsuat.core.permissions import require
from nangsuat.core.text import fold
from nangsuat.reference.models import SupportContent

from . import selectors, services
from .models import (
    AwardKind,
    ConformityKind,
    Course,
    CourseKind,
    Event,
    EventKind,
    ExpertLevel,
    Participation,
)
from .permissions import can_read_activities, can_record_activities, sees_personal_data

router = Router(tags=["activities"])

TAX_CODE = Field(..., min_length=1, max_length=20, description="Mã số thuế doanh nghiệp")
NEW_ENTERPRISE = "Chỉ khi doanh nghiệp chưa có trong sổ (only to add an enterprise the registry lacks)"


def _kinds(choices) -> type:
    return Literal[tuple(choices.values)]  # type: ignore[return-value]


class _EnterpriseIn(InputSchema):
    enterprise_name: str = Field("", max_length=255, description="Tên doanh nghiệp. " + NEW_ENTERPRISE)
    vsic_code: str = Field("", max_length=5, description="Mã ngành VSIC 2018. " + NEW_ENTERPRISE)
    ward_code: str = Field("", max_length=6, description="Mã xã/phường. " + NEW_ENTERPRISE)


class EnterpriseRef(Schema):
    id: int
    tax_code: str
    name: str


# --- Trainings ------------------------------------------------------------------------------------------


class TrainingIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=255)
    kind: _kinds(CourseKind) = Field(..., description="manager | expert | awareness | other")  # type: ignore[valid-type]
    year: int = Field(..., ge=2020, le=2035, description="Năm kế hoạch (plan year)")
    starts_on: PlausibleDate
    ends_on: PlausibleDate
    place: str = Field("", max_length=255)
    organiser: str = Field("", max_length=255)
    cost_vnd: int | None = Field(None, ge=0, le=10**15, description="Kinh phí (đồng)")
    call_id: Id | None = Field(None, description="Đợt đăng ký của Chương trình, nếu có")
    registration_open: bool = Field(False, description="Doanh nghiệp đăng ký trực tuyến đến ngày bắt đầu")


class TrainingOut(Schema):
    id: int
    title: str
    kind: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    place: str
    organiser: str
    cost_vnd: int | None
    call_id: int | None
    registration_open: bool
    participant_count: int = 0


class TrainingFilters(InputSchema):
    q: str = Field("", max_length=200)
    year: int | None = Field(None, ge=2020, le=2035)
    kind: Literal[("", *CourseKind.values)] = ""  # type: ignore[valid-type]


def _readable(request) -> None:
    require(can_read_activities(request.auth))


def _recorder(request) -> None:
    require(can_record_activities(request.auth))


@router.get("/trainings", response=list[TrainingOut], summary="Khóa đào tạo, tập huấn (list)")
@paginated
def list_trainings(request, filters: Query[TrainingFilters]):
    _readable(request)
    f = filters.dict()
    return selectors.course_list(request.auth, q=f["q"], year=f["year"], kind=f["kind"])


@router.post(
    "/trainings",
    response={201: TrainingOut, **error_responses(400, 403)},
    summary="Thêm khóa đào tạo (create)",
)
def create_training(request, payload: TrainingIn):
    _recorder(request)
    data = payload.dict()
    data["call"] = data.pop("call_id")
    try:
        course = services.save_course(actor=request.auth, agency=request.auth.agency, data=data)
    except ValidationError as exc:
        raise ValidationError(
            {("call_id" if k == "call" else k): v for k, v in exc.message_dict.items()}
        ) from None
    return Status(201, course)


class ParticipantIn(_EnterpriseIn):
    full_name: str = Field(..., min_length=1, max_length=150)
    position: str = Field("", max_length=100)
    is_manager: bool = Field(False, description="Cán bộ quản lý doanh nghiệp")
    tax_code: str = Field("", max_length=20, description="Mã số thuế doanh nghiệp ('' = không thuộc DN)")
    identity_number: str = Field("", max_length=20, description="Số định danh cá nhân (CCCD), 12 chữ số")
    phone: str = Field("", max_length=20)
    attended: bool = True
    certificate_number: str = Field("", max_length=50)


class ParticipationOut(Schema):
    id: int
    training_id: int
    person_id: int = Field(..., description="Người tham gia (một người qua nhiều khóa)")
    full_name: str
    position: str
    is_manager: bool
    enterprise: EnterpriseRef | None
    attended: bool
    certificate_number: str
    identity_number: str | None = Field(None, description="Chỉ cán bộ của cơ quan (staff only)")
    phone: str | None = Field(None, description="Chỉ cán bộ của cơ quan (staff only)")


def _participation_out(p: Participation, *, personal: bool) -> dict:
    return {
        "id": p.pk,
        "training_id": p.course_id,
        "person_id": p.person_id,
        "full_name": p.full_name,
        "position": p.position,
        "is_manager": p.is_manager,
        "enterprise": p.enterprise,
        "attended": p.attended,
        "certificate_number": p.certificate_number,
        "identity_number": p.person.identity_number if personal else None,
        "phone": p.person.phone if personal else None,
    }


def _course(request, training_id: int) -> Course:
    _readable(request)
    return get_object_or_404(selectors.visible_courses(request.auth), pk=training_id)


class ParticipantFilters(InputSchema):
    q: str = Field("", max_length=200, description="Tên (không dấu) hoặc mã số thuế")


@router.get(
    "/trainings/{int:training_id}/participants",
    response=list[ParticipationOut],
    summary="Người tham gia một khóa (list)",
)
@paginated
def list_participants(request, training_id: Id, filters: Query[ParticipantFilters]):
    course = _course(request, training_id)
    qs = selectors.search_participations(selectors.participations_of(request.auth, course), filters.q)
    personal = sees_personal_data(request.auth, course.agency_id)
    return [_participation_out(p, personal=personal) for p in qs]


@router.post(
    "/trainings/{int:training_id}/participants",
    response={201: ParticipationOut, **error_responses(400, 403, 404, 409)},
    summary="Thêm người tham gia (create)",
)
def add_participant(request, training_id: Id, payload: ParticipantIn):
    course = _course(request, training_id)
    _recorder(request)
    participation = services.add_participant(actor=request.auth, course=course, data=payload.dict())
    return Status(
        201, _participation_out(participation, personal=sees_personal_data(request.auth, course.agency_id))
    )


# --- Experts --------------------------------------------------------------------------------------------


class ExpertIn(_EnterpriseIn):
    full_name: str = Field(..., min_length=1, max_length=150)
    identity_number: str = Field("", max_length=20)
    phone: str = Field("", max_length=20)
    workplace: str = Field("", max_length=255, description="Nơi công tác")
    tax_code: str = Field("", max_length=20, description="Mã số thuế doanh nghiệp nơi công tác, nếu có")
    training_id: Id | None = Field(None, description="Khóa đào tạo đã tham gia")
    certificate_number: str = Field("", max_length=50)
    certified_on: PlausibleDate | None = None
    issuer: str = Field("", max_length=255, description="Cơ quan cấp chứng chỉ")
    level: _kinds(ExpertLevel) = Field(..., description="national | regional | international")  # type: ignore[valid-type]
    valid_until: PlausibleDate | None = None


class ExpertOut(Schema):
    id: int
    person_id: int
    full_name: str
    workplace: str
    enterprise: EnterpriseRef | None
    training_id: int | None
    certificate_number: str
    certified_on: dt.date | None
    issuer: str
    level: str
    valid_until: dt.date | None
    valid: bool = Field(..., description="Chứng chỉ còn hiệu lực hôm nay")

    @staticmethod
    def resolve_full_name(obj) -> str:
        return obj.person.full_name

    @staticmethod
    def resolve_training_id(obj) -> int | None:
        return obj.course_id

    @staticmethod
    def resolve_valid(obj) -> bool:
        return obj.valid_until is None or obj.valid_until >= dt.date.today()


class YearKindFilters(InputSchema):
    q: str = Field("", max_length=200)
    year: int | None = Field(None, ge=2020, le=2035)


@router.get("/experts", response=list[ExpertOut], summary="Chuyên gia năng suất (list)")
@paginated
def list_experts(request, filters: Query[YearKindFilters]):
    _readable(request)
    qs = selectors.visible_experts(request.auth)
    if filters.q:
        qs = qs.filter(person__name_key__contains=fold(filters.q))
    if filters.year:
        qs = qs.filter(certified_on__year=filters.year)
    return qs


@router.post(
    "/experts", response={201: ExpertOut, **error_responses(400, 403)}, summary="Thêm chuyên gia (create)"
)
def create_expert(request, payload: ExpertIn):
    _recorder(request)
    data = payload.dict()
    data["course"] = data.pop("training_id")
    try:
        expert = services.save_record(
            actor=request.auth, agency=request.auth.agency, kind="expert", data=data
        )
    except ValidationError as exc:
        # The form's field is the course; the body's, the training.
        raise ValidationError(
            {("training_id" if k == "course" else k): v for k, v in exc.message_dict.items()}
        ) from None
    return Status(201, selectors.visible_experts(request.auth).get(pk=expert.pk))


# --- Events ---------------------------------------------------------------------------------------------


class EventIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=255)
    kind: _kinds(EventKind) = Field(  # type: ignore[valid-type]
        ..., description="conference | seminar | workshop | media | visit | other"
    )
    held_on: PlausibleDate
    place: str = Field("", max_length=255, description="Địa điểm, hoặc cơ quan báo chí với media")
    audience: int | None = Field(None, ge=0, le=10**9, description="Số người tham dự, tiếp cận")
    cost_vnd: int | None = Field(None, ge=0, le=10**15)


class EventOut(Schema):
    id: int
    title: str
    kind: str
    held_on: dt.date
    place: str
    audience: int | None
    cost_vnd: int | None
    enterprise_count: int = 0


class EventFilters(YearKindFilters):
    kind: Literal[("", *EventKind.values)] = ""  # type: ignore[valid-type]


@router.get("/events", response=list[EventOut], summary="Hoạt động thông tin, tuyên truyền (list)")
@paginated
def list_events(request, filters: Query[EventFilters]):
    _readable(request)
    return selectors.event_list(request.auth, q=filters.q, year=filters.year, kind=filters.kind)


@router.post(
    "/events", response={201: EventOut, **error_responses(400, 403)}, summary="Thêm hoạt động (create)"
)
def create_event(request, payload: EventIn):
    _recorder(request)
    event = services.save_record(
        actor=request.auth, agency=request.auth.agency, kind="event", data=payload.dict()
    )
    return Status(201, event)


class ReachIn(InputSchema):
    tax_code: str = TAX_CODE
    name: str = Field("", max_length=255, description="Tên doanh nghiệp. " + NEW_ENTERPRISE)
    vsic_code: str = Field("", max_length=5, description="Mã ngành VSIC 2018. " + NEW_ENTERPRISE)
    ward_code: str = Field("", max_length=6, description="Mã xã/phường. " + NEW_ENTERPRISE)


class ReachOut(Schema):
    id: int
    event_id: int
    enterprise: EnterpriseRef


def _event(request, event_id: int) -> Event:
    _readable(request)
    return get_object_or_404(selectors.visible_events(request.auth), pk=event_id)


@router.get(
    "/events/{int:event_id}/enterprises",
    response=list[ReachOut],
    summary="Doanh nghiệp được một hoạt động tiếp cận (list)",
)
@paginated
def list_reached(request, event_id: Id):
    return selectors.reached_enterprises(request.auth, _event(request, event_id))


@router.post(
    "/events/{int:event_id}/enterprises",
    response={201: ReachOut, 200: ReachOut, **error_responses(400, 403, 404)},
    summary="Ghi nhận doanh nghiệp được tiếp cận (201; 200 khi đã có)",
)
def add_reached(request, event_id: Id, payload: ReachIn):
    event = _event(request, event_id)
    _recorder(request)
    data = payload.dict()
    data["enterprise_name"] = data.pop("name")
    link, created = services.reach_enterprise(actor=request.auth, event=event, data=data)
    return Status(201 if created else 200, link)


# --- Certifications and awards --------------------------------------------------------------------------


class CertificationIn(_EnterpriseIn):
    tax_code: str = TAX_CODE
    kind: _kinds(ConformityKind) = Field(..., description="standard (hợp chuẩn) | regulation (hợp quy)")  # type: ignore[valid-type]
    product_group: str = Field(..., min_length=1, max_length=255, description="Nhóm sản phẩm")
    standard_code: str = Field(..., min_length=1, max_length=100, description="TCVN…, QCVN…")
    certificate_number: str = Field("", max_length=50)
    certifying_body: str = Field("", max_length=255)
    issued_on: PlausibleDate | None = None
    expires_on: PlausibleDate | None = None


class CertificationOut(Schema):
    id: int
    enterprise: EnterpriseRef
    kind: str
    product_group: str
    standard_code: str
    certificate_number: str
    certifying_body: str
    issued_on: dt.date | None
    expires_on: dt.date | None


class CertificationFilters(YearKindFilters):
    kind: Literal[("", *ConformityKind.values)] = ""  # type: ignore[valid-type]


@router.get(
    "/certifications", response=list[CertificationOut], summary="Chứng nhận hợp chuẩn, hợp quy (list)"
)
@paginated
def list_certifications(request, filters: Query[CertificationFilters]):
    _readable(request)
    qs = selectors.visible_conformity(request.auth)
    if filters.q:
        qs = qs.filter(product_group__icontains=filters.q) | qs.filter(standard_code__icontains=filters.q)
    if filters.year:
        qs = qs.filter(issued_on__year=filters.year)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs


@router.post(
    "/certifications",
    response={201: CertificationOut, **error_responses(400, 403)},
    summary="Thêm chứng nhận hợp chuẩn, hợp quy (create)",
)
def create_certification(request, payload: CertificationIn):
    _recorder(request)
    record = services.save_record(
        actor=request.auth, agency=request.auth.agency, kind="conformity", data=payload.dict()
    )
    return Status(201, record)


class SystemIn(_EnterpriseIn):
    tax_code: str = TAX_CODE
    content_code: str = Field(
        ..., min_length=1, max_length=40, description="Mã nội dung trong danh mục: iso-9001, haccp, 5s…"
    )
    certificate_number: str = Field("", max_length=50)
    certifying_body: str = Field("", max_length=255)
    issued_on: PlausibleDate | None = None
    expires_on: PlausibleDate | None = None


class SystemOut(Schema):
    id: int
    enterprise: EnterpriseRef
    content_code: str
    content_name: str
    certificate_number: str
    certifying_body: str
    issued_on: dt.date | None
    expires_on: dt.date | None
    dossier_id: int | None = Field(None, description="Hồ sơ của Chương trình đã hỗ trợ, nếu có")

    resolve_content_code = from_attribute("content.code")
    resolve_content_name = from_attribute("content.name")


@router.get("/systems", response=list[SystemOut], summary="Hệ thống quản lý, công cụ (list)")
@paginated
def list_systems(request, filters: Query[YearKindFilters]):
    _readable(request)
    return selectors.register(request.auth, "systems", q=filters.q, year=filters.year)


@router.post(
    "/systems",
    response={201: SystemOut, **error_responses(400, 403)},
    summary="Thêm hệ thống quản lý, công cụ của doanh nghiệp (create)",
)
def create_system(request, payload: SystemIn):
    _recorder(request)
    data = payload.dict()
    content = SupportContent.objects.filter(code=data.pop("content_code"), is_active=True).first()
    if content is None:
        raise ValidationError({"content_code": _("Không có nội dung này trong danh mục.")})
    data["content"] = content.pk
    record = services.save_record(actor=request.auth, agency=request.auth.agency, kind="system", data=data)
    return Status(201, record)


class AwardIn(_EnterpriseIn):
    kind: _kinds(AwardKind) = Field(..., description="national_quality | honour | commendation")  # type: ignore[valid-type]
    year: int = Field(..., ge=2020, le=2035)
    title: str = Field(..., min_length=1, max_length=255)
    tax_code: str = Field("", max_length=20, description="Doanh nghiệp (bắt buộc với national_quality)")
    recipient_name: str = Field("", max_length=150, description="Cá nhân được khen")
    result: str = Field("", max_length=255)
    decision_number: str = Field("", max_length=50)


class AwardOut(Schema):
    id: int
    kind: str
    year: int
    title: str
    enterprise: EnterpriseRef | None
    recipient_name: str
    result: str
    decision_number: str


class AwardFilters(YearKindFilters):
    kind: Literal[("", *AwardKind.values)] = ""  # type: ignore[valid-type]


@router.get("/awards", response=list[AwardOut], summary="Giải thưởng, tôn vinh, khen thưởng (list)")
@paginated
def list_awards(request, filters: Query[AwardFilters]):
    _readable(request)
    qs = selectors.visible_awards(request.auth)
    if filters.q:
        qs = qs.filter(title__icontains=filters.q)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs


@router.post(
    "/awards", response={201: AwardOut, **error_responses(400, 403)}, summary="Thêm giải thưởng (create)"
)
def create_award(request, payload: AwardIn):
    _recorder(request)
    record = services.save_record(
        actor=request.auth, agency=request.auth.agency, kind="award", data=payload.dict()
    )
    return Status(201, record)
