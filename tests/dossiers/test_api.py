"""The JSON API of calls and dossiers, and the public status lookup."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier, EligibilityCheck, VisitPhoto
from tests.core.factories import UserFactory
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import PNG_BYTES, make_dossier, meet_eligibility, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quiet_documents(monkeypatch):
    for name in ("receipt_slip",):
        monkeypatch.setitem(workflow.EFFECTS, name, lambda step: None)


def test_calls_list_create_detail(agency, officer, call, ent_user, api_client):
    content = SupportContentFactory()
    body = {
        "year": 2027,
        "title": "Đợt 2027",
        "budget_vnd": 3_000_000_000,
        "publish": True,
        "contents": [{"content_id": content.pk, "support_rate_percent": 40, "ceiling_vnd": 150_000_000}],
    }
    response = api_client(officer).post("/api/v1/calls", body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["registration_opens"] == "2027-01-01" and created["registration_closes"] == "2027-03-31"
    assert [c["max_points"] for c in created["criteria"]] == [15, 50, 35]
    assert created["contents"][0]["support_rate_percent"] == 40
    listed = api_client(officer).get("/api/v1/calls").json()
    assert listed["total"] == 2
    assert api_client(ent_user).get(f"/api/v1/calls/{created['id']}").status_code == 200
    assert api_client(ent_user).post("/api/v1/calls", body).status_code == 403
    bad = api_client(officer).post("/api/v1/calls", {**body, "contents": [{"content_id": 99999}]})
    assert bad.status_code == 400 and "contents" in bad.json()["errors"]


def test_enterprise_draft_patch_submit_history(call, enterprise, ent_user, api_client):
    client = api_client(ent_user)
    content = call.contents.first().content
    response = client.post(
        "/api/v1/dossiers", {"call_id": call.pk, "content_id": content.pk, "title": "Lean"}
    )
    assert response.status_code == 201, response.content
    dossier_id = response.json()["id"]
    patch = {
        "objectives": "Giảm lãng phí",
        "expected_results": "Lean",
        "total_cost_vnd": 200_000_000,
        "requested_support_vnd": 90_000_000,
        "period_start": "2026-05-01",
        "period_end": "2026-11-30",
    }
    response = client.patch(f"/api/v1/dossiers/{dossier_id}", patch)
    assert response.status_code == 200 and response.json()["total_cost_vnd"] == 200_000_000
    response = client.post(f"/api/v1/dossiers/{dossier_id}/transitions", {"action": "submit"})
    assert response.status_code == 409 and "hồ sơ kèm theo" in response.json()["detail"]
    for kind in call.contents.get(content=content).required_attachments:
        r = client.upload(
            f"/api/v1/dossiers/{dossier_id}/attachments", {"kind": kind, "file": pdf(f"{kind}.pdf")}
        )
        assert r.status_code == 201, r.content
    response = client.post(f"/api/v1/dossiers/{dossier_id}/transitions", {"action": "submit", "note": ""})
    assert response.status_code == 200 and response.json()["tracking_code"].startswith("CT-")
    assert client.patch(f"/api/v1/dossiers/{dossier_id}", {"title": "x"}).status_code == 409
    history = client.get(f"/api/v1/dossiers/{dossier_id}/history").json()
    assert [(h["from_state"], h["to_state"]) for h in history] == [("draft", "submitted")]


def test_enterprise_cannot_see_another_by_guessing_ids(call, enterprise, ent_user, api_client):
    theirs = make_dossier(call=call, enterprise=EnterpriseFactory(agency=call.agency), state="submitted")
    client = api_client(ent_user)
    assert client.get(f"/api/v1/dossiers/{theirs.pk}").status_code == 404
    assert client.get(f"/api/v1/dossiers/{theirs.pk}/history").status_code == 404
    assert client.patch(f"/api/v1/dossiers/{theirs.pk}", {"title": "x"}).status_code == 404
    assert (
        client.post(
            f"/api/v1/dossiers/{theirs.pk}/transitions", {"action": "withdraw", "note": "x"}
        ).status_code
        == 404
    )
    assert client.get("/api/v1/dossiers").json()["total"] == 0
    assert client.get("/api/v1/dossiers/999999").status_code == 404


def test_officer_list_filters_and_drafts_hidden(call, enterprise, officer, vinh_long, api_client):
    make_dossier(call=call, enterprise=enterprise)  # a draft
    submitted = make_dossier(call=call, enterprise=enterprise, state="submitted", attachments=False)
    make_dossier(call=call, enterprise=enterprise, state="valid", attachments=False)
    client = api_client(officer)
    everything = client.get("/api/v1/dossiers").json()
    assert everything["total"] == 2
    only = client.get(
        "/api/v1/dossiers", {"state": "submitted", "call": call.pk, "ward": enterprise.ward_id}
    ).json()
    assert [d["id"] for d in only["items"]] == [submitted.pk]
    detail = client.get(f"/api/v1/dossiers/{submitted.pk}").json()
    assert {a["action"] for a in detail["actions"]} >= {"mark_valid", "request_supplement", "mark_invalid"}
    stranger = UserFactory(role=Role.OFFICER, agency=vinh_long)
    assert api_client(stranger).get(f"/api/v1/dossiers/{submitted.pk}").status_code == 404


def test_create_dossier_validation(call, enterprise, ent_user, officer, api_client):
    client = api_client(ent_user)
    response = client.post(
        "/api/v1/dossiers",
        {"call_id": call.pk, "content_id": call.contents.first().content_id, "total_cost_vnd": -5},
    )
    assert response.status_code == 400 and "total_cost_vnd" in response.json()["errors"]
    response = client.post("/api/v1/dossiers", {"call_id": 99999, "content_id": 1})
    assert response.status_code == 400
    assert (
        api_client(officer).post("/api/v1/dossiers", {"call_id": call.pk, "content_id": 1}).status_code == 403
    )
    other = EnterpriseFactory(agency=call.agency)
    response = client.post(
        "/api/v1/dossiers", {"call_id": call.pk, "content_id": 1, "enterprise_id": other.pk}
    )
    assert response.status_code == 400


def test_unknown_action_is_400(call, enterprise, ent_user, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise)
    response = api_client(ent_user).post(f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "fly"})
    assert response.status_code == 400


def test_public_lookup_api(call, enterprise, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    Dossier.objects.filter(pk=dossier.pk).update(due_on=timezone.localdate() + dt.timedelta(days=5))
    client = api_client()
    ok = client.get(f"/api/v1/public/dossiers/{dossier.tracking_code}", {"tax_code": enterprise.tax_code})
    assert ok.status_code == 200
    body = ok.json()
    assert set(body) == {"tracking_code", "state", "state_label", "submitted_at", "last_changed_at", "due_on"}
    assert body["state"] == "submitted"
    wrong_tax = client.get(f"/api/v1/public/dossiers/{dossier.tracking_code}", {"tax_code": "0100233488"})
    wrong_code = client.get("/api/v1/public/dossiers/CT-2026-424242", {"tax_code": enterprise.tax_code})
    assert wrong_tax.status_code == wrong_code.status_code == 404
    assert wrong_tax.json() == wrong_code.json()
    statuses = [client.get("/api/v1/public/dossiers/X", {"tax_code": "1"}).status_code for _ in range(25)]
    assert 429 in statuses


def test_second_enterprise_user_of_same_enterprise_sees_it(call, enterprise, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise)
    colleague = enterprise_user(enterprise)
    assert api_client(colleague).get(f"/api/v1/dossiers/{dossier.pk}").status_code == 200


def test_attachments_through_the_api(call, enterprise, ent_user, officer, api_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import PDF_BYTES

    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    url = f"/api/v1/dossiers/{dossier.pk}/attachments"
    owner = api_client(ent_user)
    r = owner.upload(url, {"kind": "business_license", "file": pdf("gcn-dkkd.pdf")})
    assert r.status_code == 201 and r.json()["original_name"] == "gcn-dkkd.pdf"
    assert r.json()["content_type"] == "application/pdf" and r.json()["size"] == len(PDF_BYTES)
    attachment_id = r.json()["id"]
    fake = SimpleUploadedFile("bao-cao.pdf", b"khong phai PDF", content_type="application/pdf")
    r = owner.upload(url, {"kind": "business_license", "file": fake})
    assert r.status_code == 400 and r.json()["errors"]["file"]
    r = owner.upload(url, {"kind": "khong-co", "file": pdf()})
    assert r.status_code == 400 and r.json()["errors"]["kind"]
    assert owner.upload(url, {"kind": "business_license"}).status_code == 400  # no file
    assert (
        api_client(officer).upload(url, {"kind": "business_license", "file": pdf()}).status_code == 404
    )  # a draft
    stranger = api_client(enterprise_user(EnterpriseFactory(agency=call.agency)))
    assert stranger.upload(url, {"kind": "business_license", "file": pdf()}).status_code == 404
    assert stranger.get(f"{url}/{attachment_id}").status_code == 404
    download = owner.get(f"{url}/{attachment_id}")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    assert owner.delete(f"{url}/{attachment_id}").status_code == 204
    assert owner.delete(f"{url}/{attachment_id}").status_code == 404
    submitted = make_dossier(call=call, enterprise=enterprise, state="submitted")
    r = owner.upload(
        f"/api/v1/dossiers/{submitted.pk}/attachments", {"kind": "business_license", "file": pdf()}
    )
    assert r.status_code == 409 and r.json()["detail"]
    staff = api_client(officer).upload(
        f"/api/v1/dossiers/{submitted.pk}/attachments", {"kind": "business_license", "file": pdf()}
    )
    assert staff.status_code == 403


def test_openapi_describes_each_actions_fields_files_and_refusals(client):
    doc = client.get("/api/v1/openapi.json").json()
    transition = doc["paths"]["/api/v1/dossiers/{dossier_id}/transitions"]["post"]
    content = transition["requestBody"]["content"]
    by_action = {s["title"]: s for s in content["multipart/form-data"]["schema"]["oneOf"]}
    assert set(by_action) == set(workflow.BY_ACTION)
    survey = by_action["record_survey"]
    assert survey["properties"]["visited_on"] == {"type": "string", "format": "date", "description": "Ngày"}
    assert {"visited_on", "participants", "findings"} <= set(survey["required"])
    assert survey["properties"]["photos"]["items"]["format"] == "binary"
    assert by_action["approve"]["properties"]["decision_file"]["format"] == "binary"
    assert "note" in by_action["mark_invalid"]["required"]
    as_json = {s["title"]: s for s in content["application/json"]["schema"]["oneOf"]}
    assert "visited_on" in as_json["record_survey"]["properties"]
    assert "photos" not in as_json["record_survey"]["properties"]
    assert "`visited_on`*" in transition["description"]
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, method in [
        ("/api/v1/dossiers/{dossier_id}/transitions", "post"),
        ("/api/v1/dossiers/{dossier_id}/eligibility", "put"),
        ("/api/v1/dossiers/{dossier_id}/duplicate-override", "post"),
        ("/api/v1/councils", "post"),
        ("/api/v1/councils/{council_id}/members", "post"),
        ("/api/v1/councils/{council_id}/members/{member_id}", "delete"),
        ("/api/v1/contracts/{contract_id}/progress-reports", "post"),
    ]:
        responses = doc["paths"][path][method]["responses"]
        assert {"400", "401", "403", "404"} & set(responses), path
        for status in ("400", "401", "403", "404", "409"):
            if status in responses:
                assert responses[status]["content"]["application/json"]["schema"] == error, (path, status)
    assert set(doc["components"]["schemas"]["ErrorOut"]["required"]) == {"detail", "errors"}


def test_transitions_take_a_multipart_form_with_the_actions_files(call, enterprise, officer, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="valid")
    client = api_client(officer)
    url = f"/api/v1/dossiers/{dossier.pk}/transitions"
    today = timezone.localdate().isoformat()
    form = {
        "action": "record_survey",
        "visited_on": today,
        "participants": "Sở; doanh nghiệp",
        "findings": "Tốt",
    }
    r = client.upload(url, {**form, "photos": [pdf("anh.png")]})
    assert r.status_code == 400 and r.json()["errors"]["photos"]
    r = client.upload(url, {key: value for key, value in form.items() if key != "action"})
    assert r.status_code == 400 and "action" in r.json()["errors"]
    photos = [SimpleUploadedFile(f"anh-{n}.png", PNG_BYTES, "image/png") for n in range(2)]
    r = client.upload(url, {**form, "note": "Khảo sát", "photos": photos})
    assert r.status_code == 200 and r.json()["state"] == "surveyed"
    assert VisitPhoto.objects.filter(visit__dossier=dossier).count() == 2


def test_transitions_refuse_a_body_that_is_not_a_json_object(call, enterprise, ent_user, api_client):
    dossier = make_dossier(call=call, enterprise=enterprise)
    client = api_client(ent_user)
    url = f"/api/v1/dossiers/{dossier.pk}/transitions"
    for raw in ("{not json", '["submit"]', '{"note": "x"}', '{"action": 5}'):
        r = client.post(url, raw=raw)
        assert r.status_code == 400, raw
        assert r.json()["detail"] and r.json()["errors"], raw


def test_eligibility_checklist_through_the_api(
    call, enterprise, ent_user, officer, director, vinh_long, api_client
):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    url = f"/api/v1/dossiers/{dossier.pk}/eligibility"
    items = [{"item": item, "met": True, "evidence": "Đã đối chiếu"} for item in EligibilityCheck.Item.values]
    assert api_client(ent_user).get(url).status_code == 403
    assert api_client(ent_user).put(url, {"items": items}).status_code == 403
    stranger = UserFactory(role=Role.OFFICER, agency=vinh_long)
    assert api_client(stranger).put(url, {"items": items}).status_code == 404
    assert api_client(director).put(url, {"items": items}).status_code == 403
    r = api_client(officer).put(url, {"items": [{"item": "tax", "met": True, "evidence": ""}]})
    assert r.status_code == 400 and "minh chứng" in r.json()["errors"]["tax"][0]
    r = api_client(officer).put(url, {"items": [{"item": "weather", "met": True}]})
    assert r.status_code == 400 and r.json()["errors"]
    r = api_client(officer).put(url, {"items": items})
    assert r.status_code == 200
    assert [row["met"] for row in r.json()["items"]] == [True] * len(items)
    assert r.json()["items"][0]["checked_by"] == str(officer)
    r = api_client(officer).post(f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "mark_valid"})
    assert r.status_code == 200 and r.json()["state"] == "valid"
    assert api_client(officer).put(url, {"items": items}).status_code == 409


def test_director_overrides_duplicate_support_through_the_api(
    call, enterprise, officer, director, api_client
):
    make_dossier(call=call, enterprise=enterprise, state="paid")  # supported before, same content
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    meet_eligibility(dossier, officer)
    transitions = f"/api/v1/dossiers/{dossier.pk}/transitions"
    r = api_client(officer).post(transitions, {"action": "mark_valid"})
    assert r.status_code == 409 and "lãnh đạo Sở" in r.json()["detail"]
    url = f"/api/v1/dossiers/{dossier.pk}/duplicate-override"
    reason = "Hồ sơ trước đã thanh lý, nội dung mở rộng sang nhà máy mới."
    assert api_client(officer).post(url, {"reason": reason}).status_code == 403
    r = api_client(director).post(url, {"reason": "ngắn"})
    assert r.status_code == 400 and "reason" in r.json()["errors"]
    r = api_client(director).post(url, {"reason": reason})
    assert r.status_code == 200, r.json()
    assert r.json()["duplicate_reason"] and r.json()["duplicate_override_reason"] == reason
    assert api_client(officer).post(transitions, {"action": "mark_valid"}).status_code == 200


def test_the_dossier_list_reads_no_long_text_row_by_row(call, officer, api_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api_client(officer)

    def listed() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/dossiers")
        assert response.status_code == 200
        return len(queries)

    make_dossier(
        call=call, enterprise=EnterpriseFactory(agency=call.agency), state="submitted", attachments=False
    )
    client.get("/api/v1/dossiers")
    few = listed()
    for _ in range(5):
        make_dossier(
            call=call, enterprise=EnterpriseFactory(agency=call.agency), state="valid", attachments=False
        )
    assert listed() == few
