"""One archive holding the database and the uploaded files, and its restore into an empty installation.

The archive (``.tar.gz``) holds ``manifest.json`` (last; the engine, the time, each table's row count, each
file's SHA-256), the database (PostgreSQL: ``pg_dump`` custom format, a consistent snapshot; SQLite: a copy
made with SQLite's online backup) and ``media/`` (every file of the file store). The database is dumped
first, then the files: the product never deletes an uploaded file, so every file a dumped record names is in
the archive.

The files are read and written through the storage API, so the same archive serves an installation whose
files are in ``MEDIA_ROOT`` and one whose files are in an S3-compatible bucket (``MEDIA_STORAGE=s3``), and
an archive of one restores into the other.

A restore goes only into an empty installation (no table in the database, no file in the store), then
checks every table's row count and every file's checksum against the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection
from django.utils import timezone

from .storage_faults import walk

FORMAT = 1
MANIFEST = "manifest.json"
PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"


class BackupError(Exception):
    """A backup or restore that cannot go on, with the reason in Vietnamese."""


@dataclass(frozen=True)
class Summary:
    tables: int
    rows: int
    files: int
    bytes: int


def _engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def table_counts() -> dict[str, int]:
    """Every table's row count, the product's and Django's alike."""
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
            counts[name] = cursor.fetchone()[0]
    return counts


PROBE_PREFIX = ".readyz-"  # the readiness probe's file, deleted a moment after it is written


def _stored(storage: Storage) -> list[str]:
    return [n for n in walk(storage) if not n.rsplit("/", 1)[-1].startswith(PROBE_PREFIX)]


def _sha256_of(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(storage: Storage | None = None) -> dict[str, str]:
    """Each file of the store (name → SHA-256); the default storage unless one is given."""
    storage = storage or default_storage
    return {name: _sha256_of(storage, name) for name in _stored(storage)}


class _Hashing:
    """A file read into the archive, its SHA-256 taken on the way (each file is read once)."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        block = self.handle.read(size)
        self.digest.update(block)
        return block


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = ["--host", str(db.get("HOST") or "localhost"), "--port", str(db.get("PORT") or 5432)]
    args += ["--username", str(db.get("USER") or "postgres")]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(f"Không tìm thấy chương trình {command[0]} (cài gói postgresql-client).") from exc
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{command[0]} báo lỗi: {exc.stderr.strip()[:500]}") from exc


def backup(target: Path) -> Summary:
    """Write the archive to ``target`` (a partial archive is never left behind)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nangsuat-backup-") as work:
        folder = Path(work)
        counts = table_counts()
        if _engine() == "postgresql":
            args, env = _pg_env()
            name = settings.DATABASES["default"]["NAME"]
            _run(
                [
                    "pg_dump",
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--no-acl",
                    "--file",
                    str(folder / PG_DUMP),
                    name,
                ],
                env,
            )
            database = PG_DUMP
        else:
            source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            copy = sqlite3.connect(folder / SQLITE_COPY)
            with copy:
                source.backup(copy)
            source.close()
            copy.close()
            database = SQLITE_COPY
        partial = target.with_name(target.name + ".partial")
        files: dict[str, str] = {}
        size = 0
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(folder / database, database)
                for name in _stored(default_storage):
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = default_storage.size(name)
                    info.mtime = int(default_storage.get_modified_time(name).timestamp())
                    with default_storage.open(name, "rb") as handle:
                        hashing = _Hashing(handle)
                        archive.addfile(info, hashing)
                    files[name] = hashing.digest.hexdigest()
                    size += info.size
                manifest: dict[str, Any] = {
                    "format": FORMAT,
                    "engine": _engine(),
                    "created_at": timezone.now().isoformat(),
                    "database": database,
                    "tables": counts,
                    "files": files,
                }
                (folder / MANIFEST).write_text(
                    json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
                )
                archive.add(folder / MANIFEST, MANIFEST)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)
    return Summary(len(counts), sum(counts.values()), len(files), size)


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
    except KeyError as exc:
        raise BackupError("Tệp không phải bản sao lưu của hệ thống (thiếu manifest.json).") from exc
    if member is None:
        raise BackupError("Bản sao lưu hỏng: manifest.json không đọc được.")
    manifest = json.loads(member.read().decode("utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng khác phiên bản này.")
    return manifest


def _check_empty(storage: Storage) -> None:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if tables:
        raise BackupError(
            f"Cơ sở dữ liệu đích đã có {len(tables)} bảng: chỉ khôi phục vào một cài đặt trống "
            "(tạo cơ sở dữ liệu mới, không chạy migrate)."
        )
    if _stored(storage):
        raise BackupError("Kho tệp (MEDIA_ROOT hoặc kho S3) không trống: chỉ khôi phục vào kho trống.")


def restore(source: Path) -> Summary:
    """Restore the archive into the empty database and file store the settings name; verify it."""
    storage = default_storage
    if not source.is_file():
        raise BackupError(f"Không có tệp {source}.")
    _check_empty(storage)
    with (
        tarfile.open(source, "r:gz") as archive,
        tempfile.TemporaryDirectory(prefix="nangsuat-restore-") as work,
    ):
        manifest = _read_manifest(archive)
        if manifest["engine"] != _engine():
            raise BackupError(f"Bản sao lưu của {manifest['engine']} không khôi phục được vào {_engine()}.")
        archive.extractall(work, filter="data")
        folder = Path(work)
        if manifest["engine"] == "postgresql":
            args, env = _pg_env()
            name = settings.DATABASES["default"]["NAME"]
            _run(
                [
                    "pg_restore",
                    *args,
                    "--no-owner",
                    "--no-acl",
                    "--exit-on-error",
                    "--dbname",
                    name,
                    str(folder / PG_DUMP),
                ],
                env,
            )
        else:
            connection.close()
            target = Path(settings.DATABASES["default"]["NAME"])
            backup_copy = sqlite3.connect(folder / SQLITE_COPY)
            restored = sqlite3.connect(target)
            with restored:
                backup_copy.backup(restored)
            backup_copy.close()
            restored.close()
        extracted = folder / "media"
        for name in manifest["files"]:
            with (extracted / name).open("rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            if saved != name:
                raise BackupError(f"Kho tệp đã đặt tên khác cho tệp {name}: {saved}.")
    connection.close()
    counts, files = table_counts(), media_files(storage)
    if counts != manifest["tables"]:
        differ = sorted(
            t for t in set(counts) | set(manifest["tables"]) if counts.get(t) != manifest["tables"].get(t)
        )
        raise BackupError(f"Khôi phục không khớp số dòng các bảng: {', '.join(differ[:10])}.")
    if files != manifest["files"]:
        raise BackupError("Khôi phục không khớp tệp: thiếu tệp hoặc sai mã kiểm tra SHA-256.")
    size = sum(storage.size(name) for name in files)
    return Summary(len(counts), sum(counts.values()), len(files), size)
