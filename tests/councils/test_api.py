import pytest

from nangsuat.core.roles import Role
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory

from .factories import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def lines(u, f, e):
    return {
        "lines": [
            {"criterion": "urgency", "points": u},
            {"criterion": "feasibility", "points": f},
            {"criterion": "effectiveness", "points": e},
        ]
    }


def test_member_flow_over_the_api(in_council, council):
    council_obj, scorers, _s = council
    api = ApiClient(scorers[0].user)
    base = f"/api/v1/councils/{council_obj.pk}"
    r = api.get("/api/v1/councils")
    assert r.status_code == 200 and r.json()["total"] == 1
    assert len(api.get(base).json()["members"]) == 6
    rows = api.get(f"{base}/dossiers").json()
    assert rows[0]["sheet_status"] == "pending" and rows[0]["title"] is None and rows[0]["progress"] is None
    r = api.put(f"{base}/dossiers/{in_council.pk}/score", lines(10, 40, 30))
    assert r.status_code == 403 and "khai báo" in r.json()["detail"]
    r = api.post(f"{base}/dossiers/{in_council.pk}/conflict", {"has_conflict": True})
    assert r.status_code == 400 and "reason" in r.json()["errors"]
    assert api.post(f"{base}/dossiers/{in_council.pk}/conflict", {"has_conflict": False}).status_code == 200
    assert api.get(f"{base}/dossiers").json()[0]["title"] == in_council.title
    r = api.put(f"{base}/dossiers/{in_council.pk}/score", lines(16, 40, 30))
    assert r.status_code == 400 and "urgency" in r.json()["errors"]
    r = api.put(
        f"{base}/dossiers/{in_council.pk}/score", {"lines": [{"criterion": "urgency", "points": "x"}]}
    )
    assert r.status_code == 400
    r = api.put(f"{base}/dossiers/{in_council.pk}/score", lines(15, 40, 30))
    assert r.status_code == 200 and r.json()["total"] == 85
    r = api.post(f"{base}/dossiers/{in_council.pk}/score/submit")
    assert r.status_code == 200 and r.json()["status"] == "submitted"
    assert api.put(f"{base}/dossiers/{in_council.pk}/score", lines(1, 1, 1)).status_code == 409


def test_conflicted_member_cannot_score_403(in_council, council):
    council_obj, scorers, _s = council
    api = ApiClient(scorers[1].user)
    base = f"/api/v1/councils/{council_obj.pk}/dossiers/{in_council.pk}"
    assert api.post(f"{base}/conflict", {"has_conflict": True, "reason": "Cổ đông"}).status_code == 200
    r = api.put(f"{base}/score", lines(10, 40, 30))
    assert r.status_code == 403
    assert api.post(f"{base}/score/submit").status_code == 403


def test_nobody_reads_another_members_scores_before_closing(in_council, council, officer):
    council_obj, scorers, secretary = council
    score_all(in_council, scorers[:4], (13, 41, 27))
    base = f"/api/v1/councils/{council_obj.pk}"
    # A member gets neither others' sheets nor open results.
    member = ApiClient(scorers[0].user)
    assert member.get(f"{base}/results").json() == []
    assert member.get(f"{base}/dossiers/{in_council.pk}/score").json()["total"] == 81  # own sheet only
    # The secretary sees who has submitted, not values, until every sheet is in.
    rows = ApiClient(secretary.user).get(f"{base}/results").json()
    assert rows[0]["progress"]["submitted"] == 4 and rows[0]["total_mean"] is None
    assert rows[0]["criterion_means"] is None
    score_all(in_council, scorers[4:], (13, 41, 27))
    rows = ApiClient(officer).get(f"{base}/results").json()
    assert rows[0]["total_mean"] == "81.00" and rows[0]["passed"] is True and rows[0]["closed"] is False
    r = ApiClient(secretary.user).post(
        f"/api/v1/dossiers/{in_council.pk}/transitions", {"action": "recommend"}
    )
    assert r.status_code == 200, r.json()
    rows = member.get(f"{base}/results").json()
    assert rows[0]["closed"] is True and rows[0]["rank"] == 1 and rows[0]["progress"] is None


def test_outsiders_get_404(in_council, council, vinh_long, can_tho):
    council_obj, _scorers, _s = council
    for user in (
        UserFactory(role=Role.OFFICER, agency=vinh_long),
        UserFactory(role=Role.COUNCIL, agency=can_tho),
    ):
        api = ApiClient(user)
        assert api.get(f"/api/v1/councils/{council_obj.pk}").status_code == 404
        assert api.get(f"/api/v1/councils/{council_obj.pk}/results").status_code == 404
    assert ApiClient().get("/api/v1/councils").status_code == 401


def test_openapi_describes_the_council_and_contract_operations(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/councils/{council_id}/dossiers/{dossier_id}/score" in paths
    assert "/api/v1/contracts/{contract_id}" in paths


def test_officer_creates_and_seats_a_council_through_the_api(call, officer, director, vinh_long):
    api = ApiClient(officer)
    body = {"call_id": call.pk, "name": "Hội đồng tư vấn năm 2026", "decision_number": "12/QĐ-SKHCN"}
    assert ApiClient(director).post("/api/v1/councils", body).status_code == 403
    r = api.post("/api/v1/councils", {**body, "call_id": 999_999})
    assert r.status_code == 400 and "call_id" in r.json()["errors"]
    r = api.post("/api/v1/councils", body)
    assert r.status_code == 201, r.json()
    council = r.json()
    assert council["members"] == [] and not council["eligible"]
    members = f"/api/v1/councils/{council['id']}/members"
    people = [UserFactory(role=Role.COUNCIL, agency=call.agency) for _ in range(6)]
    seats = ["chair", "vice_chair", "reviewer", "reviewer", "member", "secretary"]
    assert (
        ApiClient(director).post(members, {"user_id": people[0].pk, "position": "chair"}).status_code == 403
    )
    outsider = UserFactory(role=Role.COUNCIL, agency=vinh_long)
    r = api.post(members, {"user_id": outsider.pk, "position": "member"})
    assert r.status_code == 400 and "user_id" in r.json()["errors"]
    r = api.post(members, {"user_id": people[0].pk, "position": "king"})
    assert r.status_code == 400 and "position" in r.json()["errors"]
    seated = []
    for user, position in zip(people, seats, strict=True):
        r = api.post(members, {"user_id": user.pk, "position": position})
        assert r.status_code == 201, r.json()
        assert r.json()["user_id"] == user.pk and r.json()["position"] == position
        seated.append(r.json()["id"])
    extra = UserFactory(role=Role.COUNCIL, agency=call.agency)
    r = api.post(members, {"user_id": extra.pk, "position": "secretary"})
    assert r.status_code == 400 and "position" in r.json()["errors"]
    assert api.get(f"/api/v1/councils/{council['id']}").json()["eligible"]
    assert ApiClient(director).delete(f"{members}/{seated[4]}").status_code == 403
    assert api.delete(f"{members}/{seated[4]}").status_code == 204
    assert api.delete(f"{members}/{seated[4]}").status_code == 404
    stranger = ApiClient(UserFactory(role=Role.OFFICER, agency=vinh_long))
    assert stranger.post(members, {"user_id": extra.pk, "position": "member"}).status_code == 404


def test_a_member_who_declared_cannot_be_removed_409(in_council, council, officer):
    council_obj, scorers, _s = council
    base = f"/api/v1/councils/{council_obj.pk}"
    declared = ApiClient(scorers[0].user)
    assert (
        declared.post(f"{base}/dossiers/{in_council.pk}/conflict", {"has_conflict": False}).status_code == 200
    )
    r = ApiClient(officer).delete(f"{base}/members/{scorers[0].pk}")
    assert r.status_code == 409 and r.json()["detail"]
