"""Keep the dossiers' copies of their enterprise's name and ward and of their content's name
(``Dossier.enterprise_name``, ``enterprise_ward``, ``content_name``, which the list sorts and filters on) in
step when either changes, and drop the list's kept counts when a dossier changes."""

from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from nangsuat.core.versioned_cache import forget, forget_until_committed
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise
from nangsuat.registry.signals import enterprises_changed

from .models import Call, CallContent, Dossier
from .registration import CALL_CONTENTS
from .selectors import CALL_CHOICES, LIST_COUNTS


def _renamed(created: bool, raw: bool, update_fields, *fields: str) -> bool:
    return not (created or raw) and (update_fields is None or bool(set(fields) & set(update_fields)))


@receiver(post_save, sender=Enterprise, dispatch_uid="dossiers.enterprise_renamed")
def enterprise_renamed(sender, instance, created=False, raw=False, update_fields=None, **kwargs) -> None:
    if _renamed(created, raw, update_fields, "name", "ward") and instance.changed_since_loaded(
        "name", "ward_id"
    ):
        ward = instance.ward_id or ""
        Dossier.objects.filter(enterprise_id=instance.pk).exclude(
            enterprise_name=instance.name, enterprise_ward=ward
        ).update(enterprise_name=instance.name, enterprise_ward=ward)
        forget_counts()


@receiver(enterprises_changed, dispatch_uid="dossiers.enterprises_changed")
def enterprises_renamed(sender, ids, **kwargs) -> None:
    copy_names(Dossier.objects.filter(enterprise_id__in=ids))
    forget_counts()


def copy_names(dossiers: QuerySet[Dossier]) -> int:
    """Copy the names onto ``dossiers`` in one statement (rows written in bulk, without ``save``)."""
    enterprise = Enterprise.objects.filter(pk=OuterRef("enterprise_id"))
    return dossiers.update(
        enterprise_name=Subquery(enterprise.values("name")[:1]),
        enterprise_ward=Coalesce(Subquery(enterprise.values("ward_id")[:1]), Value("")),
        content_name=Subquery(SupportContent.objects.filter(pk=OuterRef("content_id")).values("name")[:1]),
    )


@receiver(post_save, sender=SupportContent, dispatch_uid="dossiers.content_renamed")
def content_renamed(sender, instance, created=False, raw=False, update_fields=None, **kwargs) -> None:
    if _renamed(created, raw, update_fields, "name"):
        Dossier.objects.filter(content_id=instance.pk).exclude(content_name=instance.name).update(
            content_name=instance.name
        )


@receiver(post_save, sender=Call, dispatch_uid="dossiers.call_saved")
@receiver(post_delete, sender=Call, dispatch_uid="dossiers.call_deleted")
def call_changed(**kwargs) -> None:
    forget(CALL_CHOICES)
    forget_offers()


@receiver(post_save, sender=CallContent, dispatch_uid="dossiers.offer_saved")
@receiver(post_delete, sender=CallContent, dispatch_uid="dossiers.offer_deleted")
def offer_changed(**kwargs) -> None:
    forget_offers()


def forget_offers() -> None:
    forget_until_committed(CALL_CONTENTS)


@receiver(post_save, sender=Dossier, dispatch_uid="dossiers.dossier_saved")
@receiver(post_delete, sender=Dossier, dispatch_uid="dossiers.dossier_deleted")
def dossier_changed(**kwargs) -> None:
    forget_counts()


def forget_counts() -> None:
    forget_until_committed(LIST_COUNTS)
