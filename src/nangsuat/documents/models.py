"""The document register (sổ văn bản): every document the programme issues, numbered per issuing body,
per calendar year and per series (Nghị định 30/2020/NĐ-CP, Điều 15: numbers run from 01 each year and
are never reused)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency


class DocumentKind(models.TextChoices):
    RECEIPT_SLIP = "receipt_slip", _("Phiếu tiếp nhận hồ sơ")
    SUPPLEMENT_REQUEST = "supplement_request", _("Thông báo bổ sung hồ sơ")
    VALIDITY_MINUTES = "validity_minutes", _("Biên bản xác nhận hồ sơ hợp lệ (B6-BBXNHS)")
    SURVEY_MINUTES = "survey_minutes", _("Biên bản khảo sát")
    COUNCIL_MINUTES = "council_minutes", _("Biên bản họp Hội đồng tư vấn")
    CITY_PROPOSAL = "city_proposal", _("Tờ trình UBND thành phố")
    ASSIGNMENT_DECISION = "assignment_decision", _("Quyết định giao trực tiếp")
    SUPPORT_CONTRACT = "support_contract", _("Hợp đồng hỗ trợ")
    INSPECTION_MINUTES = "inspection_minutes", _("Biên bản kiểm tra")
    ACCEPTANCE_MINUTES = "acceptance_minutes", _("Biên bản nghiệm thu")
    LIQUIDATION_MINUTES = "liquidation_minutes", _("Biên bản thanh lý hợp đồng")
    PAYMENT_REQUEST = "payment_request", _("Công văn đề nghị thanh toán")
    REPORT = "report", _("Báo cáo")
    BUDGET_ESTIMATE = "budget_estimate", _("Tờ trình dự toán kinh phí")
    OTHER = "other", _("Văn bản khác")


class DocumentCounter(models.Model):
    """The last number given in one series; the row is locked while a number is allocated."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=40)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "series"], name="document_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_number}"


class Document(models.Model):
    class PdfStatus(models.TextChoices):
        PENDING = "pending", _("Đang tạo PDF")
        READY = "ready", _("Có PDF")
        MISSING = "missing", _("Chưa có PDF (tạo khi tải lần đầu)")
        FAILED = "failed", _("Tạo PDF lỗi")

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="documents"
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    kind = models.CharField(_("loại văn bản"), max_length=24, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    series = models.CharField(_("sổ"), max_length=40)
    sequence = models.PositiveIntegerField(_("số thứ tự"))
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=500)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    file = models.FileField(_("tệp DOCX"), upload_to="documents/%Y/", max_length=200, blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to="documents/%Y/", max_length=200, blank=True)
    pdf_status = models.CharField(
        _("tình trạng PDF"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.PENDING
    )
    visible_to_enterprise = models.BooleanField(_("doanh nghiệp được xem"), default=True)
    # The values the document was drawn from, so it can be drawn again identically.
    data = models.JSONField(default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("sổ văn bản")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "series", "sequence"], name="document_sequence_unique"
            ),
            models.UniqueConstraint(fields=["agency", "year", "number"], name="document_number_unique"),
        ]
        indexes = [
            models.Index(fields=["agency", "year", "kind"]),
            models.Index(fields=["agency", "-issued_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:download", args=[self.pk])


class DocumentProfile(models.Model):
    """What a province's documents say that another province's do not: its plan, the authority under
    which its director signs, its legal bases, recipients and wording, its signers' titles and the
    agency's account at the State Treasury. An admin edits it; a new province needs no code.

    Each document keeps a copy of the profile it was drawn with (``Document.data["profile"]``), so a
    later edit never changes a document already issued."""

    agency = models.OneToOneField(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="document_profile"
    )
    province = models.CharField(
        _("tên tỉnh, thành phố"), max_length=100, help_text=_("Như “thành phố Cần Thơ”, “tỉnh Vĩnh Long”.")
    )
    plan_number = models.CharField(_("số kế hoạch của UBND"), max_length=40, blank=True)
    plan_date = models.DateField(_("ngày ban hành kế hoạch"), null=True, blank=True)
    plan_title = models.CharField(
        _("trích yếu kế hoạch"),
        max_length=400,
        blank=True,
        help_text=_("Sau chữ “Kế hoạch”, như “triển khai Chương trình … trên địa bàn thành phố Cần Thơ”."),
    )
    authority = models.TextField(
        _("căn cứ thẩm quyền của Giám đốc Sở"),
        blank=True,
        help_text=_("Dòng “Căn cứ …” về chức năng, nhiệm vụ của Sở, in trên các quyết định của Giám đốc."),
    )
    legal_bases = models.JSONField(
        _("căn cứ pháp lý theo loại văn bản"),
        default=dict,
        blank=True,
        help_text=_("Loại văn bản → danh sách dòng “Căn cứ …”; để trống: các căn cứ mặc định."),
    )
    recipients = models.JSONField(
        _("nơi nhận theo loại văn bản"),
        default=dict,
        blank=True,
        help_text=_("Loại văn bản → danh sách nơi nhận; $enterprise là tên doanh nghiệp."),
    )
    wording = models.JSONField(
        _("đoạn văn theo mẫu"),
        default=dict,
        blank=True,
        help_text=_("Mã đoạn → nội dung; để trống: nội dung mặc định."),
    )
    director_title = models.CharField(_("chức danh người đứng đầu"), max_length=60, default="Giám đốc")
    deputy_title = models.CharField(_("chức danh cấp phó"), max_length=60, default="Phó Giám đốc")
    treasury_account = models.CharField(_("số tài khoản tại Kho bạc Nhà nước"), max_length=40, blank=True)
    treasury_name = models.CharField(
        _("Kho bạc Nhà nước nơi mở tài khoản"), max_length=150, blank=True, default="Kho bạc Nhà nước"
    )
    budget_unit_code = models.CharField(_("mã đơn vị có quan hệ với ngân sách"), max_length=20, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("thiết lập văn bản của cơ quan")
        verbose_name_plural = _("thiết lập văn bản của cơ quan")

    def __str__(self) -> str:
        return str(self.agency)
