"""A backup of a loaded demo restores into a new, empty installation with every table's row count and
every uploaded file's checksum identical; a restore refuses an installation that is not empty."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from nangsuat.core.backups import MANIFEST

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _psql(sql: str) -> None:
    db = settings.DATABASES["default"]
    env = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})}
    subprocess.run(
        [
            "psql",
            "-h",
            db.get("HOST") or "localhost",
            "-p",
            str(db.get("PORT") or 5432),
            "-U",
            db.get("USER") or "postgres",
            "-d",
            "postgres",
            "-qc",
            sql,
        ],
        env=env,
        check=True,
        capture_output=True,
    )


class Installation:
    """One installation of the product run from the command line: its own database and var folder."""

    def __init__(self, root: Path, name: str):
        self.var = root / name
        self.var.mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "nangsuat.settings",
            "NANGSUAT_VAR_DIR": str(self.var),
            "SECRET_KEY": "backup-test-" + "x" * 50,
            "MFA_ENCRYPTION_KEY": "backup-test-mfa-" + "y" * 40,
            "DEBUG": "0",
        }
        self.env.pop("NANGSUAT_WEB", None)
        if ON_POSTGRES:
            db = settings.DATABASES["default"]
            self.database = f"backup_{name}_{uuid.uuid4().hex[:8]}"
            _psql(f"CREATE DATABASE {self.database}")
            auth = db.get("USER") or "postgres"
            if db.get("PASSWORD"):
                auth += f":{db['PASSWORD']}"
            self.env["DATABASE_URL"] = (
                f"postgres://{auth}@{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{self.database}"
            )
        else:
            self.database = ""
            self.env.pop("DATABASE_URL", None)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "nangsuat", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
        )

    def counts_and_files(self) -> dict:
        script = (
            "import django, json; django.setup();"
            "from nangsuat.core.backups import table_counts, media_files;"
            "print(json.dumps([table_counts(), media_files()]))"
        )
        out = subprocess.run(
            [sys.executable, "-c", script], env=self.env, capture_output=True, text=True, check=True
        )
        counts, files = json.loads(out.stdout.strip().splitlines()[-1])
        return {"counts": counts, "files": files}

    def drop(self) -> None:
        if self.database:
            _psql(f"DROP DATABASE IF EXISTS {self.database}")


@pytest.fixture
def installations(tmp_path):
    made: list[Installation] = []

    def make(name: str) -> Installation:
        made.append(Installation(tmp_path, name))
        return made[-1]

    yield make
    for installation in made:
        installation.drop()


def test_a_backup_of_the_demo_restores_identically_into_an_empty_installation(installations, tmp_path):
    source = installations("source")
    source.run("migrate", "--noinput", "-v0")
    source.run("seed_demo", "--force")
    before = source.counts_and_files()
    assert before["counts"]["dossiers_dossier"] > 30 and len(before["files"]) > 100

    archive = tmp_path / "nangsuat.tar.gz"
    assert "Đã sao lưu" in source.run("backup", str(archive)).stdout
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
    assert manifest["tables"] == before["counts"] and manifest["files"] == before["files"]

    target = installations("target")
    result = target.run("restore", str(archive))
    assert "Đã khôi phục và đối chiếu" in result.stdout, result.stderr
    after = target.counts_and_files()
    assert after == before

    again = target.run("restore", str(archive), check=False)
    assert again.returncode != 0 and "chỉ khôi phục vào một cài đặt trống" in again.stderr


def test_a_file_that_is_not_a_backup_is_refused(installations, tmp_path):
    target = installations("empty")
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        note = tmp_path / "note.txt"
        note.write_text("x")
        tar.add(note, "note.txt")
    result = target.run("restore", str(bogus), check=False)
    assert result.returncode != 0 and "manifest.json" in result.stderr
