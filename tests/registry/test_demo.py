import io

import pytest

from nangsuat.demo import accounts as core_demo
from nangsuat.demo import enterprises as demo
from nangsuat.registry.models import Enterprise, EnterpriseMembership, EnterpriseYear

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_realistic(monkeypatch):
    monkeypatch.setattr(demo, "COUNT", 40)
    core_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    counts = (Enterprise.objects.count(), EnterpriseYear.objects.count())
    demo.seed(io.StringIO())
    assert (Enterprise.objects.count(), EnterpriseYear.objects.count()) == counts == (40, counts[1])
    assert counts[1] >= 80
    mekong = EnterpriseMembership.objects.get(user__username="enterprise", status="confirmed").enterprise
    assert mekong.name == "Công ty TNHH Chế biến Thực phẩm Mekong Xanh" and mekong.size_class == "small"
    assert all(e.size_class for e in Enterprise.objects.all())
    assert {e.kind for e in Enterprise.objects.all()} >= {"company", "cooperative"}
    assert any(ch in "ăâđêôơư" for e in Enterprise.objects.all() for ch in e.name.lower())
