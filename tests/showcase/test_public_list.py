"""The public list of supported enterprises (Kế hoạch 14, II.2.d): the page, its export and
``GET /api/v1/public/supported``, open to anyone, one agency at a time, with nothing personal."""

import io

import pytest
from django.core.cache import cache
from django.test import Client
from openpyxl import load_workbook

from nangsuat.councils.models import CouncilMember
from nangsuat.dossiers import workflow
from nangsuat.showcase import views
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory

from .factories import PERSONAL, enterprise_of, make_case, public_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(can_tho, vinh_long):
    cache.clear()  # the API's throttle counts per address
    return public_world(can_tho, vinh_long)


def _names(response) -> str:
    return response.content.decode()


def test_the_page_lists_each_supported_enterprise_with_its_public_facts(world):
    response = Client().get("/cong-khai/")
    assert response.status_code == 200
    html = _names(response)
    for dossier in (world.paid, world.approved):
        assert enterprise_of(dossier).name in html
    assert "150.000.000 đ" in html  # the paid dossier's contract amount
    assert "Đã thanh toán" in html and "Được phê duyệt" in html
    assert "Phường Thới An" in html and "5S — Sàng lọc, Sắp xếp" in html
    # not supported yet, and another agency's: absent
    assert "Công ty Chưa Được Duyệt" not in html
    assert "Công ty Gốm Vĩnh Long" not in html
    # each indicator's progress against its target, with its chart drawn on the server
    assert "Doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý, công cụ" in html
    assert "/ 100" in html and "<svg" in html


def test_another_agency_is_read_with_its_code_and_an_unknown_code_is_404(world):
    html = _names(Client().get("/cong-khai/?agency=vinh-long"))
    assert "Công ty Gốm Vĩnh Long" in html
    assert enterprise_of(world.paid).name not in html
    assert Client().get("/cong-khai/?agency=khong-co").status_code == 404
    api = Client().get("/api/v1/public/supported?agency=vinh-long").json()
    assert [i["enterprise"] for i in api["items"]] == ["Công ty Gốm Vĩnh Long"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2027", ["Hợp tác xã Rau sạch Phong Điền"]),
        ("year=2026", ["Công ty TNHH Chế biến Thủy sản Sông Hậu"]),
        ("ward=31999", ["Hợp tác xã Rau sạch Phong Điền"]),
        ("q=thuy+san+song+hau", ["Công ty TNHH Chế biến Thủy sản Sông Hậu"]),  # without diacritics
        ("q=không+có", []),
    ],
)
def test_filters(world, query, expected):
    items = Client().get(f"/api/v1/public/supported?{query}").json()["items"]
    assert [i["enterprise"] for i in items] == expected


def test_filter_by_content_and_sorting(world):
    five_s = world.approved.content_id
    items = Client().get(f"/api/v1/public/supported?content={five_s}").json()["items"]
    assert [i["enterprise"] for i in items] == ["Hợp tác xã Rau sạch Phong Điền"]
    by_name = Client().get("/api/v1/public/supported?sort=name").json()["items"]
    assert [i["enterprise"] for i in by_name] == sorted(i["enterprise"] for i in by_name)
    by_year = Client().get("/api/v1/public/supported?sort=-year").json()["items"]
    assert [i["year"] for i in by_year] == [2027, 2026]
    page = _names(Client().get("/cong-khai/?sort=-amount"))
    assert page.index("Sông Hậu") < page.index("Phong Điền")  # 150.000.000 đ before the proposal


def test_pagination_of_the_page_and_the_api(world, can_tho, monkeypatch):
    for n in range(4):
        DossierFactory(call=CallFactory(agency=can_tho), state="approved", title=f"Hồ sơ {n}")
    monkeypatch.setattr(views.public, "PAGE_SIZE", 2)
    first = _names(Client().get("/cong-khai/"))
    assert "Trang 1 / 3" in first
    body = Client().get("/api/v1/public/supported?page=2&page_size=4").json()
    assert (body["total"], body["page"], body["pages"], len(body["items"])) == (6, 2, 2, 2)


def test_api_shape(world):
    body = Client().get("/api/v1/public/supported?year=2026").json()
    assert set(body) == {"items", "total", "page", "page_size", "pages", "total_capped"}
    (item,) = body["items"]
    assert item == {
        "enterprise": "Công ty TNHH Chế biến Thủy sản Sông Hậu",
        "enterprise_url": f"/cong-khai/doanh-nghiep/{world.paid.enterprise_id}/",
        "ward": enterprise_of(world.paid).ward.name,
        "content": world.paid.content.name,
        "amount_vnd": 150_000_000,
        "state": "paid",
        "state_label": "Đã thanh toán",
        "year": 2026,
    }


def test_api_refuses_bad_input_in_vietnamese(world):
    response = Client().get("/api/v1/public/supported?year=abc&sort=tax_code")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"year", "sort"}
    assert "Phải là số nguyên" in response.json()["errors"]["year"][0]


def test_api_is_throttled_per_address(world, monkeypatch):
    from nangsuat.showcase import api

    monkeypatch.setattr(api, "READS_PER_WINDOW", 2)
    client = Client()
    assert [client.get("/api/v1/public/supported").status_code for _ in range(3)] == [200, 200, 429]


def test_empty_state(can_tho):
    html = _names(Client().get("/cong-khai/"))
    assert "Chưa có doanh nghiệp nào được phê duyệt hỗ trợ." in html
    assert Client().get("/api/v1/public/supported").json()["total"] == 0
    filtered = _names(Client().get("/cong-khai/?q=abc"))
    assert "Không có doanh nghiệp nào khớp bộ lọc." in filtered


def test_excel_export_holds_the_filtered_rows(world):
    response = Client().get("/cong-khai/xuat-excel/?year=2026")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c for c in row] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert values == [
        [
            1,
            "Công ty TNHH Chế biến Thủy sản Sông Hậu",
            enterprise_of(world.paid).ward.name,
            world.paid.content.name,
            150_000_000,
            "Đã thanh toán",
            2026,
        ]
    ]


def test_nothing_personal_and_no_council_scores_anywhere_public(world, can_tho):
    """A dossier scored by a council and an enterprise with a representative, phone, e-mail, bank account,
    contact and user: the page, the export, the API, the enterprise's entry and its published case show
    none of them, nor a council member's name or score, nor the tax code."""
    call = CallFactory(agency=can_tho)
    _council, scorers, secretary = make_council(call, officer=world.officer)
    scored = DossierFactory(call=call, enterprise=enterprise_of(world.paid))
    workflow.perform(dossier=scored, action="send_to_council", actor=world.officer)
    score_all(scored, scorers, points=(13, 41, 29))  # 83 each
    scored.state = "approved"
    scored.save(update_fields=["state"])
    case = make_case(world.paid, world.officer)
    members = [m.user.full_name for m in CouncilMember.objects.select_related("user")]
    secrets = [*PERSONAL.values(), enterprise_of(world.paid).tax_code, *members, "83,00", "83.00"]
    client = Client()
    pages = {
        "list": _names(client.get("/cong-khai/")),
        "api": _names(client.get("/api/v1/public/supported?page_size=100")),
        "entry": _names(client.get(f"/cong-khai/doanh-nghiep/{world.paid.enterprise_id}/")),
        "cases": _names(client.get("/cong-khai/mo-hinh/")),
        "case": _names(client.get(f"/cong-khai/mo-hinh/{case.pk}/")),
    }
    book = load_workbook(io.BytesIO(client.get("/cong-khai/xuat-excel/").content))
    pages["export"] = " ".join(str(v) for row in book.active.iter_rows(values_only=True) for v in row if v)
    assert (
        enterprise_of(world.paid).name in pages["list"] and enterprise_of(world.paid).name in pages["export"]
    )
    leaks = [(where, secret) for where, text in pages.items() for secret in secrets if secret in text]
    assert leaks == []
    api_keys = {key for item in client.get("/api/v1/public/supported").json()["items"] for key in item}
    assert api_keys == {
        "enterprise",
        "enterprise_url",
        "ward",
        "content",
        "amount_vnd",
        "state",
        "state_label",
        "year",
    }


def test_the_enterprise_entry_is_public_only_for_listed_enterprises(world):
    assert Client().get(f"/cong-khai/doanh-nghiep/{world.paid.enterprise_id}/").status_code == 200
    assert Client().get(f"/cong-khai/doanh-nghiep/{world.not_listed.enterprise_id}/").status_code == 404


def test_the_home_page_and_the_footer_link_to_the_public_list(world):
    html = _names(Client().get("/"))
    assert 'href="/cong-khai/"' in html and 'href="/cong-khai/mo-hinh/"' in html
