"""Reads of the activity records, scoped by agency first (``core.tenancy``); an enterprise user reads only
what concerns the enterprises it represents. Withdrawn records are left out."""

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from nangsuat.core.models import User
from nangsuat.core.roles import AGENCY_READERS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.core.text import fold
from nangsuat.registry.models import Enterprise
from nangsuat.registry.permissions import member_enterprise_ids

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


def _staff(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in AGENCY_READERS


def _mine(user: User) -> list[int] | None:
    """The enterprises an enterprise user represents; None for anyone else."""
    if user.is_authenticated and user.is_active and user.role == Role.ENTERPRISE:
        return member_enterprise_ids(user)
    return None


def visible_courses(user: User) -> QuerySet[Course]:
    qs = Course.objects.filter(deleted_at__isnull=True)
    if _staff(user):
        return scope_to_agency(qs, user)
    mine = _mine(user)
    if mine is None:
        return qs.none()
    return qs.filter(
        pk__in=Participation.objects.filter(enterprise_id__in=mine, deleted_at__isnull=True).values(
            "course_id"
        )
    )


def course_list(user: User, *, q: str = "", year: int | None = None, kind: str = "") -> QuerySet[Course]:
    counted = Q(participations__deleted_at__isnull=True)
    mine = _mine(user)
    if mine is not None:  # an enterprise counts its own people only
        counted &= Q(participations__enterprise_id__in=mine)
    qs = visible_courses(user).annotate(participant_count=Count("participations", filter=counted))
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(place__icontains=q) | Q(organiser__icontains=q))
    if year:
        qs = qs.filter(year=year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-starts_on", "-pk")


def participations_of(user: User, course: Course) -> QuerySet[Participation]:
    """A visible course's participations: all for staff, the enterprise's own people for an enterprise."""
    qs = course.participations.filter(deleted_at__isnull=True).select_related("person", "enterprise")
    if _staff(user):
        return qs
    mine = _mine(user)
    return qs.none() if mine is None else qs.filter(enterprise_id__in=mine)


def search_participations(qs: QuerySet[Participation], q: str) -> QuerySet[Participation]:
    if not q:
        return qs
    return qs.filter(Q(person__name_key__contains=fold(q)) | Q(enterprise__tax_code__startswith=q.strip()))


def visible_experts(user: User) -> QuerySet[Expert]:
    qs = Expert.objects.filter(deleted_at__isnull=True).select_related("person", "enterprise", "course")
    if _staff(user):
        return scope_to_agency(qs, user)
    mine = _mine(user)
    return qs.none() if mine is None else qs.filter(enterprise_id__in=mine)


def visible_events(user: User) -> QuerySet[Event]:
    qs = Event.objects.filter(deleted_at__isnull=True)
    if _staff(user):
        return scope_to_agency(qs, user)
    mine = _mine(user)
    if mine is None:
        return qs.none()
    reached = EventEnterprise.objects.filter(enterprise_id__in=mine, deleted_at__isnull=True)
    return qs.filter(pk__in=reached.values("event_id"))


def event_list(user: User, *, q: str = "", year: int | None = None, kind: str = "") -> QuerySet[Event]:
    qs = visible_events(user).annotate(
        enterprise_count=Count("reached", filter=Q(reached__deleted_at__isnull=True))
    )
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(place__icontains=q))
    if year:
        qs = qs.filter(held_on__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-held_on", "-pk")


def reached_enterprises(user: User, event: Event) -> QuerySet[EventEnterprise]:
    qs = (
        event.reached.filter(deleted_at__isnull=True)
        .select_related("enterprise")
        .order_by("enterprise__name")
    )
    if _staff(user):
        return qs
    mine = _mine(user)
    return qs.none() if mine is None else qs.filter(enterprise_id__in=mine)


def _by_enterprise(model, user: User) -> QuerySet:
    qs = model.objects.filter(deleted_at__isnull=True).select_related("enterprise")
    if _staff(user):
        return scope_to_agency(qs, user)
    mine = _mine(user)
    return qs.none() if mine is None else qs.filter(enterprise_id__in=mine)


def visible_systems(user: User) -> QuerySet[SystemCertificate]:
    return _by_enterprise(SystemCertificate, user).select_related("content", "dossier")


def visible_conformity(user: User) -> QuerySet[ConformityCertificate]:
    return _by_enterprise(ConformityCertificate, user)


def visible_awards(user: User) -> QuerySet[Award]:
    return _by_enterprise(Award, user)


# The tables the enterprise page's panel reads, each by its indexed enterprise column.
_RECORDED = {
    "participations": Participation,
    "events": EventEnterprise,
    "systems": SystemCertificate,
    "conformity": ConformityCertificate,
    "awards": Award,
    "experts": Expert,
}


def _recorded_kinds(enterprise: Enterprise) -> set[str]:
    """Which kinds of record name the enterprise at all, in one query: most enterprises have none, and the
    panel then reads nothing more. Withdrawn and unseen rows count here; the reads below leave them out.
    Six EXISTS written out: the ORM would spend longer composing them than the database answering."""
    probes = ", ".join(
        f"EXISTS (SELECT 1 FROM {connection.ops.quote_name(model._meta.db_table)} WHERE enterprise_id = %s)"
        for model in _RECORDED.values()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {probes}", [enterprise.pk] * len(_RECORDED))  # noqa: S608 - table names
        found = cursor.fetchone()
    return {kind for kind, present in zip(_RECORDED, found, strict=True) if present}


def enterprise_activities(user: User, enterprise: Enterprise) -> dict[str, list]:
    """What the enterprise's page shows: its people's participations, the events that reached it, its
    systems, conformity certificates and awards, as ``user`` may read them."""
    recorded = _recorded_kinds(enterprise)
    reads = {
        "participations": lambda: (
            Participation.objects.filter(
                enterprise=enterprise, deleted_at__isnull=True, course__deleted_at__isnull=True
            )
            .filter(course__in=visible_courses(user))
            .select_related("course", "person")
            .order_by("-course__starts_on", "full_name")[:200]
        ),
        "events": lambda: (
            visible_events(user)
            .filter(reached__enterprise=enterprise, reached__deleted_at__isnull=True)
            .order_by("-held_on")[:200]
        ),
        "systems": lambda: visible_systems(user).filter(enterprise=enterprise),
        "conformity": lambda: visible_conformity(user).filter(enterprise=enterprise),
        "awards": lambda: visible_awards(user).filter(enterprise=enterprise),
        "experts": lambda: visible_experts(user).filter(enterprise=enterprise),
    }
    return {kind: list(read()) if kind in recorded else [] for kind, read in reads.items()}


def _search(qs: QuerySet, q: str, *fields: str) -> QuerySet:
    if not q:
        return qs
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": q})
    return qs.filter(condition)


def register(user: User, slug: str, *, q: str = "", year: int | None = None, kind: str = "") -> QuerySet:
    """The rows of one register page (``views/records.REGISTERS``), searched and filtered."""
    q = (q or "").strip()
    if slug == "courses":
        return course_list(user, q=q, year=year, kind=kind)
    if slug == "events":
        return event_list(user, q=q, year=year, kind=kind)
    if slug == "experts":
        experts = visible_experts(user)
        if q:
            experts = experts.filter(Q(person__name_key__contains=fold(q)) | Q(workplace__icontains=q))
        if year:
            experts = experts.filter(certified_on__year=year)
        return experts.filter(level=kind) if kind else experts
    qs: QuerySet
    enterprise_fields = ("enterprise__name", "enterprise__tax_code")
    if slug == "systems":
        qs = _search(visible_systems(user), q, "content__name", "certificate_number", *enterprise_fields)
        year_field = "issued_on__year"
    elif slug == "certifications":
        qs = _search(
            visible_conformity(user),
            q,
            "product_group",
            "standard_code",
            "certificate_number",
            *enterprise_fields,
        )
        year_field = "issued_on__year"
    elif slug == "awards":
        qs = _search(visible_awards(user), q, "title", "recipient_name", *enterprise_fields)
        year_field = "year"
    else:
        raise KeyError(slug)
    if year:
        qs = qs.filter(**{year_field: year})
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def open_courses(user: User) -> QuerySet[Course]:
    """Courses an enterprise user may register its people for: open, not started, of the agencies of the
    enterprises it represents."""
    mine = _mine(user)
    if not mine:
        return Course.objects.none()
    agencies = Enterprise.objects.filter(pk__in=mine).values("agency_id")
    return Course.objects.filter(
        deleted_at__isnull=True,
        registration_open=True,
        starts_on__gte=timezone.localdate(),
        agency_id__in=agencies,
    ).order_by("starts_on", "pk")


def registrations_of(user: User, course: Course) -> QuerySet[Participation]:
    """The enterprise user's own people on a course."""
    mine = _mine(user) or []
    return course.participations.filter(enterprise_id__in=mine, deleted_at__isnull=True).select_related(
        "enterprise"
    )
