"""From the council's recommendation to the one-time payment (Kế hoạch 14/KH-UBND, II.3 c–g).

What the documents app reads (all amounts are ``int`` đồng, all dates ``date``):

- ``CitySubmission`` (one per call): the director's ranked list sent to the city (Tờ trình);
  ``items`` → ``ProposedDossier`` (dossier, rank, support_vnd, proposed_at) with the city's decision
  per dossier (decision approved/not_approved, decision_number, decision_date, decision_file).
- ``Assignment`` (one per dossier): the director's assignment decision (decision_number, decision_date)
  and the date by which the contract is due (contract_due_on).
- ``SupportContract`` (one per dossier): number, signed_on, amount_vnd, deliverables, deadline;
  its ``progress_reports``, ``completion_request`` (self_assessment, ``evidence`` files),
  ``acceptance`` (rating, passed, minutes_date), ``liquidation`` (final_amount_vnd, liquidated_on),
  ``payment`` (amount_vnd, paid_on, reference) and ``termination`` (reason, terminated_on).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.dossiers.models import Call, Dossier

_USER = settings.AUTH_USER_MODEL


class CitySubmission(models.Model):
    """The list of recommended dossiers the director proposes to the city for one call, ranked."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    call = models.OneToOneField(Call, on_delete=models.PROTECT, related_name="city_submission")
    created_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tờ trình UBND thành phố")
        verbose_name_plural = _("tờ trình UBND thành phố")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.call)

    @property
    def total_vnd(self) -> int:
        return sum(item.support_vnd for item in self.items.all())


class ProposedDossier(models.Model):
    """One dossier on the city list: its rank, the support proposed, and the city's decision on it."""

    class Decision(models.TextChoices):
        PENDING = "", _("Chờ quyết định")
        APPROVED = "approved", _("Được phê duyệt")
        NOT_APPROVED = "not_approved", _("Không được phê duyệt")

    submission = models.ForeignKey(CitySubmission, on_delete=models.PROTECT, related_name="items")
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="city_item")
    rank = models.PositiveSmallIntegerField(_("thứ tự"))
    support_vnd = models.BigIntegerField(
        _("kinh phí đề xuất hỗ trợ (đồng)"), validators=[MinValueValidator(0)]
    )
    proposed_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    proposal = models.ForeignKey(
        "documents.Document",
        verbose_name=_("tờ trình"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="city_items",
    )
    decision = models.CharField(_("quyết định của UBND"), max_length=12, blank=True, choices=Decision.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_file = models.FileField(_("tệp quyết định"), upload_to="city-decisions/%Y/", blank=True)
    decision_recorded_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    decision_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ trình UBND")
        verbose_name_plural = _("hồ sơ trình UBND")
        ordering = ["submission", "rank"]

    def __str__(self) -> str:
        return f"{self.rank}. {self.dossier}"

    @property
    def agency_id(self) -> int:
        return self.dossier.agency_id


class Assignment(models.Model):
    """The director's decision assigning the task directly to the enterprise (quyết định giao trực tiếp)."""

    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="assignment")
    decision_number = models.CharField(_("số quyết định giao"), max_length=50)
    decision_date = models.DateField(_("ngày quyết định"))
    contract_due_on = models.DateField(_("hạn ký hợp đồng"), null=True, blank=True)
    assigned_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định giao trực tiếp")
        verbose_name_plural = _("quyết định giao trực tiếp")

    def __str__(self) -> str:
        return self.decision_number

    @property
    def agency_id(self) -> int:
        return self.dossier.agency_id


class SupportContract(models.Model):
    """The support contract (hợp đồng hỗ trợ) between the Department and the enterprise."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="contract")
    number = models.CharField(_("số hợp đồng"), max_length=50)
    signed_on = models.DateField(_("ngày ký"))
    amount_vnd = models.BigIntegerField(_("kinh phí hỗ trợ (đồng)"), validators=[MinValueValidator(1)])
    deliverables = models.TextField(_("sản phẩm phải giao nộp"))
    deadline = models.DateField(_("thời hạn hoàn thành"))
    signed_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hợp đồng hỗ trợ")
        verbose_name_plural = _("hợp đồng hỗ trợ")
        ordering = ["-signed_on", "-id"]
        indexes = [models.Index(fields=["agency", "-signed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("signed_on")),
                name="contract_deadline_after_signing",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ProgressReport(models.Model):
    """An optional progress report (báo cáo tiến độ) the enterprise files while the contract runs."""

    contract = models.ForeignKey(SupportContract, on_delete=models.PROTECT, related_name="progress_reports")
    period = models.CharField(_("kỳ báo cáo"), max_length=100)
    text = models.TextField(_("nội dung"))
    file = models.FileField(_("tệp đính kèm"), upload_to="progress/%Y/%m/", blank=True, max_length=200)
    submitted_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return self.period

    @property
    def agency_id(self) -> int:
        return self.contract.agency_id


class CompletionRequest(models.Model):
    """The enterprise's acceptance request with its self-assessment and evidence."""

    contract = models.OneToOneField(
        SupportContract, on_delete=models.PROTECT, related_name="completion_request"
    )
    self_assessment = models.TextField(_("báo cáo tự đánh giá"))
    requested_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đề nghị nghiệm thu")
        verbose_name_plural = _("đề nghị nghiệm thu")

    def __str__(self) -> str:
        return str(self.contract)


class CompletionEvidence(models.Model):
    request = models.ForeignKey(CompletionRequest, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("minh chứng"), upload_to="evidence/%Y/%m/", max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng nghiệm thu")
        verbose_name_plural = _("minh chứng nghiệm thu")

    def __str__(self) -> str:
        return self.original_name


class Acceptance(models.Model):
    """The acceptance minutes' outcome: a rating from the call's scale (``passed`` false = not accepted)."""

    contract = models.OneToOneField(SupportContract, on_delete=models.PROTECT, related_name="acceptance")
    rating = models.CharField(_("xếp loại"), max_length=50)
    passed = models.BooleanField(_("đạt"))
    minutes_date = models.DateField(_("ngày biên bản nghiệm thu"))
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kết quả nghiệm thu")
        verbose_name_plural = _("kết quả nghiệm thu")

    def __str__(self) -> str:
        return self.rating


class Liquidation(models.Model):
    """The liquidation minutes: the final amount, never above the contract's."""

    contract = models.OneToOneField(SupportContract, on_delete=models.PROTECT, related_name="liquidation")
    final_amount_vnd = models.BigIntegerField(
        _("kinh phí quyết toán (đồng)"), validators=[MinValueValidator(0)]
    )
    liquidated_on = models.DateField(_("ngày thanh lý"))
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thanh lý hợp đồng")
        verbose_name_plural = _("thanh lý hợp đồng")

    def __str__(self) -> str:
        return str(self.contract)


class Payment(models.Model):
    """The one-time payment (thanh toán một lần) of the liquidated amount."""

    contract = models.OneToOneField(SupportContract, on_delete=models.PROTECT, related_name="payment")
    amount_vnd = models.BigIntegerField(_("số tiền thanh toán (đồng)"), validators=[MinValueValidator(0)])
    paid_on = models.DateField(_("ngày thanh toán"))
    reference = models.CharField(_("số chứng từ"), max_length=100)
    recorded_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thanh toán")
        verbose_name_plural = _("thanh toán")

    def __str__(self) -> str:
        return self.reference


class Termination(models.Model):
    contract = models.OneToOneField(SupportContract, on_delete=models.PROTECT, related_name="termination")
    reason = models.TextField(_("lý do chấm dứt"))
    terminated_on = models.DateField(_("ngày chấm dứt"))
    recorded_by = models.ForeignKey(_USER, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chấm dứt hợp đồng")
        verbose_name_plural = _("chấm dứt hợp đồng")

    def __str__(self) -> str:
        return str(self.contract)
