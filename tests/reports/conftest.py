import pytest

from nangsuat.core.roles import Role
from tests.core.factories import UserFactory

from .factories import report_records


@pytest.fixture
def officer(can_tho):
    return UserFactory(
        role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà", position="Chuyên viên"
    )


@pytest.fixture
def director(can_tho):
    return UserFactory(role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh", position="Giám đốc Sở")


@pytest.fixture
def records(can_tho):
    return report_records(can_tho)


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    """Pages are tested with force_login; the TOTP step has its own tests."""
    settings.STAFF_MFA_REQUIRED = False
