"""Import of an attendance sheet into a course: per-row error report, progress, idempotence."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from nangsuat.activities.importer import import_rows, read_sheet
from nangsuat.activities.models import Participation, Person
from nangsuat.core.models import Job
from nangsuat.core.roles import Role
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory
from tests.reference.factories import some_vsic, some_ward
from tests.registry.factories import EnterpriseFactory, valid_tax_code

from .factories import CourseFactory

pytestmark = pytest.mark.django_db

HEADER = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Cán bộ quản lý",
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Số CCCD",
    "Điện thoại",
]


def sheet(rows, *, title=True) -> bytes:
    book = Workbook()
    ws = book.active
    if title:  # officers' sheets carry a title above the header
        ws.append(["DANH SÁCH HỌC VIÊN LỚP ĐÀO TẠO NĂNG SUẤT CHẤT LƯỢNG"])
        ws.append([])
    ws.append(HEADER)
    for n, row in enumerate(rows, start=1):
        ws.append([n, *row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


def _rows(enterprise):
    return [
        [
            "Nguyễn Văn An",
            "Giám đốc",
            "x",
            enterprise.tax_code,
            enterprise.name,
            "092190001234",
            "0909111222",
        ],
        ["Trần Thị Bình", "Kế toán", "", int(enterprise.tax_code), "", "", ""],
        ["Lê Văn Cường", "Trưởng phòng", "có", "999", "", "", ""],  # a bad tax code
        ["Phạm Thị Dung", "", "maybe", enterprise.tax_code, "", "", ""],  # a bad yes/no
    ]


def test_the_good_rows_are_imported_and_the_bad_ones_reported(officer, can_tho):
    course = CourseFactory(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho, tax_code=valid_tax_code(77))
    data = sheet(_rows(enterprise))
    result = import_rows(read_sheet(io.BytesIO(data), "ds.xlsx"), course=course, actor=officer)
    assert (result.total, result.created, result.unchanged, result.error_rows) == (4, 2, 0, 2)
    errors = {(e.row, e.column) for e in result.errors}
    assert errors == {(6, "Mã số thuế"), (7, "Cán bộ quản lý")}
    managers = Participation.objects.filter(course=course, is_manager=True)
    assert [p.full_name for p in managers] == ["Nguyễn Văn An"]
    assert Participation.objects.get(full_name="Trần Thị Bình").enterprise == enterprise

    again = import_rows(read_sheet(io.BytesIO(data), "ds.xlsx"), course=course, actor=officer)
    assert (again.created, again.unchanged) == (0, 2)
    assert Participation.objects.filter(course=course).count() == 2
    assert Person.objects.count() == 2


def test_an_unknown_enterprise_is_added_when_the_sheet_describes_it(officer, can_tho):
    course = CourseFactory(agency=can_tho)
    book = Workbook()
    ws = book.active
    ws.append(["Họ và tên", "Mã số thuế", "Tên doanh nghiệp", "Mã ngành VSIC", "Mã xã/phường"])
    code = valid_tax_code(4321)
    ws.append(["Võ Minh Em", code, "Công ty TNHH Gạo Thốt Nốt", some_vsic().code, some_ward().code])
    ws.append(["Võ Minh Phúc", valid_tax_code(4322), "", "", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    result = import_rows(read_sheet(buffer, "ds.xlsx"), course=course, actor=officer)
    assert result.created == 1 and result.error_rows == 1
    assert result.errors[0].column == "Mã số thuế"
    assert Participation.objects.get().enterprise.name == "Công ty TNHH Gạo Thốt Nốt"


@pytest.mark.django_db(transaction=True)  # the job closes its connection when done, as in production
def test_a_sheet_without_a_name_column_is_refused_whole(officer, can_tho, django_capture_on_commit_callbacks):
    course = CourseFactory(agency=can_tho)
    book = Workbook()
    book.active.append(["Tên", "Tuổi"])
    buffer = io.BytesIO()
    book.save(buffer)
    client = client_after_totp(officer)
    upload = SimpleUploadedFile("ds.xlsx", buffer.getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("activities:import_start", args=[course.pk]), {"file": upload})
    response = client.get(response["Location"])
    assert "Không tìm thấy dòng tiêu đề" in response.content.decode()


@pytest.mark.django_db(transaction=True)  # the job closes its connection when done, as in production
def test_the_page_runs_the_import_shows_progress_and_the_error_file(
    officer, can_tho, django_capture_on_commit_callbacks
):
    course = CourseFactory(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    client = client_after_totp(officer)
    upload = SimpleUploadedFile("danh-sach.xlsx", sheet(_rows(enterprise)))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("activities:import_start", args=[course.pk]), {"file": upload})
    job = Job.objects.get(kind="activities.attendance")
    assert response.status_code == 302 and response["Location"] == reverse(
        "activities:import_job", args=[job.pk]
    )
    assert (job.status, job.done, job.total) == ("done", 4, 4)
    page = client.get(reverse("activities:import_job", args=[job.pk])).content.decode()
    assert "Đã xử lý 4 / 4 dòng" in page and "Mã số thuế" in page
    report = client.get(reverse("activities:import_errors", args=[job.pk]))
    errors = load_workbook(io.BytesIO(b"".join(report.streaming_content))).active
    rows = list(errors.iter_rows(min_row=4, values_only=True))  # under the title, the summary and the header
    assert [r[0] for r in rows] == [6, 7]
    detail = client.get(reverse("activities:course_detail", args=[course.pk])).content.decode()
    assert "Nguyễn Văn An" in detail and "danh-sach.xlsx" in detail


def test_a_file_that_is_not_xlsx_is_refused(officer, can_tho):
    course = CourseFactory(agency=can_tho)
    client = client_after_totp(officer)
    response = client.post(
        reverse("activities:import_start", args=[course.pk]),
        {"file": SimpleUploadedFile("ds.csv", b"a,b")},
    )
    assert response.status_code == 200 and "Chỉ nhận tệp Excel .xlsx." in response.content.decode()
    garbage = client.post(
        reverse("activities:import_start", args=[course.pk]),
        {"file": SimpleUploadedFile("ds.xlsx", b"not a zip")},
    )
    assert garbage.status_code in (200, 302)


def test_the_template_reads_back_as_a_sheet(officer, can_tho):
    client = client_after_totp(officer)
    response = client.get(reverse("activities:import_template"))
    data = b"".join(response.streaming_content)
    course = CourseFactory(agency=can_tho)
    result = import_rows(read_sheet(io.BytesIO(data), "mau.xlsx"), course=course, actor=officer)
    assert result.total == 1  # the example row (its enterprise is not in the registry)


def test_a_person_twice_in_one_sheet_is_one_participation(officer, can_tho):
    course = CourseFactory(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    data = sheet(
        [
            ["Đoàn Văn Hai Lần", "", "x", enterprise.tax_code, "", "", ""],
            ["DOAN VAN HAI LAN", "", "x", enterprise.tax_code, "", "", ""],
            ["Đoàn Văn Hai Lần", "", "x", enterprise.tax_code, "", "092190000222", ""],
        ]
    )
    result = import_rows(read_sheet(io.BytesIO(data), "ds.xlsx"), course=course, actor=officer, batch_size=2)
    assert (result.created, result.unchanged) == (1, 2)
    assert Person.objects.get().identity_number == "092190000222"
