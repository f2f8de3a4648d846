"""``/api/v1/documents``: the same visibility as the pages, and the files behind a Bearer token."""

import pytest

from nangsuat.core.roles import Role
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .helpers import run_effect

pytestmark = pytest.mark.django_db


def test_list_detail_and_file(dossier, owner, officer, vinh_long):
    slip = run_effect("receipt_slip", dossier, owner)
    minutes = run_effect("council_minutes", dossier, officer)

    staff = ApiClient(officer)
    body = staff.get("/api/v1/documents").json()
    assert body["total"] == 2 and {d["number"] for d in body["items"]} == {"01/TNHS-SKHCN", "01/BB-HĐTV"}
    one = staff.get("/api/v1/documents", {"kind": "receipt_slip"}).json()["items"]
    assert [d["id"] for d in one] == [slip.pk] and one[0]["tracking_code"] == dossier.tracking_code
    assert staff.get("/api/v1/documents", {"kind": "nonsense"}).status_code in (400, 422)
    detail = staff.get(f"/api/v1/documents/{slip.pk}").json()
    assert detail["kind_label"] == "Phiếu tiếp nhận hồ sơ" and detail["docx_url"]
    response = staff.get(detail["docx_url"])
    assert response.status_code == 200 and b"".join(response.streaming_content)[:2] == b"PK"

    mine = ApiClient(owner).get("/api/v1/documents").json()
    assert [d["id"] for d in mine["items"]] == [slip.pk]  # not the council's minutes
    assert ApiClient(owner).get(f"/api/v1/documents/{minutes.pk}").status_code == 404
    stranger = ApiClient(enterprise_user(EnterpriseFactory(agency=dossier.agency)))
    assert stranger.get(f"/api/v1/documents/{slip.pk}").status_code == 404
    assert stranger.get(f"/api/v1/documents/{slip.pk}/docx").status_code == 404
    far = ApiClient(UserFactory(role=Role.OFFICER, agency=vinh_long))
    assert far.get("/api/v1/documents").json()["total"] == 0
    assert ApiClient().get("/api/v1/documents").status_code == 401
