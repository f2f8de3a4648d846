"""A report on the plan: drafted by the Department's officers, its narrative edited until the director
signs it. Signing enters it in the document register (a "Báo cáo", ``15/BC-SKHCN``) and freezes its DOCX
(the register's document) and its workbook (kept here); the figures are those of the moment of signing."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.documents.models import Document

from .kinds import ReportKind, ReportState

# The narrative sections, in the order the report prints them: field → its heading on the page.
SECTIONS: tuple[tuple[str, Any], ...] = (
    ("results", _("Kết quả đạt được")),
    ("shortcomings", _("Tồn tại, hạn chế")),
    ("causes", _("Nguyên nhân")),
    ("directions", _("Phương hướng, nhiệm vụ")),
    ("proposals", _("Kiến nghị, đề xuất")),
)
SECTION_FIELDS = tuple(name for name, _heading in SECTIONS)


class Report(models.Model):
    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại báo cáo"), max_length=12, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("năm báo cáo"))
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    results = models.TextField(_("kết quả đạt được"), blank=True)
    shortcomings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    causes = models.TextField(_("nguyên nhân"), blank=True)
    directions = models.TextField(_("phương hướng, nhiệm vụ"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    document = models.OneToOneField(
        Document,
        verbose_name=_("văn bản đã ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report",
    )
    workbook = models.FileField(_("tệp Excel đã ký"), upload_to="reports/%Y/", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-year", "kind", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "year"], name="report_one_per_kind_and_year")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def is_signed(self) -> bool:
        return self.state == ReportState.SIGNED

    def narrative(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SECTION_FIELDS}
