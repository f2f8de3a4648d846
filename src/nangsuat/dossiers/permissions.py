"""Who may see a dossier. Pages and the API ask these before showing anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from nangsuat.core.roles import Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.registry.permissions import member_enterprise_ids

from .states import PRIVATE_STATES

if TYPE_CHECKING:
    from nangsuat.core.models import User

    from .models import Dossier


def visible_dossiers(qs: QuerySet, user: User) -> QuerySet:
    """Enterprises see their own dossiers; council members those they declared no conflict for; other staff
    their agency's dossiers once submitted; the ministry all submitted dossiers."""
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role == Role.ENTERPRISE:
        return qs.filter(enterprise_id__in=member_enterprise_ids(user))
    if user.role == Role.COUNCIL:
        # A member opens a dossier only after declaring no conflict of interest; the secretary all of
        # the council's dossiers.
        from nangsuat.councils.selectors import member_visible_dossier_ids

        return (
            scope_to_agency(qs, user)
            .filter(pk__in=member_visible_dossier_ids(user))
            .exclude(state__in=PRIVATE_STATES)
        )
    return scope_to_agency(qs, user).exclude(state__in=PRIVATE_STATES)


def can_see_dossier(user: User, dossier: Dossier) -> bool:
    from .models import Dossier

    return visible_dossiers(Dossier.objects.filter(pk=dossier.pk), user).exists()
