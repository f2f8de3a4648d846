"""PDF conversion after the commit, and who may download what."""

import pytest
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.documents import services
from nangsuat.documents.models import Document
from nangsuat.documents.pdf import soffice_path
from tests.core.factories import UserFactory
from tests.core.workbooks import assert_office_layout, open_export
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .helpers import run_effect

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _draw_pdfs(settings):
    """The rest of the suite skips LibreOffice; these tests are about it."""
    settings.DOCUMENTS_PDF = True


@pytest.fixture
def slip(dossier, owner):
    return run_effect("receipt_slip", dossier, owner)


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_is_made_after_the_commit(dossier, owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = run_effect("receipt_slip", dossier, owner)
        assert Document.objects.get(pk=document.pk).pdf_status == Document.PdfStatus.PENDING
    document.refresh_from_db()
    assert document.pdf_status == Document.PdfStatus.READY
    with document.pdf.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_without_libreoffice_the_docx_stays_and_pdf_is_marked_missing(dossier, owner, monkeypatch):
    monkeypatch.setattr(services, "can_convert", lambda: False)
    document = run_effect("receipt_slip", dossier, owner)
    document.refresh_from_db()
    assert document.file and not document.pdf and document.pdf_status == Document.PdfStatus.MISSING


def test_enterprise_downloads_its_own_documents_only(client, slip, owner, dossier):
    client.force_login(owner)
    response = client.get(reverse("documents:download", args=[slip.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(response.streaming_content)[:2] == b"PK"
    stranger = enterprise_user(EnterpriseFactory(agency=dossier.agency))
    client.force_login(stranger)
    assert client.get(reverse("documents:download", args=[slip.pk])).status_code == 404
    assert client.get(reverse("documents:download_pdf", args=[slip.pk])).status_code == 404


def test_enterprise_never_gets_internal_documents(client, dossier, owner, officer):
    minutes = run_effect("council_minutes", dossier, officer)
    client.force_login(owner)
    assert client.get(reverse("documents:download", args=[minutes.pk])).status_code == 404


def test_staff_of_another_agency_cannot_download(client, slip, vinh_long):
    client.force_login(UserFactory(role=Role.OFFICER, agency=vinh_long))
    assert client.get(reverse("documents:download", args=[slip.pk])).status_code == 404
    client.force_login(UserFactory(role=Role.MINISTRY, agency=None))
    assert client.get(reverse("documents:download", args=[slip.pk])).status_code == 200


def test_anonymous_is_sent_to_login(client, slip):
    response = client.get(reverse("documents:download", args=[slip.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_pdf_download_without_pdf_is_404_when_it_cannot_be_drawn(client, slip, officer, monkeypatch):
    from nangsuat.documents import views

    monkeypatch.setattr(views, "can_convert", lambda: False)
    client.force_login(officer)
    assert client.get(reverse("documents:download_pdf", args=[slip.pk])).status_code == 404


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_is_drawn_on_first_download(client, slip, officer):
    client.force_login(officer)
    response = client.get(reverse("documents:download_pdf", args=[slip.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content)[:5] == b"%PDF-"
    slip.refresh_from_db()
    assert slip.pdf_status == Document.PdfStatus.READY


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_pending_pdfs_are_made_in_one_batch(dossier, owner, officer):
    from io import StringIO

    from django.core.management import call_command

    docs = [
        run_effect(name, dossier, officer) for name in ("receipt_slip", "validity_minutes", "survey_minutes")
    ]
    out = StringIO()
    call_command("make_pdfs", stdout=out)
    assert "Đã tạo 3 tệp PDF" in out.getvalue()
    for document in docs:
        document.refresh_from_db()
        assert document.pdf_status == Document.PdfStatus.READY and document.pdf


def test_register_page_filters_and_exports(client, can_tho, officer, vinh_long):
    mine = DossierFactory(call__agency=can_tho)
    theirs = DossierFactory(call__agency=vinh_long)
    run_effect("receipt_slip", mine, officer)
    run_effect("support_contract", mine, officer, payload={"amount_vnd": 100_000_000})
    run_effect("receipt_slip", theirs, UserFactory(role=Role.OFFICER, agency=vinh_long))
    client.force_login(officer)
    html = client.get(reverse("documents:register")).content.decode()
    assert "01/TNHS-SKHCN" in html and "01/HĐ-SKHCN" in html and theirs.tracking_code not in html
    html = client.get(reverse("documents:register"), {"kind": "support_contract"}).content.decode()
    assert "01/HĐ-SKHCN" in html and "01/TNHS-SKHCN" not in html
    html = client.get(reverse("documents:register"), {"q": mine.tracking_code}).content.decode()
    assert "01/TNHS-SKHCN" in html
    bad = client.get(reverse("documents:register"), {"year": "abc", "date_from": "31/12"})
    assert bad.status_code == 200 and "Năm không hợp lệ" in bad.content.decode()
    empty = client.get(reverse("documents:register"), {"kind": "payment_request"}).content.decode()
    assert "Chưa có văn bản phù hợp" in empty

    response = client.get(reverse("documents:export"), {"kind": "receipt_slip"})
    assert response.status_code == 200
    sheet = open_export(response.content)
    headers = assert_office_layout(
        sheet, title="SỔ ĐĂNG KÝ VĂN BẢN ĐI — CHƯƠNG TRÌNH 1322", filters="Loại văn bản: Phiếu tiếp nhận"
    )
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    assert [r[1] for r in rows] == ["01/TNHS-SKHCN"] and rows[0][5] == mine.tracking_code
    assert sheet.cell(row=4, column=headers["Ngày ban hành"]).number_format == "DD/MM/YYYY"


def test_enterprise_sees_only_its_own_documents_in_the_register(client, slip, owner, officer, dossier):
    run_effect("council_minutes", dossier, officer)
    other = DossierFactory(call=dossier.call)
    run_effect("receipt_slip", other, officer)
    client.force_login(owner)
    html = client.get(reverse("documents:register_mine")).content.decode()
    assert "Văn bản của doanh nghiệp" in html and slip.number in html
    assert "BB-HĐTV" not in html and other.tracking_code not in html and "Tạo lại PDF" not in html


def test_council_members_do_not_keep_the_register(client, can_tho):
    client.force_login(UserFactory(role=Role.COUNCIL, agency=can_tho))
    assert client.get(reverse("documents:register")).status_code == 403
    assert client.get(reverse("documents:export")).status_code == 403


def test_redraw_pdf_needs_an_office_role(client, slip, can_tho, monkeypatch):
    monkeypatch.setattr(services, "can_convert", lambda: False)
    client.force_login(UserFactory(role=Role.CITY, agency=can_tho))
    assert client.post(reverse("documents:redraw_pdf", args=[slip.pk])).status_code == 403
    client.force_login(UserFactory(role=Role.OFFICER, agency=can_tho))
    response = client.post(reverse("documents:redraw_pdf", args=[slip.pk]), {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("documents:register")


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.django_db(transaction=True)
def test_the_queue_worker_draws_the_pdf_after_the_commit(can_tho, settings):
    import time

    from django.core.management import call_command
    from django.db import transaction

    settings.TASKS_RUN_INLINE = False  # as on a server: the PDF is a task on the queue
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    dossier = DossierFactory(call__agency=can_tho)
    owner = enterprise_user(dossier.enterprise)
    started = time.monotonic()
    with transaction.atomic():
        document = run_effect("receipt_slip", dossier, owner)
    assert time.monotonic() - started < 5  # the step itself does not wait for LibreOffice
    document.refresh_from_db()
    assert document.pdf_status == Document.PdfStatus.PENDING  # queued with the step, not drawn by it
    call_command("worker", "--batch", "--nice", "0")
    document.refresh_from_db()
    assert document.pdf_status == Document.PdfStatus.READY
