"""Agencies (tenancy), users and roles, the audit trail and the working-day calendar."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .errors import Conflict
from .roles import NATIONAL_ROLES, STAFF_ROLES, Role


class Agency(models.Model):
    """An implementing agency: one province's Department of Science and Technology."""

    code = models.SlugField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên cơ quan"), max_length=200)
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=200)
    province_code = models.CharField(_("mã tỉnh/thành phố"), max_length=4)
    place_name = models.CharField(_("địa danh ghi trên văn bản"), max_length=60)
    doc_symbol = models.CharField(_("ký hiệu viết tắt trên văn bản"), max_length=20, default="SKHCN")

    class Meta:
        verbose_name = _("cơ quan thực hiện")
        verbose_name_plural = _("cơ quan thực hiện")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """A superuser (``createsuperuser``) is a national administrator: the admin role, no agency."""
        extra_fields.setdefault("role", Role.ADMIN)
        extra_fields.setdefault("agency", None)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person using the product. Never deleted once the case file names them (every foreign key to a
    user from the case file protects it): an account is deactivated instead, on the staff pages."""

    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.ENTERPRISE)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email_notifications = models.BooleanField(_("nhận thông báo qua thư điện tử"), default=True)
    # The language the person last chose with the switch: their notifications and e-mails speak it.
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")

    objects = UserManager()

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def sees_all_agencies(self) -> bool:
        return self.role in NATIONAL_ROLES or self.is_national_admin

    @property
    def is_national_admin(self) -> bool:
        """An administrator bound to no agency: the only one who creates accounts bound to none."""
        return self.role == Role.ADMIN and self.agency_id is None

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and self.is_active and self.role in roles


AUDIT_IS_APPEND_ONLY = _("Nhật ký thao tác chỉ được ghi thêm: không sửa, không xóa.")


class AuditEntry(models.Model):
    """One state change: who, when, what, from which state to which, and why.

    Append-only, for everyone: an entry is written once (``core.audit.record_audit``), never saved again
    nor deleted, one by one, in bulk or by a cascade (``refuse_audit_deletion``); the actor it names and
    the type of its target are protected."""

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("hành động"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=40)
    target = GenericForeignKey("content_type", "object_id")
    from_state = models.CharField(_("từ trạng thái"), max_length=40, blank=True)
    to_state = models.CharField(_("sang trạng thái"), max_length=40, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.action} {self.content_type_id}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise Conflict(AUDIT_IS_APPEND_ONLY)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise Conflict(AUDIT_IS_APPEND_ONLY)


@receiver(pre_delete, sender=AuditEntry)
def refuse_audit_deletion(sender, instance, **kwargs):
    """A queryset's delete and a cascade bypass ``AuditEntry.delete``; the signal they send does not."""
    raise Conflict(AUDIT_IS_APPEND_ONLY)


class Holiday(models.Model):
    """A day of the working-day calendar that differs from the Monday–Friday rule."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Ngày lễ, Tết")
        DAY_OFF = "day_off", _("Ngày nghỉ bù")
        WORKDAY = "workday", _("Ngày làm bù (thứ Bảy/Chủ nhật đi làm)")

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên"), max_length=150)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.HOLIDAY)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ/làm bù")
        verbose_name_plural = _("lịch ngày nghỉ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class Job(models.Model):
    """A long job run by the queue's worker (an import, a report), with its progress for the page to poll."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(_("loại"), max_length=40)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    input_file = models.FileField(upload_to="jobs/input/%Y/%m/", blank=True)
    output_file = models.FileField(upload_to="jobs/output/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    # The queue's side (core/jobs.py): what runs, how many runs began, the worker's last sign of life.
    runner = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tác vụ nền")
        verbose_name_plural = _("tác vụ nền")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0


class ScheduledRun(models.Model):
    """One run of scheduled work (core/schedule.py), claimed by the first worker that reaches it: the
    unique pair keeps two workers from queueing the same run twice."""

    name = models.CharField(max_length=60)
    slot = models.CharField(max_length=40)
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="scheduled_run_once")]

    def __str__(self) -> str:
        return f"{self.name} {self.slot}"


# What ``str(user)`` reads: a page that only names the people who acted reads these of them.
USER_NAME_FIELDS = ("full_name", "username")


def with_user_names(qs: models.QuerySet, *relations: str, leave: tuple[str, ...] = ()) -> models.QuerySet:
    """``qs`` with the users at ``relations`` joined, reading only their names (``USER_NAME_FIELDS``), not their
    twenty-odd columns: for timelines and lists that show who acted and nothing else of them. ``leave``: own
    fields not to read either (a ``defer`` after this would read the users whole again)."""
    own = [f.name for f in qs.model._meta.concrete_fields if f.name not in leave]
    names = [f"{relation}__{field}" for relation in relations for field in USER_NAME_FIELDS]
    return qs.select_related(*relations).only(*own, *names)
