import pytest

from nangsuat.budget import services
from nangsuat.core.roles import Role
from tests.core.factories import UserFactory
from tests.dossiers.factories import iso_9001


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


@pytest.fixture
def director(can_tho):
    return UserFactory(role=Role.DIRECTOR, agency=can_tho)


@pytest.fixture
def finance(can_tho):
    return UserFactory(role=Role.FINANCE, agency=can_tho)


@pytest.fixture
def estimate(can_tho, officer):
    """A 2026 draft with a support line (ISO 9001: 3 × 150 triệu) and a council line (10 × 1,5 triệu)."""
    draft = services.create_estimate(agency=can_tho, year=2026, actor=officer)
    services.save_line(
        estimate=draft,
        actor=officer,
        data={
            "task": "support",
            "content": iso_9001(),
            "description": "Hỗ trợ áp dụng ISO 9001",
            "quantity": 3,
            "norm_vnd": 150_000_000,
            "unit": "doanh nghiệp",
            "plan_section": "II.2.a",
        },
    )
    services.save_line(
        estimate=draft,
        actor=officer,
        data={
            "task": "council",
            "content": None,
            "description": "Họp hội đồng tư vấn",
            "quantity": 10,
            "norm_vnd": 1_500_000,
            "unit": "buổi",
            "plan_section": "II.3.b",
        },
    )
    return draft
