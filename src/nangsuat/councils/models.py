"""The advisory council of a call (Hội đồng tư vấn, Thông tư 15/2022 Điều 16): its members and their
council roles, conflict-of-interest declarations, score sheets (B8-ĐGNV) and the frozen result.

Records the documents app reads for the council minutes: ``Council`` (name, decision number/date),
``CouncilMember`` (user, position), ``ScoreSheet``/``ScoreLine`` (per member, per criterion) and
``CouncilResult`` (criterion means, total mean, passed, rank, closed_at)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.dossiers.models import Call, Dossier, ScoringCriterion

# Council size (DOMAIN-FACTS §2, seed: 5–9 members including the secretary).
COUNCIL_MIN_MEMBERS = 5
COUNCIL_MAX_MEMBERS = 9


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

    @property
    def agency_id(self) -> int:
        return self.call.agency_id

    def secretary(self) -> "CouncilMember | None":
        return next((m for m in self.members.all() if m.position == CouncilMember.Position.SECRETARY), None)


class CouncilMember(models.Model):
    class Position(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        REVIEWER = "reviewer", _("Ủy viên phản biện")
        MEMBER = "member", _("Ủy viên")
        SECRETARY = "secretary", _("Thư ký")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats")
    position = models.CharField(_("chức danh trong hội đồng"), max_length=12, choices=Position.choices)
    organisation = models.CharField(
        _("cơ quan công tác"),
        max_length=200,
        blank=True,
        help_text=_("Như ghi trong quyết định thành lập Hội đồng; để trống: cơ quan của tài khoản."),
    )

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

    @property
    def agency_id(self) -> int:
        return self.council.call.agency_id


class ConflictDeclaration(models.Model):
    """A member's declaration of interest for one dossier, made before the dossier is shown to them.

    ``has_conflict`` true means the member is recused: they never see the dossier's contents and do not
    score it; their sheet stays out of the mean."""

    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="declarations")
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="conflict_declarations")
    has_conflict = models.BooleanField(_("có xung đột lợi ích"))
    reason = models.TextField(_("lý do"), blank=True)
    declared_at = models.DateTimeField(_("thời điểm khai báo"), auto_now_add=True)

    class Meta:
        verbose_name = _("khai báo xung đột lợi ích")
        verbose_name_plural = _("khai báo xung đột lợi ích")
        constraints = [
            models.UniqueConstraint(fields=["member", "dossier"], name="conflict_declaration_unique")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.dossier}"

    @property
    def agency_id(self) -> int:
        return self.dossier.agency_id


class ScoreSheet(models.Model):
    """One scoring member's sheet for one dossier (Phiếu đánh giá hồ sơ, B8-ĐGNV).

    Created ``pending`` when the dossier is sent to the council; the member's conflict declaration turns
    it ``draft`` (no conflict) or ``recused`` (conflict); submitting makes it ``submitted`` for good."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ khai báo xung đột lợi ích")
        DRAFT = "draft", _("Đang chấm")
        SUBMITTED = "submitted", _("Đã nộp phiếu")
        RECUSED = "recused", _("Không chấm (xung đột lợi ích)")

    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="sheets")
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="score_sheets")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    comment = models.TextField(_("nhận xét chung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("thời điểm nộp phiếu"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiếu đánh giá hồ sơ")
        verbose_name_plural = _("phiếu đánh giá hồ sơ")
        ordering = ["member__id"]
        constraints = [models.UniqueConstraint(fields=["member", "dossier"], name="score_sheet_unique")]
        indexes = [models.Index(fields=["dossier", "status"])]

    def __str__(self) -> str:
        return f"{self.member} — {self.dossier}"

    @property
    def agency_id(self) -> int:
        return self.dossier.agency_id

    @property
    def total(self) -> int | None:
        points = [line.points for line in self.lines.all()]
        if not points or any(p is None for p in points):
            return None
        return sum(points)


class ScoreLine(models.Model):
    """The points one sheet gives one criterion of the call's rubric (0 … criterion.max_points)."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.PROTECT, related_name="lines")
    criterion = models.ForeignKey(ScoringCriterion, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(_("điểm"), null=True, blank=True)
    comment = models.TextField(_("nhận xét"), blank=True)

    class Meta:
        verbose_name = _("điểm theo tiêu chí")
        verbose_name_plural = _("điểm theo tiêu chí")
        ordering = ["criterion__ordering", "criterion__id"]
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"], name="score_line_unique")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.points}"


class CouncilResult(models.Model):
    """The council's aggregate for one dossier. Opened when the dossier is sent to the council; frozen
    (``closed_at``) when the secretary records the recommendation.

    ``criterion_means`` maps each criterion code to its mean as a string with two decimals
    (``{"urgency": "12.50", ...}``); ``total_mean`` is their sum; ``rank`` is the place among the call's
    closed results (total desc, then priority points desc, then submission time asc)."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="results")
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="council_result")
    criterion_means = models.JSONField(_("điểm trung bình theo tiêu chí"), default=dict, blank=True)
    total_mean = models.DecimalField(_("tổng điểm trung bình"), max_digits=6, decimal_places=2, null=True)
    passed = models.BooleanField(_("đạt"), null=True)
    rank = models.PositiveSmallIntegerField(_("thứ hạng"), null=True, blank=True)
    sheet_count = models.PositiveSmallIntegerField(_("số phiếu hợp lệ"), default=0)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("thời điểm chốt kết quả"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("kết quả đánh giá của hội đồng")
        verbose_name_plural = _("kết quả đánh giá của hội đồng")
        ordering = ["rank", "id"]

    def __str__(self) -> str:
        return f"{self.dossier}: {self.total_mean}"

    @property
    def agency_id(self) -> int:
        return self.dossier.agency_id

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None
