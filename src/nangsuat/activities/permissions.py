"""Who reads and who records the programme's activities. Decisions carry the reason shown on the page."""

from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import User
from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import ACTIVITY_RECORDERS, AGENCY_READERS, Role


def can_read_activities(user: User) -> Decision:
    """The agency's readers read its records; an enterprise reads its own (the selectors cut them)."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role in AGENCY_READERS or user.role == Role.ENTERPRISE:
        return ALLOW
    return deny(_("Vai trò của bạn không xem hoạt động của chương trình."))


def can_read_register(user: User) -> Decision:
    """The registers of every record (lists, export): the agency's readers only."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role in AGENCY_READERS:
        return ALLOW
    return deny(_("Trang này dành cho cán bộ quản lý."))


def can_record_activities(user: User) -> Decision:
    """Create, change, withdraw and import: the agency's officers (and its administrator)."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role not in ACTIVITY_RECORDERS:
        return deny(_("Vai trò của bạn chỉ được xem hoạt động của chương trình."))
    if user.agency_id is None:
        return deny(_("Tài khoản chưa gắn với cơ quan thực hiện."))
    return ALLOW


def sees_personal_data(user: User, agency_id: int) -> bool:
    """Identity numbers and phones of a course's participants: the staff of the course's agency only — not an
    enterprise, not the ministry, not another agency."""
    return user.is_authenticated and user.role in AGENCY_READERS and user.agency_id == agency_id
