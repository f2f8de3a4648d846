"""A body larger than the largest upload is refused on its declared length, before anything reads it."""

import io

import pytest
from django.test import Client

from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db
HUGE = 120 * 1024 * 1024


class Untouchable(io.BytesIO):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _post(client: Client, path: str, content_type: str, **headers):
    return client.generic(
        "POST",
        path,
        b"",
        content_type=content_type,
        CONTENT_LENGTH=str(HUGE),
        **{"wsgi.input": Untouchable()},
        **headers,
    )


@pytest.mark.parametrize(
    "content_type", ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]
)
def test_an_anonymous_huge_page_post_is_413_unread(content_type):
    response = _post(Client(), "/accounts/login/", content_type)
    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()


def test_a_huge_api_upload_is_413_in_the_apis_shape(can_tho):
    from nangsuat.core.roles import Role
    from tests.core.factories import UserFactory

    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    response = _post(
        client.client, "/api/v1/dossiers/1/attachments", "multipart/form-data; boundary=x", **client.headers
    )
    assert response.status_code == 413
    assert response.json()["detail"].startswith("Dữ liệu gửi lên quá lớn") and response.json()["errors"] == {}


def test_bodies_under_the_limit_are_read_as_before(settings):
    assert settings.REQUEST_MAX_BYTES >= 20 * 1024 * 1024  # the largest upload, a 20 MB file
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    response = Client().post("/accounts/login/", {"login": "khong-co", "password": "x"})
    assert response.status_code == 200


def test_a_json_body_past_the_memory_limit_is_413_not_500(can_tho):
    from nangsuat.core.roles import Role
    from tests.core.factories import UserFactory

    client = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    response = client.post("/api/v1/enterprises", raw='{"name": "' + "a" * 3_000_000 + '"}')
    assert response.status_code == 413 and response.json()["detail"]
