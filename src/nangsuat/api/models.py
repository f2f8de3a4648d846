"""API tokens: a random secret shown once, stored only as its SHA-256 digest."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiTokenQuerySet(models.QuerySet):
    def in_use(self) -> "ApiTokenQuerySet":
        """Neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên gợi nhớ"), max_length=100, blank=True)
    # The first characters of the token, kept in clear so a person can tell tokens apart.
    prefix = models.CharField(_("tiền tố"), max_length=12, db_index=True)
    # A token carries 256 random bits, so a fast digest is enough; a password hash would only slow each call.
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("lần dùng gần nhất"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thời điểm thu hồi"), null=True, blank=True)
    # A token leaked into a script or a log stops working by itself (``settings.API_TOKEN_LIFETIME_DAYS``).
    expires_at = models.DateTimeField(_("hết hạn lúc"))

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("khóa truy cập API")
        verbose_name_plural = _("khóa truy cập API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()


class IdempotentRequest(models.Model):
    """A POST sent with an ``Idempotency-Key``: its first answer, replayed when the same caller sends the
    same key again (``api/idempotency.py``). The caller is the hash of its credentials; the body's hash
    tells a retry from a different request reusing the key."""

    caller = models.CharField(max_length=64)
    key = models.CharField(max_length=200)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=300)
    body_sha256 = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True)  # None while the first request runs
    content_type = models.CharField(max_length=100, blank=True)
    body = models.BinaryField(default=b"")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "idempotent request"
        constraints = [models.UniqueConstraint(fields=["caller", "key"], name="idempotent_request_unique")]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.method} {self.path} [{self.key}]"
