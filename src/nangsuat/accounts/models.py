"""An enterprise named at sign-up, held with the account until its e-mail is verified.

Sign-up writes nothing to the registry: an unverified address could otherwise fill the registry with
records, or claim any enterprise, from a form anyone can post. Verification files the claim
(``services.file_signup_claim``) and deletes this row."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.reference.models import VsicCode, Ward
from nangsuat.registry.models import EnterpriseKind


class SignupClaim(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signup_claim"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    tax_code = models.CharField(_("mã số thuế"), max_length=20)
    # What the claimant says of the enterprise: a new registry record is made of it when the tax code is
    # not registered yet; a registered enterprise keeps its own record.
    enterprise_name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    kind = models.CharField(_("loại hình"), max_length=20, choices=EnterpriseKind.choices)
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="+")
    vsic = models.ForeignKey(VsicCode, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu đăng ký chờ xác nhận e-mail")
        verbose_name_plural = _("yêu cầu đăng ký chờ xác nhận e-mail")

    def __str__(self) -> str:
        return f"{self.user} → {self.tax_code}"
