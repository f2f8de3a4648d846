import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from nangsuat.core.models import Job
from nangsuat.registry.importer import COLUMNS, import_records, read_table
from nangsuat.registry.models import Enterprise, EnterpriseYear
from nangsuat.registry.spreadsheets import start_import
from tests.core.clients import sign_in_after_totp
from tests.registry.factories import valid_tax_code

pytestmark = pytest.mark.django_db
HEADERS = [str(c.header) for c in COLUMNS]


def row(
    tax_code,
    name="Công ty TNHH Thủy sản Cửu Long",
    vsic="10",
    ward="Phường Ninh Kiều",
    year="2025",
    employees="40",
    revenue="20.000.000.000",
    capital="",
    kind="",
):
    values = {
        "tax_code": tax_code,
        "name": name,
        "vsic": vsic,
        "ward": ward,
        "year": year,
        "kind": kind,
        "employees": employees,
        "revenue_vnd": revenue,
        "capital_vnd": capital,
        "address": "Cần Thơ",
    }
    return [values.get(c.key, "") for c in COLUMNS]


def csv_bytes(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows):
    book = Workbook()
    book.active.append(HEADERS)
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    row(valid_tax_code(1)),
    row(valid_tax_code(2), name="Hợp tác xã Nông nghiệp Phong Điền", kind="Hợp tác xã"),
]
BAD = [
    row("0100233480"),  # bad check digit
    row(valid_tax_code(3), vsic="99999"),
    row(valid_tax_code(4), ward="Phường Không Có"),
    row(valid_tax_code(5), employees="-3"),
    row(valid_tax_code(1)),  # duplicate of the first row
]


def run(data, name, officer):
    return import_records(read_table(io.BytesIO(data), name), agency=officer.agency, actor=officer)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_imports_good_rows_and_reports_bad_ones(officer, ward, vsic, fmt):
    data = (csv_bytes if fmt == "csv" else xlsx_bytes)(GOOD + BAD)
    result = run(data, f"x.{fmt}", officer)
    assert (result.total, result.created, result.error_rows) == (7, 2, 5)
    by_row = {e.row: (e.column, e.message) for e in result.errors}
    assert by_row[4] == ("Mã số thuế", "Mã số thuế không hợp lệ: sai chữ số kiểm tra.")
    assert by_row[5][0] == "Mã ngành VSIC" and "VSIC 2018" in by_row[5][1]
    assert by_row[6][0] == "Xã/phường"
    assert by_row[7][0] == "Lao động tham gia BHXH"
    assert "trùng với dòng 2" in by_row[8][1]
    e = Enterprise.objects.get(tax_code=valid_tax_code(1))
    assert (e.size_class, e.latest_year, e.search_text[:12]) == ("small", 2025, "cong ty tnhh")
    assert Enterprise.objects.get(tax_code=valid_tax_code(2)).kind == "cooperative"


def test_import_writes_history_timestamps_and_yearly_figures(officer, ward, vsic):
    run(csv_bytes(GOOD), "a.csv", officer)
    e = Enterprise.objects.get(tax_code=valid_tax_code(1))
    assert e.created_at is not None and e.updated_at is not None
    (created,) = e.history.all()
    assert (created.history_type, created.history_user, created.name) == ("+", officer, e.name)
    assert (created.tax_code, created.ward_id, created.size_class) == (e.tax_code, e.ward_id, "small")
    year = EnterpriseYear.objects.get(enterprise=e)
    assert (year.year, year.employees, year.revenue_vnd, year.capital_vnd) == (2025, 40, 20_000_000_000, None)
    # Keys come from the table's own sequence: a row added afterwards by the ORM does not collide.
    later = Enterprise.objects.create(
        agency=officer.agency,
        tax_code=valid_tax_code(9),
        name="Sau",
        vsic=e.vsic,
        vsic_section=e.vsic_section,
        ward=e.ward,
    )
    assert later.pk > max(Enterprise.objects.exclude(pk=later.pk).values_list("pk", flat=True))


def test_reimport_is_idempotent_and_updates_only_differences(officer, ward, vsic):
    run(csv_bytes(GOOD), "a.csv", officer)
    history = Enterprise.history.count()
    again = run(csv_bytes(GOOD), "a.csv", officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Enterprise.history.count() == history
    changed = [row(valid_tax_code(1), employees="5", revenue="2000000000"), GOOD[1]]
    third = run(csv_bytes(changed), "a.csv", officer)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 1)
    e = Enterprise.objects.get(tax_code=valid_tax_code(1))
    assert (e.employees, e.size_class) == (5, "micro")
    assert EnterpriseYear.objects.filter(enterprise=e).count() == 1


def test_missing_required_column_is_refused(officer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as err:
        list(read_table(io.BytesIO("Tên doanh nghiệp\nA\n".encode()), "a.csv"))
    assert "Mã số thuế" in err.value.messages[0]


@pytest.mark.django_db(transaction=True)  # the job closes its connection when done, as in production
def test_background_job_reports_progress_and_error_report(
    officer, ward, vsic, settings, django_capture_on_commit_callbacks
):
    settings.TASKS_RUN_INLINE = True
    upload = SimpleUploadedFile("dn.xlsx", xlsx_bytes(GOOD + BAD))
    job = start_import(actor=officer, agency=officer.agency, upload=upload)
    job = Job.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    assert (job.total, job.done, job.result["created"], job.result["error_rows"]) == (7, 7, 2, 5)
    sheet = load_workbook(job.output_file.open("rb")).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))  # under the title and the summary line
    assert rows[0] == ("Dòng", "Cột", "Giá trị", "Lỗi")
    assert rows[1] == (4, "Mã số thuế", "0100233480", "Mã số thuế không hợp lệ: sai chữ số kiểm tra.")


def test_command_line_import(officer, ward, vsic, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "dn.csv"
    path.write_bytes(csv_bytes(GOOD + BAD[:1]))
    out = io.StringIO()
    call_command(
        "import_enterprises",
        str(path),
        "--agency",
        officer.agency.code,
        "--errors",
        str(tmp_path / "e.xlsx"),
        stdout=out,
    )
    assert "thêm mới 2" in out.getvalue() and "lỗi 1 dòng" in out.getvalue()
    assert load_workbook(tmp_path / "e.xlsx").active.max_row == 4  # title, summary, header, one error
    out = io.StringIO()
    call_command("import_enterprises", str(path), "--agency", officer.agency.code, stdout=out)
    assert "thêm mới 0, cập nhật 0, không đổi 2" in out.getvalue()


def test_template_download_has_every_column(client, officer):
    sign_in_after_totp(client, officer)
    response = client.get("/registry/import/template.xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert [c.value for c in book.worksheets[0][1]] == HEADERS


BOMB_MESSAGE = "khi giải nén quá lớn hoặc có quá nhiều thành phần"


def test_an_xlsx_bomb_is_refused_before_openpyxl_reads_it(officer):
    from django.core.exceptions import ValidationError

    from tests.core.bombs import xlsx_bomb

    with pytest.raises(ValidationError) as err:
        list(read_table(io.BytesIO(xlsx_bomb()), "dn.xlsx"))
    assert BOMB_MESSAGE in err.value.messages[0]


def test_the_import_form_refuses_an_xlsx_bomb_in_vietnamese(officer):
    from nangsuat.registry.forms import ImportForm
    from tests.core.bombs import xlsx_bomb

    form = ImportForm(data={}, files={"file": SimpleUploadedFile("dn.xlsx", xlsx_bomb())})
    assert not form.is_valid() and BOMB_MESSAGE in form.errors["file"][0]


def test_an_xlsx_whose_shared_strings_openpyxl_would_load_whole_is_refused(officer, monkeypatch):
    from django.core.exceptions import ValidationError

    from nangsuat.registry import importer
    from tests.core.bombs import with_shared_strings

    monkeypatch.setattr(importer, "XLSX_MAX_LOADED_PART_BYTES", 64 * 1024)
    names = [f"Công ty TNHH Thương mại số {i:05d}" for i in range(3000)]
    few = with_shared_strings(xlsx_bytes([row(valid_tax_code(1))]), names[:10])
    assert len(list(read_table(io.BytesIO(few), "dn.xlsx"))) == 1
    many = with_shared_strings(xlsx_bytes([row(valid_tax_code(1))]), names)
    with pytest.raises(ValidationError) as err:
        list(read_table(io.BytesIO(many), "dn.xlsx"))
    assert BOMB_MESSAGE in err.value.messages[0]
