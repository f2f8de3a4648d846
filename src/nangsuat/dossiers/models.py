"""Calls for registration and the support dossiers that answer them (Kế hoạch 14/KH-UBND, II.3).

A call carries the rules that apply to it as data — rubric, pass rule, priority weights, support rate
and ceiling per content — each with its legal basis and effective date, so a later change of rules
never rewrites an earlier call's results.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.indexes import list_index
from nangsuat.core.loaded import RemembersLoaded
from nangsuat.core.models import Agency
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise

from .states import State


class Call(models.Model):
    """An intake round (đợt đăng ký) of one agency and year."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="calls")
    year = models.PositiveSmallIntegerField(_("năm"))
    code = models.SlugField(_("mã đợt"), max_length=40)
    title = models.CharField(_("tên đợt"), max_length=255)
    description = models.TextField(_("giới thiệu"), blank=True)
    registration_opens = models.DateField(_("mở nhận hồ sơ từ ngày"))
    registration_closes = models.DateField(_("hạn nộp hồ sơ"))
    review_ends = models.DateField(_("hạn thẩm định, xét chọn"), null=True, blank=True)
    contract_ends = models.DateField(_("hạn ký hợp đồng"), null=True, blank=True)
    budget_vnd = models.BigIntegerField(_("dự toán kinh phí (đồng)"), validators=[MinValueValidator(0)])
    # The pass rule (DOMAIN-FACTS §2, seed values; configurable per call).
    pass_total_min = models.DecimalField(
        _("tổng điểm tối thiểu để đạt"), max_digits=5, decimal_places=2, default=Decimal("70")
    )
    pass_criterion_min_ratio = models.DecimalField(
        _("tỷ lệ tối thiểu của mỗi tiêu chí"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    contract_days = models.PositiveSmallIntegerField(
        _("thời hạn ký hợp đồng sau khi giao (ngày làm việc)"), default=15
    )
    acceptance_ratings = models.JSONField(
        _("thang xếp loại nghiệm thu"),
        default=list,
        blank=True,
        help_text=_("Danh sách mức xếp loại; mức đầu tiên là mức đạt cao nhất."),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    effective_date = models.DateField(_("ngày áp dụng quy định"), null=True, blank=True)
    is_published = models.BooleanField(_("đã công bố"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt đăng ký")
        verbose_name_plural = _("đợt đăng ký")
        ordering = ["-year", "-registration_opens"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="call_code_unique_per_agency"),
            models.CheckConstraint(
                condition=models.Q(registration_closes__gte=models.F("registration_opens")),
                name="call_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def window_open_on(self, day) -> bool:
        return self.is_published and self.registration_opens <= day <= self.registration_closes

    def ratings(self) -> list[str]:
        return list(self.acceptance_ratings or ["Đạt", "Không đạt"])


class CallContent(models.Model):
    """A support content offered by a call, with its support rate and ceiling."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="contents")
    content = models.ForeignKey(SupportContent, on_delete=models.PROTECT, related_name="+")
    support_rate_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hỗ trợ (%)"), default=50, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    ceiling_vnd = models.BigIntegerField(_("mức hỗ trợ tối đa (đồng)"), validators=[MinValueValidator(0)])
    required_attachments = models.JSONField(_("hồ sơ kèm theo bắt buộc"), default=list, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("nội dung hỗ trợ của đợt")
        verbose_name_plural = _("nội dung hỗ trợ của đợt")
        ordering = ["content__ordering", "content__name"]
        constraints = [models.UniqueConstraint(fields=["call", "content"], name="call_content_unique")]

    def __str__(self) -> str:
        return str(self.content)

    def max_support_for(self, total_cost_vnd: int) -> int:
        """The most the programme may pay: the rate of the cost, never above the ceiling."""
        by_rate = int(total_cost_vnd) * self.support_rate_percent // 100
        return min(by_rate, self.ceiling_vnd)


class ScoringCriterion(models.Model):
    """One line of the call's rubric (Thông tư 15/2022, Điều 16: 15 / 50 / 35)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("mã"), max_length=30)
    name = models.CharField(_("tiêu chí"), max_length=200)
    max_points = models.PositiveSmallIntegerField(_("điểm tối đa"), validators=[MinValueValidator(1)])
    ordering = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chí chấm điểm")
        verbose_name_plural = _("tiêu chí chấm điểm")
        ordering = ["ordering", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "code"], name="criterion_code_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.max_points})"


class PriorityRule(models.Model):
    """A priority weight (Kế hoạch 14, II.2.b): SME, domestic materials, export potential, jobs."""

    class Basis(models.TextChoices):
        SME = "sme", _("Doanh nghiệp nhỏ và vừa")
        DOMESTIC_MATERIALS = "domestic_materials", _("Sử dụng nguyên liệu trong nước")
        EXPORT = "export", _("Sản phẩm có tiềm năng xuất khẩu, thay thế nhập khẩu")
        JOBS = "jobs", _("Tạo việc làm")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="priority_rules")
    basis = models.CharField(_("căn cứ ưu tiên"), max_length=30, choices=Basis.choices)
    points = models.PositiveSmallIntegerField(_("điểm cộng"))
    threshold = models.PositiveIntegerField(_("ngưỡng"), null=True, blank=True)

    class Meta:
        verbose_name = _("điểm ưu tiên")
        verbose_name_plural = _("điểm ưu tiên")
        constraints = [models.UniqueConstraint(fields=["call", "basis"], name="priority_rule_unique")]

    def __str__(self) -> str:
        return f"{self.get_basis_display()} +{self.points}"


# The officers' list's filters that its indexes carry as later key columns (the call, the content and a
# search are rarer, and read other indexes).
LIST_FILTERS = ("state", "enterprise_ward", "due_on")


class Dossier(RemembersLoaded, models.Model):
    """An enterprise's registration (Phiếu đăng ký) and everything that follows from it."""

    remembered = ("enterprise_id", "content_id")  # ``copy_names`` reads a name again only when one changes

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="dossiers")
    call = models.ForeignKey(
        Call, verbose_name=_("đợt đăng ký"), on_delete=models.PROTECT, related_name="dossiers"
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="dossiers"
    )
    content = models.ForeignKey(
        SupportContent, verbose_name=_("nội dung đăng ký hỗ trợ"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("trạng thái"), max_length=24, choices=State.choices, default=State.DRAFT)
    tracking_code = models.CharField(_("mã hồ sơ"), max_length=24, unique=True, null=True, blank=True)
    # The registration form (Phiếu đăng ký).
    title = models.CharField(_("tên nhiệm vụ"), max_length=255)
    objectives = models.TextField(_("mục tiêu"), blank=True)
    expected_results = models.TextField(_("kết quả dự kiến"), blank=True)
    total_cost_vnd = models.BigIntegerField(
        _("tổng kinh phí thực hiện (đồng)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    requested_support_vnd = models.BigIntegerField(
        _("kinh phí đề nghị hỗ trợ (đồng)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    period_start = models.DateField(_("thời gian thực hiện từ"), null=True, blank=True)
    period_end = models.DateField(_("đến"), null=True, blank=True)
    consultant = models.CharField(_("đơn vị tư vấn (nếu có)"), max_length=255, blank=True)
    other_state_support = models.BooleanField(_("đã nhận hỗ trợ khác từ ngân sách nhà nước"), default=False)
    other_state_support_detail = models.TextField(_("chi tiết hỗ trợ khác"), blank=True)
    uses_domestic_materials = models.BooleanField(_("sử dụng nguyên liệu trong nước"), default=False)
    export_potential = models.BooleanField(
        _("sản phẩm có tiềm năng xuất khẩu/thay thế nhập khẩu"), default=False
    )
    jobs_created = models.PositiveIntegerField(_("số việc làm tạo thêm"), default=0)
    # What the workflow computes and keeps.
    form_snapshot = models.JSONField(default=dict, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("ngày nộp"), null=True, blank=True)
    priority_points = models.PositiveSmallIntegerField(_("điểm ưu tiên"), default=0)
    duplicate_override_reason = models.TextField(_("lý do chấp nhận khi trùng hỗ trợ"), blank=True)
    duplicate_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    due_step = models.CharField(_("việc phải làm trước hạn"), max_length=60, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Copies of the enterprise's name and ward and of the support content's name, so that the list sorted by
    # a name, or filtered by ward, reads a page from an index of the dossier's own instead of joining every
    # dossier to its enterprise. ``save`` fills them; ``receivers`` follows an enterprise or a content that
    # changes (and the registry import's ``enterprises_changed``).
    enterprise_name = models.CharField(max_length=255, default="", editable=False)
    enterprise_ward = models.CharField(max_length=6, default="", editable=False)
    content_name = models.CharField(max_length=200, default="", editable=False)

    class Meta:
        verbose_name = _("hồ sơ đăng ký hỗ trợ")
        verbose_name_plural = _("hồ sơ đăng ký hỗ trợ")
        ordering = ["-created_at", "-id"]
        # Every sort of the officers' list reads a page in order from an index (agency, sort…, id) that
        # carries the list's other filters as later key columns (``core.indexes.list_index``): a dossier of
        # another state, ward or due date is skipped in the index, without reading its row. The descending
        # orders that keep the undated last (NULLS LAST) have their indexes on PostgreSQL only (migration 0007:
        # SQLite indexes take no NULLS LAST, and its lists are small).
        indexes = [
            models.Index(fields=["agency", "call", "state"]),
            models.Index(fields=["enterprise", "content"]),
            list_index("dossier_list_newest", "-created_at", "-id", filters=LIST_FILTERS),
            list_index("dossier_list_submitted", "-submitted_at", "-id", filters=LIST_FILTERS),
            list_index("dossier_list_priority", "-priority_points", "-id", filters=LIST_FILTERS),
            list_index("dossier_list_due", "due_on", "id", filters=LIST_FILTERS),
            list_index("dossier_list_code", "tracking_code", "id", filters=LIST_FILTERS),
            # By state, newest first within a state, either way; a state's dossiers by due date.
            list_index("dossier_list_state", "state", "-created_at", "-id", filters=LIST_FILTERS),
            list_index("dossier_list_state_desc", "-state", "-created_at", "-id", filters=LIST_FILTERS),
            list_index("dossier_list_state_due", "state", "due_on", "id", filters=LIST_FILTERS),
            list_index("dossier_list_enterprise", "enterprise_name", "id", filters=LIST_FILTERS),
            list_index("dossier_list_content", "content_name", "id", filters=LIST_FILTERS),
            list_index("dossier_list_ward", "enterprise_ward", "-created_at", "-id", filters=LIST_FILTERS),
        ]

    def __str__(self) -> str:
        return self.tracking_code or f"#{self.pk} {self.title}"

    def save(self, *args, **kwargs) -> None:
        if kwargs.get("update_fields") is None:
            self.copy_names()
        super().save(*args, **kwargs)

    def copy_names(self) -> None:
        """Copy the enterprise's name and ward and the content's name: from the related objects at hand, and
        read only for a new dossier or a changed enterprise or content (``receivers`` follows a rename)."""
        if self._needs_names("enterprise", self.enterprise_name):
            self.enterprise_name = self.enterprise.name
            self.enterprise_ward = self.enterprise.ward_id or ""
        if self._needs_names("content", self.content_name):
            self.content_name = self.content.name

    def _needs_names(self, relation: str, copied: str) -> bool:
        return bool(getattr(self, f"{relation}_id")) and (
            not copied or relation in self._state.fields_cache or self.changed_since_loaded(f"{relation}_id")
        )


class Revision(models.Model):
    """The form as submitted, each time: the fields and the form's own definition at that moment."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("lần nộp"))
    data = models.JSONField(default=dict)
    form_definition = models.JSONField(default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần nộp hồ sơ")
        verbose_name_plural = _("các lần nộp hồ sơ")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="revision_number_unique")]

    def __str__(self) -> str:
        return f"{self.dossier} #{self.number}"


class Attachment(models.Model):
    """A file joined to a dossier; stored under a random name, served only to those allowed."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="attachments")
    kind = models.CharField(_("loại giấy tờ"), max_length=40)
    file = models.FileField(_("tệp"), upload_to="dossiers/%Y/%m/", max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    is_current = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["kind", "-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


# The history's entry that records a comment, written with it (``services.dossiers.add_comment``).
COMMENTED = "add_comment"


class Comment(models.Model):
    """A comment on the dossier's timeline. Internal comments are for staff only."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("nội dung"))
    internal = models.BooleanField(_("chỉ cán bộ xem"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến")
        verbose_name_plural = _("ý kiến")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.body[:60]


class EligibilityCheck(models.Model):
    """One hard condition (DOMAIN-FACTS §5) checked by an officer, with its evidence."""

    class Item(models.TextChoices):
        BUSINESS_LINE = "business_line", _("Hoạt động đúng ngành nghề đăng ký kinh doanh")
        TAX = "tax", _("Hoàn thành nghĩa vụ thuế")
        SOCIAL_INSURANCE = "social_insurance", _("Hoàn thành nghĩa vụ bảo hiểm xã hội")
        ENVIRONMENT = "environment", _("Tuân thủ quy định về bảo vệ môi trường")
        NO_OTHER_SUPPORT = "no_other_support", _("Không nhận hỗ trợ khác cho cùng nội dung")

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="eligibility")
    item = models.CharField(_("điều kiện"), max_length=30, choices=Item.choices)
    met = models.BooleanField(_("đáp ứng"), default=False)
    evidence = models.CharField(_("căn cứ, minh chứng"), max_length=500, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điều kiện hỗ trợ")
        verbose_name_plural = _("kiểm tra điều kiện")
        constraints = [models.UniqueConstraint(fields=["dossier", "item"], name="eligibility_item_unique")]

    def __str__(self) -> str:
        return self.get_item_display()


class SupplementRequest(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="supplement_requests")
    items = models.TextField(_("nội dung cần bổ sung"))
    deadline = models.DateField(_("hạn bổ sung"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu bổ sung")
        verbose_name_plural = _("yêu cầu bổ sung")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return self.items[:60]


class Visit(models.Model):
    """An on-site survey (before the council) or inspection (before acceptance)."""

    class Kind(models.TextChoices):
        SURVEY = "survey", _("Khảo sát thực tế")
        INSPECTION = "inspection", _("Kiểm tra thực tế")

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    visited_on = models.DateField(_("ngày"))
    participants = models.TextField(_("thành phần tham gia"))
    findings = models.TextField(_("kết quả, nhận xét"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khảo sát, kiểm tra")
        verbose_name_plural = _("khảo sát, kiểm tra")
        ordering = ["-visited_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.visited_on}"


class VisitPhoto(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="photos")
    file = models.FileField(_("ảnh"), upload_to="visits/%Y/%m/", max_length=200)
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)

    def __str__(self) -> str:
        return self.caption or self.file.name


class TrackingCounter(models.Model):
    """The last tracking number given in a series (an agency's prefix and a year, ``CT-2026``); numbers
    only go up, so a code is never given twice."""

    series = models.CharField(max_length=16, unique=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm mã hồ sơ")
        verbose_name_plural = _("bộ đếm mã hồ sơ")

    def __str__(self) -> str:
        return f"{self.series}: {self.last}"
