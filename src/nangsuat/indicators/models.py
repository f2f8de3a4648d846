"""An agency's targets: the figure the plan sets for each indicator over the period. An agency without a
row has the plan's own figure (``definitions.Indicator.plan_target``)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency

from .definitions import INDICATORS


class Target(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("chỉ tiêu"), max_length=40, choices=[(i.code, i.name) for i in INDICATORS])
    value = models.PositiveIntegerField(
        _("chỉ tiêu giai đoạn 2026 – 2030"), validators=[MaxValueValidator(10**9)]
    )
    source = models.CharField(_("căn cứ"), max_length=255, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chỉ tiêu của cơ quan")
        verbose_name_plural = _("chỉ tiêu của cơ quan")
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="indicators_target_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.code} {self.value}"
