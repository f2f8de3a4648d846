import json

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.test import Client

from nangsuat.api.tokens import issue_token
from nangsuat.core.mfa import enrol_totp
from nangsuat.demo.accounts import DEMO_TOTP_SECRET


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth remembers used TOTP codes in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


class ApiClient:
    """A JSON client; ``ApiClient(user)`` sends that user's bearer token."""

    def __init__(self, user=None):
        self.client = Client()
        self.headers = {}
        if user is not None:
            if user.is_staff_role and not Authenticator.objects.filter(user=user).exists():
                enrol_totp(user, DEMO_TOTP_SECRET)  # staff need TOTP before any API use
            _token, raw = issue_token(user=user, name="test")
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"

    def _call(self, method, url, data=None, raw=None):
        kwargs = dict(self.headers)
        if raw is not None or data is not None:
            body = raw if raw is not None else json.dumps(data)
            return getattr(self.client, method)(url, body, content_type="application/json", **kwargs)
        return getattr(self.client, method)(url, **kwargs)

    def get(self, url, params=None):
        return self.client.get(url, params or {}, **self.headers)

    def post(self, url, data=None, raw=None):
        return self._call("post", url, data, raw)

    def upload(self, url, data):
        """A multipart POST (files as ``SimpleUploadedFile``)."""
        return self.client.post(url, data, **self.headers)

    def patch(self, url, data=None, raw=None):
        return self._call("patch", url, data, raw)

    def put(self, url, data=None, raw=None):
        return self._call("put", url, data, raw)

    def delete(self, url):
        return self._call("delete", url)


@pytest.fixture
def api_client():
    return ApiClient
