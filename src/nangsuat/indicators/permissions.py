"""Who reads the indicators and who sets the agency's targets. Decisions carry the reason shown on the page."""

from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import User
from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import AGENCY_READERS, NATIONAL_ROLES, TARGET_SETTERS


def can_read_indicators(user: User) -> Decision:
    """The agency's readers read its figures; the ministry reads every agency's."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role in AGENCY_READERS:
        return ALLOW
    return deny(_("Bảng điều hành dành cho cán bộ quản lý Chương trình."))


def can_compare_agencies(user: User) -> Decision:
    """All provinces side by side: the ministry (and a national administrator)."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role in NATIONAL_ROLES or user.sees_all_agencies:
        return ALLOW
    return deny(_("Trang tổng hợp các tỉnh, thành phố dành cho Bộ Khoa học và Công nghệ."))


def can_set_targets(user: User) -> Decision:
    """The agency's director or administrator sets its targets."""
    if not user.is_authenticated or not user.is_active:
        return deny(_("Vui lòng đăng nhập."))
    if user.role not in TARGET_SETTERS:
        return deny(_("Chỉ Lãnh đạo Sở hoặc quản trị hệ thống được sửa chỉ tiêu."))
    if user.agency_id is None:
        return deny(_("Tài khoản chưa gắn với cơ quan thực hiện."))
    return ALLOW
