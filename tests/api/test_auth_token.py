"""The token endpoint, bearer and session authentication, the create-token command."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from nangsuat.api.models import ApiToken
from nangsuat.core.mfa import current_totp_code, enrol_totp
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/auth/me"


def _bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_enterprise_user_gets_a_token_and_uses_it(api_client, can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    res = api_client().post(TOKEN_URL, {"username": user.username, "password": "Test@12345", "name": "BI"})
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["token_type"] == "Bearer"
    assert re.fullmatch(r"ns1_[\w-]{43}", body["token"])
    assert body["user"] == {
        "username": user.username,
        "full_name": user.full_name,
        "role": "enterprise",
        "agency": "can-tho",
    }
    stored = ApiToken.objects.get(user=user)
    assert stored.name == "BI" and body["token"] not in (stored.digest, stored.prefix)
    me = Client().get(ME_URL, **_bearer(body["token"]))
    assert me.status_code == 200 and me.json()["username"] == user.username
    assert ApiToken.objects.get(pk=stored.pk).last_used_at is not None
    assert AuditEntry.objects.filter(action="api.token.issued", object_id=str(stored.pk)).exists()


def test_email_works_as_username(api_client, can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    res = api_client().post(TOKEN_URL, {"username": user.email, "password": "Test@12345"})
    assert res.status_code == 201


def test_wrong_password_is_401_in_vietnamese(api_client, can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    res = api_client().post(TOKEN_URL, {"username": user.username, "password": "wrong"})
    assert res.status_code == 401
    assert res.json() == {"detail": "Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.", "errors": {}}


def test_missing_fields_are_400_with_field_names(api_client):
    res = api_client().post(TOKEN_URL, {"username": ""})
    assert res.status_code == 400
    errors = res.json()["errors"]
    assert set(errors) == {"username", "password"}
    assert errors["password"] == ["Trường này là bắt buộc."]


def test_malformed_json_is_400(api_client):
    res = api_client().post(TOKEN_URL, raw="{not json")
    assert res.status_code == 400
    assert res.json()["detail"] == "Nội dung gửi lên không phải JSON hợp lệ."


def test_body_that_is_not_an_object_is_400(api_client):
    assert api_client().post(TOKEN_URL, raw="[1, 2]").status_code == 400
    assert api_client().post(TOKEN_URL, raw='"x"').status_code == 400


def test_staff_must_give_a_totp_code(api_client, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    creds = {"username": officer.username, "password": "Test@12345"}
    res = api_client().post(TOKEN_URL, creds)
    assert res.status_code == 400 and "otp" in res.json()["errors"]
    res = api_client().post(
        TOKEN_URL, {**creds, "otp": "000000" if current_totp_code(officer) != "000000" else "111111"}
    )
    assert res.status_code == 401 and "otp" in res.json()["errors"]
    res = api_client().post(TOKEN_URL, {**creds, "otp": current_totp_code(officer)})
    assert res.status_code == 201


def test_staff_without_totp_gets_no_token(api_client, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    res = api_client().post(TOKEN_URL, {"username": officer.username, "password": "Test@12345"})
    assert res.status_code == 403
    assert "TOTP" in res.json()["detail"]


def test_inactive_user_gets_no_token(api_client, can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho, is_active=False)
    res = api_client().post(TOKEN_URL, {"username": user.username, "password": "Test@12345"})
    assert res.status_code in (401, 403)


def test_no_credentials_is_401_with_www_authenticate(api_client):
    res = api_client().get(ME_URL)
    assert res.status_code == 401
    assert res["WWW-Authenticate"].startswith("Bearer")
    assert res.json()["detail"].startswith("Chưa xác thực")


@pytest.mark.parametrize("token", ["nonsense", "ns1_" + "x" * 43, "ns1_", "Bearer", "ns1_" + "y" * 500])
def test_bad_tokens_are_401(token):
    assert Client().get(ME_URL, **_bearer(token)).status_code == 401


def test_revoked_token_stops_working(api_client, can_tho):
    client = api_client(UserFactory(role=Role.ENTERPRISE, agency=can_tho))
    assert client.get(ME_URL).status_code == 200
    assert client.delete(TOKEN_URL).status_code == 204
    assert client.get(ME_URL).status_code == 401
    assert ApiToken.objects.get().revoked


def test_deactivated_user_token_stops_working(api_client, can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = api_client(user)
    user.is_active = False
    user.save()
    assert client.get(ME_URL).status_code == 401


def test_session_auth_for_the_browser(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = Client()
    client.force_login(user)
    assert client.get(ME_URL).json()["username"] == user.username


def test_session_of_staff_without_totp_is_refused(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    client = Client()
    client.force_login(officer)
    assert client.get(ME_URL).status_code == 401
    enrol_totp(officer, DEMO_TOTP_SECRET)
    assert client.get(ME_URL).status_code == 401  # enrolled, but this sign-in never gave a code
    assert client_after_totp(officer).get(ME_URL).status_code == 200


def test_session_writes_need_csrf(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    res = client.delete(TOKEN_URL)
    assert res.status_code in (401, 403)


def test_create_token_command_prints_a_working_token(can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    out = StringIO()
    call_command("create_token", user.username, stdout=out)
    token = out.getvalue().strip()
    assert Client().get(ME_URL, **_bearer(token)).json()["username"] == user.username


def test_create_token_command_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có tài khoản"):
        call_command("create_token", "nobody")


def test_cli_accepts_the_hyphenated_name(can_tho, capsys):
    from nangsuat.__main__ import main

    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    main(["nangsuat", "create-token", user.username])
    assert capsys.readouterr().out.strip().startswith("ns1_")


def test_openapi_and_docs_are_served_without_cdn():
    res = Client().get("/api/v1/openapi.json")
    assert res.status_code == 200
    spec = res.json()
    assert "/api/v1/auth/token" in spec["paths"]
    assert "BearerTokenAuth" in spec["components"]["securitySchemes"]
    assert {t["name"] for t in spec["tags"]} >= {"auth", "enterprises"}
    assert "Authorization: Bearer" in spec["info"]["description"]
    docs = Client().get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_lockout_after_five_failures(api_client, can_tho, settings):
    settings.AXES_ENABLED = True
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    for _ in range(5):
        res = api_client().post(TOKEN_URL, {"username": user.username, "password": "wrong"})
        assert res.status_code in (401, 429)
    res = api_client().post(TOKEN_URL, {"username": user.username, "password": "Test@12345"})
    assert res.status_code == 429
    assert "khóa" in res.json()["detail"]


def test_enterprise_user_with_totp_must_give_the_code_too(api_client, can_tho):
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    enrol_totp(user, DEMO_TOTP_SECRET)
    creds = {"username": user.username, "password": "Test@12345"}
    assert api_client().post(TOKEN_URL, creds).status_code == 400
    assert api_client().post(TOKEN_URL, {**creds, "otp": current_totp_code(user)}).status_code == 201
