"""The productivity database (Kế hoạch 14, III.2.c): each enterprise's figures for a year beyond those of
the registry, the indicators computed from them, and the benchmarks precomputed from the indicators.

Employees, revenue and capital are **not** kept here: the registry's ``EnterpriseYear`` already holds
them per year as the basis of the SME size (Nghị định 80/2021), and one figure in two tables would drift
apart. The productivity page and API write them through ``registry.services.set_year_figures`` and read
them from there, so the registry's size class and these indicators always use the same headcount. What
the registry does not hold is here, one row per enterprise and year (``EnterpriseFigures``), each figure
with its source and the user who entered it in ``sources`` (``{field: {"source", "by", "at"}}``).

The indicators of a row (``measures.py``) are stored beside its figures when the row is written and
recomputed by ``refresh-benchmarks``, so the benchmarks read plain columns: no request scans all rows.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency
from nangsuat.registry.models import Enterprise

FIRST_YEAR = 2000


class Source(models.TextChoices):
    ENTERPRISE = "enterprise", _("Doanh nghiệp tự kê khai")
    OFFICER = "officer", _("Cán bộ nhập")
    IMPORT = "import", _("Nhập từ tệp")


# The figures of a row, in the order of the forms, the API and the import.
FIGURE_FIELDS = (
    "wages_vnd",
    "depreciation_vnd",
    "operating_surplus_vnd",
    "production_taxes_vnd",
    "value_added_vnd",
    "hours_worked",
    "fixed_assets_vnd",
    "energy_kwh",
    "defect_rate",
)
# The indicators stored beside the figures (names of ``measures.Measures``).
MEASURE_FIELDS = (
    "labour_productivity",
    "labour_productivity_hour",
    "capital_productivity",
    "energy_productivity",
    "labour_productivity_growth",
    "tfp_growth",
)


class EnterpriseFigures(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", db_index=False)
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="productivity_years", db_index=False
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    # Value added by the income approach (DOMAIN-FACTS §8), or given directly when the parts are unknown.
    wages_vnd = models.BigIntegerField(_("thu nhập của người lao động (đồng)"), null=True, blank=True)
    depreciation_vnd = models.BigIntegerField(_("khấu hao tài sản cố định (đồng)"), null=True, blank=True)
    # May be negative: a year of loss.
    operating_surplus_vnd = models.BigIntegerField(_("thặng dư sản xuất (đồng)"), null=True, blank=True)
    production_taxes_vnd = models.BigIntegerField(_("thuế sản xuất (đồng)"), null=True, blank=True)
    value_added_vnd = models.BigIntegerField(
        _("giá trị tăng thêm kê khai trực tiếp (đồng)"), null=True, blank=True
    )
    hours_worked = models.BigIntegerField(_("tổng số giờ làm việc"), null=True, blank=True)
    fixed_assets_vnd = models.BigIntegerField(_("giá trị tài sản cố định (đồng)"), null=True, blank=True)
    energy_kwh = models.BigIntegerField(_("năng lượng sử dụng (kWh quy đổi)"), null=True, blank=True)
    defect_rate = models.DecimalField(
        _("tỷ lệ sản phẩm lỗi (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    sources = models.JSONField(default=dict, blank=True)
    # Denormalised from the registry's year at the last computation, for the benchmarks' grouping.
    employees = models.PositiveIntegerField(null=True, blank=True, editable=False)
    labour_productivity = models.FloatField(null=True, blank=True, editable=False)
    labour_productivity_hour = models.FloatField(null=True, blank=True, editable=False)
    capital_productivity = models.FloatField(null=True, blank=True, editable=False)
    energy_productivity = models.FloatField(null=True, blank=True, editable=False)
    labour_productivity_growth = models.FloatField(null=True, blank=True, editable=False)
    tfp_growth = models.FloatField(null=True, blank=True, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu năng suất năm")
        verbose_name_plural = _("số liệu năng suất theo năm")
        ordering = ["enterprise", "year"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="productivity_figures_unique"),
            models.CheckConstraint(
                condition=models.Q(year__gte=FIRST_YEAR), name="productivity_year_from_2000"
            ),
        ]
        indexes = [models.Index(fields=["agency", "year"], name="productivity_agency_year")]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.year}"


ALL = ""  # a benchmark dimension not split on


class Benchmark(models.Model):
    """One cell of the benchmarks: an agency, a year, a VSIC section (and division), a size class, a ward
    (each ``""`` for all), a measure; its count and quartiles. Rewritten whole by ``refresh_benchmarks``."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+", db_index=False)
    year = models.PositiveSmallIntegerField()
    vsic_section = models.CharField(max_length=1, blank=True)
    vsic_division = models.CharField(max_length=2, blank=True)
    size_class = models.CharField(max_length=10, blank=True)
    ward = models.CharField(max_length=10, blank=True)
    measure = models.CharField(max_length=40)
    n = models.PositiveIntegerField()
    p25 = models.FloatField()
    median = models.FloatField()
    p75 = models.FloatField()
    refreshed_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["agency", "year", "vsic_section", "size_class", "ward", "vsic_division"],
                name="benchmark_cell",
            ),
            # One indicator across groups (the distribution chart, the years covered).
            models.Index(
                fields=["agency", "measure", "vsic_section", "size_class", "ward", "vsic_division", "year"],
                name="benchmark_measure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.vsic_section or '*'} {self.size_class or '*'} {self.measure}"
