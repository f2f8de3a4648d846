"""Reference data, each set versioned with its legal basis: administrative units (after 01/7/2025),
VSIC 2018 (Quyết định 27/2018/QĐ-TTg) and the catalogue of support contents."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.text import fold, nfc


class Province(models.Model):
    code = models.CharField(_("mã"), max_length=4, primary_key=True)
    name = models.CharField(_("tên"), max_length=100)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tỉnh/thành phố")
        verbose_name_plural = _("tỉnh/thành phố")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Ward(models.Model):
    """A commune-level unit (phường, xã, đặc khu)."""

    code = models.CharField(_("mã"), max_length=6, primary_key=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="wards")
    name = models.CharField(_("tên"), max_length=100)
    division_type = models.CharField(_("loại"), max_length=20)
    name_folded = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        verbose_name = _("xã/phường")
        verbose_name_plural = _("xã/phường")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The folded name is derived from the name, for diacritic-insensitive search.
        self.name = nfc(self.name)
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)


class VsicCode(models.Model):
    """One code of VSIC 2018 at any of its 5 levels; ``code`` keeps leading zeros (A, 01, 011, 0111, 01110)."""

    code = models.CharField(_("mã"), max_length=5, primary_key=True)
    level = models.PositiveSmallIntegerField(_("cấp"))
    section = models.CharField(_("ngành cấp 1"), max_length=1, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField(_("tên ngành"), max_length=300)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ngành kinh tế (VSIC 2018)")
        verbose_name_plural = _("ngành kinh tế (VSIC 2018)")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class SupportContent(models.Model):
    """One content the programme supports (ISO 9001, 5S, VietGAP...). Editable catalogue."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên nội dung"), max_length=200)
    group = models.CharField(_("nhóm"), max_length=100, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    ordering = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("nội dung hỗ trợ")
        verbose_name_plural = _("danh mục nội dung hỗ trợ")
        ordering = ["ordering", "name"]

    def __str__(self) -> str:
        return self.name
