"""The productivity pages: the enterprise's figures (entry, Vietnamese errors), the benchmark table and its
export with small cells suppressed outside the staff, the panels on the registry and dossier pages, the
import of figures with its error report and the refresh that follows it."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from nangsuat.core.models import Job
from nangsuat.core.roles import Role
from nangsuat.productivity.benchmarks import refresh_benchmarks
from nangsuat.productivity.imports import start_import
from nangsuat.productivity.models import Benchmark, EnterpriseFigures
from tests.core.clients import sign_in_after_totp
from tests.core.factories import UserFactory
from tests.indicators.factories import accepted_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import year_with_figures

pytestmark = pytest.mark.django_db


def as_user(user) -> Client:
    client = Client()
    if user.role == Role.ENTERPRISE:
        client.force_login(user)
        return client
    return sign_in_after_totp(client, user)


def test_the_enterprise_enters_a_year_and_sees_its_indicators(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    client = as_user(enterprise_user(enterprise))
    url = f"/nang-suat/doanh-nghiep/{enterprise.pk}/"
    response = client.post(
        url,
        {
            "year": 2024,
            "employees": "40",
            "revenue_vnd": "9.000.000.000",
            "value_added_vnd": "4.000.000.000",
            "hours_worked": "80.000",
        },
    )
    assert response.status_code == 302
    row = EnterpriseFigures.objects.get(enterprise=enterprise, year=2024)
    assert row.labour_productivity == 100_000_000 and row.sources["value_added_vnd"]["source"] == "enterprise"
    page = client.get(url).content.decode()
    assert "100.000.000" in page and "50.000" in page and "Doanh nghiệp tự kê khai" in page


def test_bad_input_is_shown_on_the_form_in_vietnamese(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    client = as_user(enterprise_user(enterprise))
    response = client.post(f"/nang-suat/doanh-nghiep/{enterprise.pk}/", {"year": 2024, "defect_rate": "abc"})
    assert response.status_code == 200
    assert "Tỷ lệ lỗi phải là một số" in response.content.decode()
    response = client.post(f"/nang-suat/doanh-nghiep/{enterprise.pk}/", {"year": 1990})
    assert "Năm số liệu phải từ 2000" in response.content.decode() or "2000" in response.content.decode()
    assert not EnterpriseFigures.objects.exists()


def test_another_enterprise_gets_404_and_the_city_reads_without_a_form(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    other = as_user(enterprise_user(EnterpriseFactory(agency=can_tho)))
    assert other.get(f"/nang-suat/doanh-nghiep/{enterprise.pk}/").status_code == 404
    city = as_user(UserFactory(role=Role.CITY, agency=can_tho))
    page = city.get(f"/nang-suat/doanh-nghiep/{enterprise.pk}/")
    assert page.status_code == 200 and "Kê khai số liệu một năm" not in page.content.decode()
    assert city.post(f"/nang-suat/doanh-nghiep/{enterprise.pk}/", {"year": 2024}).status_code == 403


def _two_peers(agency):
    for _ in range(2):
        year_with_figures(EnterpriseFactory(agency=agency, size_class="small"), 2024)
    refresh_benchmarks()


def test_the_benchmark_page_and_export_suppress_small_cells_for_the_public(can_tho):
    _two_peers(can_tho)
    public = Client().get("/nang-suat/?year=2024").content.decode()
    assert "Ẩn: dưới 3 doanh nghiệp" in public and "100.000.000" not in public
    staff = (
        as_user(UserFactory(role=Role.OFFICER, agency=can_tho)).get("/nang-suat/?year=2024").content.decode()
    )
    assert "100.000.000" in staff and "nội bộ" in staff
    export = Client().get("/nang-suat/xuat-excel/?year=2024")
    rows = list(
        load_workbook(io.BytesIO(b"".join(export.streaming_content))).active.iter_rows(values_only=True)
    )
    assert rows[3][1] == "Ẩn (dưới 3 doanh nghiệp)" and rows[3][3] is None


def test_the_public_home_links_the_benchmarks(can_tho):
    assert "/nang-suat/" in Client().get("/").content.decode()


def test_panels_on_the_enterprise_and_dossier_pages(can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    year_with_figures(enterprise, 2023)
    year_with_figures(enterprise, 2025, operating_surplus_vnd=2_000_000_000)
    dossier = accepted_dossier(can_tho, enterprise, on=dt.date(2024, 6, 1))  # contract signed 2024
    refresh_benchmarks()
    officer = as_user(UserFactory(role=Role.OFFICER, agency=can_tho))
    registry = officer.get(f"/registry/enterprises/{enterprise.pk}/").content.decode()
    assert f"/nang-suat/doanh-nghiep/{enterprise.pk}/" in registry
    page = officer.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "Năng suất trước và sau hỗ trợ" in page and "+20,0 %" in page


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Mã số thuế",
            "Năm số liệu",
            "Lao động bình quân năm",
            "Doanh thu (đồng)",
            "Giá trị tăng thêm (đồng)",
            "Tỷ lệ sản phẩm lỗi (%)",
        ]
    )
    for r in rows:
        sheet.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)  # the job closes its connection when done, as in production
def test_import_writes_good_rows_reports_bad_ones_and_refreshes(can_tho, django_capture_on_commit_callbacks):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enterprises = [EnterpriseFactory(agency=can_tho, size_class="small") for _ in range(3)]
    rows = [
        [e.tax_code, 2024, 40, 20_000_000_000, 4_000_000_000 + i, None] for i, e in enumerate(enterprises)
    ]
    rows += [
        ["0100233480", 2024, 5, None, 1, None],
        [enterprises[0].tax_code, 1999, 5, None, 1, None],
        [enterprises[1].tax_code, 2023, 5, None, 1, 150],
    ]
    job = start_import(actor=officer, agency=can_tho, upload=SimpleUploadedFile("ns.xlsx", xlsx(rows)))
    job = Job.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    assert (job.result["total"], job.result["created"], job.result["error_rows"]) == (6, 3, 3)
    assert (
        EnterpriseFigures.objects.get(enterprise=enterprises[0], year=2024).sources["value_added_vnd"][
            "source"
        ]
        == "import"
    )
    assert enterprises[2].years.get(year=2024).employees == 40  # the headcount is the registry's
    report = list(load_workbook(job.output_file.open("rb")).active.iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in report] == ["Mã số thuế", "Năm số liệu", "Tỷ lệ sản phẩm lỗi (%)"]
    assert (
        Benchmark.objects.filter(
            year=2024, measure="labour_productivity", vsic_section="", size_class="", ward=""
        )
        .get()
        .n
        == 3
    )
    client = as_user(officer)
    page = client.get(reverse("productivity:import_start")).content.decode()
    assert "Nhập số liệu năng suất từ Excel / CSV" in page
    assert reverse("productivity:import_template") in page
    assert (
        reverse("productivity:import_job", args=[job.pk]) in page
    )  # the recent imports, to this import's page
    assert "registry/import" not in page.replace(reverse("productivity:import_template"), "")
    sheet = load_workbook(job.output_file.open("rb")).active
    assert sheet["A1"].value == "LỖI NHẬP SỐ LIỆU NĂNG SUẤT"
