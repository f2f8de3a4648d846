"""The enterprise sees what matters to it: the open call and its deadline, each dossier's next step and
due date, its contract's deadline; the call page is a procedure card naming every required paper."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier
from tests.contracts.test_workflow import contracted
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.councils.factories import make_council
from tests.dossiers.factories import make_call, make_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


@pytest.fixture
def call(can_tho):
    return make_call(agency=can_tho, title="Đợt đăng ký hỗ trợ năm 2026")


def test_call_page_is_a_procedure_card_naming_the_papers(call):
    owner = enterprise_user(EnterpriseFactory(agency=call.agency))
    page = client_for(owner).get(reverse("dossiers:call_detail", args=[call.pk])).content.decode()
    for heading in ("Thành phần hồ sơ", "Thời hạn giải quyết", "Phí, lệ phí", "Biểu mẫu", "Liên hệ"):
        assert heading in page
    for paper in (
        "Phiếu đăng ký có chữ ký, đóng dấu",
        "Giấy chứng nhận đăng ký doanh nghiệp/HTX/hộ kinh doanh",
        "Thuyết minh, kế hoạch thực hiện",
        "Dự toán kinh phí",
    ):
        assert f"<li>{paper}</li>" in page
    assert "5 ngày làm việc" in page and "PDK-1322" in page and call.agency.name in page


def test_enterprise_home_shows_the_open_call_its_dossiers_next_steps_and_contract(call, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    director = UserFactory(role=Role.DIRECTOR, agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    owner = enterprise_user(enterprise)
    due = timezone.localdate() + dt.timedelta(days=4)
    asked = make_dossier(call=call, enterprise=enterprise, state="needs_supplement", title="Áp dụng 5S")
    Dossier.objects.filter(pk=asked.pk).update(due_on=due)
    checking = make_dossier(call=call, enterprise=enterprise, state="submitted", title="Áp dụng ISO 9001")
    signed = contracted(
        call,
        officer,
        director,
        make_council(call, officer=officer),
        enterprise=enterprise,
        content=call.contents.first().content,
    )
    page = client_for(owner).get(reverse("core:dashboard")).content.decode()

    assert "Đợt đăng ký đang mở" in page and call.title in page
    assert "Hạn nộp hồ sơ" in page and "còn 20 ngày" in page
    assert "Việc của bạn:</strong> Bổ sung hồ sơ" in page and "còn 4 ngày" in page
    assert page.index(asked.tracking_code) < page.index(checking.tracking_code)  # the enterprise's turn first
    assert "Đang chờ Sở Khoa học và Công nghệ: Kiểm tra hồ sơ" in page
    assert f"Hợp đồng {signed.contract.number}: hoàn thành trước" in page


def test_public_home_shows_the_open_call_with_its_deadline(call, client):
    page = client.get(reverse("portal:home")).content.decode()
    assert call.title in page and "Hạn nộp hồ sơ" in page and call.agency.name in page
