"""``/api/v1/reports``: draft a report, read it and its files, as the pages allow."""

import io

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from nangsuat.core.roles import Role
from nangsuat.reports import services
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_post_drafts_the_report_once_and_links_its_files(officer, records):
    api = ApiClient(officer)
    response = api.post("/api/v1/reports", {"kind": "annual", "year": 2026})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "annual" and body["year"] == 2026 and body["state"] == "draft"
    assert body["number"] is None and body["kind_label"] == "Báo cáo năm"
    assert body["docx"] == f"/api/v1/reports/{body['id']}/docx"
    assert body["xlsx"] == f"/api/v1/reports/{body['id']}/xlsx"
    again = api.post("/api/v1/reports", {"kind": "annual", "year": 2026})
    assert again.status_code == 200 and again.json()["id"] == body["id"]

    docx = api.get(body["docx"])
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")
    assert "BÁO CÁO" in "\n".join(
        p.text for p in open_docx(io.BytesIO(b"".join(docx.streaming_content))).paragraphs
    )
    xlsx = api.get(body["xlsx"])
    assert xlsx.status_code == 200
    assert len(load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).sheetnames) == 8
    assert api.get(f"/api/v1/reports/{body['id']}/pdf").status_code in (400, 404)
    assert api.get(f"/api/v1/reports/{body['id']}").json()["id"] == body["id"]
    assert api.get("/api/v1/reports").json()["total"] == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "weekly", "year": 2026}, "kind"),
        ({"kind": "midterm", "year": 2027}, "year"),
        ({"kind": "final", "year": 2028}, "year"),
        ({"kind": "annual", "year": 2025}, "year"),
        ({"kind": "annual"}, "year"),
    ],
)
def test_bad_kind_or_year_is_400_naming_the_field(officer, payload, field):
    response = ApiClient(officer).post("/api/v1/reports", payload)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_signed_report_shows_its_number(officer, director):
    report, _c = services.create_report(actor=officer, kind="ministry", year=2026)
    services.sign_report(report=report, actor=director)
    ministry = ApiClient(UserFactory(role=Role.MINISTRY, agency=None))
    body = ministry.get(f"/api/v1/reports/{report.pk}").json()
    assert (
        body["state"] == "signed"
        and body["number"] == "01/BC-SKHCN"
        and body["signer_name"] == "Trần Văn Minh"
    )
    assert ministry.get(body["docx"]).status_code == 200


@pytest.mark.parametrize("role", [Role.CITY, Role.MINISTRY, Role.FINANCE, Role.COUNCIL, Role.ADMIN])
def test_only_the_department_drafts(role, can_tho):
    user = UserFactory(role=role, agency=None if role == Role.MINISTRY else can_tho)
    assert ApiClient(user).post("/api/v1/reports", {"kind": "annual", "year": 2026}).status_code == 403


def test_a_report_out_of_reach_is_404(officer, vinh_long):
    report, _c = services.create_report(actor=officer, kind="annual", year=2026)
    other = ApiClient(UserFactory(role=Role.OFFICER, agency=vinh_long))
    assert other.get(f"/api/v1/reports/{report.pk}").status_code == 404
    assert other.get(f"/api/v1/reports/{report.pk}/docx").status_code == 404
    assert ApiClient(None).get(f"/api/v1/reports/{report.pk}").status_code == 401
