"""Who may see and change an enterprise. Decisions carry the reason shown on the page."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import User
from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import AGENCY_READERS, PROGRAMME_MANAGERS, Role
from nangsuat.core.tenancy import scope_to_agency

from .models import Enterprise, EnterpriseMembership

# A role whose view of the registry is defined by a higher app, which registers it:
# ``@enterprise_scope(Role.COUNCIL)`` on ``(qs, user) -> qs`` (the councils app: a member reads the
# enterprises of the dossiers they may open, after declaring no conflict of interest). Until its app
# registers, such a role reads nothing.
EnterpriseScope = Callable[[QuerySet, User], QuerySet]
ENTERPRISE_SCOPES: dict[str, EnterpriseScope] = {}
REGISTERED_SCOPE_ROLES = frozenset({Role.COUNCIL})


def enterprise_scope(role: str) -> Callable[[EnterpriseScope], EnterpriseScope]:
    def register(fn: EnterpriseScope) -> EnterpriseScope:
        if role in ENTERPRISE_SCOPES:
            raise RuntimeError(f"enterprise scope for {role!r} registered twice")
        ENTERPRISE_SCOPES[role] = fn
        return fn

    return register


def readable_enterprises(qs: QuerySet[Enterprise], user: User) -> QuerySet[Enterprise]:
    """``qs`` cut to what ``user`` may read: an enterprise user the enterprises it represents (confirmed);
    a role with a registered scope (council members) what it allows within the agency; other staff
    their agency's (the ministry all)."""
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role == Role.ENTERPRISE:
        return qs.filter(
            memberships__user=user, memberships__status=EnterpriseMembership.Status.CONFIRMED
        ).distinct()
    if user.role in REGISTERED_SCOPE_ROLES:
        scope = ENTERPRISE_SCOPES.get(user.role)
        return qs.none() if scope is None else scope(scope_to_agency(qs, user), user)
    return scope_to_agency(qs, user)


def member_enterprise_ids(user: User) -> list[int]:
    """The enterprises this user represents: memberships an officer confirmed."""
    return list(
        EnterpriseMembership.objects.filter(
            user=user, status=EnterpriseMembership.Status.CONFIRMED
        ).values_list("enterprise_id", flat=True)
    )


def is_enterprise_member(user: User, enterprise_id: int) -> bool:
    """Whether this user represents this enterprise (a confirmed membership)."""
    return EnterpriseMembership.objects.filter(
        user=user, enterprise_id=enterprise_id, status=EnterpriseMembership.Status.CONFIRMED
    ).exists()


def enterprise_members(enterprise_id: int) -> QuerySet[User]:
    """The active users who represent this enterprise (a confirmed membership)."""
    return User.objects.filter(
        is_active=True,
        memberships__enterprise_id=enterprise_id,
        memberships__status=EnterpriseMembership.Status.CONFIRMED,
    ).distinct()


def is_member(user: User, enterprise: Enterprise) -> bool:
    return is_enterprise_member(user, enterprise.pk)


def _same_agency(user: User, enterprise: Enterprise) -> bool:
    return user.sees_all_agencies or (user.agency_id is not None and user.agency_id == enterprise.agency_id)


def can_view_enterprise(user: User, enterprise: Enterprise) -> Decision:
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role == Role.ENTERPRISE:
        return ALLOW if is_member(user, enterprise) else deny(_("Đây không phải doanh nghiệp của bạn."))
    if user.role in REGISTERED_SCOPE_ROLES:
        if readable_enterprises(Enterprise.objects.filter(pk=enterprise.pk), user).exists():
            return ALLOW
        return deny(
            _("Bạn chỉ xem được doanh nghiệp của hồ sơ mình chấm, sau khi khai báo xung đột lợi ích.")
        )
    if user.role in AGENCY_READERS and _same_agency(user, enterprise):
        return ALLOW
    return deny(_("Doanh nghiệp này thuộc cơ quan khác."))


def can_edit_enterprise(user: User, enterprise: Enterprise) -> Decision:
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role == Role.ENTERPRISE:
        return ALLOW if is_member(user, enterprise) else deny(_("Đây không phải doanh nghiệp của bạn."))
    if user.role not in PROGRAMME_MANAGERS:
        return deny(_("Vai trò của bạn chỉ được xem sổ doanh nghiệp."))
    if user.agency_id is None or user.agency_id != enterprise.agency_id:
        return deny(_("Doanh nghiệp này thuộc cơ quan khác."))
    return ALLOW


def can_manage_registry(user: User) -> Decision:
    """Create enterprises, import, decide membership claims: the agency's officers, director, admin."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role not in PROGRAMME_MANAGERS:
        return deny(_("Chỉ cán bộ Sở KH&CN được thực hiện thao tác này."))
    if user.agency_id is None:
        return deny(_("Tài khoản chưa gắn với cơ quan thực hiện."))
    return ALLOW


def can_decide_membership(user: User, membership: EnterpriseMembership) -> Decision:
    decision = can_manage_registry(user)
    if not decision:
        return decision
    if membership.enterprise.agency_id != user.agency_id:
        return deny(_("Doanh nghiệp này thuộc cơ quan khác."))
    return ALLOW
