"""Reads of calls and dossiers, with the permission scoping and the joins already right."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from nangsuat.core.audit import action_label, history_of
from nangsuat.core.formatting import format_vnd
from nangsuat.core.models import with_user_names
from nangsuat.core.pagination import Keeper
from nangsuat.core.roles import COUNCIL_FOLLOWERS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.core.text import fold
from nangsuat.core.versioned_cache import cached
from nangsuat.registry.models import Enterprise
from nangsuat.registry.permissions import member_enterprise_ids
from nangsuat.registry.tax_code import normalize_tax_code

from .models import COMMENTED, Call, Comment, Dossier
from .permissions import REGISTERED_SCOPE_ROLES, visible_dossiers
from .registration import call_content_for, kind_label, required_attachment_kinds
from .states import REFUSED_STATES, Action, State

if TYPE_CHECKING:
    from nangsuat.core.models import AuditEntry, User


# --- Calls -----------------------------------------------------------------------------------------


CALL_CHOICES = "dossiers.calls"


def calls_for_staff(user: User) -> QuerySet[Call]:
    return scope_to_agency(Call.objects.all(), user).select_related("agency")


def call_choices(user: User) -> list[tuple[int, str]]:
    """(id, title) of the calls the list's filter offers a staff member (``calls_for_staff``), from the
    shared cache; ``receivers`` forgets them when a call is saved or deleted."""
    if (
        not user.is_authenticated
        or not user.is_active
        or (user.agency_id is None and not user.sees_all_agencies)
    ):
        return []
    scope = "*" if user.sees_all_agencies else str(user.agency_id)
    return cached(
        CALL_CHOICES,
        scope,
        lambda: list(calls_for_staff(user).values_list("pk", "title")),
    )


def calls_for_enterprise(user: User) -> QuerySet[Call]:
    """Published calls of the agencies the user's enterprises belong to, still open or to come."""
    agencies = Enterprise.objects.filter(pk__in=member_enterprise_ids(user)).values("agency_id")
    return Call.objects.filter(
        is_published=True, agency_id__in=agencies, registration_closes__gte=timezone.localdate()
    ).order_by("registration_closes")


def published_calls_ahead(*, today: dt.date | None = None) -> QuerySet[Call]:
    """Published calls still open or to come, nearest deadline first: what anyone may read on the home
    page (the name, the window and the agency, never a dossier)."""
    today = today or timezone.localdate()
    return (
        Call.objects.filter(is_published=True, registration_closes__gte=today)
        .select_related("agency")
        .order_by("registration_closes", "pk")
    )


def visible_calls(user: User) -> QuerySet[Call]:
    if user.role == Role.ENTERPRISE:
        agencies = Enterprise.objects.filter(pk__in=member_enterprise_ids(user)).values("agency_id")
        return Call.objects.filter(is_published=True, agency_id__in=agencies)
    return calls_for_staff(user)


def missing_attachment_labels(dossier: Dossier) -> list[str]:
    present = set(dossier.attachments.filter(is_current=True).values_list("kind", flat=True))
    return [kind_label(k) for k in required_attachment_kinds(dossier) if k not in present]


def form_problem(dossier: Dossier) -> str:
    """What is inconsistent in a filled form ('' when nothing)."""
    offered = call_content_for(dossier)
    if offered is None:
        return _("Nội dung “%(content)s” không thuộc các nội dung hỗ trợ của đợt này.") % {
            "content": dossier.content
        }
    if dossier.period_start and dossier.period_end and dossier.period_end < dossier.period_start:
        return _("Thời gian thực hiện: ngày kết thúc phải sau ngày bắt đầu.")
    total, asked = dossier.total_cost_vnd or 0, dossier.requested_support_vnd or 0
    if asked > total:
        return _("Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí thực hiện.")
    ceiling = offered.max_support_for(total)
    if asked > ceiling:
        return _(
            "Kinh phí đề nghị hỗ trợ vượt mức tối đa %(max)s (%(rate)s%% tổng kinh phí, không quá %(ceiling)s)."
        ) % {
            "max": format_vnd(ceiling),
            "rate": offered.support_rate_percent,
            "ceiling": format_vnd(offered.ceiling_vnd),
        }
    return ""


# --- Duplicate support (DOMAIN-FACTS §5, "không trùng lặp") -----------------------------------------


def duplicate_dossiers(dossier: Dossier) -> QuerySet[Dossier]:
    """Other dossiers of the same enterprise for the same content that may lead or have led to support."""
    return (
        Dossier.objects.filter(enterprise_id=dossier.enterprise_id, content_id=dossier.content_id)
        .exclude(pk=dossier.pk)
        .exclude(state__in=[*REFUSED_STATES, State.DRAFT])
        .select_related("call")
        .only("tracking_code", "state", "call__title")  # what the warning names of each
        .order_by("-created_at")
    )


def duplicate_support_reason(dossier: Dossier, others: list[Dossier] | None = None) -> str:
    others = list(duplicate_dossiers(dossier)[:5]) if others is None else others[:5]
    parts = []
    if others:
        codes = ", ".join(d.tracking_code or f"#{d.pk}" for d in others)
        parts.append(
            _("Doanh nghiệp đã có hồ sơ khác cho cùng nội dung “%(content)s”: %(codes)s.")
            % {"content": dossier.content, "codes": codes}
        )
    if dossier.other_state_support:
        parts.append(_("Doanh nghiệp kê khai đã nhận hỗ trợ khác từ ngân sách nhà nước."))
    return " ".join(parts)


# --- Lists -----------------------------------------------------------------------------------------

SORTS = {
    "created": "created_at",
    "submitted": "submitted_at",
    "due": "due_on",
    "code": "tracking_code",
    "state": "state",
    "priority": "priority_points",
    "enterprise": "enterprise_name",
    "content": "content_name",
}


# Columns that may be empty: sorted with the empty ones last either way. The others sort plainly, so
# PostgreSQL reads a page from their indexes (an index DESC puts NULLs first: it cannot serve NULLS LAST).
NULLABLE_SORTS = {"submitted_at", "due_on", "tracking_code"}


@dataclass
class DossierFilters:
    state: str = ""
    call: int | None = None
    content: int | None = None
    ward: str = ""
    overdue: bool = False
    q: str = ""
    sort: str = "-created"

    @classmethod
    def from_params(cls, params) -> DossierFilters:
        def as_int(name: str) -> int | None:
            value = str(params.get(name) or "").strip()
            # An id past 64 bits matches nothing, and SQLite would refuse to bind it: dropped.
            return int(value) if value.isdigit() and len(value) <= 18 else None

        state = params.get("state") or ""
        return cls(
            state=state if state in State.values else "",
            call=as_int("call"),
            content=as_int("content"),
            ward=(params.get("ward") or "").strip()[:10],
            overdue=params.get("overdue") in ("1", "true", "on", True),
            q=(params.get("q") or "").strip()[:100],
            sort=params.get("sort") or "-created",
        )


# The officers' list counts are kept in the shared cache for LIST_COUNT_CACHE_SECONDS, or until a dossier is saved
# or deleted, or its copies of names are rewritten (``receivers``): paging through a list, or ten officers
# reading the same filter, count it once.
LIST_COUNTS = "dossiers.list-counts"


def keep_list_count(user: User, filters: DossierFilters) -> Keeper | None:
    """How the list's count may be kept for this user and these filters; None when it must be counted each
    time: an enterprise's list and a council member's (their scope is theirs alone), and a search (it reads
    the enterprises' columns, which change without the dossier)."""
    seconds = settings.LIST_COUNT_CACHE_SECONDS
    if not seconds or filters.q or user.role == Role.ENTERPRISE or user.role in REGISTERED_SCOPE_ROLES:
        return None
    # What ``visible_dossiers`` reads of a staff member: every agency's dossiers, or one agency's.
    scope = "all" if user.sees_all_agencies else user.agency_id
    name = (
        scope,
        filters.state,
        filters.call,
        filters.content,
        filters.ward,
        timezone.localdate() if filters.overdue else None,
    )
    return lambda count: cached(LIST_COUNTS, name, count, seconds=seconds)


_CODE = re.compile(r"^[A-Z]{2}-\d{4}-\d+$")


def _search(qs: QuerySet[Dossier], q: str) -> QuerySet[Dossier]:
    """A tracking code finds that dossier; digits find by tax code; words search the enterprise's
    folded name (trigram-indexed on PostgreSQL) and the task's title."""
    text = q.strip()
    if _CODE.match(text.upper()):
        return qs.filter(tracking_code=text.upper())
    if text.replace("-", "").isdigit():
        return qs.filter(enterprise__tax_code__startswith=text)
    folded = fold(text)
    return qs.filter(Q(enterprise__search_text__contains=folded) | Q(title__icontains=text))


def order_by_for(sort: str) -> list[Any]:
    desc = sort.startswith("-")
    field = SORTS.get(sort.lstrip("-"), "created_at")
    if field == "state":  # within a state, newest first (the (agency, state, -created_at) index)
        return ["-state" if desc else "state", "-created_at", "-id"]
    if field not in NULLABLE_SORTS:  # plain, so that the (agency, column, id) indexes serve it
        return ["-" + field if desc else field, "-id" if desc else "id"]
    # Undated dossiers (no due date, a draft never submitted) last either way, on every database.
    column = F(field).desc(nulls_last=True) if desc else F(field).asc(nulls_last=True)
    return [column, "-id" if desc else "id"]


# What no list shows (the page, the API's list, the export): the form's long texts and its snapshot (JSON,
# decoded per row if read).
LIST_DEFERRED = (
    "form_snapshot",
    "objectives",
    "expected_results",
    "other_state_support_detail",
    "duplicate_override_reason",
)

# What the officers' list draws of each dossier (``dossier_rows``): a page reads these values alone, as plain
# rows, not the thirty-odd columns of a dossier and the dozens of its enterprise, call and content, nor five
# model instances a row.
TABLE_VALUES = (
    "pk",
    "tracking_code",
    "title",
    "state",
    "submitted_at",
    "due_on",
    "priority_points",
    "call__title",
    "enterprise__name",
    "enterprise__tax_code",
    "enterprise__ward__name",
    "content__name",
)


def dossiers_for_user(*, user: User, filters: DossierFilters | None = None) -> QuerySet[Dossier]:
    """The dossiers this user may see, filtered and sorted, ready for a list (one query per page), without
    the long texts no list shows (``LIST_DEFERRED``)."""
    f = filters or DossierFilters()
    qs = visible_dossiers(Dossier.objects.all(), user)
    if f.state:
        qs = qs.filter(state=f.state)
    if f.call:
        qs = qs.filter(call_id=f.call)
    if f.content:
        qs = qs.filter(content_id=f.content)
    if f.ward:
        qs = qs.filter(enterprise_ward=f.ward)
    if f.overdue:
        qs = qs.filter(due_on__lt=timezone.localdate())
    if f.q:
        qs = _search(qs, f.q)
    return (
        qs.select_related("call", "enterprise", "enterprise__ward", "content")
        .defer(*LIST_DEFERRED)
        .order_by(*order_by_for(f.sort))
    )


# --- The dossier page ------------------------------------------------------------------------------


OTHER_ACTIONS = {
    "create_draft": _lazy("Lập bản nháp"),
    "update_dossier": _lazy("Sửa phiếu đăng ký"),
    "add_attachment": _lazy("Đính kèm tệp"),
    "remove_attachment": _lazy("Gỡ tệp đính kèm"),
    "record_eligibility": _lazy("Kiểm tra điều kiện hỗ trợ"),
    "override_duplicate": _lazy("Lãnh đạo Sở chấp nhận hồ sơ trùng nội dung"),
    "conflict_declared": _lazy("Thành viên Hội đồng khai báo xung đột lợi ích"),
    "score_sheet_submitted": _lazy("Thành viên Hội đồng nộp phiếu đánh giá"),
    "council_result_closed": _lazy("Chốt kết quả đánh giá của Hội đồng"),
    "progress_report": _lazy("Báo cáo tiến độ"),
    "issue_document": _lazy("Phát hành văn bản"),
    "redraw_document_pdf": _lazy("Tạo lại bản PDF của văn bản"),
    "add_comment": _lazy("Gửi ý kiến"),
}
CALL_ACTIONS = {
    "create_call": _lazy("Tạo đợt đăng ký"),
    "update_call": _lazy("Sửa đợt đăng ký"),
    "set_call_contents": _lazy("Cập nhật nội dung hỗ trợ của đợt"),
    "set_rubric": _lazy("Cập nhật tiêu chí chấm điểm"),
    "set_priority_rules": _lazy("Cập nhật điểm ưu tiên"),
    "publish_call": _lazy("Công bố đợt đăng ký"),
    "unpublish_call": _lazy("Hủy công bố đợt đăng ký"),
}


@dataclass
class TimelineEntry:
    at: dt.datetime
    kind: str  # transition, document, comment, action
    title: str
    actor: Any = None
    note: str = ""
    internal: bool = False
    url: str = ""
    obj: Any = None


# A council member's declaration of interest and score sheet, recorded on the dossier by the councils app.
BALLOT_ACTIONS = frozenset({"conflict_declared", "score_sheet_submitted"})
BALLOTS_CLOSED = "council_result_closed"


def readable_history(dossier: Dossier, user: User) -> list[AuditEntry]:
    """The dossier's audit entries ``user`` may read, oldest first. Until the council's result is closed a
    member reads only their own ballot, not who else has declared or submitted; those who follow the
    council (officers, directors) read every ballot (never the points: they are not in the history)."""
    entries = list(with_user_names(history_of(dossier), "actor").order_by("created_at", "id"))
    if user.has_role(*COUNCIL_FOLLOWERS) or any(e.action == BALLOTS_CLOSED for e in entries):
        return entries
    return [e for e in entries if e.action not in BALLOT_ACTIONS or e.actor_id == user.pk]


# Entries a higher app adds to a dossier's timeline, registered by that app (the documents app adds the
# dossier's documents the user may open): ``@timeline_source`` on ``(dossier, user) -> entries``.
TimelineSource = Callable[[Dossier, "User"], Iterable[TimelineEntry]]
TIMELINE_SOURCES: list[TimelineSource] = []


# The one-to-one rows a higher app shows on the dossier's page (the budget: its contract and counterpart), read
# in the page's own statement with the dossier rather than one query each: ``read_on_dossier_page(*names)``.
DOSSIER_PAGE_RELATED: list[str] = []


def read_on_dossier_page(*names: str) -> None:
    DOSSIER_PAGE_RELATED.extend(name for name in names if name not in DOSSIER_PAGE_RELATED)


def timeline_source(fn: TimelineSource) -> TimelineSource:
    TIMELINE_SOURCES.append(fn)
    return fn


def timeline(dossier: Dossier, user: User) -> list[TimelineEntry]:
    """Every transition, document and comment of the dossier the user may see, newest first."""
    staff = user.role != Role.ENTERPRISE
    entries: list[TimelineEntry] = []
    labels = {**dict(Action.choices), **OTHER_ACTIONS}
    history = readable_history(dossier, user)
    for entry in history:
        kind = "transition" if entry.to_state else "action"
        if kind == "action" and (not staff or entry.action == COMMENTED):
            continue  # comments are shown as themselves; bookkeeping is for staff
        title = labels.get(entry.action) or action_label(entry.action)  # the words its app registered
        entries.append(TimelineEntry(entry.created_at, kind, str(title), entry.actor, entry.note, obj=entry))
    # Every comment is recorded in the history as it is written (``add_comment``, one transaction): a dossier
    # whose history names none has none to read.
    commented = any(entry.action == COMMENTED for entry in history)
    comments = with_user_names(dossier.comments.all(), "author") if commented else Comment.objects.none()
    if not staff:
        comments = comments.filter(internal=False)
    for c in comments:
        entries.append(
            TimelineEntry(c.created_at, "comment", _("Ý kiến"), c.author, c.body, c.internal, obj=c)
        )
    for source in TIMELINE_SOURCES:
        entries.extend(source(dossier, user))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


# --- Public lookup ---------------------------------------------------------------------------------


def public_status(*, tracking_code: str, tax_code: str) -> Dossier | None:
    """The dossier when the code and the enterprise's tax code both match; None otherwise (same answer)."""
    code = (tracking_code or "").strip().upper()
    try:
        tax = normalize_tax_code(tax_code or "")
    except Exception:  # noqa: BLE001 - a malformed tax code is simply no match
        tax = (tax_code or "").strip()
    if not code or not tax:
        return None
    return (
        Dossier.objects.filter(tracking_code=code, enterprise__tax_code=tax)
        .exclude(state=State.DRAFT)
        .only("tracking_code", "state", "submitted_at", "state_changed_at", "due_on", "due_step")
        .first()
    )
