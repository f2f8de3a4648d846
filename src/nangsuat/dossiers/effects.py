"""Workflow guards and effects of the intake, validity check, survey and inspection steps
(Kế hoạch 14/KH-UBND, II.3.a–b and e), registered on import (see ``dossiers.workflow``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.calendar import add_working_days
from nangsuat.core.formatting import format_date_vi
from nangsuat.core.permissions import ALLOW, deny

from . import priority, registration, selectors
from .forms.actions import InspectForm, RecordSurveyForm, RequestSupplementForm  # noqa: F401  registers
from .models import (
    Dossier,
    EligibilityCheck,
    Revision,
    SupplementRequest,
    Visit,
    VisitPhoto,
)
from .tracking_codes import next_tracking_code
from .uploads import IMAGE_TYPES, check_upload, random_name
from .workflow import Step, condition, effect

VALIDITY_WORKING_DAYS = 5  # Thông tư 15/2022: validity checked within 05 working days after intake closes
SUPPLEMENT_WORKING_DAYS = 10


# --- Conditions (409 when unmet) -------------------------------------------------------------------


@condition("registration_window_open")
def registration_window_open(dossier: Dossier):
    call = dossier.call
    today = timezone.localdate()
    if call.window_open_on(today):
        return ALLOW
    if not call.is_published:
        return deny(_("Đợt đăng ký “%(call)s” chưa được công bố.") % {"call": call.title})
    return deny(
        _(
            "Đợt đăng ký “%(call)s” chỉ nhận hồ sơ từ %(opens)s đến hết %(closes)s; hôm nay không trong thời hạn này."
        )
        % {
            "call": call.title,
            "opens": format_date_vi(call.registration_opens),
            "closes": format_date_vi(call.registration_closes),
        }
    )


@condition("form_complete")
def form_complete(dossier: Dossier):
    missing = registration.missing_fields(dossier)
    if missing:
        return deny(_("Phiếu đăng ký còn thiếu: %(fields)s.") % {"fields": ", ".join(missing)})
    problem = selectors.form_problem(dossier)
    if problem:
        return deny(problem)
    return ALLOW


@condition("required_attachments")
def required_attachments(dossier: Dossier):
    missing = selectors.missing_attachment_labels(dossier)
    if missing:
        return deny(_("Còn thiếu hồ sơ kèm theo: %(kinds)s.") % {"kinds": "; ".join(missing)})
    return ALLOW


@condition("eligibility_checklist_met")
def eligibility_checklist_met(dossier: Dossier):
    checked = {check.item: check.met for check in dossier.eligibility.all()}  # the page's, when prefetched
    unmet = [str(label) for item, label in EligibilityCheck.Item.choices if not checked.get(item)]
    if unmet:
        return deny(_("Chưa xác nhận đủ điều kiện hỗ trợ: %(items)s.") % {"items": "; ".join(unmet)})
    return ALLOW


@condition("no_duplicate_support")
def no_duplicate_support(dossier: Dossier):
    reason = selectors.duplicate_support_reason(dossier)
    if reason and not dossier.duplicate_override_reason:
        return deny(
            _("%(reason)s Cần lãnh đạo Sở ghi nhận lý do chấp nhận trước khi xác nhận hợp lệ.")
            % {"reason": reason}
        )
    return ALLOW


# --- Effects ---------------------------------------------------------------------------------------


@effect("assign_tracking_code")
def assign_tracking_code(step: Step) -> None:
    dossier = step.dossier
    if not dossier.tracking_code:
        dossier.tracking_code = next_tracking_code(dossier.agency, timezone.localdate().year)


@effect("snapshot_revision")
def snapshot_revision(step: Step) -> None:
    dossier = step.dossier
    data = registration.form_data(dossier)
    number = (dossier.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    Revision.objects.create(
        dossier=dossier,
        number=number,
        data=data,
        form_definition=registration.form_definition(dossier),
        submitted_by=step.actor,
    )
    dossier.form_snapshot = data
    if dossier.submitted_at is None:
        dossier.submitted_at = timezone.now()


@effect("start_validity_clock")
def start_validity_clock(step: Step) -> None:
    dossier = step.dossier
    start = max(dossier.call.registration_closes, timezone.localdate())
    dossier.due_on = add_working_days(start, VALIDITY_WORKING_DAYS)
    dossier.due_step = "validity_check"


@effect("record_supplement_request")
def record_supplement_request(step: Step) -> None:
    items = (step.payload.get("items") or step.note or "").strip()
    if not items:
        raise ValidationError({"items": _("Vui lòng nêu nội dung cần bổ sung.")})
    deadline = step.payload.get("deadline") or add_working_days(timezone.localdate(), SUPPLEMENT_WORKING_DAYS)
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("Hạn bổ sung không được trước ngày hôm nay.")})
    SupplementRequest.objects.create(
        dossier=step.dossier, items=items, deadline=deadline, requested_by=step.actor
    )
    step.dossier.due_on = deadline
    step.dossier.due_step = "supplement"


@effect("close_supplement_request")
def close_supplement_request(step: Step) -> None:
    step.dossier.supplement_requests.filter(closed_at__isnull=True).update(closed_at=timezone.now())


@effect("compute_priority")
def compute_priority(step: Step) -> None:
    dossier = step.dossier
    dossier.priority_points = priority.points_for(dossier, list(dossier.call.priority_rules.all()))


def _record_visit(step: Step, kind: str) -> Visit:
    payload = step.payload
    errors = {}
    if not payload.get("visited_on"):
        errors["visited_on"] = _("Vui lòng nhập ngày khảo sát, kiểm tra.")
    elif payload["visited_on"] > timezone.localdate():
        errors["visited_on"] = _("Ngày khảo sát, kiểm tra không được sau ngày hôm nay.")
    for key, message in (
        ("participants", _("Vui lòng ghi thành phần tham gia.")),
        ("findings", _("Vui lòng ghi kết quả, nhận xét.")),
    ):
        if not str(payload.get(key) or "").strip():
            errors[key] = message
    photos = list(payload.get("photos") or [])
    for photo in photos:
        try:
            check_upload(photo, allowed=IMAGE_TYPES)
        except ValidationError as exc:
            errors["photos"] = exc.messages
    if errors:
        raise ValidationError(errors)
    visit = Visit.objects.create(
        dossier=step.dossier,
        kind=kind,
        visited_on=payload["visited_on"],
        participants=payload["participants"].strip(),
        findings=payload["findings"].strip(),
        recorded_by=step.actor,
    )
    for photo in photos:
        checked = check_upload(photo, allowed=IMAGE_TYPES)
        stored = VisitPhoto(visit=visit, caption=str(getattr(photo, "name", ""))[:200])
        stored.file.save(random_name(checked.extension), photo, save=False)
        stored.save()
    return visit


@effect("record_survey")
def record_survey(step: Step) -> None:
    _record_visit(step, Visit.Kind.SURVEY)


@effect("record_inspection")
def record_inspection(step: Step) -> None:
    _record_visit(step, Visit.Kind.INSPECTION)
