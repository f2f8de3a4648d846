"""The enterprise registry: enterprises, cooperatives, household businesses; their yearly figures,
contacts, and the users who act for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nangsuat.core.indexes import list_index
from nangsuat.core.loaded import RemembersLoaded
from nangsuat.core.models import Agency
from nangsuat.reference.models import VsicCode, Ward


class EnterpriseKind(models.TextChoices):
    COMPANY = "company", _("Doanh nghiệp")
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    HOUSEHOLD = "household", _("Hộ kinh doanh")
    ESTABLISHMENT = "establishment", _("Cơ sở sản xuất kinh doanh")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Siêu nhỏ")
    SMALL = "small", _("Nhỏ")
    MEDIUM = "medium", _("Vừa")
    LARGE = "large", _("Lớn (không thuộc DNNVV)")


LIST_FILTERS = ("ward", "vsic_section", "kind", "size_class")


class Enterprise(RemembersLoaded, models.Model):
    remembered = ("name", "ward_id")  # copied by the records that sort or filter on them

    # Foreign keys without an index of their own: the composite indexes below start with the agency, and
    # ward and VSIC codes are only ever filtered within an agency. Fewer indexes, faster bulk imports.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="enterprises", db_index=False)
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(
        _("loại hình"), max_length=20, choices=EnterpriseKind.choices, default=EnterpriseKind.COMPANY
    )
    # Empty only on a provisional entry, added from a programme activity's list (a tax code and a name):
    # an officer completes it (``is_provisional``).
    vsic = models.ForeignKey(
        VsicCode,
        verbose_name=_("ngành kinh tế chính (VSIC)"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        null=True,
        blank=True,
    )
    vsic_section = models.CharField(max_length=1, editable=False)
    ward = models.ForeignKey(
        Ward,
        verbose_name=_("xã/phường"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        null=True,
        blank=True,
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    representative = models.CharField(_("người đại diện theo pháp luật"), max_length=150, blank=True)
    representative_title = models.CharField(_("chức vụ người đại diện"), max_length=100, blank=True)
    # Where the programme pays the support (the contract and the request to the State Treasury print it).
    bank_account = models.CharField(_("số tài khoản ngân hàng"), max_length=20, blank=True)
    bank_name = models.CharField(_("ngân hàng"), max_length=150, blank=True)
    bank_branch = models.CharField(_("chi nhánh ngân hàng"), max_length=150, blank=True)
    founded_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    # Latest year's figures, denormalised from EnterpriseYear for lists, filters and the SME size.
    latest_year = models.PositiveSmallIntegerField(_("năm số liệu"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("lao động tham gia BHXH"), null=True, blank=True)
    revenue_vnd = models.BigIntegerField(_("doanh thu (đồng)"), null=True, blank=True)
    capital_vnd = models.BigIntegerField(_("tổng nguồn vốn (đồng)"), null=True, blank=True)
    size_class = models.CharField(_("quy mô"), max_length=10, choices=SizeClass.choices, blank=True)
    # Diacritic-folded name + tax code + address, for search on SQLite and ranking everywhere.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The history is read per enterprise (by id) and by date; the other columns need no index there.
    history = HistoricalRecords(
        excluded_fields=["search_text", "updated_at"],
        no_db_index=["agency", "vsic", "ward", "vsic_section", "size_class"],
    )

    class Meta:
        verbose_name = _("doanh nghiệp")
        verbose_name_plural = _("doanh nghiệp")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "tax_code"], name="enterprise_tax_code_unique_per_agency"
            ),
        ]
        # Every filter and sort of the officers' list reads an index that starts with the agency and the
        # sort (after the filter it sorts within, where there is one), ends with the id that breaks ties,
        # and carries the other filters as key columns (``core.indexes.list_index``). A page stops after its
        # rows.
        indexes = [
            list_index("enterprise_list_name", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_tax", "tax_code", filters=LIST_FILTERS),
            list_index("enterprise_list_ward", "ward", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_section", "vsic_section", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_section_vsic", "vsic_section", "vsic", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_kind", "kind", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_size", "size_class", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_vsic", "vsic", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_revenue", "revenue_vnd", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_employees", "employees", "name", filters=LIST_FILTERS),
            list_index("enterprise_list_updated", "updated_at", filters=LIST_FILTERS),
            # A ward's enterprises of one kind by tax code (an officer's list of a ward's cooperatives): the
            # page reads its rows in order, instead of every enterprise of the ward and a sort.
            models.Index(fields=["agency", "ward", "kind", "tax_code"], name="enterprise_ward_kind_tax"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_provisional(self) -> bool:
        """Added from an activity's list with a tax code and a name only: its line and ward are owed."""
        return self.vsic_id is None or self.ward_id is None


class EnterpriseYear(models.Model):
    """An enterprise's figures for one year (Nghị định 80/2021: average insured staff, revenue, capital)."""

    # Indexed by the (enterprise, year) unique constraint.
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="years", db_index=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    employees = models.PositiveIntegerField(_("lao động tham gia BHXH bình quân năm"))
    revenue_vnd = models.BigIntegerField(_("tổng doanh thu (đồng)"), null=True, blank=True)
    capital_vnd = models.BigIntegerField(_("tổng nguồn vốn (đồng)"), null=True, blank=True)

    class Meta:
        verbose_name = _("số liệu năm")
        verbose_name_plural = _("số liệu theo năm")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="enterprise_year_unique"),
            models.CheckConstraint(
                condition=models.Q(revenue_vnd__gte=0) | models.Q(revenue_vnd__isnull=True),
                name="enterprise_year_revenue_non_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(capital_vnd__gte=0) | models.Q(capital_vnd__isnull=True),
                name="enterprise_year_capital_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}"


class Contact(models.Model):
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="contacts")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=100, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        verbose_name = _("người liên hệ")
        verbose_name_plural = _("người liên hệ")

    def __str__(self) -> str:
        return self.full_name


class EnterpriseMembership(models.Model):
    """A user acting for an enterprise. Claimed by tax code at sign-up, confirmed by an officer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã xác nhận")
        REJECTED = "rejected", _("Từ chối")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("liên kết người dùng – doanh nghiệp")
        verbose_name_plural = _("liên kết người dùng – doanh nghiệp")
        constraints = [models.UniqueConstraint(fields=["user", "enterprise"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} → {self.enterprise}"
