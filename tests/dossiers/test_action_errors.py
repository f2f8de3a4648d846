"""An act's page asks for one free text and says what is missing once, under the field it belongs to."""

import pytest
from django.urls import reverse

from nangsuat.core.models import AuditEntry
from nangsuat.dossiers import workflow
from tests.core.clients import client_for

from .factories import make_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quiet(settings, monkeypatch):
    settings.STAFF_MFA_REQUIRED = False
    for name in ("validity_minutes", "supplement_request_letter"):
        monkeypatch.setitem(workflow.EFFECTS, name, lambda step: None)


def test_a_supplement_request_asks_one_text_and_says_once_what_is_missing(call, enterprise, officer):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    url = reverse("dossiers:dossier_action", args=[dossier.pk, "request_supplement"])
    client = client_for(officer)
    form = client.get(url).content.decode()
    assert 'name="items"' in form and 'name="note"' not in form

    response = client.post(url, {"items": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Vui lòng nêu nội dung cần bổ sung.") == 1
    assert page.count("Nội dung cần bổ sung") == 1  # the label; the message is under it
    assert "Vui lòng ghi rõ lý do." not in page

    client.post(url, {"items": "Báo cáo tài chính năm 2025 có xác nhận."})
    dossier.refresh_from_db()
    assert dossier.state == "needs_supplement"
    entry = AuditEntry.objects.get(action="request_supplement")
    assert entry.note == "Báo cáo tài chính năm 2025 có xác nhận."


def test_a_required_reason_is_asked_under_its_own_field(call, enterprise, officer):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    url = reverse("dossiers:dossier_action", args=[dossier.pk, "mark_invalid"])
    response = client_for(officer).post(url, {"note": "  "})
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Vui lòng ghi rõ lý do.") == 1
    field = page[page.index('<label for="id_note">') :]
    assert field.index("Vui lòng ghi rõ lý do.") < field.index("</div>")
    assert 'aria-invalid="true"' in field
