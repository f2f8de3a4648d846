"""Good-practice models (mô hình điển hình, Kế hoạch 14, I.1.a–b: nhân rộng điển hình): a supported
dossier told as a case for other enterprises to follow — what was applied, the results in figures, a
narrative, photos — published only with the enterprise's recorded consent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.dossiers.models import Dossier


class CaseState(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Đã công bố")
    WITHDRAWN = "withdrawn", _("Đã gỡ")


class Case(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="showcase_case")
    title = models.CharField(_("tiêu đề"), max_length=200)
    summary = models.CharField(
        _("tóm tắt"), max_length=300, help_text=_("Một hai câu hiện trên danh sách mô hình.")
    )
    applied = models.TextField(
        _("nội dung đã áp dụng"),
        help_text=_("Hệ thống quản lý, công cụ cải tiến đã áp dụng và cách doanh nghiệp triển khai."),
    )
    narrative = models.TextField(_("câu chuyện, bài học kinh nghiệm"))
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=CaseState.choices, default=CaseState.DRAFT
    )
    # The enterprise's consent to publish: who gave it for the enterprise, when, and the signed paper.
    consent_given_by = models.CharField(_("người đại diện đồng ý"), max_length=150, blank=True)
    consent_given_on = models.DateField(_("ngày đồng ý"), null=True, blank=True)
    consent_file = models.FileField(
        _("văn bản đồng ý"), upload_to="showcase/consents/%Y/", max_length=200, blank=True
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdraw_reason = models.CharField(_("lý do gỡ"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mô hình điển hình")
        verbose_name_plural = _("mô hình điển hình")
        indexes = [models.Index(fields=["agency", "state"], name="showcase_case_agency_state")]

    def __str__(self) -> str:
        return self.title

    @property
    def has_consent(self) -> bool:
        return bool(self.consent_given_by and self.consent_given_on and self.consent_file)

    @property
    def is_published(self) -> bool:
        return self.state == CaseState.PUBLISHED


class CaseFigure(models.Model):
    """One result in figures: a label, the value before and after, and their unit."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("chỉ số"), max_length=120)
    before = models.DecimalField(_("trước"), max_digits=16, decimal_places=2)
    after = models.DecimalField(_("sau"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("đơn vị"), max_length=40, blank=True)
    ordering = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["ordering", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def change_pct(self) -> float | None:
        return None if not self.before else float((self.after - self.before) / abs(self.before) * 100)


class CasePhoto(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("ảnh"), upload_to="showcase/photos/%Y/", max_length=200)
    content_type = models.CharField(max_length=20)
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption or self.file.name
