import datetime as dt

import pytest
from django.urls import reverse

from nangsuat.core import navigation
from nangsuat.core.models import Holiday
from nangsuat.core.roles import Role
from nangsuat.portal import selectors
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_home_shows_the_plan_targets_catalogue_and_legal_bases(client):
    page = client.get("/").content.decode()
    for figure in ("500", "2.000", "100", "05"):
        assert f'<div class="target__value">{figure}</div>' in page
    assert "Giải thưởng Chất lượng Quốc gia" in page
    assert "hợp chuẩn, hợp quy" in page
    assert "ISO 9001 — Hệ thống quản lý chất lượng" in page
    assert "Mã số, mã vạch" in page
    assert "Quyết định số 1322/QĐ-TTg" in page
    assert 'class="skip-link" href="#main"' in page
    assert 'id="main"' in page


def test_home_hides_inactive_contents(client):
    from nangsuat.reference.models import SupportContent

    SupportContent.objects.filter(code="halal").update(is_active=False)
    assert "HALAL — Chứng nhận Halal" not in client.get("/").content.decode()


def test_dashboard_requires_sign_in(client):
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_officer_dashboard_counts_only_own_agency(client, can_tho, vinh_long):
    EnterpriseFactory.create_batch(2, agency=can_tho)
    EnterpriseFactory(agency=vinh_long)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client.force_login(officer)
    figures = selectors.dashboard_for(officer)
    assert figures["registry"]["total"] == 2
    assert figures["pending_memberships"] == 0
    page = client.get(reverse("core:dashboard")).content.decode()
    assert '<span class="dash-stat__value">2</span>' in page
    assert "Theo quy mô" in page


def test_ministry_dashboard_counts_every_agency(can_tho, vinh_long):
    EnterpriseFactory.create_batch(2, agency=can_tho)
    EnterpriseFactory(agency=vinh_long)
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    assert selectors.dashboard_for(ministry)["registry"]["total"] == 3


def test_enterprise_dashboard_shows_only_its_enterprise(client, can_tho):
    mine = EnterpriseFactory(agency=can_tho, name="Công ty TNHH Gạo Thơm Cờ Đỏ")
    EnterpriseFactory(agency=can_tho, name="Công ty CP Thủy sản Bình An")
    user = enterprise_user(mine)
    client.force_login(user)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Công ty TNHH Gạo Thơm Cờ Đỏ" in page
    assert "Công ty CP Thủy sản Bình An" not in page
    assert "registry" not in selectors.dashboard_for(user)
    assert "dash-stat__value" not in page


def test_council_member_sees_no_registry_figures(can_tho):
    member = UserFactory(role=Role.COUNCIL, agency=can_tho)
    data = selectors.dashboard_for(member)
    assert "registry" not in data and "activity" not in data


def test_dashboard_lists_the_next_days_off():
    days = selectors.upcoming_days_off(today=dt.date(2027, 1, 2), limit=2)
    assert [d.date for d in days] == [dt.date(2027, 2, 4), dt.date(2027, 2, 5)]
    assert all(d.kind != Holiday.Kind.WORKDAY for d in days)


def test_navigation_follows_the_role(rf, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    labels = [str(i["label"]) for i in navigation.items_for(officer, "/registry/enterprises/")]
    assert labels[:2] == ["Bảng điều hành", "Tổng quan"]  # the staff's first entry: the plan's figures
    assert "Doanh nghiệp" in labels
    active = [str(i["label"]) for i in navigation.items_for(officer, "/registry/enterprises/") if i["active"]]
    assert active == ["Doanh nghiệp"]
    active = [str(i["label"]) for i in navigation.items_for(officer, "/dossiers/calls/12/") if i["active"]]
    assert active == ["Đợt đăng ký"]
    enterprise = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    enterprise_labels = [str(i["label"]) for i in navigation.items_for(enterprise, "/app/")]
    assert "Doanh nghiệp" not in enterprise_labels and "Bảng điều hành" not in enterprise_labels
    from django.contrib.auth.models import AnonymousUser

    assert navigation.items_for(AnonymousUser(), "/") == []


def test_apps_add_nav_items_and_unknown_urls_are_skipped(can_tho, monkeypatch):
    monkeypatch.setattr(navigation, "NAV_ITEMS", list(navigation.NAV_ITEMS))
    navigation.add_nav_item(
        navigation.NavItem("Không có trang", "nowhere:page", frozenset({Role.OFFICER}), icon="chart")
    )
    navigation.add_nav_item(
        navigation.NavItem(
            "Trang chủ công khai", "portal:home", frozenset({Role.OFFICER}), icon="home", order=1
        )
    )
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    items = navigation.items_for(officer, "/app/")
    labels = [str(i["label"]) for i in items]
    assert "Không có trang" not in labels
    assert labels[:3] == ["Bảng điều hành", "Tổng quan", "Trang chủ công khai"]
    assert items[2]["icon"] == "home"


def test_language_switch_sets_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/")
    assert page["Content-Language"] == "en"
    assert '<html lang="en">' in page.content.decode()


def test_english_switch_shows_english_navigation(client, can_tho, settings):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client.force_login(officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/app/"})
    page = client.get(reverse("core:dashboard")).content.decode()
    assert ">Overview</span>" in page
    assert ">Enterprises</span>" in page
    if "/dossiers/" in page:
        assert ">Dossiers</span>" in page  # the menu wording, not the column heading "Dossier"
    assert "Skip to main content" in page
    assert "Tổng quan" not in page
