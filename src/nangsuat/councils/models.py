"""The advisory council of a call (Hội đồng tư vấn): its members and their council roles."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.dossiers.models import Call


class Council(models.Model):
    call = models.ForeignKey(
        Call, verbose_name=_("đợt đăng ký"), on_delete=models.PROTECT, related_name="councils"
    )
    name = models.CharField(_("tên hội đồng"), max_length=255)
    decision_number = models.CharField(_("số quyết định thành lập"), max_length=50, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hội đồng tư vấn")
        verbose_name_plural = _("hội đồng tư vấn")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class CouncilMember(models.Model):
    class Position(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        REVIEWER = "reviewer", _("Ủy viên phản biện")
        MEMBER = "member", _("Ủy viên")
        SECRETARY = "secretary", _("Thư ký")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats")
    position = models.CharField(_("chức danh trong hội đồng"), max_length=12, choices=Position.choices)

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        constraints = [models.UniqueConstraint(fields=["council", "user"], name="council_member_unique")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_position_display()})"

    @property
    def scores(self) -> bool:
        """The secretary keeps the minutes; every other member scores."""
        return self.position != self.Position.SECRETARY
