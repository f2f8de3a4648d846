"""Who sees which documents, and the register's list with its filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.core.text import fold
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.permissions import visible_dossiers
from nangsuat.registry.permissions import member_enterprise_ids

from .models import Document, DocumentKind

if TYPE_CHECKING:
    from nangsuat.core.models import User

# The register's sort keys (a leading '-' sorts newest or highest first).
SORTS = {"issued_on", "-issued_on", "number", "-number", "kind", "-kind", "created_at", "-created_at"}


def visible_documents(user: User) -> QuerySet[Document]:
    """Enterprises see the documents of their own dossiers that are meant for them; council members
    those of the dossiers before their councils; other staff their agency's; the ministry all."""
    qs = Document.objects.select_related("agency", "dossier", "dossier__enterprise", "created_by")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role == Role.ENTERPRISE:
        return qs.filter(dossier__enterprise_id__in=member_enterprise_ids(user), visible_to_enterprise=True)
    if user.role == Role.COUNCIL:
        dossiers = visible_dossiers(Dossier.objects.all(), user).values("pk")
        return scope_to_agency(qs, user).filter(dossier__in=dossiers)
    return scope_to_agency(qs, user)


def can_download(user: User, document: Document) -> Decision:
    if not user.is_authenticated:
        return deny(_("Vui lòng đăng nhập để tải văn bản."))
    if not visible_documents(user).filter(pk=document.pk).exists():
        return deny(_("Bạn không có quyền xem văn bản này."))
    return ALLOW


def documents_of_dossier(dossier, user: User) -> QuerySet[Document]:
    """The dossier's documents this user may open, oldest first (for the dossier's timeline)."""
    # A Tờ trình lists several dossiers, none as its own: it is this dossier's when it lists it (asked in the
    # same statement, not by reading the dossier's item first).
    listing = Document.objects.filter(city_items__dossier=dossier).values("pk")
    return visible_documents(user).filter(Q(dossier=dossier) | Q(pk__in=listing)).order_by("issued_on", "id")


@dataclass
class RegisterFilters:
    q: str = ""
    kind: str = ""
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "-issued_on"
    errors: dict[str, str] | None = None

    @classmethod
    def from_params(cls, params) -> RegisterFilters:
        errors: dict[str, str] = {}
        kind = params.get("kind", "")
        if kind and kind not in DocumentKind.values:
            errors["kind"] = _("Loại văn bản không hợp lệ.")
            kind = ""
        year = None
        if params.get("year"):
            try:
                year = int(params["year"])
                if not 2000 <= year <= 2100:
                    raise ValueError
            except ValueError:
                errors["year"] = _("Năm không hợp lệ.")
                year = None
        dates: dict[str, dt.date | None] = {}
        for name in ("date_from", "date_to"):
            raw = params.get(name, "")
            dates[name] = None
            if raw:
                try:
                    dates[name] = dt.date.fromisoformat(raw)
                except ValueError:
                    errors[name] = _("Ngày không hợp lệ (định dạng năm-tháng-ngày).")
        sort = params.get("sort", "-issued_on")
        return cls(
            q=" ".join(params.get("q", "").split())[:100],
            kind=kind,
            year=year,
            sort=sort if sort in SORTS else "-issued_on",
            errors=errors,
            **dates,
        )


def register(*, user: User, filters: RegisterFilters) -> QuerySet[Document]:
    """The register (sổ văn bản) as the user may see it, filtered and sorted."""
    qs = visible_documents(user)
    if filters.q:
        folded = fold(filters.q)
        qs = qs.filter(
            Q(number__icontains=filters.q)
            | Q(title__icontains=filters.q)
            | Q(dossier__tracking_code__icontains=filters.q)
            | Q(dossier__enterprise__search_text__contains=folded)
        )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.date_from:
        qs = qs.filter(issued_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(issued_on__lte=filters.date_to)
    tie = "-sequence" if filters.sort.startswith("-") else "sequence"
    return qs.order_by(filters.sort, tie, "id")


def years_in_register(user: User) -> list[int]:
    return sorted(set(visible_documents(user).values_list("year", flat=True)), reverse=True)
