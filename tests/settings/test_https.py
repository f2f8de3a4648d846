"""Served over HTTPS (SITE_URL https://…), the product marks its cookies Secure and sends HSTS; the demo on
http://127.0.0.1 keeps plain cookies so that it can sign in at all."""

import json
import os
import subprocess
import sys

from .test_secret_key import A_KEY, AN_MFA_KEY

NAMES = [
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
]


def production_settings(tmp_path, **environ: str) -> dict:
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "nangsuat.settings",
        "NANGSUAT_VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": A_KEY,
        "MFA_ENCRYPTION_KEY": AN_MFA_KEY,
        **environ,
    }
    code = f"import json; from django.conf import settings; print(json.dumps({{n: getattr(settings, n) for n in {NAMES!r}}}))"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_served_over_https_cookies_are_secure_and_hsts_is_on(tmp_path):
    assert production_settings(tmp_path, SITE_URL="https://nangsuat.cantho.gov.vn") == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 365 * 24 * 3600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    }


def test_the_demo_over_plain_http_keeps_cookies_it_can_send_back(tmp_path):
    found = production_settings(tmp_path, SITE_URL="http://127.0.0.1:8000")
    assert found["SESSION_COOKIE_SECURE"] is False and found["CSRF_COOKIE_SECURE"] is False


def test_secure_cookies_can_be_forced_either_way(tmp_path):
    assert production_settings(tmp_path, SECURE_COOKIES="1")["SESSION_COOKIE_SECURE"] is True
    https_off = production_settings(tmp_path, SITE_URL="https://x.gov.vn", SECURE_COOKIES="0")
    assert https_off["SESSION_COOKIE_SECURE"] is False
