"""Text arrives without control characters: a note pasted on a page with a NUL, an ESC or a word
processor's vertical tab is stored cleaned, and the documents drawn from it can be written; the API
refuses one with a 400 naming the field."""

import json

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from nangsuat.core.text import has_control_characters, without_control_characters
from nangsuat.documents.models import Document as OfficialDocument
from tests.documents.helpers import all_text, docx_of

from .factories import make_dossier

pytestmark = pytest.mark.django_db
DIRTY = "Bổ sung\x06 báo cáo\x0btài chính\x00 năm 2025\x1b\x86"


def test_control_characters_are_dropped_and_breaks_become_line_feeds():
    assert without_control_characters(DIRTY) == "Bổ sung báo cáo\ntài chính năm 2025"
    assert without_control_characters("dòng 1\r\n\tdòng 2") == "dòng 1\r\n\tdòng 2"


@given(st.text())
def test_cleaned_text_has_none_left_and_clean_text_is_untouched(text):
    cleaned = without_control_characters(text)
    assert not has_control_characters(cleaned)
    if not has_control_characters(text):
        assert cleaned == text


def _supplement_document(dossier) -> str:
    return all_text(docx_of(OfficialDocument.objects.filter(dossier=dossier).latest("pk")))


@pytest.mark.parametrize("escaped", [False, True], ids=["raw", "json-escaped"])
def test_an_api_body_with_control_characters_is_400_naming_each_field(
    call, enterprise, officer, api_client, escaped
):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    body = {"action": "request_supplement", "items": DIRTY, "note": "Thiếu hồ sơ", "extra": [{"x": "\x01"}]}
    raw = json.dumps(body, ensure_ascii=escaped).encode()
    response = api_client(officer).post(f"/api/v1/dossiers/{dossier.pk}/transitions", raw=raw)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"items", "extra.0.x"}
    assert "ký tự điều khiển" in response.json()["detail"]
    dossier.refresh_from_db()
    assert dossier.state == "submitted"


def test_an_api_form_body_or_query_with_control_characters_is_400(call, enterprise, officer, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    client = api_client(officer)
    response = client.upload(f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "x", "note": "a\x1bb"})
    assert response.status_code == 400 and set(response.json()["errors"]) == {"note"}
    response = client.get("/api/v1/dossiers", {"q": "Cần\x00 Thơ"})
    assert response.status_code == 400 and set(response.json()["errors"]) == {"q"}


def test_an_api_body_with_accented_escapes_passes(call, enterprise, officer, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    body = {"action": "request_supplement", "items": "Báo cáo tài chính", "note": "Thiếu hồ sơ"}
    raw = json.dumps(body, ensure_ascii=True).encode()
    assert api_client(officer).post(f"/api/v1/dossiers/{dossier.pk}/transitions", raw=raw).status_code == 200


def test_a_page_note_with_control_characters_is_stored_clean(
    call, enterprise, officer, django_capture_on_commit_callbacks
):
    from tests.core.clients import client_after_totp

    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_after_totp(officer).post(
            reverse("dossiers:dossier_action", args=[dossier.pk, "request_supplement"]),
            {"items": DIRTY, "note": "Thiếu\x07 hồ sơ"},
        )
    assert response.status_code == 302
    assert "Bổ sung báo cáo" in _supplement_document(dossier)


def test_a_page_search_with_control_characters_answers(officer):
    from tests.core.clients import client_after_totp

    response = client_after_totp(officer).get(reverse("dossiers:dossier_list"), {"q": "Cần\x00 Thơ\x1b"})
    assert response.status_code == 200
