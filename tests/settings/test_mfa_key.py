"""The key that encrypts TOTP seeds is one of its own, from the environment or the file `make demo` draws;
with DEBUG off the product does not start without it. Each case loads the product's settings in a fresh
interpreter (``test_secret_key.load_settings``)."""

import os
import secrets
import shutil
import stat
import subprocess
import sys

import pytest

from .test_secret_key import ROOT, refusal

A_KEY = secrets.token_urlsafe(50)
AN_MFA_KEY = secrets.token_urlsafe(50)


def load_mfa_key(var_dir, **environ: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "nangsuat.settings",
        "NANGSUAT_VAR_DIR": str(var_dir),
        **environ,
    }
    code = "from django.conf import settings; print(settings.MFA_ENCRYPTION_KEY)"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=var_dir.parent, capture_output=True, text=True, timeout=120
    )


def test_the_key_comes_from_the_environment(tmp_path):
    result = load_mfa_key(tmp_path / "var", SECRET_KEY=A_KEY, MFA_ENCRYPTION_KEY=AN_MFA_KEY)
    assert result.stdout.strip() == AN_MFA_KEY


def test_no_key_refuses_to_start_with_debug_off(tmp_path):
    message = refusal(load_mfa_key(tmp_path / "var", SECRET_KEY=A_KEY))
    assert message.startswith("django.core.exceptions.ImproperlyConfigured: No key to encrypt")
    assert "MFA_ENCRYPTION_KEY" in message and "make demo" in message


def test_a_developer_with_debug_on_runs_on_a_key_derived_from_the_secret_key(tmp_path):
    result = load_mfa_key(tmp_path / "var", SECRET_KEY=A_KEY, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and result.stdout.strip() != A_KEY


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_demo_draws_a_key_once_and_the_settings_reuse_it(tmp_path):
    var_dir = tmp_path / "var"
    key_file = var_dir / "mfa_key"

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
    assert len(key) >= 50 and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    make_key()
    assert key_file.read_text().strip() == key
    assert load_mfa_key(var_dir, SECRET_KEY=A_KEY).stdout.strip() == key
