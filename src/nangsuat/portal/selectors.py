"""Reads behind the dashboard and the public home page. Read-only; every figure is scoped to what the
user may see (registry.selectors.visible_enterprises, core.tenancy.scope_to_agency)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import capfirst

from nangsuat.core import calendar
from nangsuat.core.audit import action_label
from nangsuat.core.models import AuditEntry, Holiday, User
from nangsuat.core.roles import AGENCY_READERS, COUNCIL_FOLLOWERS, MEMBERSHIP_DECIDERS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.dossiers.selectors import calls_for_enterprise
from nangsuat.dossiers.states import State
from nangsuat.dossiers.tasks import enterprise_dossiers, tasks_for
from nangsuat.reference.models import SupportContent, VsicCode
from nangsuat.registry import selectors as registry
from nangsuat.registry.models import EnterpriseKind, EnterpriseMembership, SizeClass

# Roles that read the enterprise registry of their agency (the ministry: of all agencies).


def _bars(rows: Sequence[tuple[str, str | Promise, int]]) -> list[dict]:
    """(key, label, count) rows → dicts with the bar's width in % of the largest."""
    top = max((n for _, _, n in rows), default=0) or 1
    return [{"key": k, "label": label, "count": n, "pct": round(100 * n / top)} for k, label, n in rows]


def registry_figures(user: User) -> dict:
    enterprises = registry.visible_enterprises(user)
    year = timezone.localdate().year
    sizes = dict(enterprises.values_list("size_class").annotate(n=Count("id")).order_by())
    kinds = dict(enterprises.values_list("kind").annotate(n=Count("id")).order_by())
    sections: dict[str, int] = dict(
        enterprises.values_list("vsic_section").annotate(n=Count("id")).order_by()
    )
    section_names = dict(VsicCode.objects.filter(level=1).values_list("code", "name"))
    top_sections = sorted(sections.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    return {
        "total": sum(sizes.values()),
        "new_this_year": enterprises.filter(created_at__year=year).count(),
        "year": year,
        "sme": sum(n for k, n in sizes.items() if k in (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)),
        "by_size": _bars(
            [(k, label, sizes.get(k, 0)) for k, label in SizeClass.choices]
            + ([("unknown", "—", sizes[""])] if sizes.get("") else [])
        ),
        "by_kind": _bars([(k, label, kinds.get(k, 0)) for k, label in EnterpriseKind.choices]),
        "by_section": _bars([(code, section_names.get(code, code), n) for code, n in top_sections]),
    }


@dataclass
class Activity:
    """One audit entry as an official reads it: what was done, to what, by whom."""

    entry: AuditEntry
    action: str
    target: str
    from_state: str = ""
    to_state: str = ""


def _state_label(code: str) -> str:
    return str(State(code).label) if code in State.values else code


def _target_name(entry: AuditEntry) -> str:
    """“Hồ sơ CT-2026-000041”, “Văn bản 12/BB-SKHCN — …”: the kind of record and its own name (a
    tracking code, a document number), never a database id unless the record is gone."""
    kind = capfirst(entry.content_type.name)
    target = entry.target
    return f"{kind} {target}" if target is not None else f"{kind} #{entry.object_id}"


def recent_activity(user: User, *, limit: int = 8) -> list[Activity]:
    qs = scope_to_agency(AuditEntry.objects.select_related("actor", "content_type"), user)
    entries = qs.order_by("-created_at", "-id").prefetch_related("target")[:limit]
    return [
        Activity(
            entry,
            action_label(entry.action),
            _target_name(entry),
            _state_label(entry.from_state),
            _state_label(entry.to_state),
        )
        for entry in entries
    ]


def upcoming_days_off(*, today: dt.date | None = None, limit: int = 3) -> list[Holiday]:
    today = today or timezone.localdate()
    return list(
        Holiday.objects.filter(date__gte=today).exclude(kind=Holiday.Kind.WORKDAY).order_by("date")[:limit]
    )


def calendar_figures() -> dict:
    today = timezone.localdate()
    return {
        "today": today,
        "today_is_working": calendar.is_working_day(today),
        "next_working_day": calendar.next_working_day(today),
        "in_5_working_days": calendar.add_working_days(today, 5),
        "days_off": upcoming_days_off(today=today),
    }


def dashboard_for(user: User) -> dict:
    """What the dashboard shows ``user``, by role."""
    data: dict = {"calendar": calendar_figures()}
    if user.role == Role.ENTERPRISE:
        data["my_enterprises"] = list(registry.enterprises_of(user))
        data["pending_claims"] = EnterpriseMembership.objects.filter(
            user=user, status=EnterpriseMembership.Status.PENDING
        ).count()
        data["open_calls"] = list(calls_for_enterprise(user)[:5])
        data["my_dossiers"] = enterprise_dossiers(user)
        return data
    tasks = tasks_for(user)
    data["tasks"], data["task_count"] = tasks[:5], len(tasks)
    if user.role in AGENCY_READERS:
        data["registry"] = registry_figures(user)
    if user.role in MEMBERSHIP_DECIDERS:
        data["pending_memberships"] = registry.pending_memberships(user).count()
    if user.role in COUNCIL_FOLLOWERS:
        data["activity"] = recent_activity(user)
    if user.role == Role.ADMIN:
        data["users"] = scope_to_agency(User.objects.filter(is_active=True), user).count()
    return data


def catalogue_by_group() -> list[tuple[str, list[SupportContent]]]:
    """The active support contents, grouped, in catalogue order (for the public home page)."""
    groups: dict[str, list[SupportContent]] = {}
    for content in SupportContent.objects.filter(is_active=True).order_by("ordering", "name"):
        groups.setdefault(content.group, []).append(content)
    return list(groups.items())
