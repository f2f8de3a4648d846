"""Writes of the activity records. Each service is one transaction with its audit entry.

Values are cleaned by the records' forms (``forms.py``), whoever calls: a page, the API, the import.
Bad input is ``ValidationError`` with a dict keyed by field name (400), a role that may not write is
``Forbidden`` (403), a person already on a course ``Conflict`` (409). An enterprise is named by its tax code
and matched to the agency's registry; one the registry lacks is added through the registry's own service
when its name, VSIC code and ward are given.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.models import Agency, User
from nangsuat.core.text import nfc
from nangsuat.registry.models import Enterprise
from nangsuat.registry.selectors import enterprises_of, find_by_tax_code
from nangsuat.registry.services import create_enterprise
from nangsuat.registry.tax_code import normalize_tax_code

from .forms import (
    AwardForm,
    ConformityForm,
    CourseForm,
    EnterpriseFields,
    EventForm,
    ExpertForm,
    ParticipantForm,
    ParticipationEditForm,
    RegistrationForm,
    SystemForm,
)
from .models import (
    Award,
    ConformityCertificate,
    Course,
    Event,
    EventEnterprise,
    Expert,
    Participation,
    SystemCertificate,
)
from .people import clean_identity_number, match_person
from .permissions import can_record_activities

# The fields that name an enterprise in a body or a form (``EnterpriseFields``).
ENTERPRISE_KEYS = ("tax_code", "enterprise_name", "vsic_code", "ward_code")


def _require_recorder(actor: User, agency: Agency) -> None:
    decision = can_record_activities(actor)
    if not decision:
        raise Forbidden(decision.reason)
    if actor.agency_id != agency.pk:
        raise Forbidden(_("Hồ sơ này thuộc cơ quan khác."))


def _form_errors(form: forms.BaseForm) -> ValidationError:
    return ValidationError(form.errors.as_data())


def resolve_enterprise(*, actor: User, agency: Agency, data: dict[str, Any]) -> Enterprise | None:
    """The registry's enterprise with ``data["tax_code"]`` in ``agency``; None when no tax code is given.
    An unknown one is added when ``enterprise_name`` is given (with ``vsic_code`` and ``ward_code`` when
    known; without them as a provisional registry entry), else refused naming ``tax_code``."""
    raw = nfc(str(data.get("tax_code") or ""))
    if not raw:
        return None
    try:
        tax_code = normalize_tax_code(raw)
    except ValidationError as exc:
        raise ValidationError({"tax_code": exc.messages[0]}) from None
    enterprise = find_by_tax_code(agency_id=agency.pk, tax_code=tax_code)
    if enterprise is not None:
        return enterprise
    name = nfc(str(data.get("enterprise_name") or ""))
    if not name:
        raise ValidationError(
            {
                "tax_code": _(
                    "Mã số thuế %(code)s chưa có trong sổ doanh nghiệp: nhập tên doanh nghiệp để thêm vào sổ."
                )
                % {"code": tax_code}
            }
        )
    # Without its VSIC line and ward the enterprise is added as a provisional entry an officer completes.
    profile = {"tax_code": tax_code, "name": name}
    for key, field in (("vsic_code", "vsic"), ("ward_code", "ward")):
        if str(data.get(key) or "").strip():
            profile[field] = data[key]
    try:
        return create_enterprise(
            actor=actor,
            agency=agency,
            data=profile,
            provisional=not ("vsic" in profile and "ward" in profile),
        )
    except ValidationError as exc:
        renamed = {"vsic": "vsic_code", "ward": "ward_code", "name": "enterprise_name"}
        raise ValidationError(
            {renamed.get(k, k): v for k, v in exc.message_dict.items()}
            if hasattr(exc, "error_dict")
            else {"tax_code": exc.messages}
        ) from None


def _enterprise_fields(data: dict[str, Any]) -> EnterpriseFields:
    form = EnterpriseFields({k: data.get(k) or "" for k in ENTERPRISE_KEYS})
    form.fields["tax_code"].required = False  # each caller says whether an enterprise is needed
    form.is_valid()
    if form.errors:
        raise _form_errors(form)
    return form


# --- Courses and participants ---------------------------------------------------------------------------


@transaction.atomic
def save_course(*, actor: User, agency: Agency, data: dict[str, Any], course: Course | None = None) -> Course:
    """Create a course, or change one."""
    _require_recorder(actor, agency)
    form = CourseForm(data, instance=course, agency=agency)
    if not form.is_valid():
        raise _form_errors(form)
    saved: Course = form.save(commit=False)
    created = saved.pk is None
    if created:
        saved.agency = agency
        saved.created_by = actor
    saved.title = nfc(saved.title)
    saved.save()
    record_audit(
        actor=actor,
        action="activity.course_created" if created else "activity.course_updated",
        target=saved,
        data={"title": saved.title, "kind": saved.kind, "year": saved.year},
    )
    return saved


def clean_participant(data: dict[str, Any]) -> dict[str, Any]:
    """The participant's values, cleaned (form and identity number). Raises ValidationError(dict)."""
    form = ParticipantForm(data)
    if not form.is_valid():
        raise _form_errors(form)
    cleaned = dict(form.cleaned_data)
    cleaned["identity_number"] = clean_identity_number(cleaned.get("identity_number"))
    for key in ("full_name", "position", "phone", "certificate_number"):
        cleaned[key] = nfc(cleaned.get(key) or "")
    return cleaned


def record_participation(
    *, actor: User | None, course: Course, cleaned: dict[str, Any], enterprise: Enterprise | None
) -> tuple[Participation, bool]:
    """Write one cleaned participation (the caller holds the transaction): (participation, created).
    The person is matched (``people.match_person``); a person already on the course is not added again."""
    person = match_person(
        agency=course.agency,
        full_name=cleaned["full_name"],
        tax_code=enterprise.tax_code if enterprise else "",
        identity_number=cleaned.get("identity_number", ""),
        phone=cleaned.get("phone", ""),
    )
    if not getattr(person, "_created", False):  # a new person is on no course yet
        existing = course.participations.filter(person=person, deleted_at__isnull=True).first()
        if existing is not None:
            return existing, False
    participation = Participation.objects.create(
        course=course,
        person=person,
        full_name=cleaned["full_name"],
        position=cleaned.get("position", ""),
        is_manager=bool(cleaned.get("is_manager")),
        enterprise=enterprise,
        attended=bool(cleaned.get("attended")),
        certificate_number=cleaned.get("certificate_number", ""),
        created_by=actor,
    )
    return participation, True


@transaction.atomic
def add_participant(*, actor: User, course: Course, data: dict[str, Any]) -> Participation:
    """Add a participant to a course. Refuses (409) a person already on it."""
    _require_recorder(actor, course.agency)
    cleaned = clean_participant(data)
    enterprise = resolve_enterprise(actor=actor, agency=course.agency, data=data)
    participation, created = record_participation(
        actor=actor, course=course, cleaned=cleaned, enterprise=enterprise
    )
    if not created:
        raise Conflict(
            _("%(name)s đã có trong danh sách của khóa này.") % {"name": participation.full_name},
            {"full_name": [_("Người này đã có trong danh sách của khóa.")]},
        )
    record_audit(
        actor=actor,
        action="activity.participant_added",
        target=course,
        data={"participation": participation.pk, "person": participation.person_id},
    )
    return participation


@transaction.atomic
def withdraw_participation(*, actor: User, participation: Participation) -> None:
    """Take a participation off its course (kept, marked withdrawn)."""
    _require_recorder(actor, participation.course.agency)
    participation.deleted_at = timezone.now()
    participation.save(update_fields=["deleted_at"])
    record_audit(
        actor=actor,
        action="activity.participant_withdrawn",
        target=participation.course,
        data={"participation": participation.pk, "person": participation.person_id},
    )


# --- The other records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record is written: its model, its form, whether it names an enterprise."""

    code: str
    model: type[Model]
    form: type[forms.ModelForm]
    enterprise: str  # "required", "optional" or "" (none)
    prepare: Callable[..., None] | None = None  # (record, cleaned data, actor, agency) before saving


def _prepare_expert(record: Expert, cleaned: dict[str, Any], actor: User, agency: Agency) -> None:
    identity_number = clean_identity_number(cleaned.get("identity_number"))
    record.person = match_person(
        agency=agency,
        full_name=cleaned["full_name"],
        tax_code=record.enterprise.tax_code if record.enterprise else "",
        identity_number=identity_number,
        phone=nfc(cleaned.get("phone") or ""),
    )


KINDS: dict[str, RecordKind] = {
    "course": RecordKind("course", Course, CourseForm, ""),
    "expert": RecordKind("expert", Expert, ExpertForm, "optional", _prepare_expert),
    "event": RecordKind("event", Event, EventForm, ""),
    "system": RecordKind("system", SystemCertificate, SystemForm, "required"),
    "conformity": RecordKind("conformity", ConformityCertificate, ConformityForm, "required"),
    "award": RecordKind("award", Award, AwardForm, "optional"),
}


def record_form(kind: str, *args: Any, agency: Agency | None = None, **kwargs: Any) -> forms.ModelForm:
    """The form of a kind of record (the expert's lists the agency's courses)."""
    spec = KINDS[kind]
    if spec.model in (Expert, Course):
        kwargs["agency"] = agency
    return spec.form(*args, **kwargs)


@transaction.atomic
def save_record(
    *, actor: User, agency: Agency, kind: str, data: dict[str, Any], record: Model | None = None
) -> Model:
    """Create a record of ``kind`` (``KINDS``) or change ``record``."""
    _require_recorder(actor, agency)
    spec = KINDS[kind]
    form = record_form(kind, data, instance=record, agency=agency)
    valid = form.is_valid()
    errors = dict(form.errors.as_data()) if not valid else {}
    enterprise = None
    if spec.enterprise:
        if spec.enterprise == "required" and not str(data.get("tax_code") or "").strip():
            errors.setdefault("tax_code", [ValidationError(_("Vui lòng nhập mã số thuế doanh nghiệp."))])
        elif "tax_code" not in errors:
            try:
                _enterprise_fields(data)
                enterprise = resolve_enterprise(actor=actor, agency=agency, data=data)
            except ValidationError as exc:
                errors.update(exc.error_dict)
    if errors:
        raise ValidationError(errors)
    saved = form.save(commit=False)
    created = saved.pk is None
    if created:
        saved.agency = agency  # type: ignore[attr-defined]
        saved.created_by = actor  # type: ignore[attr-defined]
    if spec.enterprise:
        saved.enterprise = enterprise  # type: ignore[attr-defined]
    if spec.prepare is not None:
        spec.prepare(saved, form.cleaned_data, actor, agency)
    saved.save()
    record_audit(
        actor=actor,
        action=f"activity.{kind}_{'created' if created else 'updated'}",
        target=saved,
        data={"record": str(saved)},
    )
    return saved


@transaction.atomic
def withdraw_record(*, actor: User, record: Model) -> None:
    """Withdraw a record: it stays, marked, and leaves the lists and the counts."""
    agency: Agency = record.agency  # type: ignore[attr-defined]
    _require_recorder(actor, agency)
    if record.deleted_at is not None:  # type: ignore[attr-defined]
        return
    record.deleted_at = timezone.now()  # type: ignore[attr-defined]
    record.save(update_fields=["deleted_at"])
    record_audit(actor=actor, action="activity.withdrawn", target=record, data={"record": str(record)})


@transaction.atomic
def reach_enterprise(*, actor: User, event: Event, data: dict[str, Any]) -> tuple[EventEnterprise, bool]:
    """Record that ``event`` reached an enterprise (by tax code): (link, created). The same enterprise twice
    is one link."""
    _require_recorder(actor, event.agency)
    if not str(data.get("tax_code") or "").strip():
        raise ValidationError({"tax_code": _("Vui lòng nhập mã số thuế doanh nghiệp.")})
    _enterprise_fields(data)
    enterprise = resolve_enterprise(actor=actor, agency=event.agency, data=data)
    assert enterprise is not None  # a tax code was given
    link, created = EventEnterprise.objects.get_or_create(event=event, enterprise=enterprise, deleted_at=None)
    if created:
        record_audit(
            actor=actor, action="activity.event_reached", target=event, data={"enterprise": enterprise.pk}
        )
    return link, created


@transaction.atomic
def unreach_enterprise(*, actor: User, link: EventEnterprise) -> None:
    _require_recorder(actor, link.event.agency)
    event, enterprise_id = link.event, link.enterprise_id
    link.deleted_at = timezone.now()
    link.save(update_fields=["deleted_at"])
    record_audit(
        actor=actor, action="activity.event_unreached", target=event, data={"enterprise": enterprise_id}
    )


# --- Registration by enterprises ------------------------------------------------------------------------


@transaction.atomic
def register_online(*, actor: User, course: Course, data: dict[str, Any]) -> Participation:
    """An enterprise registers one of its people for a course open to registration, before it starts. The
    participation waits for an officer to mark the attendance. Refuses (403) a course not open, an enterprise
    the actor does not represent; (409) a person already on the course."""
    form = RegistrationForm(data, enterprises=list(enterprises_of(actor)))
    if not form.is_valid():
        raise _form_errors(form)
    enterprise: Enterprise = form.cleaned_data["enterprise"]
    if not course.registration_open or course.deleted_at is not None:
        raise Forbidden(_("Khóa này không nhận đăng ký trực tuyến."))
    if course.starts_on < timezone.localdate():
        raise Forbidden(_("Khóa đã bắt đầu: hết hạn đăng ký trực tuyến."))
    if enterprise.agency_id != course.agency_id:
        raise Forbidden(_("Khóa này thuộc cơ quan khác."))
    cleaned: dict[str, Any] = {
        k: nfc(str(form.cleaned_data.get(k) or "")) for k in ("full_name", "position", "phone")
    }
    cleaned |= {
        "is_manager": form.cleaned_data["is_manager"],
        "identity_number": form.cleaned_data["identity_number"],
        "attended": False,
    }
    participation, created = record_participation(
        actor=actor, course=course, cleaned=cleaned, enterprise=enterprise
    )
    if not created:
        raise Conflict(
            _("%(name)s đã có trong danh sách của khóa này.") % {"name": participation.full_name},
            {"full_name": [_("Người này đã có trong danh sách của khóa.")]},
        )
    participation.registered_online = True
    participation.save(update_fields=["registered_online"])
    record_audit(
        actor=actor,
        action="activity.participant_registered",
        target=course,
        data={"participation": participation.pk, "enterprise": enterprise.pk},
    )
    return participation


@transaction.atomic
def set_attendance(*, actor: User, participation: Participation, attended: bool) -> Participation:
    """An officer marks whether a participant attended."""
    _require_recorder(actor, participation.course.agency)
    if participation.attended != attended:
        participation.attended = attended
        participation.save(update_fields=["attended"])
        record_audit(
            actor=actor,
            action="activity.attendance_set",
            target=participation.course,
            to_state="attended" if attended else "absent",
            data={"participation": participation.pk},
        )
    return participation


@transaction.atomic
def update_participation(*, actor: User, participation: Participation, data: dict[str, Any]) -> Participation:
    """Correct a participation's position, manager mark, attendance or certificate number."""
    _require_recorder(actor, participation.course.agency)
    form = ParticipationEditForm(data, instance=participation)
    if not form.is_valid():
        raise _form_errors(form)
    if form.has_changed():
        saved = form.save(commit=False)
        saved.position = nfc(saved.position)
        saved.save(update_fields=form.changed_data)
        record_audit(
            actor=actor,
            action="activity.participant_updated",
            target=participation.course,
            data={"participation": participation.pk, "changed": sorted(form.changed_data)},
        )
    return participation
