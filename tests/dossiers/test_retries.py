"""A client that timed out sends the same POST again with its Idempotency-Key: it gets the first answer,
and nothing is created twice; a retried submission answers 200 with the dossier."""

import json

import pytest

from nangsuat.api.models import IdempotentRequest
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State

pytestmark = pytest.mark.django_db
URL = "/api/v1/dossiers"


def _post(client, body, key):
    return client.client.post(
        URL, json.dumps(body), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key, **client.headers
    )


def _body(call):
    return {"call_id": call.pk, "content_id": call.contents.first().content_id, "title": "Áp dụng 5S"}


def test_a_retried_create_replays_the_first_answer_and_creates_one_dossier(call, ent_user, api_client):
    client = api_client(ent_user)
    first = _post(client, _body(call), "tao-ho-so-0001")
    again = _post(client, _body(call), "tao-ho-so-0001")
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"] and again["Idempotent-Replayed"] == "true"
    assert Dossier.objects.filter(enterprise__in=ent_user.memberships.values("enterprise")).count() == 1
    other = _post(client, _body(call), "tao-ho-so-0002")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


def test_the_same_key_with_another_body_is_422(call, ent_user, api_client):
    client = api_client(ent_user)
    assert _post(client, _body(call), "k-1").status_code == 201
    response = _post(client, {**_body(call), "title": "Khác"}, "k-1")
    assert response.status_code == 422 and "Idempotency-Key" in response.json()["errors"]


def test_a_refused_request_frees_its_key(call, ent_user, api_client):
    client = api_client(ent_user)
    bad = _post(client, {**_body(call), "total_cost_vnd": -5}, "k-2")
    assert bad.status_code == 400 and not IdempotentRequest.objects.exists()
    assert _post(client, {**_body(call), "total_cost_vnd": -5}, "k-2").status_code == 400  # ran again


def test_a_retry_while_the_first_runs_is_409(call, ent_user, api_client):
    client = api_client(ent_user)
    assert _post(client, _body(call), "k-3").status_code == 201
    IdempotentRequest.objects.update(status=None)  # as if the first were still running
    response = _post(client, _body(call), "k-3")
    assert response.status_code == 409 and "đang được xử lý" in response.json()["detail"]


def test_keys_belong_to_their_caller(call, ent_user, api_client, enterprise):
    from tests.registry.factories import enterprise_user

    colleague = enterprise_user(enterprise)
    first = _post(api_client(ent_user), _body(call), "k-4")
    second = _post(api_client(colleague), _body(call), "k-4")
    assert first.status_code == second.status_code == 201 and first.json()["id"] != second.json()["id"]


@pytest.mark.parametrize("key", ["", "x" * 201, "khóa-có-dấu"])
def test_a_malformed_key_is_400(call, ent_user, api_client, key):
    response = _post(api_client(ent_user), _body(call), key)
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["errors"]


def test_a_retried_submission_answers_200_with_the_dossier(call, ent_user, api_client):
    from tests.dossiers.factories import make_dossier

    dossier = make_dossier(call=call, enterprise=ent_user.memberships.get().enterprise)
    client = api_client(ent_user)
    url = f"/api/v1/dossiers/{dossier.pk}/transitions"
    first = client.post(url, {"action": "submit"})
    assert first.status_code == 200, first.content
    again = client.post(url, {"action": "submit"})
    assert again.status_code == 200 and again.json()["state"] == State.SUBMITTED
    assert again.json()["tracking_code"] == first.json()["tracking_code"]


def test_a_committed_step_whose_answer_cannot_be_read_is_303_not_500(call, ent_user, api_client, monkeypatch):
    from django.db import OperationalError

    from nangsuat.dossiers.api import dossiers as api
    from tests.dossiers.factories import make_dossier

    dossier = make_dossier(call=call, enterprise=ent_user.memberships.get().enterprise)

    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(api, "_detail", gone)
    response = api_client(ent_user).post(f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "submit"})
    assert response.status_code == 303 and response["Location"] == f"/api/v1/dossiers/{dossier.pk}"
    dossier.refresh_from_db()
    assert dossier.state == State.SUBMITTED  # the step is done
