import pytest

from nangsuat.core.demo import CAN_THO, VINH_LONG
from nangsuat.core.models import Agency


@pytest.fixture
def can_tho(db) -> Agency:
    return Agency.objects.get_or_create(code=CAN_THO["code"], defaults=CAN_THO)[0]


@pytest.fixture
def vinh_long(db) -> Agency:
    return Agency.objects.get_or_create(code=VINH_LONG["code"], defaults=VINH_LONG)[0]
