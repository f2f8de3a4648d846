"""The budget's pages: who sees them, the estimate's figures side by side, the year's page with its chart."""

import datetime as dt

import pytest
from django.urls import reverse

from nangsuat.budget import services
from nangsuat.budget.models import Spending
from nangsuat.core.roles import Role
from tests.activities.factories import EventFactory
from tests.core.clients import client_after_totp as client_for
from tests.core.factories import UserFactory

from .factories import approved

pytestmark = pytest.mark.django_db


def test_an_enterprise_sees_no_estimate(estimate, can_tho):
    client = client_for(UserFactory(role=Role.ENTERPRISE, agency=can_tho))
    assert client.get(reverse("budget:estimates")).status_code == 404
    assert client.get(reverse("budget:estimate", args=[estimate.pk])).status_code == 404
    assert client.get(reverse("budget:year", args=[2026])).status_code == 404


def test_another_agencys_estimate_is_invisible(estimate, vinh_long):
    client = client_for(UserFactory(role=Role.DIRECTOR, agency=vinh_long))
    assert client.get(reverse("budget:estimate", args=[estimate.pk])).status_code == 404
    assert estimate.title not in client.get(reverse("budget:estimates")).content.decode()


def test_finance_sees_an_estimate_once_sent_to_it(estimate, director, finance):
    client = client_for(finance)
    assert client.get(reverse("budget:estimate", args=[estimate.pk])).status_code == 404
    services.act(estimate=estimate, action="submit", actor=director)
    page = client.get(reverse("budget:estimate", args=[estimate.pk])).content.decode()
    assert "Hỗ trợ áp dụng ISO 9001" in page and 'name="amount_' in page


def test_finance_appraises_from_the_page(estimate, director, finance):
    services.act(estimate=estimate, action="submit", actor=director)
    support = estimate.lines.get(task="support")
    response = client_for(finance).post(
        reverse("budget:estimate_action", args=[estimate.pk, "appraise"]),
        {
            f"amount_{support.pk}": "300.000.000",
            f"note_{support.pk}": "Giảm 1 doanh nghiệp",
            "note": "Đồng ý",
        },
    )
    assert response.status_code == 302
    support.refresh_from_db()
    estimate.refresh_from_db()
    assert estimate.state == "appraised" and support.appraised_amount_vnd == 300_000_000


def test_the_estimate_shows_the_department_and_finance_figures_side_by_side(
    estimate, officer, director, finance
):
    support = estimate.lines.get(task="support")
    approved(estimate, officer=officer, director=director, finance=finance, cuts={support: 300_000_000})
    page = client_for(officer).get(reverse("budget:estimate", args=[estimate.pk])).content.decode()
    assert "450.000.000 đ" in page and "300.000.000 đ" in page and "315.000.000 đ" in page
    assert "123/QĐ-UBND" in page


def test_the_year_page_has_the_figures_and_a_chart(estimate, officer, director, finance):
    approved(estimate, officer=officer, director=director, finance=finance)
    page = client_for(director).get(reverse("budget:year", args=[2026])).content.decode()
    assert "<svg" in page and "465.000.000 đ" in page and "Cho phép vượt số dư" in page


def test_the_estimate_workbook(estimate, officer):
    response = client_for(officer).get(reverse("budget:estimate_xlsx", args=[estimate.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")


def test_an_officer_drafts_lines_on_the_page(estimate, officer):
    client = client_for(officer)
    response = client.post(
        reverse("budget:line_add", args=[estimate.pk]),
        {
            "task": "communication",
            "description": "Phóng sự truyền hình",
            "quantity": "2",
            "norm_vnd": "25000000",
        },
    )
    assert response.status_code == 302
    assert estimate.lines.get(task="communication").amount_vnd == 50_000_000
    bad = client.post(
        reverse("budget:line_add", args=[estimate.pk]),
        {"task": "communication", "quantity": "x"},
        follow=True,
    )
    assert bad.status_code == 200 and estimate.lines.count() == 3


def test_the_estimate_is_numbered_in_the_register_when_submitted_and_the_appraisal_is_drawn(
    estimate, director, finance
):
    services.act(estimate=estimate, action="submit", actor=director)
    estimate.refresh_from_db()
    assert estimate.document is not None and estimate.document.number.startswith("01/")
    assert estimate.document.data["total_vnd"] == 465_000_000
    client = client_for(finance)
    assert client.get(reverse("budget:appraisal_docx", args=[estimate.pk])).status_code == 404
    services.act(estimate=estimate, action="appraise", actor=finance, payload={"lines": []})
    docx = client.get(reverse("budget:appraisal_docx", args=[estimate.pk]))
    assert docx.status_code == 200 and b"".join(docx.streaming_content)[:2] == b"PK"
    assert client.get(reverse("budget:estimate_docx", args=[estimate.pk])).status_code == 200


def test_an_officer_spends_an_events_cost_on_a_line_from_the_year_page(
    estimate, officer, director, finance, can_tho
):
    approved(estimate, officer=officer, director=director, finance=finance)
    event = EventFactory(agency=can_tho, cost_vnd=12_000_000, held_on=dt.date(2026, 5, 1))
    client = client_for(officer)
    page = client.get(reverse("budget:year", args=[2026])).content.decode()
    assert f"event:{event.pk}" in page
    line = estimate.lines.get(task="council")
    response = client.post(
        reverse("budget:spend", args=[2026]), {"line": line.pk, "activity": f"event:{event.pk}"}
    )
    assert response.status_code == 302
    assert Spending.objects.get(event=event).amount_vnd == 12_000_000
    too_much = EventFactory(agency=can_tho, cost_vnd=3_000_001, held_on=dt.date(2026, 5, 2))
    client.post(reverse("budget:spend", args=[2026]), {"line": line.pk, "activity": f"event:{too_much.pk}"})
    assert not Spending.objects.filter(event=too_much).exists()
