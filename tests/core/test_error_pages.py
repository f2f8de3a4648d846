"""Error pages speak the user's language inside the site's layout, say what happened and where to go; the
500 page stands alone, reading neither the database nor the request."""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from nangsuat.core.roles import Role
from tests.core.clients import client_for
from tests.registry.factories import EnterpriseFactory, enterprise_user


def english() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_not_found_in_the_layout_with_ways_out():
    response = Client().get("/khong-co-trang-nay/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang bạn cần" in page and 'class="topbar"' in page
    assert f'href="{reverse("portal:home")}"' in page and reverse("dossiers:public_lookup") in page
    assert "Not Found" not in page


@pytest.mark.django_db
def test_not_found_in_english():
    page = english().get("/no-such-page/").content.decode()
    assert "We cannot find the page you need" in page and '<html lang="en">' in page


@pytest.mark.django_db
def test_forbidden_says_why_and_leads_to_the_users_work(can_tho):
    owner = enterprise_user(EnterpriseFactory(agency=can_tho))
    assert owner.role == Role.ENTERPRISE
    response = client_for(owner).get(reverse("registry:enterprise_list"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không có quyền mở trang này" in page and "Trang này dành cho cán bộ quản lý." in page
    assert reverse("core:dashboard") in page and reverse("dossiers:tasks") in page
    assert "403 Forbidden" not in page


@pytest.mark.django_db
def test_an_expired_form_explains_itself():
    response = Client(enforce_csrf_checks=True).post(reverse("set_language"), {"language": "en"})
    page = response.content.decode()
    assert response.status_code == 403
    assert (
        "Biểu mẫu đã hết hạn" in page and 'class="topbar"' in page and "CSRF verification failed" not in page
    )


def test_server_error_page_needs_neither_database_nor_request_context():
    # No database here: any query would fail the test.
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in page and "core/app.css" in page and 'href="/"' in page


def test_static_files_are_served_with_debug_off(settings):
    """The demo serves with DEBUG off, to show these pages: its stylesheet, script and icon still load."""
    assert settings.DEBUG is False
    for path in ("/static/core/app.css", "/static/core/app.js", "/static/core/favicon.svg"):
        response = Client().get(path)
        assert response.status_code == 200, path
