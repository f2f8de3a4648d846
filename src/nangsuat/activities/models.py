"""The programme's activities that the targets of Kế hoạch 14/KH-UBND (I.2) count: training courses and
their participants (lượt cán bộ quản lý), certified productivity experts, dissemination events and the
enterprises they reach, management systems and product conformity certificates, awards and honours.

Every record belongs to one agency; nothing is deleted, a record is withdrawn (``deleted_at``) and drops out
of lists and counts. Codes are stable English strings, labels are translated."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.core.text import fold
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise


class Record(models.Model):
    """What every activity record carries: its agency, who recorded it, and its withdrawal."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class CourseKind(models.TextChoices):
    MANAGER = "manager", _("Đào tạo cán bộ quản lý")
    EXPERT = "expert", _("Đào tạo chuyên gia")
    AWARENESS = "awareness", _("Tập huấn, phổ biến")
    OTHER = "other", _("Khác")


class Course(Record):
    """A training course (khóa đào tạo, tập huấn)."""

    title = models.CharField(_("tên khóa"), max_length=255)
    kind = models.CharField(_("loại khóa"), max_length=20, choices=CourseKind.choices)
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    starts_on = models.DateField(_("ngày bắt đầu"))
    ends_on = models.DateField(_("ngày kết thúc"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=255, blank=True)
    cost_vnd = models.BigIntegerField(_("kinh phí (đồng)"), null=True, blank=True)
    call = models.ForeignKey(
        Call,
        verbose_name=_("đợt đăng ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đợt của Chương trình mà khóa thuộc về, nếu có."),
    )
    registration_open = models.BooleanField(
        _("doanh nghiệp đăng ký trực tuyến"),
        default=False,
        help_text=_("Doanh nghiệp của cơ quan đăng ký người tham gia trên hệ thống đến ngày khóa bắt đầu."),
    )

    class Meta:
        verbose_name = _("khóa đào tạo")
        verbose_name_plural = _("khóa đào tạo")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["agency", "year"], name="activity_course_agency_year")]

    def __str__(self) -> str:
        return self.title


class Person(models.Model):
    """One person across courses. Matched by citizen identity number when given, otherwise by the folded
    full name and the enterprise's tax code (``people.match_person``)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    name_key = models.CharField(max_length=200, editable=False)  # fold(full_name) + "|" + tax code
    identity_number = models.CharField(_("số định danh cá nhân (CCCD)"), max_length=12, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("người tham gia")
        verbose_name_plural = _("người tham gia")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "identity_number"],
                condition=~models.Q(identity_number=""),
                name="activity_person_identity_unique",
            )
        ]
        indexes = [models.Index(fields=["agency", "name_key"], name="activity_person_name_key")]

    def __str__(self) -> str:
        return self.full_name


class Participation(models.Model):
    """One person on one course: a lượt."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=100, blank=True)
    is_manager = models.BooleanField(_("cán bộ quản lý doanh nghiệp"), default=False)
    enterprise = models.ForeignKey(
        Enterprise, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    attended = models.BooleanField(_("có tham dự"), default=True)
    certificate_number = models.CharField(_("số chứng nhận"), max_length=50, blank=True)
    # Registered by its enterprise on line (not attended until an officer marks the attendance).
    registered_online = models.BooleanField(_("đăng ký trực tuyến"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("lượt tham gia")
        verbose_name_plural = _("lượt tham gia")
        ordering = ["full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person"],
                condition=models.Q(deleted_at__isnull=True),
                name="activity_participation_once_per_course",
            )
        ]
        indexes = [models.Index(fields=["enterprise"], name="activity_participation_ent")]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.course}"


class ExpertLevel(models.TextChoices):
    NATIONAL = "national", _("Quốc gia")
    REGIONAL = "regional", _("Khu vực")
    INTERNATIONAL = "international", _("Quốc tế")


class Expert(Record):
    """A productivity expert (chuyên gia năng suất) and their certificate."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="expert_records")
    workplace = models.CharField(_("nơi công tác"), max_length=255, blank=True)
    enterprise = models.ForeignKey(
        Enterprise, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    course = models.ForeignKey(
        Course, null=True, blank=True, on_delete=models.PROTECT, related_name="experts"
    )
    certificate_number = models.CharField(_("số chứng chỉ"), max_length=50, blank=True)
    certified_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan cấp"), max_length=255, blank=True)
    level = models.CharField(_("cấp chứng chỉ"), max_length=20, choices=ExpertLevel.choices)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("chuyên gia năng suất")
        verbose_name_plural = _("chuyên gia năng suất")
        ordering = ["person__full_name", "pk"]

    def __str__(self) -> str:
        return str(self.person)


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị")
    SEMINAR = "seminar", _("Hội thảo")
    WORKSHOP = "workshop", _("Tọa đàm, tập huấn ngắn")
    MEDIA = "media", _("Báo chí, phát thanh, truyền hình")
    VISIT = "visit", _("Tham quan, học tập kinh nghiệm")
    OTHER = "other", _("Khác")


class Event(Record):
    """A dissemination event (thông tin, tuyên truyền) and the enterprises it reached."""

    title = models.CharField(_("tên hoạt động"), max_length=255)
    kind = models.CharField(_("hình thức"), max_length=20, choices=EventKind.choices)
    held_on = models.DateField(_("ngày thực hiện"))
    place = models.CharField(_("địa điểm hoặc cơ quan báo chí"), max_length=255, blank=True)
    audience = models.PositiveIntegerField(_("số người tham dự, tiếp cận"), null=True, blank=True)
    cost_vnd = models.BigIntegerField(_("kinh phí (đồng)"), null=True, blank=True)

    class Meta:
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class EventEnterprise(models.Model):
    """An enterprise reached by an event: each once per event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reached")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)  # taken off the list, kept

    class Meta:
        verbose_name = _("doanh nghiệp được tiếp cận")
        verbose_name_plural = _("doanh nghiệp được tiếp cận")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "enterprise"],
                condition=models.Q(deleted_at__isnull=True),
                name="activity_event_enterprise_once",
            )
        ]
        indexes = [models.Index(fields=["enterprise"], name="activity_event_ent")]

    def __str__(self) -> str:
        return f"{self.event} → {self.enterprise}"


class SystemCertificate(Record):
    """A management system or tool an enterprise applies (ISO 9001, HACCP, 5S…), with its certificate."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="+")
    content = models.ForeignKey(
        SupportContent, verbose_name=_("hệ thống, công cụ"), on_delete=models.PROTECT, related_name="+"
    )
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=50, blank=True)
    certifying_body = models.CharField(_("tổ chức chứng nhận"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hạn"), null=True, blank=True)
    # The programme's dossier that supported it, when recorded on the dossier's acceptance (``receivers``).
    dossier = models.ForeignKey(
        Dossier, null=True, blank=True, editable=False, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("hệ thống quản lý, công cụ")
        verbose_name_plural = _("hệ thống quản lý, công cụ")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.content} — {self.enterprise}"


class ConformityKind(models.TextChoices):
    STANDARD = "standard", _("Hợp chuẩn")
    REGULATION = "regulation", _("Hợp quy")


class ConformityCertificate(Record):
    """A product group certified for conformity: to a standard (hợp chuẩn, TCVN…) or a technical
    regulation (hợp quy, QCVN)."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại chứng nhận"), max_length=20, choices=ConformityKind.choices)
    product_group = models.CharField(_("nhóm sản phẩm"), max_length=255)
    # fold(product_group): one product group of one enterprise, however it is spelt, counts once
    product_group_key = models.CharField(max_length=255, editable=False, default="")
    standard_code = models.CharField(_("số hiệu tiêu chuẩn, quy chuẩn"), max_length=100)
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=50, blank=True)
    certifying_body = models.CharField(_("tổ chức chứng nhận"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hạn"), null=True, blank=True)

    class Meta:
        verbose_name = _("chứng nhận hợp chuẩn, hợp quy")
        verbose_name_plural = _("chứng nhận hợp chuẩn, hợp quy")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.product_group} ({self.standard_code})"

    def save(self, *args, **kwargs) -> None:
        self.product_group_key = fold(self.product_group)
        if kwargs.get("update_fields") is not None and "product_group" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "product_group_key"}
        super().save(*args, **kwargs)


class AwardKind(models.TextChoices):
    NATIONAL_QUALITY = "national_quality", _("Giải thưởng Chất lượng Quốc gia")
    HONOUR = "honour", _("Tôn vinh")
    COMMENDATION = "commendation", _("Khen thưởng")


class Award(Record):
    """An entry for the National Quality Award, an honour or a commendation: of an enterprise or a person."""

    kind = models.CharField(_("loại"), max_length=20, choices=AwardKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("danh hiệu, giải thưởng"), max_length=255)
    enterprise = models.ForeignKey(
        Enterprise, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recipient_name = models.CharField(_("cá nhân được khen"), max_length=150, blank=True)
    result = models.CharField(_("kết quả"), max_length=255, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("giải thưởng, khen thưởng")
        verbose_name_plural = _("giải thưởng, khen thưởng")
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title
