"""The dashboard's cached figures are dropped when a record they count is written or deleted."""

from django.db.models.signals import post_delete, post_save

from nangsuat.activities.models import (
    Award,
    ConformityCertificate,
    Course,
    Event,
    EventEnterprise,
    Expert,
    Participation,
    SystemCertificate,
)
from nangsuat.contracts.models import Acceptance, Liquidation, Payment, SupportContract
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.registry.models import Enterprise

from .figures import figures_changed

COUNTED = (
    Award,
    ConformityCertificate,
    Course,
    Event,
    EventEnterprise,
    Expert,
    Participation,
    SystemCertificate,
    Acceptance,
    Liquidation,
    Payment,
    SupportContract,
    Call,
    Dossier,
    Enterprise,  # its ward places its records in a ward's figures
)

for model in COUNTED:
    post_save.connect(figures_changed, sender=model, dispatch_uid=f"indicators-{model._meta.label}-save")
    post_delete.connect(figures_changed, sender=model, dispatch_uid=f"indicators-{model._meta.label}-delete")
