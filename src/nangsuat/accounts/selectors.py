"""Reads of user accounts for the administrator's pages."""

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, Q, QuerySet

from nangsuat.core.models import User
from nangsuat.core.roles import STAFF_ROLES, Role
from nangsuat.core.text import fold


def staff_accounts(admin: User, *, q: str = "", role: str = "", active: str = "") -> QuerySet[User]:
    """Staff accounts an administrator manages: all of them for an admin without an agency, otherwise
    the admin's agency's (and none of another agency's). Annotated with ``has_totp``."""
    qs = User.objects.filter(role__in=STAFF_ROLES).select_related("agency")
    if not admin.has_role(Role.ADMIN):
        return qs.none()
    if admin.agency_id is not None:
        qs = qs.filter(agency_id=admin.agency_id)
    if role:
        qs = qs.filter(role=role)
    if active in ("1", "0"):
        qs = qs.filter(is_active=active == "1")
    q = (q or "").strip()
    if q:
        # Names are short: fold in Python-free SQL is not portable, so match the raw and folded forms.
        qs = qs.filter(
            Q(username__icontains=q)
            | Q(email__icontains=q)
            | Q(full_name__icontains=q)
            | Q(full_name__icontains=fold(q))
        )
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return qs.annotate(has_totp=Exists(totp)).order_by("full_name", "username", "id")
