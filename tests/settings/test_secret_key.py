"""The product starts with DEBUG off and a secret key of its own: never without one, never with a key
published in the repository. Each case loads the product's settings in a fresh interpreter."""

import os
import secrets
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nangsuat.settings import test as test_settings

ROOT = Path(__file__).resolve().parents[2]
FORMER_DEFAULT_KEY = "demo-only-insecure-key-change-me-in-production-0123456789"
A_KEY = secrets.token_urlsafe(50)  # drawn for the run: a key committed here would be a published one
AN_MFA_KEY = secrets.token_urlsafe(50)  # the TOTP seeds' key, which DEBUG off needs too (test_mfa_key)


def load_settings(var_dir: Path, **environ: str) -> subprocess.CompletedProcess:
    """Load ``nangsuat.settings`` with only ``environ`` set; prints DEBUG and SECRET_KEY."""
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "nangsuat.settings",
        "NANGSUAT_VAR_DIR": str(var_dir),
        "MFA_ENCRYPTION_KEY": AN_MFA_KEY,
        **environ,
    }
    code = "from django.conf import settings; print(settings.DEBUG); print(settings.SECRET_KEY)"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=var_dir.parent, capture_output=True, text=True, timeout=120
    )


def refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stdout
    return result.stderr.strip().splitlines()[-1]


def test_debug_is_off_unless_the_environment_turns_it_on(tmp_path):
    assert load_settings(tmp_path / "var", SECRET_KEY=A_KEY).stdout.splitlines() == ["False", A_KEY]
    assert load_settings(tmp_path / "var", SECRET_KEY=A_KEY, DEBUG="1").stdout.splitlines()[0] == "True"


def test_no_secret_key_refuses_to_start(tmp_path):
    message = refusal(load_settings(tmp_path / "var"))
    assert message.startswith("django.core.exceptions.ImproperlyConfigured: No secret key")
    assert "SECRET_KEY" in message and "make demo" in message


@pytest.mark.parametrize(
    "key", [FORMER_DEFAULT_KEY, test_settings.SECRET_KEY], ids=["former-default", "tests"]
)
def test_a_published_key_refuses_to_start(tmp_path, key):
    message = refusal(load_settings(tmp_path / "var", SECRET_KEY=key))
    assert message.startswith("django.core.exceptions.ImproperlyConfigured: SECRET_KEY is a key published")
    # A developer who turns DEBUG on may run with it.
    assert load_settings(tmp_path / "var", SECRET_KEY=key, DEBUG="1").returncode == 0


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_demo_draws_a_key_once_and_the_settings_reuse_it(tmp_path):
    var_dir = tmp_path / "var"
    key_file = var_dir / "secret_key"

    def make_key() -> None:
        subprocess.run(
            ["make", "--no-print-directory", "-C", str(ROOT), str(key_file), f"PYTHON={sys.executable}"],
            env={**os.environ, "NANGSUAT_VAR_DIR": str(var_dir)},
            check=True,
            capture_output=True,
            timeout=60,
        )

    make_key()
    key = key_file.read_text().strip()
    assert len(key) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    make_key()
    assert key_file.read_text().strip() == key

    assert load_settings(var_dir).stdout.splitlines() == ["False", key]
    # SECRET_KEY, when set, wins over the file.
    assert load_settings(var_dir, SECRET_KEY=A_KEY).stdout.splitlines()[1] == A_KEY
