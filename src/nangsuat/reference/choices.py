"""The reference lists that the list pages' filters offer (a province's wards, the VSIC sections, the active
support contents), kept in the shared cache (``core.versioned_cache``): a list page spends no query on them.
Any change to a ward, a VSIC code or a support content (the admin; a migration, which loads in bulk) drops
them all."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from nangsuat.core.versioned_cache import cached, forget

from .models import SupportContent, VsicCode, Ward

GROUP = "reference"


def ward_choices(province_code: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of the wards of a province (all of them without one), by name."""

    def build():
        wards = Ward.objects.order_by("name")
        if province_code:
            wards = wards.filter(province_id=province_code)
        return list(wards.values_list("code", "name"))

    return cached(GROUP, f"wards:{province_code or '*'}", build)


def section_choices() -> list[tuple[str, str]]:
    """(letter, "A — name") of the VSIC 2018 sections."""
    return cached(
        GROUP,
        "sections",
        lambda: [(s.code, str(s)) for s in VsicCode.objects.filter(level=1).order_by("code")],
    )


def content_choices() -> list[tuple[int, str]]:
    """(id, name) of the support contents in use, in the catalogue's order."""
    return cached(
        GROUP,
        "contents",
        lambda: list(SupportContent.objects.filter(is_active=True).values_list("pk", "name")),
    )


@receiver(post_save, sender=Ward, dispatch_uid="reference.choices.ward_saved")
@receiver(post_delete, sender=Ward, dispatch_uid="reference.choices.ward_deleted")
@receiver(post_save, sender=VsicCode, dispatch_uid="reference.choices.vsic_saved")
@receiver(post_delete, sender=VsicCode, dispatch_uid="reference.choices.vsic_deleted")
@receiver(post_save, sender=SupportContent, dispatch_uid="reference.choices.content_saved")
@receiver(post_delete, sender=SupportContent, dispatch_uid="reference.choices.content_deleted")
@receiver(post_migrate, dispatch_uid="reference.choices.migrated")
def reference_changed(**kwargs) -> None:
    forget(GROUP)
