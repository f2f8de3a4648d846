"""Writes of dossiers outside the workflow table: the draft form, its attachments, the eligibility
checklist, the director's duplicate-support override and comments. Each in one transaction, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.roles import Role
from nangsuat.core.text import nfc
from nangsuat.registry.permissions import is_enterprise_member

from .. import workflow
from ..models import COMMENTED, Attachment, Call, CallContent, Comment, Dossier, EligibilityCheck
from ..permissions import can_comment, can_see_dossier
from ..registration import FORM_FIELDS as REGISTRATION_FIELDS
from ..registration import AttachmentKind
from ..states import FINAL_STATES, State
from ..uploads import check_upload, random_name, safe_original_name

if TYPE_CHECKING:
    from nangsuat.core.models import User
    from nangsuat.registry.models import Enterprise

EDITABLE_STATES = frozenset({State.DRAFT, State.NEEDS_SUPPLEMENT})
CHECKLIST_STATES = frozenset({State.SUBMITTED, State.NEEDS_SUPPLEMENT})
FORM_FIELDS = tuple(name for name, _kind, _required in REGISTRATION_FIELDS if name != "content")
MULTILINE_FIELDS = {"objectives", "expected_results", "other_state_support_detail"}
TEXT_FIELDS = {"title", "objectives", "expected_results", "consultant", "other_state_support_detail"}


def _ensure_editor(dossier: Dossier, actor: User) -> None:
    if not actor.has_role(Role.ENTERPRISE) or not is_enterprise_member(actor, dossier.enterprise_id):
        raise Forbidden(_("Chỉ doanh nghiệp của hồ sơ được sửa phiếu đăng ký."))
    if dossier.state not in EDITABLE_STATES:
        raise Conflict(_("Chỉ sửa được hồ sơ ở trạng thái bản nháp hoặc cần bổ sung."))


def _apply_form(dossier: Dossier, data: dict[str, Any]) -> None:
    for name in FORM_FIELDS:
        if name in data:
            value = data[name]
            if name in TEXT_FIELDS:
                value = (value or "").strip() if name in MULTILINE_FIELDS else nfc(value or "")
            setattr(dossier, name, value)
    if "content" in data and data["content"] is not None:
        content_id = getattr(data["content"], "pk", data["content"])
        if not CallContent.objects.filter(call_id=dossier.call_id, content_id=content_id).exists():
            raise ValidationError({"content": _("Nội dung này không thuộc các nội dung hỗ trợ của đợt.")})
        dossier.content_id = content_id
    if dossier.jobs_created is None:
        dossier.jobs_created = 0
    dossier.full_clean(exclude=["agency", "call", "enterprise", "created_by", "duplicate_override_by"])
    for name in ("period_start", "period_end"):
        try:
            validate_plausible_date(getattr(dossier, name))
        except ValidationError as exc:
            raise ValidationError({name: exc.messages}) from exc


@transaction.atomic
def create_draft(*, call: Call, enterprise: Enterprise, actor: User, data: dict[str, Any]) -> Dossier:
    """Start a dossier (bản nháp) for an enterprise the actor represents, in a published call of the
    enterprise's agency. Refuses another enterprise (PermissionDenied) or a call not open to it."""
    if not actor.has_role(Role.ENTERPRISE) or not is_enterprise_member(actor, enterprise.pk):
        raise Forbidden(_("Bạn không đại diện cho doanh nghiệp này."))
    if not call.is_published or call.agency_id != enterprise.agency_id:
        raise ValidationError({"call": _("Đợt đăng ký này không nhận hồ sơ của doanh nghiệp.")})
    if call.registration_closes < timezone.localdate():
        raise ValidationError({"call": _("Đợt đăng ký đã hết hạn nhận hồ sơ.")})
    if not data.get("content"):
        raise ValidationError({"content": _("Vui lòng chọn nội dung đăng ký hỗ trợ.")})
    dossier = Dossier(
        agency_id=call.agency_id,
        call=call,
        enterprise=enterprise,
        created_by=actor,
        title=nfc(data.get("title") or "") or _("Hồ sơ chưa đặt tên"),
    )
    _apply_form(dossier, data)
    dossier.save()
    record_audit(actor=actor, action="create_draft", target=dossier)
    return dossier


@transaction.atomic
def update_dossier(*, dossier: Dossier, actor: User, data: dict[str, Any]) -> Dossier:
    """Change the form of a draft or a dossier asked to be supplemented (the enterprise only)."""
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    _ensure_editor(locked, actor)
    _apply_form(locked, data)
    locked.save()
    record_audit(
        actor=actor,
        action="update_dossier",
        target=locked,
        data={"fields": sorted(k for k in data if k in FORM_FIELDS or k == "content")},
    )
    return locked


@transaction.atomic
def add_attachment(*, dossier: Dossier, actor: User, kind: str, upload) -> Attachment:
    """Join a file (checked by content: PDF, DOCX, XLSX, JPEG, PNG; size limit) under a random name."""
    _ensure_editor(dossier, actor)
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": _("Loại giấy tờ không hợp lệ.")})
    try:
        checked = check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    attachment = Attachment(
        dossier=dossier,
        kind=kind,
        original_name=safe_original_name(upload.name, checked.extension),
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    attachment.file.save(random_name(checked.extension), upload, save=False)
    attachment.save()
    record_audit(
        actor=actor, action="add_attachment", target=dossier, data={"kind": kind, "id": attachment.pk}
    )
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, actor: User) -> None:
    """Take a file off the current form; it stays in earlier revisions."""
    _ensure_editor(attachment.dossier, actor)
    attachment.is_current = False
    attachment.save(update_fields=["is_current"])
    record_audit(
        actor=actor, action="remove_attachment", target=attachment.dossier, data={"id": attachment.pk}
    )


def _ensure_officer(dossier: Dossier, actor: User, roles=(Role.OFFICER,)) -> None:
    if not actor.has_role(*roles) or not can_see_dossier(actor, dossier):
        raise Forbidden(_("Vai trò của bạn không được thực hiện thao tác này."))


@transaction.atomic
def record_eligibility(*, dossier: Dossier, actor: User, items: dict[str, tuple[bool, str]]) -> None:
    """Record the officer's check of the hard conditions (DOMAIN-FACTS §5), each with its evidence.
    A condition marked met needs its evidence."""
    _ensure_officer(dossier, actor)
    if dossier.state not in CHECKLIST_STATES:
        raise Conflict(_("Chỉ kiểm tra điều kiện khi hồ sơ đã nộp hoặc đang bổ sung."))
    errors = {}
    for item, (met, evidence) in items.items():
        if item not in EligibilityCheck.Item.values:
            errors[item] = _("Điều kiện không hợp lệ.")
        elif met and not (evidence or "").strip():
            errors[item] = _("Vui lòng ghi căn cứ, minh chứng cho điều kiện đáp ứng.")
    if errors:
        raise ValidationError(errors)
    for item, (met, evidence) in items.items():
        EligibilityCheck.objects.update_or_create(
            dossier=dossier,
            item=item,
            defaults={"met": bool(met), "evidence": nfc(evidence or "")[:500], "checked_by": actor},
        )
    record_audit(
        actor=actor,
        action="record_eligibility",
        target=dossier,
        data={item: bool(met) for item, (met, _e) in items.items()},
    )


@transaction.atomic
def override_duplicate(*, dossier: Dossier, director: User, reason: str) -> Dossier:
    """Let a dossier through the duplicate-support check: a director's decision with its reason."""
    _ensure_officer(dossier, director, roles=(Role.DIRECTOR,))
    reason = nfc(reason or "")
    if len(reason) < 10:
        raise ValidationError({"reason": _("Vui lòng ghi rõ lý do (ít nhất 10 ký tự).")})
    if dossier.state in FINAL_STATES:
        raise Conflict(_("Hồ sơ đã kết thúc."))
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    locked.duplicate_override_reason = reason
    locked.duplicate_override_by = director
    locked.save(update_fields=["duplicate_override_reason", "duplicate_override_by", "updated_at"])
    record_audit(actor=director, action="override_duplicate", target=locked, note=reason)
    return locked


@transaction.atomic
def add_comment(*, dossier: Dossier, author: User, body: str, internal: bool = True) -> Comment:
    """A comment on the timeline; an enterprise's comments are always visible to it (never internal)."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Vui lòng nhập nội dung ý kiến.")})
    if author.role == Role.ENTERPRISE:
        if not is_enterprise_member(author, dossier.enterprise_id):
            raise Forbidden(_("Bạn không đại diện cho doanh nghiệp của hồ sơ này."))
        internal = False
    elif not (decision := can_comment(author, dossier)):
        raise Forbidden(decision.reason)
    comment = Comment.objects.create(dossier=dossier, author=author, body=body[:8000], internal=internal)
    record_audit(actor=author, action=COMMENTED, target=dossier, data={"internal": internal})
    return comment


def precheck_action(*, dossier: Dossier, action: str, actor: User) -> None:
    """Refuse early (403 role/scope, 409 state) before validating an action's fields, so a caller learns
    first that it may not act at all; ``workflow.perform`` checks everything again under the lock."""
    transition = workflow.BY_ACTION.get(action)
    if transition is None:
        raise ValidationError({"action": _("Thao tác “%(action)s” không tồn tại.") % {"action": action}})
    decision = workflow.may_act(actor, dossier, transition)
    if not decision:
        raise Forbidden(decision.reason)
    if dossier.state not in transition.sources:
        raise Conflict(workflow.check_conditions(dossier, transition).reason)


def act(
    *,
    dossier: Dossier,
    action: str,
    actor: User,
    note: str = "",
    data: Any = None,
    files: Any = None,
    payload: dict[str, Any] | None = None,
) -> Dossier:
    """The one door to move a dossier, for pages and the API alike: refuse early (403, 409), clean the
    action's fields from ``data``/``files`` with its registered form (400), then ``workflow.perform``.
    A page that already cleaned the fields with that same form passes them as ``payload``."""
    precheck_action(dossier=dossier, action=action, actor=actor)
    errors: dict[str, list[str]] = {}
    if payload is None:
        try:
            payload = workflow.clean_payload(action, data, files)
        except ValidationError as exc:
            errors.update(exc.message_dict)
            payload = {}
    # An act asks for one free text: when its form has one (a supplement request's items), that text is
    # the act's note.
    note_field = getattr(workflow.ACTION_FORMS.get(action), "note_field", "")
    if note_field and not (note or "").strip():
        note = str(payload.get(note_field) or "")
    if workflow.BY_ACTION[action].note_required and not (note or "").strip() and note_field not in errors:
        errors["note"] = [str(_("Vui lòng ghi rõ lý do."))]
    if errors:  # every missing field at once, each under its own field
        raise ValidationError(errors)
    return workflow.perform(dossier=dossier, action=action, actor=actor, note=note, payload=payload)


def attach_papers(*, dossier: Dossier, actor: User, papers: list[tuple[str, str, object]]) -> None:
    """Attach the papers sent with the registration form; a refused file is a ValidationError on the
    form's own field for it (the caller's transaction then keeps nothing of the step)."""
    for field, kind, upload in papers:
        try:
            add_attachment(dossier=dossier, actor=actor, kind=kind, upload=upload)
        except ValidationError as exc:
            raise ValidationError({field: exc.messages}) from exc
