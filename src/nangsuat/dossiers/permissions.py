"""Who may see a dossier. Pages and the API ask these before showing anything."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import DOSSIER_COMMENTERS, Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.registry.permissions import member_enterprise_ids

from .models import Dossier
from .states import PRIVATE_STATES

if TYPE_CHECKING:
    from nangsuat.core.models import User


# A role whose view of dossiers is defined by a higher app, which registers it:
# ``@dossier_scope(Role.COUNCIL)`` on ``(qs, user) -> qs`` (the councils app: a member opens a dossier only
# after declaring no conflict of interest). Until its app registers, such a role sees nothing.
RoleScope = Callable[[QuerySet, "User"], QuerySet]
ROLE_SCOPES: dict[str, RoleScope] = {}
REGISTERED_SCOPE_ROLES = frozenset({Role.COUNCIL})


def dossier_scope(role: str) -> Callable[[RoleScope], RoleScope]:
    def register(fn: RoleScope) -> RoleScope:
        if role in ROLE_SCOPES:
            raise RuntimeError(f"dossier scope for {role!r} registered twice")
        ROLE_SCOPES[role] = fn
        return fn

    return register


def visible_dossiers(qs: QuerySet, user: User) -> QuerySet:
    """Enterprises see their own dossiers; roles with a registered scope (council members) what it allows;
    other staff their agency's dossiers once submitted; the ministry all submitted dossiers."""
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role == Role.ENTERPRISE:
        return qs.filter(enterprise_id__in=member_enterprise_ids(user))
    if user.role in REGISTERED_SCOPE_ROLES:
        scope = ROLE_SCOPES.get(user.role)
        if scope is None:
            return qs.none()
        return scope(scope_to_agency(qs, user), user).exclude(state__in=PRIVATE_STATES)
    return scope_to_agency(qs, user).exclude(state__in=PRIVATE_STATES)


def _seen_key(user: User, dossier: Dossier) -> tuple:
    return (user.pk, dossier.pk, dossier.state, dossier.agency_id, dossier.enterprise_id)


def read_as_visible(dossier: Dossier, user: User) -> Dossier:
    """Note that ``dossier`` was just read through ``visible_dossiers`` for ``user``: the checks of the same
    request (the page's actions, its comment form, its timeline) then ask no query again, as long as the
    dossier's state, agency and enterprise are those it was read with."""
    dossier.__dict__["_seen_by"] = _seen_key(user, dossier)
    return dossier


def can_see_dossier(user: User, dossier: Dossier) -> bool:
    if dossier.__dict__.get("_seen_by") == _seen_key(user, dossier):
        return True
    return visible_dossiers(Dossier.objects.filter(pk=dossier.pk), user).exists()


def can_comment(user: User, dossier: Dossier) -> Decision:
    """Only the roles that act on a dossier comment on it (``core.roles.DOSSIER_COMMENTERS``), and only
    on a dossier they see."""
    if not user.has_role(*DOSSIER_COMMENTERS):
        return deny(_("Vai trò của bạn chỉ được xem hồ sơ, không gửi ý kiến."))
    if not can_see_dossier(user, dossier):
        return deny(_("Hồ sơ không thuộc đơn vị của bạn."))
    return ALLOW
