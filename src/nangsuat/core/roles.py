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

# --- Who does what: each set named once, used by every app ----------------------------------------
# Read the agency's programme records: registry, contracts, document register, the office's lists.
AGENCY_READERS = frozenset({Role.OFFICER, Role.DIRECTOR, Role.ADMIN, Role.MINISTRY, Role.CITY, Role.FINANCE})
# Manage the programme: calls, the registry's records, redrawing documents.
PROGRAMME_MANAGERS = frozenset({Role.OFFICER, Role.DIRECTOR, Role.ADMIN})
# The Department of Science and Technology itself.
DEPARTMENT = frozenset({Role.OFFICER, Role.DIRECTOR})
# Follow councils' progress and the office's activity without sitting on a council.
COUNCIL_FOLLOWERS = frozenset({Role.OFFICER, Role.DIRECTOR, Role.ADMIN, Role.MINISTRY})
# May sit on an advisory council (DOMAIN-FACTS §2: experts, and the Department of Finance).
COUNCIL_SEATS = frozenset({Role.COUNCIL, Role.FINANCE})
# Read the list of dossiers proposed to the city.
CITY_LIST_READERS = frozenset({Role.DIRECTOR, Role.OFFICER, Role.CITY, Role.ADMIN, Role.MINISTRY})
# Comment on a dossier, where its enterprise reads them: the roles that act on it (its enterprise's members,
# the Department). The others read it only: the city, the ministry, finance (it appraises the budget and
# scores on a council through its sheet, as council members do) and administrators.
DOSSIER_COMMENTERS = frozenset({Role.ENTERPRISE, Role.OFFICER, Role.DIRECTOR})
# Confirm or refuse an enterprise user's claim to represent an enterprise.
MEMBERSHIP_DECIDERS = frozenset({Role.OFFICER, Role.ADMIN})
# Record the programme's activities (courses, experts, events, certificates, awards); the other agency
# readers read them only.
ACTIVITY_RECORDERS = frozenset({Role.OFFICER, Role.ADMIN})
# Set the agency's targets for the plan's indicators (the plan's own figures otherwise).
TARGET_SETTERS = frozenset({Role.DIRECTOR, Role.ADMIN})
