"""``/api/v1/calls``: the calls (đợt đăng ký) with their contents, rubric and priority rules, through the
call services the pages use."""

import datetime as dt
import logging
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from nangsuat.api.errors import ApiError
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import Id, InputSchema, PlausibleDate
from nangsuat.reference.models import SupportContent

from .. import selectors
from ..models import Call
from ..services import calls as call_services

log = logging.getLogger(__name__)

router = Router(tags=["dossiers"])


# --- Calls ----------------------------------------------------------------------------------------


class CallContentOut(Schema):
    content_id: int
    content_code: str
    content_name: str
    support_rate_percent: int
    ceiling_vnd: int
    required_attachments: list[str]


class CriterionOut(Schema):
    code: str
    name: str
    max_points: int


class PriorityRuleOut(Schema):
    basis: str
    points: int
    threshold: int | None


class CallOut(Schema):
    id: int
    code: str
    year: int
    title: str
    registration_opens: dt.date
    registration_closes: dt.date
    review_ends: dt.date | None
    contract_ends: dt.date | None
    budget_vnd: int
    is_published: bool
    legal_basis: str
    effective_date: dt.date | None


class CallDetailOut(CallOut):
    description: str
    pass_total_min: float
    pass_criterion_min_ratio: float
    contents: list[CallContentOut]
    criteria: list[CriterionOut]
    priority_rules: list[PriorityRuleOut]


class CallContentIn(InputSchema):
    content_id: Id
    support_rate_percent: int = Field(50, ge=1, le=100)
    ceiling_vnd: int = Field(200_000_000, ge=0)
    required_attachments: list[str] = []


class CallIn(InputSchema):
    year: int = Field(..., ge=2021, le=2030)
    title: str = Field(..., min_length=3, max_length=255)
    budget_vnd: int = Field(..., ge=0, le=10**15)
    description: str = ""
    registration_opens: PlausibleDate | None = None
    registration_closes: PlausibleDate | None = None
    review_ends: PlausibleDate | None = None
    contract_ends: PlausibleDate | None = None
    legal_basis: str = Field(call_services.DEFAULT_LEGAL_BASIS, max_length=300)
    effective_date: PlausibleDate | None = None
    contents: list[CallContentIn] = []
    publish: bool = False


def _call_detail(call: Call) -> dict[str, Any]:
    data = {f: getattr(call, f) for f in CallDetailOut.model_fields if hasattr(call, f)}
    data["pass_total_min"] = float(call.pass_total_min)
    data["pass_criterion_min_ratio"] = float(call.pass_criterion_min_ratio)
    data["contents"] = [
        {
            "content_id": cc.content_id,
            "content_code": cc.content.code,
            "content_name": cc.content.name,
            "support_rate_percent": cc.support_rate_percent,
            "ceiling_vnd": cc.ceiling_vnd,
            "required_attachments": cc.required_attachments,
        }
        for cc in call.contents.select_related("content")
    ]
    data["criteria"] = list(call.criteria.values("code", "name", "max_points"))
    data["priority_rules"] = list(call.priority_rules.values("basis", "points", "threshold"))
    return data


@router.get("/calls", response=list[CallOut], summary="Đợt đăng ký (calls)")
@paginated
def list_calls(request):
    return selectors.visible_calls(request.auth)


@router.post("/calls", response={201: CallDetailOut}, summary="Tạo đợt đăng ký (create a call)")
def create_call(request, body: CallIn):
    user = request.auth
    known = set(
        SupportContent.objects.filter(pk__in=[c.content_id for c in body.contents]).values_list(
            "pk", flat=True
        )
    )
    unknown = [c.content_id for c in body.contents if c.content_id not in known]
    if unknown:
        raise ApiError(
            400,
            _("Nội dung hỗ trợ không tồn tại."),
            {"contents": [_("Không có nội dung %(id)s.") % {"id": i} for i in unknown]},
        )
    call = call_services.save_call(
        actor=user,
        fields=body.dict(exclude={"contents", "publish"}),
        contents=[{"content": c.content_id, **c.dict(exclude={"content_id"})} for c in body.contents],
        publish=body.publish,
    )
    return Status(201, _call_detail(call))


@router.get("/calls/{call_id}", response=CallDetailOut, summary="Một đợt đăng ký")
def get_call(request, call_id: int):
    return _call_detail(get_object_or_404(selectors.visible_calls(request.auth), pk=call_id))
