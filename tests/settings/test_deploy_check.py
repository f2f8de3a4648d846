"""Django's deployment checklist (``check --deploy``) passes with the settings production runs with: the
product's own settings module, keys of its own, served over HTTPS at its address. Run in a fresh
interpreter, as ``nangsuat`` is, so that the test settings play no part."""

import os
import subprocess
import sys

from .test_secret_key import A_KEY, AN_MFA_KEY


def check_deploy(tmp_path, **environ: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "NANGSUAT_VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": A_KEY,
        "MFA_ENCRYPTION_KEY": AN_MFA_KEY,
        "SITE_URL": "https://nangsuat.cantho.gov.vn",
        "ALLOWED_HOSTS": "nangsuat.cantho.gov.vn",
        "CSRF_TRUSTED_ORIGINS": "https://nangsuat.cantho.gov.vn",
        **environ,
    }
    return subprocess.run(
        [sys.executable, "-m", "nangsuat", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_on_what_production_must_not_run_with(tmp_path):
    result = check_deploy(tmp_path, DEBUG="1")
    assert result.returncode != 0 and "security.W018" in result.stdout + result.stderr
