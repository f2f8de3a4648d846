"""``/api/v1/dossiers`` and the public status lookup, through the services the dossier's pages use.

A dossier the caller may not see is **404** (an enterprise guessing ids learns nothing). Transitions take
``{"action": ..., "note": ..., ...}`` as JSON or as a multipart form (the action's files): the extra fields
are the action's form (``workflow.ACTION_FORMS``), validated by ``workflow.clean_payload`` and described
in the OpenAPI document from that same form; refusals are 403 (role, scope) or 409 (state, condition).
The officer's eligibility checklist and the director's duplicate-support override call the same
services as the dossier's pages.
"""

import datetime as dt
import logging
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, UploadedFile
from ninja.errors import ValidationError as SchemaError
from ninja.responses import Status
from pydantic import ValidationError as PydanticError

from nangsuat.api.errors import ApiError, error_responses
from nangsuat.api.forms import check_json_types, form_schema, read_form_body
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import Id, InputSchema, PlausibleDate
from nangsuat.core.roles import DEPARTMENT, Role
from nangsuat.registry.models import Enterprise
from nangsuat.registry.permissions import member_enterprise_ids

from .. import selectors, workflow
from ..models import Attachment, Dossier, EligibilityCheck
from ..permissions import visible_dossiers
from ..services import dossiers as dossier_services
from ..states import State
from ..uploads import file_download
from ..views.lists import lookup_throttled

log = logging.getLogger(__name__)

router = Router(tags=["dossiers"])


# --- Dossiers -------------------------------------------------------------------------------------


class DossierOut(Schema):
    id: int
    tracking_code: str | None
    state: str = Field(..., description="Mã trạng thái: " + ", ".join(State.values))
    state_label: str
    call_id: int
    enterprise_id: int
    enterprise_name: str
    enterprise_tax_code: str
    content_id: int
    content_name: str
    title: str
    submitted_at: dt.datetime | None
    state_changed_at: dt.datetime | None
    due_on: dt.date | None
    priority_points: int

    @staticmethod
    def resolve_state_label(obj: Dossier) -> str:
        return str(State(obj.state).label)

    @staticmethod
    def resolve_enterprise_name(obj: Dossier) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_enterprise_tax_code(obj: Dossier) -> str:
        return obj.enterprise.tax_code

    @staticmethod
    def resolve_content_name(obj: Dossier) -> str:
        return obj.content.name


class AttachmentOut(Schema):
    id: int
    kind: str
    original_name: str
    content_type: str
    size: int
    sha256: str


class ActionOut(Schema):
    action: str
    label: str
    allowed: bool
    reason: str
    note_required: bool


class DossierDetailOut(DossierOut):
    objectives: str
    expected_results: str
    total_cost_vnd: int | None
    requested_support_vnd: int | None
    period_start: dt.date | None
    period_end: dt.date | None
    consultant: str
    other_state_support: bool
    other_state_support_detail: str
    uses_domestic_materials: bool
    export_potential: bool
    jobs_created: int
    attachments: list[AttachmentOut]
    actions: list[ActionOut]


SORTS = tuple(d + k for k in selectors.SORTS for d in ("", "-"))


class DossierFilterIn(InputSchema):
    state: Literal[("", *State.values)] = Field("", description="Mã trạng thái")  # type: ignore[valid-type]
    call: Id | None = None
    content: Id | None = None
    ward: str = ""
    overdue: bool = False
    q: str = ""
    sort: Literal[SORTS] = Field(  # type: ignore[valid-type]
        "-created", description="created, submitted, due, code, state, priority; '-' trước = giảm dần"
    )


class DossierFormIn(InputSchema):
    content_id: Id | None = None
    title: str | None = Field(None, max_length=255)
    objectives: str | None = Field(None, max_length=8000)
    expected_results: str | None = Field(None, max_length=8000)
    total_cost_vnd: int | None = Field(None, ge=0, le=10**15)
    requested_support_vnd: int | None = Field(None, ge=0, le=10**15)
    period_start: PlausibleDate | None = None
    period_end: PlausibleDate | None = None
    consultant: str | None = Field(None, max_length=255)
    other_state_support: bool | None = None
    other_state_support_detail: str | None = Field(None, max_length=4000)
    uses_domestic_materials: bool | None = None
    export_potential: bool | None = None
    jobs_created: int | None = Field(None, ge=0, le=1_000_000)


class DossierCreateIn(DossierFormIn):
    call_id: Id
    enterprise_id: Id | None = None
    content_id: Id


class TransitionIn(InputSchema):
    action: str = Field(..., description="Mã thao tác: " + ", ".join(workflow.BY_ACTION))
    note: str = Field("", max_length=4000)


class HistoryOut(Schema):
    at: dt.datetime
    action: str
    from_state: str
    to_state: str
    actor: str
    note: str


def _visible(request, dossier_id: int) -> Dossier:
    qs = visible_dossiers(Dossier.objects.select_related("call", "enterprise", "content"), request.auth)
    return get_object_or_404(qs, pk=dossier_id)


def _detail(dossier: Dossier, user) -> Dossier:
    dossier.attachments_list = list(dossier.attachments.filter(is_current=True))
    dossier.actions_list = [
        {
            "action": t.action,
            "label": t.label,
            "allowed": bool(d),
            "reason": d.reason,
            "note_required": t.note_required,
        }
        for t, d in workflow.available_actions(user, dossier)
    ]
    return dossier


def _after_commit(request, dossier_id: int, status: int = 200):
    """The dossier as it stands after a committed step. If reading it fails (the database gone for a
    moment), the step stays done and the answer says so: 303 to the dossier, never a 500."""
    try:
        detail = _detail(_visible(request, dossier_id), request.auth)
    except DatabaseError:
        log.exception("dossier %s: the step is committed, its answer could not be read", dossier_id)
        response = HttpResponse(status=303)
        response["Location"] = f"/api/v1/dossiers/{dossier_id}"
        return response
    return Status(status, detail) if status != 200 else detail


class _DetailSchema(DossierDetailOut):
    @staticmethod
    def resolve_attachments(obj: Dossier):
        return obj.attachments_list

    @staticmethod
    def resolve_actions(obj: Dossier):
        return obj.actions_list


def _form_data(body: DossierFormIn) -> dict[str, Any]:
    data = body.dict(exclude_unset=True, exclude={"call_id", "enterprise_id"})
    if "content_id" in data:
        data["content"] = data.pop("content_id")
    return data


@router.get("/dossiers", response=list[DossierOut], summary="Hồ sơ (dossiers)")
@paginated
def list_dossiers(request, filters: Query[DossierFilterIn]):
    return selectors.dossiers_for_user(
        user=request.auth, filters=selectors.DossierFilters.from_params(filters.dict())
    )


@router.get("/dossiers/{dossier_id}", response=_DetailSchema, summary="Một hồ sơ")
def get_dossier(request, dossier_id: int):
    return _detail(_visible(request, dossier_id), request.auth)


@router.post("/dossiers", response={201: _DetailSchema, 303: None}, summary="Lập hồ sơ (bản nháp)")
def create_dossier(request, body: DossierCreateIn):
    user = request.auth
    if user.role != Role.ENTERPRISE:
        raise PermissionDenied(_("Chỉ doanh nghiệp được lập hồ sơ đăng ký."))
    mine = Enterprise.objects.filter(pk__in=member_enterprise_ids(user))
    enterprise = mine.filter(pk=body.enterprise_id).first() if body.enterprise_id else mine.first()
    if enterprise is None:
        raise ApiError(
            400, _("Bạn không đại diện cho doanh nghiệp này."), {"enterprise_id": [_("Không hợp lệ.")]}
        )
    call = selectors.visible_calls(user).filter(pk=body.call_id).first()
    if call is None:
        raise ApiError(400, _("Đợt đăng ký không tồn tại."), {"call_id": [_("Không có đợt này.")]})
    dossier = dossier_services.create_draft(
        call=call, enterprise=enterprise, actor=user, data=_form_data(body)
    )
    return _after_commit(request, dossier.pk, 201)


@router.patch(
    "/dossiers/{dossier_id}", response=_DetailSchema, summary="Sửa phiếu đăng ký (bản nháp/cần bổ sung)"
)
def patch_dossier(request, dossier_id: int, body: DossierFormIn):
    dossier = _visible(request, dossier_id)
    dossier_services.update_dossier(dossier=dossier, actor=request.auth, data=_form_data(body))
    return _detail(_visible(request, dossier_id), request.auth)


@router.post(
    "/dossiers/{dossier_id}/attachments",
    response={201: AttachmentOut},
    summary="Đính kèm giấy tờ (multipart: kind, file)",
)
def upload_attachment(request, dossier_id: int, kind: Form[str], file: File[UploadedFile]):
    """The enterprise joins a file to its draft or to a dossier asked for a supplement: PDF, DOCX, XLSX,
    JPEG or PNG, checked by content, within the size limit. ``kind`` is one of the attachment kinds
    (``business_license``, ``tax_confirmation``, ...; the call's contents list which they require)."""
    dossier = _visible(request, dossier_id)
    attachment = dossier_services.add_attachment(dossier=dossier, actor=request.auth, kind=kind, upload=file)
    return Status(201, attachment)


@router.get("/dossiers/{dossier_id}/attachments/{attachment_id}", summary="Tải một giấy tờ kèm theo")
def download_attachment(request, dossier_id: int, attachment_id: int):
    dossier = _visible(request, dossier_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, dossier=dossier)
    return file_download(attachment.file, attachment.original_name, attachment.content_type)


@router.delete(
    "/dossiers/{dossier_id}/attachments/{attachment_id}", response={204: None}, summary="Gỡ một giấy tờ"
)
def remove_attachment(request, dossier_id: int, attachment_id: int):
    """Takes the file off the current form; earlier submissions keep it."""
    dossier = _visible(request, dossier_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, dossier=dossier, is_current=True)
    dossier_services.remove_attachment(attachment=attachment, actor=request.auth)
    return Status(204, None)


# --- Transitions: JSON or a multipart form, described per action from the action's form ----------------


def _action_schema(transition: workflow.Transition, *, files: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "action": {"type": "string", "enum": [transition.action]},
        "note": {"type": "string", "maxLength": 4000, "description": "Ghi chú, lý do"},
    }
    required = ["action", *(("note",) if transition.note_required else ())]
    form_class = workflow.ACTION_FORMS.get(transition.action)
    if form_class is not None:
        fields, needed = form_schema(form_class, files=files)
        properties.update(fields)
        required.extend(needed)
    return {
        "title": transition.action,
        "description": f"{transition.label}: {', '.join(transition.sources)} → {transition.target} "
        f"({', '.join(sorted(transition.roles))})",
        "type": "object",
        "properties": properties,
        "required": required,
    }


def _transition_openapi() -> dict[str, Any]:
    """The request body of ``transitions``: one schema per action of ``workflow.TRANSITIONS`` with the
    fields of its registered form (files only in the multipart variant)."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"oneOf": [_action_schema(t, files=False) for t in workflow.TRANSITIONS]}
                },
                "multipart/form-data": {
                    "schema": {"oneOf": [_action_schema(t, files=True) for t in workflow.TRANSITIONS]}
                },
            },
        }
    }


_FILE_MARK = " (tệp / files)"


def _transition_description() -> str:
    lines = [
        "Gửi JSON, hoặc multipart/form-data khi thao tác có tệp (ảnh khảo sát `photos`, quyết định của "
        "UBND `decision_file`, minh chứng `evidence`). *Send JSON, or a multipart form for an action's "
        "files.* Các trường của từng thao tác (* bắt buộc) / each action's fields (* required):",
        "",
    ]
    for t in workflow.TRANSITIONS:
        schema = _action_schema(t, files=True)
        fields = []
        for name, prop in schema["properties"].items():
            if name != "action":
                required = "*" if name in schema["required"] else ""
                fields.append(f"`{name}`{required}{_FILE_MARK if 'binary' in str(prop) else ''}")
        lines.append(f"- `{t.action}` — {schema['description']}: {', '.join(fields)}")
    return "\n".join(lines)


@router.post(
    "/dossiers/{dossier_id}/transitions",
    response={200: _DetailSchema, 303: None, **error_responses(400, 403, 404, 409)},
    summary="Chuyển trạng thái hồ sơ (JSON hoặc multipart)",
    description=_transition_description(),
    openapi_extra=_transition_openapi(),
)
def transition(request, dossier_id: int):
    dossier = _visible(request, dossier_id)
    data, files = read_form_body(request)
    try:
        head = TransitionIn.model_validate({k: data[k] for k in ("action", "note") if k in data})
    except PydanticError as exc:
        raise SchemaError(exc.errors(include_url=False)) from exc
    # Typed like the schema's fields, before the handler runs: 400 before 403 or 409.
    check_json_types(workflow.ACTION_FORMS.get(head.action), data, files)
    if head.action == "submit" and dossier.state == State.SUBMITTED and dossier.submitted_at is not None:
        # A client that timed out sends its submission again: it was received, say so with the dossier.
        return _detail(dossier, request.auth)
    # The action's form reads its own fields and ignores the others (``action``, ``note``).
    dossier_services.act(
        dossier=dossier, action=head.action, actor=request.auth, note=head.note, data=data, files=files
    )
    return _after_commit(request, dossier_id)


@router.get("/dossiers/{dossier_id}/history", response=list[HistoryOut], summary="Lịch sử hồ sơ")
def dossier_history(request, dossier_id: int):
    dossier = _visible(request, dossier_id)
    return [
        {
            "at": e.created_at,
            "action": e.action,
            "from_state": e.from_state,
            "to_state": e.to_state,
            "actor": str(e.actor) if e.actor else "",
            "note": e.note,
        }
        for e in selectors.readable_history(dossier, request.auth)
        if e.to_state or request.auth.role != Role.ENTERPRISE
    ]


# --- The officer's eligibility checklist and the director's duplicate-support override --------------


class EligibilityItemIn(InputSchema):
    item: EligibilityCheck.Item = Field(..., description="Mã điều kiện (condition code)")
    met: bool = Field(..., description="Đáp ứng (met)")
    evidence: str = Field("", max_length=500, description="Căn cứ, minh chứng — bắt buộc khi met = true")


class EligibilityIn(InputSchema):
    items: list[EligibilityItemIn] = Field(
        ...,
        min_length=1,
        max_length=len(EligibilityCheck.Item.values),
        description="Các điều kiện được ghi nhận; điều kiện không gửi giữ kết quả trước đó",
    )


class EligibilityItemOut(Schema):
    item: str
    label: str
    met: bool
    evidence: str
    checked_by: str
    checked_at: dt.datetime | None


class EligibilityOut(Schema):
    items: list[EligibilityItemOut]
    duplicate_reason: str = Field(..., description="Vì sao có thể trùng hỗ trợ; rỗng nếu không")
    duplicate_override_reason: str = Field(..., description="Lý do lãnh đạo Sở chấp nhận; rỗng nếu chưa")


class DuplicateOverrideIn(InputSchema):
    reason: str = Field(..., max_length=2000, description="Lý do chấp nhận (ít nhất 10 ký tự)")


def _department_dossier(request, dossier_id: int) -> Dossier:
    dossier = _visible(request, dossier_id)
    if not request.auth.has_role(*DEPARTMENT):
        raise PermissionDenied(_("Chỉ cán bộ Sở KH&CN kiểm tra điều kiện hỗ trợ."))
    return dossier


def _eligibility(dossier: Dossier) -> dict[str, Any]:
    checks = {c.item: c for c in dossier.eligibility.select_related("checked_by")}
    rows = []
    for item, label in EligibilityCheck.Item.choices:
        check = checks.get(item)
        rows.append(
            {
                "item": item,
                "label": str(label),
                "met": bool(check and check.met),
                "evidence": check.evidence if check else "",
                "checked_by": str(check.checked_by) if check and check.checked_by else "",
                "checked_at": check.checked_at if check else None,
            }
        )
    return {
        "items": rows,
        "duplicate_reason": selectors.duplicate_support_reason(dossier),
        "duplicate_override_reason": dossier.duplicate_override_reason,
    }


@router.get(
    "/dossiers/{dossier_id}/eligibility",
    response={200: EligibilityOut, **error_responses(403, 404)},
    summary="Kiểm tra điều kiện hỗ trợ (officer, director)",
)
def get_eligibility(request, dossier_id: int):
    return _eligibility(_department_dossier(request, dossier_id))


@router.put(
    "/dossiers/{dossier_id}/eligibility",
    response={200: EligibilityOut, **error_responses(400, 403, 404, 409)},
    summary="Ghi nhận kiểm tra điều kiện hỗ trợ (officer)",
)
def put_eligibility(request, dossier_id: int, body: EligibilityIn):
    """The officer records each hard condition with its evidence, on a submitted dossier or one being
    supplemented; ``mark_valid`` then needs every condition met. A condition met without evidence is
    400 under its code."""
    dossier = _department_dossier(request, dossier_id)
    items = {row.item.value: (row.met, row.evidence) for row in body.items}
    dossier_services.record_eligibility(dossier=dossier, actor=request.auth, items=items)
    return _eligibility(_visible(request, dossier_id))


@router.post(
    "/dossiers/{dossier_id}/duplicate-override",
    response={200: EligibilityOut, **error_responses(400, 403, 404, 409)},
    summary="Lãnh đạo Sở chấp nhận hồ sơ có thể trùng hỗ trợ (director)",
)
def duplicate_override(request, dossier_id: int, body: DuplicateOverrideIn):
    """The director lets the dossier through the duplicate-support check (``mark_valid``'s condition)
    with a reason of at least 10 characters."""
    dossier = _department_dossier(request, dossier_id)
    dossier_services.override_duplicate(dossier=dossier, director=request.auth, reason=body.reason)
    return _eligibility(_visible(request, dossier_id))


# --- Public lookup ---------------------------------------------------------------------------------


class PublicStatusOut(Schema):
    tracking_code: str
    state: str
    state_label: str
    submitted_at: dt.datetime | None
    last_changed_at: dt.datetime | None
    due_on: dt.date | None


@router.get(
    "/public/dossiers/{tracking_code}",
    auth=None,
    response=PublicStatusOut,
    summary="Tra cứu tình trạng hồ sơ (public, cần mã số thuế)",
)
def public_dossier(request, tracking_code: str, tax_code: str = ""):
    if lookup_throttled(request):
        raise ApiError(429, _("Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút."))
    dossier = selectors.public_status(tracking_code=tracking_code, tax_code=tax_code)
    if dossier is None:
        raise ApiError(404, _("Không tìm thấy hồ sơ với mã hồ sơ và mã số thuế này."))
    return {
        "tracking_code": dossier.tracking_code,
        "state": dossier.state,
        "state_label": str(State(dossier.state).label),
        "submitted_at": dossier.submitted_at,
        "last_changed_at": dossier.state_changed_at or dossier.submitted_at,
        "due_on": dossier.due_on,
    }
