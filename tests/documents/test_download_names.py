"""Documents download under their Vietnamese names, "<type> <number>", with an ASCII fallback; a PDF
opens in the browser, a DOCX downloads."""

from urllib.parse import quote

from django.core.files.base import ContentFile
from django.urls import reverse

from nangsuat.core.downloads import content_disposition
from tests.api.conftest import ApiClient
from tests.documents.helpers import run_effect


def test_content_disposition_sends_the_vietnamese_name_and_an_ascii_fallback():
    header = content_disposition("Tờ trình 02/TTr-SKHCN.pdf", inline=True)
    assert header == (
        "inline; filename=\"To trinh 02-TTr-SKHCN.pdf\"; filename*=UTF-8''"
        + quote("Tờ trình 02-TTr-SKHCN.pdf", safe="")
    )
    assert content_disposition('Hợp đồng "01"/HĐ.docx').startswith(
        'attachment; filename="Hop dong 01-HD.docx"'
    )


def test_docx_downloads_as_an_attachment_under_type_and_number(client, dossier, owner):
    slip = run_effect("receipt_slip", dossier, owner)
    client.force_login(owner)
    response = client.get(reverse("documents:download", args=[slip.pk]))
    expected = f"Phiếu tiếp nhận {slip.number.replace('/', '-')}.docx"
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="Phieu tiep nhan {slip.number.replace("/", "-")}.docx"; '
        f"filename*=UTF-8''{quote(expected, safe='')}"
    )


def test_pdf_opens_in_the_browser_under_type_and_number(client, dossier, owner, officer):
    document = run_effect("support_contract", dossier, officer, payload={"amount_vnd": 100_000_000})
    document.pdf.save("hop-dong.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    client.force_login(officer)
    response = client.get(reverse("documents:download_pdf", args=[document.pk]))
    expected = f"Hợp đồng {document.number.replace('/', '-')}.pdf"
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="Hop dong ')
    assert response["Content-Disposition"].endswith(f"filename*=UTF-8''{quote(expected, safe='')}")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_api_serves_the_same_names_pdf_inline(dossier, owner, officer):
    document = run_effect("support_contract", dossier, officer, payload={"amount_vnd": 100_000_000})
    document.pdf.save("hop-dong.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    staff = ApiClient(officer)
    name = f"Hợp đồng {document.number.replace('/', '-')}"
    docx = staff.get(f"/api/v1/documents/{document.pk}/docx")
    assert docx["Content-Disposition"].startswith("attachment; ")
    assert docx["Content-Disposition"].endswith(quote(f"{name}.docx", safe=""))
    pdf = staff.get(f"/api/v1/documents/{document.pk}/pdf")
    assert pdf["Content-Disposition"].startswith("inline; ")
    assert pdf["Content-Disposition"].endswith(quote(f"{name}.pdf", safe=""))
