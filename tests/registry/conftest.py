import pytest

from nangsuat.core.roles import Role
from tests.factories import AgencyFactory, UserFactory, some_vsic, some_ward


@pytest.fixture
def officer(db):
    return UserFactory(role=Role.OFFICER, agency=AgencyFactory())


@pytest.fixture
def ward(db):
    return some_ward()


@pytest.fixture
def vsic(db):
    return some_vsic()


@pytest.fixture
def profile(ward, vsic):
    return {"tax_code": "0100233488", "name": "Công ty TNHH Thủy sản Cửu Long", "kind": "company",
            "vsic": vsic, "ward": ward, "address": "Số 12 đường Trần Hưng Đạo, Cần Thơ"}  # fmt: skip
