"""A council's API takes numbers as numbers and ids within bounds."""

import pytest

from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db
HUGE = 10**30


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_true_is_not_a_number_of_points(in_council, council):
    council_obj, scorers, _s = council
    api = ApiClient(scorers[0].user)
    base = f"/api/v1/councils/{council_obj.pk}/dossiers/{in_council.pk}"
    assert api.post(f"{base}/conflict", {"has_conflict": False}).status_code == 200
    r = api.put(f"{base}/score", {"lines": [{"criterion": "urgency", "points": True}]})
    assert r.status_code == 400 and r.json()["errors"]


@pytest.mark.parametrize("suffix", ["score", "conflict"])
def test_a_huge_dossier_id_in_a_score_path_is_not_a_server_error(in_council, council, suffix):
    council_obj, scorers, _s = council
    api = ApiClient(scorers[0].user)
    url = f"/api/v1/councils/{council_obj.pk}/dossiers/{HUGE}/{suffix}"
    r = api.get(url) if suffix == "score" else api.post(url, {"has_conflict": False})
    assert r.status_code in (400, 404) and r.json()["detail"]
    r = ApiClient(scorers[0].user).get(f"/api/v1/councils/{HUGE}/dossiers/{in_council.pk}/score")
    assert r.status_code in (400, 404)
