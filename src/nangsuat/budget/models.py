"""The programme's budget: norms, the annual estimate (dự toán) in versions, its lines, and what is spent
against them (Kế hoạch 14/KH-UBND, IV and V.2).

- ``Norm``: a support rate and ceiling per content, or a spending norm (council, training, communication),
  with its legal basis and effective dates. A norm applies to estimates and calls opened on or after
  ``effective_from``; a line keeps the norm it was drawn with, a contract its signed amount.
- ``Estimate``: one agency's estimate of one year, in versions. An adjustment (điều chỉnh) is a new version
  that goes through the same steps and, once approved, supersedes the approved one.
- ``EstimateLine``: quantity × norm = amount, Finance's appraised amount, justification, plan section.
  ``key`` stays the same from one version to the next so commitments follow the line.
- ``Spending``: money against a line — a contract's commitment, a payment, a course's or an event's cost.
- ``CommitmentOverride``: the director's decision to let a contract commit beyond its line's balance.
- ``CounterpartFund``: the enterprise's own funds (vốn đối ứng) in a supported dossier.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.activities.models import Course, Event
from nangsuat.contracts.models import Payment, SupportContract
from nangsuat.core.models import Agency
from nangsuat.documents.models import Document
from nangsuat.dossiers.models import Dossier
from nangsuat.reference.models import SupportContent

from .states import NormKind, SpendingKind, State, Task


class Norm(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại định mức"), max_length=20, choices=NormKind.choices)
    content = models.ForeignKey(
        SupportContent,
        verbose_name=_("nội dung hỗ trợ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("tên định mức"), max_length=200)
    unit = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    amount_vnd = models.BigIntegerField(
        _("định mức (đồng/đơn vị)"), default=0, validators=[MinValueValidator(0)]
    )
    rate_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hỗ trợ (% chi phí hợp lệ)"), null=True, blank=True
    )
    ceiling_vnd = models.BigIntegerField(_("mức tối đa (đồng)"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    effective_from = models.DateField(_("hiệu lực từ ngày"))
    effective_to = models.DateField(_("hết hiệu lực ngày"), null=True, blank=True)
    is_example = models.BooleanField(_("giá trị ví dụ, tỉnh cần thay"), default=False)

    class Meta:
        verbose_name = _("định mức")
        verbose_name_plural = _("định mức, mức hỗ trợ")
        ordering = ["kind", "name", "-effective_from"]

    def __str__(self) -> str:
        return self.name


class Estimate(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    version = models.PositiveSmallIntegerField(_("lần"), default=1)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("điều chỉnh từ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adjustments",
    )
    title = models.CharField(_("tên dự toán"), max_length=255)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    opened_on = models.DateField(_("ngày lập"))
    state_changed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    appraisal_note = models.TextField(_("ý kiến thẩm định"), blank=True)
    appraised_on = models.DateField(_("ngày thẩm định"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_file = models.FileField(_("tệp quyết định"), upload_to="budget/decisions/%Y/", blank=True)
    document = models.ForeignKey(
        Document,
        verbose_name=_("văn bản dự toán"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dự toán")
        verbose_name_plural = _("dự toán")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "version"], name="budget_estimate_version"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adjustment(self) -> bool:
        return self.version > 1


class EstimateLine(models.Model):
    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="lines")
    key = models.PositiveIntegerField(_("mã dòng"))
    task = models.CharField(_("nhiệm vụ"), max_length=20, choices=Task.choices)
    content = models.ForeignKey(
        SupportContent,
        verbose_name=_("nội dung hỗ trợ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.CharField(_("nội dung chi"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng"), validators=[MinValueValidator(1)])
    norm = models.ForeignKey(
        Norm, verbose_name=_("định mức"), on_delete=models.PROTECT, null=True, blank=True
    )
    norm_vnd = models.BigIntegerField(_("định mức (đồng)"), validators=[MinValueValidator(0)])
    amount_vnd = models.BigIntegerField(_("thành tiền (đồng)"))
    appraised_amount_vnd = models.BigIntegerField(_("Sở Tài chính thẩm định (đồng)"), null=True, blank=True)
    appraisal_note = models.CharField(_("ý kiến thẩm định"), max_length=500, blank=True)
    justification = models.TextField(_("thuyết minh"), blank=True)
    plan_section = models.CharField(_("mục của kế hoạch"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("dòng dự toán")
        verbose_name_plural = _("dòng dự toán")
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["estimate", "key"], name="budget_line_key")]

    def __str__(self) -> str:
        return self.description

    @property
    def agency_id(self) -> int:
        return self.estimate.agency_id

    @property
    def approved_vnd(self) -> int:
        """What the line carries once approved: Finance's figure where it appraised one."""
        return self.amount_vnd if self.appraised_amount_vnd is None else self.appraised_amount_vnd


class Spending(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    line = models.ForeignKey(EstimateLine, on_delete=models.PROTECT, related_name="spendings")
    kind = models.CharField(_("loại"), max_length=12, choices=SpendingKind.choices)
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"), validators=[MinValueValidator(0)])
    contract = models.ForeignKey(
        SupportContract, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    override_reason = models.TextField(_("lý do vượt số dư"), blank=True)
    recorded_on = models.DateField(_("ngày ghi nhận"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khoản chi theo dự toán")
        verbose_name_plural = _("khoản chi theo dự toán")
        ordering = ["-recorded_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount_vnd}"


class CommitmentOverride(models.Model):
    """The director lets one dossier's contract commit beyond its line's balance, with a reason."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="budget_override")
    reason = models.TextField(_("lý do"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cho phép vượt số dư")
        verbose_name_plural = _("cho phép vượt số dư")

    def __str__(self) -> str:
        return self.reason


class CounterpartFund(models.Model):
    """The enterprise's own funds in a supported dossier (vốn đối ứng)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="counterpart_fund")
    amount_vnd = models.BigIntegerField(_("vốn đối ứng (đồng)"), validators=[MinValueValidator(0)])
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vốn đối ứng của doanh nghiệp")
        verbose_name_plural = _("vốn đối ứng của doanh nghiệp")

    def __str__(self) -> str:
        return str(self.amount_vnd)
