"""A dossier accepted (nghiệm thu đạt) for a management system or tool records that system on its
enterprise, linked to the dossier; the officer completes the certificate's number, body and dates later.
Conformity contents are left to the officers: a conformity certificate needs its product group and standard."""

from django.dispatch import receiver

from nangsuat.core.audit import record_audit
from nangsuat.dossiers.states import Action
from nangsuat.dossiers.workflow import Step, dossier_transitioned

from .models import SystemCertificate

# Support contents that are not a management system or tool (reference/data/support_contents.json).
NOT_A_SYSTEM = frozenset({"conformity-standard", "conformity-regulation", "base-standard", "barcode"})


@receiver(dossier_transitioned, dispatch_uid="activities.system_on_acceptance")
def record_system_on_acceptance(sender, step: Step, **kwargs) -> None:
    dossier = step.dossier
    if step.transition.action != Action.ACCEPT or dossier.content.code in NOT_A_SYSTEM:
        return
    if SystemCertificate.objects.filter(dossier=dossier).exists():
        return
    record = SystemCertificate.objects.create(
        agency_id=dossier.agency_id,
        enterprise_id=dossier.enterprise_id,
        content_id=dossier.content_id,
        dossier=dossier,
        created_by=step.actor,
    )
    record_audit(
        actor=step.actor,
        action="activity.system_created",
        target=record,
        data={"record": str(record), "dossier": dossier.pk},
    )
