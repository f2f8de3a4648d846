"""The registration form as an SME fills it: amounts in words and the most the programme may pay for the
chosen content, dates typed day first whatever the browser, and the withdraw link apart from Submit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nangsuat.core.widgets import DateInput
from nangsuat.dossiers.registration import call_content_for
from nangsuat.dossiers.services import calls as call_services
from tests.core.clients import client_for

from .factories import make_dossier

pytestmark = pytest.mark.django_db


def test_the_hint_says_each_amount_in_words_and_the_contents_maximum(call, ent_user):
    content = call.contents.first()
    url = reverse("dossiers:support_hint", args=[call.pk])
    response = client_for(ent_user).get(
        url,
        {"content": content.content_id, "total_cost_vnd": "180.000.000", "requested_support_vnd": "90000000"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Một trăm tám mươi triệu đồng" in html and "Chín mươi triệu đồng" in html
    limit = content.max_support_for(180_000_000)
    assert f"{limit:,}".replace(",", ".") in html and "vượt" not in html
    over = client_for(ent_user).get(
        url,
        {"content": content.content_id, "total_cost_vnd": "180000000", "requested_support_vnd": "179000000"},
    )
    assert "Kinh phí đề nghị đang vượt mức này." in over.content.decode()
    assert client_for(ent_user).get(url, {"total_cost_vnd": "abc"}).status_code == 200  # nothing to say


def test_dates_are_typed_day_first_and_iso_is_read_too(call, ent_user):
    assert DateInput().format == "%d/%m/%Y"
    dossier = make_dossier(call=call, enterprise=ent_user.memberships.get().enterprise)
    page = client_for(ent_user).get(reverse("dossiers:dossier_edit", args=[dossier.pk])).content.decode()
    assert 'placeholder="dd/mm/yyyy"' in page and 'type="date"' not in page
    from nangsuat.dossiers.forms.dossiers import DossierForm

    for typed in ("05/01/2027", "2027-01-05"):
        form = DossierForm({"content": call.contents.first().content_id, "period_start": typed}, call=call)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["period_start"].isoformat() == "2027-01-05"


def test_english_pages_read_dates_day_first_too(call, ent_user, settings):
    from django.utils import translation

    from nangsuat.dossiers.forms.dossiers import DossierForm

    with translation.override("en"):
        form = DossierForm(
            {"content": call.contents.first().content_id, "period_start": "05/01/2027"}, call=call
        )
        assert form.is_valid() and form.cleaned_data["period_start"].month == 1


def test_withdraw_stands_apart_from_submit(call, ent_user):
    dossier = make_dossier(call=call, enterprise=ent_user.memberships.get().enterprise, state="submitted")
    page = client_for(ent_user).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    end = page.index('class="actions-bar__end"')
    withdraw = page.index("/actions/withdraw/")
    assert withdraw > end and "btn--quiet" in page[end : withdraw + 200]
    assert "btn--danger-outline" not in page[end : withdraw + 200]


def test_papers_are_attached_in_the_same_step_as_the_form(call, ent_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from nangsuat.dossiers.models import Dossier
    from tests.dossiers.factories import PDF_BYTES

    content = call.contents.first()
    kinds = content.required_attachments or ["registration_form"]
    url = reverse("dossiers:dossier_start", args=[call.pk])
    page = client_for(ent_user).get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page and f'name="paper_{kinds[0]}"' in page
    data = {
        "content": content.content_id,
        "title": "Áp dụng 5S",
        f"paper_{kinds[0]}": SimpleUploadedFile("phieu.pdf", PDF_BYTES, content_type="application/pdf"),
    }
    response = client_for(ent_user).post(url, data)
    assert response.status_code == 302
    dossier = Dossier.objects.get(title="Áp dụng 5S")
    assert list(dossier.attachments.values_list("kind", flat=True)) == [kinds[0]]


def test_a_refused_paper_keeps_nothing_and_says_so_under_its_field(call, ent_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from nangsuat.dossiers.models import Dossier

    content = call.contents.first()
    kind = (content.required_attachments or ["registration_form"])[0]
    url = reverse("dossiers:dossier_start", args=[call.pk])
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00 not a paper", content_type="application/pdf")
    response = client_for(ent_user).post(
        url, {"content": content.content_id, "title": "Không lưu", f"paper_{kind}": bad}
    )
    assert response.status_code == 200
    assert f"paper_{kind}" in response.context["form"].errors
    assert not Dossier.objects.filter(title="Không lưu").exists()


def test_a_dossiers_offer_comes_from_the_cache_and_follows_the_calls_changes(call, officer, enterprise):
    dossier = make_dossier(call=call, enterprise=enterprise)
    assert call_content_for(dossier).support_rate_percent == 50
    with CaptureQueriesContext(connection) as reads:
        assert call_content_for(dossier).ceiling_vnd == 200_000_000
    assert len(reads) == 0
    call.is_published = False  # offers of a call in preparation are the officer's to change
    call.save()
    call_services.set_call_contents(
        call=call,
        actor=officer,
        contents=[{"content": dossier.content, "support_rate_percent": 30, "ceiling_vnd": 90_000_000}],
    )
    assert (call_content_for(dossier).support_rate_percent, call_content_for(dossier).ceiling_vnd) == (
        30,
        90_000_000,
    )
    call.contents.all().delete()
    assert call_content_for(dossier) is None
