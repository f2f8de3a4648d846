"""The enterprise's home and the public home show the open call with its deadline, the dossier's next
step and due date, and the contract's deadline; the call page reads as a procedure card."""

import pytest

from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.dossiers.factories import make_call, make_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enterprise_sees_call_deadline_next_step_and_procedure(page, can_tho):
    from django.utils import timezone

    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    call = make_call(agency=can_tho, actor=officer, title="Đợt đăng ký hỗ trợ năm 2026")
    enterprise = EnterpriseFactory(agency=can_tho, name="Công ty CP Gạo Ninh Kiều")
    owner = enterprise_user(enterprise, full_name="Ngô Thị Kim Yến")
    asked = make_dossier(call=call, enterprise=enterprise, state="needs_supplement", title="Áp dụng 5S")
    Dossier.objects.filter(pk=asked.pk).update(due_on=timezone.localdate() + timezone.timedelta(days=4))

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/")
    calls = page.locator("#open-calls").locator("..")
    assert "Đợt đăng ký hỗ trợ năm 2026" in calls.inner_text() and "Hạn nộp hồ sơ" in calls.inner_text()
    screenshot(page, "glance-public-home-1366")

    login(page, owner)
    page.goto("/app/")
    mine = page.locator("#my-dossiers").locator("..").inner_text()
    assert "Việc của bạn: Bổ sung hồ sơ" in mine and "còn 4 ngày" in mine
    screenshot(page, "glance-enterprise-home-1366")
    page.get_by_role("link", name="Xem thủ tục và lập hồ sơ").first.click()
    page.wait_for_load_state()
    card = page.locator("section.procedure").inner_text()
    assert "Thành phần hồ sơ" in card and "Phiếu đăng ký có chữ ký, đóng dấu" in card
    screenshot(page, "glance-call-procedure-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "glance-call-procedure-390")
    page.goto("/app/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "glance-enterprise-home-390")
