"""Uploaded files: measured before they are unpacked, named by what they contain."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nangsuat.dossiers.services import dossiers as dossier_services
from nangsuat.dossiers.uploads import safe_original_name
from tests.core.bombs import docx_bomb, many_entries

from .factories import PDF_BYTES, docx_bytes, make_dossier

pytestmark = pytest.mark.django_db
BOMB_MESSAGE = "khi giải nén quá lớn hoặc có quá nhiều thành phần"


@pytest.mark.parametrize("data", [docx_bomb(), many_entries()], ids=["expands", "entries"])
def test_a_zip_bomb_dressed_as_docx_is_refused_in_vietnamese(call, enterprise, ent_user, data):
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    upload = SimpleUploadedFile("ke-hoach.docx", data, "application/octet-stream")
    with pytest.raises(ValidationError) as exc:
        dossier_services.add_attachment(dossier=dossier, actor=ent_user, kind="other", upload=upload)
    assert BOMB_MESSAGE in exc.value.message_dict["file"][0]
    assert not dossier.attachments.exists()


def test_a_zip_bomb_through_the_api_is_400_naming_the_file(call, enterprise, ent_user, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    upload = SimpleUploadedFile("ke-hoach.docx", docx_bomb(), "application/octet-stream")
    r = api_client(ent_user).upload(
        f"/api/v1/dossiers/{dossier.pk}/attachments", {"kind": "other", "file": upload}
    )
    assert r.status_code == 400 and BOMB_MESSAGE in r.json()["errors"]["file"][0]


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("gcn.pdf", "pdf", "gcn.pdf"),
        ("GCN.PDF", "pdf", "GCN.PDF"),
        ("virus.hta", "pdf", "virus.pdf"),
        ("trang.html", "pdf", "trang.pdf"),
        ("chay.bat", "docx", "chay.docx"),
        ("bao-cao.pdf.exe", "pdf", "bao-cao.pdf"),
        ("anh.jpeg", "jpg", "anh.jpeg"),
        ("khong-duoi", "png", "khong-duoi.png"),
        ("../../etc/x.pdf", "pdf", "x.pdf"),
        ("", "pdf", "tep.pdf"),
    ],
)
def test_offered_name_takes_the_extension_of_the_detected_type(name, extension, expected):
    assert safe_original_name(name, extension) == expected


def test_long_names_are_cut_keeping_the_extension():
    name = safe_original_name("a" * 5000 + ".pdf", "pdf")
    assert len(name) <= 200 and name.endswith(".pdf")


@pytest.mark.parametrize("name", ["tai-lieu.hta", "tai-lieu.bat", "tai-lieu.html"])
def test_a_pdf_named_as_a_program_is_stored_and_downloaded_as_pdf(
    call, enterprise, ent_user, api_client, name
):
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    url = f"/api/v1/dossiers/{dossier.pk}/attachments"
    r = api_client(ent_user).upload(url, {"kind": "other", "file": SimpleUploadedFile(name, PDF_BYTES)})
    assert r.status_code == 201 and r.json()["original_name"] == "tai-lieu.pdf"
    download = api_client(ent_user).get(f"{url}/{r.json()['id']}")
    assert 'filename="tai-lieu.pdf"' in download["Content-Disposition"]


def test_a_stored_name_with_a_wrong_extension_is_offered_with_the_files_own(
    call, enterprise, ent_user, api_client
):
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    upload = SimpleUploadedFile("plan.docx", docx_bytes())
    attachment = dossier_services.add_attachment(dossier=dossier, actor=ent_user, kind="other", upload=upload)
    type(attachment).objects.filter(pk=attachment.pk).update(original_name="plan.hta")  # stored earlier
    download = api_client(ent_user).get(f"/api/v1/dossiers/{dossier.pk}/attachments/{attachment.pk}")
    assert 'filename="plan.docx"' in download["Content-Disposition"]


def _multipart(file_name: str, data: bytes) -> tuple[bytes, str]:
    """A multipart body written by hand: the test client would cut the file name to 255 characters."""
    boundary = "ranh-gioi"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    )
    body = head.encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("file_name", ["x" * 5000 + ".pdf", "x." + "a" * 5000])
def test_a_five_thousand_character_file_name_is_400_not_500(
    call, enterprise, ent_user, api_client, file_name
):
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    client = api_client(ent_user)
    body, content_type = _multipart(file_name, PDF_BYTES)
    r = client.client.post(
        f"/api/v1/dossiers/{dossier.pk}/attachments", body, content_type=content_type, **client.headers
    )
    assert r.status_code == 400 and r.json()["detail"]
    assert not dossier.attachments.exists()
