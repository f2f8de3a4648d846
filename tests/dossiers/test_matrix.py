"""The whole role × action × state matrix of the workflow table, through the service and, for a sample,
through the API. Rules of other apps (documents, councils, contracts) are stubbed: this is about who may
do what from where. This app's own conditions are met by the fixtures."""

import datetime as dt

import pytest
from django.utils import timezone

from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.permissions import ALLOW
from nangsuat.core.roles import Role
from nangsuat.councils.models import Council, CouncilMember
from nangsuat.dossiers import effects as own_rules
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier, SupplementRequest
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.registry.factories import enterprise_user

from .factories import make_dossier, meet_eligibility

pytestmark = pytest.mark.django_db

OWN = {
    name
    for name, fn in {**workflow.CONDITIONS, **workflow.EFFECTS}.items()
    if fn.__module__ == own_rules.__name__
}
TODAY = timezone.localdate().isoformat()
PAYLOADS = {
    "request_supplement": {"items": "Bổ sung báo cáo tài chính"},
    "record_survey": {"visited_on": TODAY, "participants": "Đoàn khảo sát", "findings": "Đạt"},
    "inspect": {"visited_on": TODAY, "participants": "Đoàn kiểm tra", "findings": "Đạt"},
}


@pytest.fixture
def stub_other_apps(monkeypatch):
    for name in list(workflow.CONDITIONS):
        if name not in OWN:
            monkeypatch.setitem(workflow.CONDITIONS, name, lambda dossier: ALLOW)
    for name in list(workflow.EFFECTS):
        if name not in OWN:
            monkeypatch.setitem(workflow.EFFECTS, name, lambda step: None)
    for name in list(workflow.PERMISSIONS):
        monkeypatch.setitem(workflow.PERMISSIONS, name, lambda dossier, user: ALLOW)


@pytest.fixture
def people(agency, call, enterprise):
    users = {role: UserFactory(role=role, agency=agency) for role in Role if role != Role.ENTERPRISE}
    users[Role.ENTERPRISE] = enterprise_user(enterprise)
    council = Council.objects.create(call=call, name="Hội đồng tư vấn")
    CouncilMember.objects.create(
        council=council, user=users[Role.COUNCIL], position=CouncilMember.Position.SECRETARY
    )
    return users


def dossier_in(state, call, enterprise, action) -> Dossier:
    dossier = make_dossier(
        call=call, enterprise=enterprise, state=state, attachments=action in ("submit", "resubmit")
    )
    if action == "mark_valid":
        meet_eligibility(dossier)
    return dossier


def act(dossier, action, user):
    payload = workflow.clean_payload(action, PAYLOADS[action]) if action in PAYLOADS else {}
    note = "Lý do ghi rõ" if workflow.BY_ACTION[action].note_required else ""
    return workflow.perform(dossier=dossier, action=action, actor=user, note=note, payload=payload)


@pytest.mark.parametrize("action", [t.action for t in workflow.TRANSITIONS])
def test_role_state_matrix(action, stub_other_apps, people, call, enterprise):
    transition = workflow.BY_ACTION[action]
    for role, user in people.items():
        if role not in transition.roles:
            dossier = dossier_in(transition.sources[0], call, enterprise, action)
            with pytest.raises(Forbidden):
                act(dossier, action, user)
            assert Dossier.objects.get(pk=dossier.pk).state == transition.sources[0]
            continue
        for state in State.values:
            dossier = dossier_in(state, call, enterprise, action)
            if state in transition.sources:
                act(dossier, action, user)
                assert Dossier.objects.get(pk=dossier.pk).state == transition.target, (role, state)
            elif state == State.DRAFT and role != Role.ENTERPRISE:
                # A draft is the enterprise's alone: staff do not even see it.
                with pytest.raises(Forbidden):
                    act(dossier, action, user)
            else:
                with pytest.raises(Conflict) as exc:
                    act(dossier, action, user)
                assert "Không thể" in exc.value.message, (role, state)
                assert Dossier.objects.get(pk=dossier.pk).state == state


def test_every_transition_is_audited(stub_other_apps, people, call, enterprise):
    from nangsuat.core.audit import history_of

    dossier = dossier_in("submitted", call, enterprise, "mark_valid")
    act(dossier, "mark_valid", people[Role.OFFICER])
    entry = history_of(dossier).get()
    assert (entry.actor, entry.from_state, entry.to_state) == (people[Role.OFFICER], "submitted", "valid")


def test_another_agency_is_refused(stub_other_apps, vinh_long, call, enterprise):
    stranger = UserFactory(role=Role.OFFICER, agency=vinh_long)
    dossier = dossier_in("submitted", call, enterprise, "mark_valid")
    with pytest.raises(Forbidden):
        act(dossier, "mark_valid", stranger)


def test_another_enterprise_is_refused(stub_other_apps, call, enterprise):
    from tests.registry.factories import EnterpriseFactory

    dossier = dossier_in("draft", call, enterprise, "submit")
    other = enterprise_user(EnterpriseFactory(agency=call.agency))
    with pytest.raises(Forbidden):
        act(dossier, "submit", other)


def test_note_required_and_unknown_action(stub_other_apps, people, call, enterprise):
    from django.core.exceptions import ValidationError

    dossier = dossier_in("submitted", call, enterprise, "mark_invalid")
    with pytest.raises(ValidationError):
        workflow.perform(dossier=dossier, action="mark_invalid", actor=people[Role.OFFICER])
    with pytest.raises(ValidationError):
        workflow.perform(dossier=dossier, action="fly", actor=people[Role.OFFICER])


# --- A sample through the API ---------------------------------------------------------------------

API_SAMPLE = [
    ("mark_valid", Role.OFFICER, "submitted", 200),
    ("mark_valid", Role.DIRECTOR, "submitted", 403),
    ("mark_valid", Role.ENTERPRISE, "submitted", 403),
    ("mark_valid", Role.OFFICER, "valid", 409),
    ("request_supplement", Role.OFFICER, "submitted", 200),
    ("record_survey", Role.OFFICER, "valid", 200),
    ("propose", Role.DIRECTOR, "recommended", 200),
    ("propose", Role.OFFICER, "recommended", 403),
    ("withdraw", Role.ENTERPRISE, "submitted", 200),
    ("withdraw", Role.ENTERPRISE, "contracted", 409),
    ("terminate", Role.DIRECTOR, "in_progress", 200),
    ("pay", Role.OFFICER, "accepted", 409),
]


@pytest.mark.parametrize(("action", "role", "state", "status"), API_SAMPLE)
def test_matrix_sample_through_api(
    action, role, state, status, stub_other_apps, people, call, enterprise, api_client
):
    dossier = dossier_in(state, call, enterprise, action)
    body = {"action": action, "note": "Lý do ghi rõ", **PAYLOADS.get(action, {})}
    response = api_client(people[role]).post(f"/api/v1/dossiers/{dossier.pk}/transitions", body)
    assert response.status_code == status, response.content
    if status == 200:
        assert response.json()["state"] == workflow.BY_ACTION[action].target
    else:
        assert response.json()["detail"]
        assert Dossier.objects.get(pk=dossier.pk).state == state


def test_api_transition_bad_fields_are_400(stub_other_apps, people, call, enterprise, api_client):
    dossier = dossier_in("valid", call, enterprise, "record_survey")
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    body = {"action": "record_survey", "visited_on": future, "participants": "", "findings": "x"}
    response = api_client(people[Role.OFFICER]).post(f"/api/v1/dossiers/{dossier.pk}/transitions", body)
    assert response.status_code == 400
    assert {"visited_on", "participants"} <= set(response.json()["errors"])


# A field of the wrong JSON type is 400 naming it (``api.forms.check_json_types``).


def _post(api_client, user, dossier, body):
    return api_client(user).post(f"/api/v1/dossiers/{dossier.pk}/transitions", body)


def test_a_list_of_supplement_items_is_400_and_no_notice_is_written(
    stub_other_apps, people, call, enterprise, api_client
):
    dossier = dossier_in("submitted", call, enterprise, "request_supplement")
    body = {"action": "request_supplement", "items": ["giấy phép", "báo giá"]}
    r = _post(api_client, people[Role.OFFICER], dossier, body)
    assert r.status_code == 400 and r.json()["errors"]["items"] == ["Phải là chuỗi ký tự."]
    assert Dossier.objects.get(pk=dossier.pk).state == "submitted"
    assert not SupplementRequest.objects.exists()


def test_an_object_as_a_decision_number_is_400(stub_other_apps, people, call, enterprise, api_client):
    dossier = dossier_in("proposed", call, enterprise, "approve")
    body = {"action": "approve", "decision_number": {"a": 1}, "decision_date": "2026-06-01"}
    r = _post(api_client, people[Role.OFFICER], dossier, body)
    assert r.status_code == 400 and "decision_number" in r.json()["errors"]
    assert Dossier.objects.get(pk=dossier.pk).state == "proposed"


@pytest.mark.parametrize("amount", [True, "150000000", 1.5e8, [150_000_000]])
def test_an_amount_must_be_a_json_integer(stub_other_apps, people, call, enterprise, api_client, amount):
    dossier = dossier_in("assigned", call, enterprise, "sign_contract")
    body = {
        "action": "sign_contract",
        "number": "01/2026/HĐ-SKHCN",
        "signed_on": "2026-06-20",
        "amount_vnd": amount,
        "deliverables": "Giấy chứng nhận",
        "deadline": "2026-12-31",
    }
    r = _post(api_client, people[Role.DIRECTOR], dossier, body)
    assert r.status_code == 400 and r.json()["errors"]["amount_vnd"] == ["Phải là số nguyên."]


def test_a_date_given_as_a_number_is_400(stub_other_apps, people, call, enterprise, api_client):
    dossier = dossier_in("valid", call, enterprise, "record_survey")
    body = {"action": "record_survey", "visited_on": 20260101, "participants": "Đoàn", "findings": "Đạt"}
    r = _post(api_client, people[Role.OFFICER], dossier, body)
    assert r.status_code == 400 and "visited_on" in r.json()["errors"]
