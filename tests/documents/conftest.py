import pytest

from nangsuat.core.roles import Role
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import enterprise_user


@pytest.fixture
def officer(can_tho):
    return UserFactory(
        role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà", position="Chuyên viên"
    )


@pytest.fixture
def director(can_tho):
    return UserFactory(role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh", position="Giám đốc Sở")


@pytest.fixture
def dossier(can_tho):
    """A dossier just submitted."""
    return DossierFactory(call__agency=can_tho, state=State.SUBMITTED)


@pytest.fixture
def owner(dossier):
    return enterprise_user(dossier.enterprise)


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    """Pages are tested with force_login; the TOTP step has its own tests."""
    settings.STAFF_MFA_REQUIRED = False
