"""The targets an agency has set, or the plan's own figures where it has set none."""

from collections.abc import Iterable

from django.db import transaction

from nangsuat.core.audit import record_audit
from nangsuat.core.models import Agency, User

from .definitions import BY_CODE, INDICATORS
from .models import Target


def targets_of(agency_ids: Iterable[int]) -> dict[str, int]:
    """Each indicator's target for these agencies together (the ministry: the sum of the provinces')."""
    ids = list(agency_ids)
    stored: dict[tuple[int, str], int] = {
        (agency_id, code): value
        for agency_id, code, value in Target.objects.filter(agency_id__in=ids).values_list(
            "agency_id", "code", "value"
        )
    }
    return {
        i.code: sum(stored.get((agency_id, i.code), i.plan_target) for agency_id in ids) for i in INDICATORS
    }


def sources_of(agency: Agency) -> dict[str, str]:
    """Where each of the agency's targets comes from: what the administrator wrote, or the plan's clause."""
    stored = dict(Target.objects.filter(agency=agency).values_list("code", "source"))
    return {i.code: stored.get(i.code) or f"Kế hoạch 14/KH-UBND, {i.clause}" for i in INDICATORS}


@transaction.atomic
def set_target(*, agency: Agency, code: str, value: int, source: str, actor: User) -> Target:
    """Write one target of ``agency``; one audit entry."""
    if code not in BY_CODE:
        raise KeyError(code)
    target, created = Target.objects.select_for_update().get_or_create(
        agency=agency, code=code, defaults={"value": value, "source": source, "updated_by": actor}
    )
    before = None if created else target.value
    if not created:
        target.value, target.source, target.updated_by = value, source, actor
        target.save(update_fields=["value", "source", "updated_by", "updated_at"])
    record_audit(
        actor=actor,
        action="indicators.target_set",
        target=target,
        data={"code": code, "from": before, "to": value},
    )
    return target
