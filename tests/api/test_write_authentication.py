"""A write without credentials is unauthenticated (401), as a read is; CSRF guards only a signed-in browser."""

import pytest
from django.test import Client

from nangsuat.core.roles import Role
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
WRITES = [
    ("post", "/api/v1/enterprises"),
    ("patch", "/api/v1/enterprises/1"),
    ("put", "/api/v1/enterprises/1"),
    ("delete", "/api/v1/auth/token"),
    ("post", "/api/v1/dossiers/1/transitions"),
]
CREDENTIALS = {
    "no token": {},
    "a bad token": {"HTTP_AUTHORIZATION": "Bearer ns1_" + "x" * 43},
    "not a token": {"HTTP_AUTHORIZATION": "Bearer nonsense"},
}


@pytest.mark.parametrize("method,url", WRITES)
@pytest.mark.parametrize("credentials", CREDENTIALS.values(), ids=CREDENTIALS.keys())
def test_write_without_valid_credentials_is_401_json_with_www_authenticate(method, url, credentials):
    res = getattr(Client(enforce_csrf_checks=True), method)(
        url, "{}", content_type="application/json", **credentials
    )
    assert res.status_code == 401, res.content
    assert res["WWW-Authenticate"].startswith("Bearer")
    assert res.json() == {
        "detail": "Chưa xác thực: hãy gửi khóa truy cập (Authorization: Bearer …) hoặc đăng nhập.",
        "errors": {},
    }


def test_signed_in_browser_write_without_csrf_token_is_refused(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    res = client.patch("/api/v1/enterprises/1", "{}", content_type="application/json")
    assert res.status_code == 403
    assert res.json()["detail"] == (
        "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF): hãy tải lại trang rồi thử lại."
    )


def test_signed_in_browser_write_with_csrf_token_passes_the_check(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/api-tokens/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    res = client.patch(
        "/api/v1/enterprises/999999", "{}", content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert res.status_code == 404  # past authentication and CSRF: the enterprise is not one of theirs
