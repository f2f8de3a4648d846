import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.factories import AgencyFactory, UserFactory
from tests.reference.factories import some_vsic, some_ward


def staff_user(**kwargs):
    """A staff user with TOTP enrolled, so the pages do not send it to the second-factor set-up."""
    kwargs.setdefault("role", Role.OFFICER)
    user = UserFactory(**kwargs)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


@pytest.fixture
def officer(db):
    return staff_user(role=Role.OFFICER, agency=AgencyFactory())


@pytest.fixture
def ward(db):
    return some_ward()


@pytest.fixture
def vsic(db):
    return some_vsic()


@pytest.fixture
def profile(ward, vsic):
    return {
        "tax_code": "0100233488",
        "name": "Công ty TNHH Thủy sản Cửu Long",
        "kind": "company",
        "vsic": vsic,
        "ward": ward,
        "address": "Số 12 đường Trần Hưng Đạo, Cần Thơ",
    }
