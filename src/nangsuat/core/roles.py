"""The roles of the product (PRODUCT.md, "Users and roles"). Stable codes; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    OFFICER = "officer", _("Chuyên viên Sở KH&CN")
    DIRECTOR = "director", _("Lãnh đạo Sở KH&CN")
    COUNCIL = "council", _("Thành viên Hội đồng tư vấn")
    FINANCE = "finance", _("Sở Tài chính")
    CITY = "city", _("UBND thành phố")
    MINISTRY = "ministry", _("Bộ KH&CN")
    ADMIN = "admin", _("Quản trị hệ thống")


STAFF_ROLES = frozenset(r for r in Role if r != Role.ENTERPRISE)
# Roles that act on the programme's records of their own agency.
AGENCY_STAFF_ROLES = frozenset({Role.OFFICER, Role.DIRECTOR, Role.COUNCIL, Role.FINANCE, Role.CITY})
# Roles that see every agency's records.
NATIONAL_ROLES = frozenset({Role.MINISTRY})
