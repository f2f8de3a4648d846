"""Zip archives sent by users (DOCX and XLSX are zip files), measured before anything unpacks them.

A few hundred kilobytes of zip can expand to gigabytes (a "zip bomb"), and a zip of a few megabytes can
list hundreds of thousands of entries that ``zipfile`` turns into as many objects. So the end record is
read first (how many entries, how large the directory), then the directory (what each entry expands to),
and only then may a reader open the archive. The sizes a directory declares are an upper bound for
``zipfile`` and its users (openpyxl, python-docx): an entry that expands past its declared size fails its
check instead of growing.

A reader that loads some parts whole (openpyxl, even read-only, loads the shared strings and the styles:
about seven times their size in memory) bounds each part but those it streams: the parts of a folder
(``xl/worksheets/``) that the package's ``[Content_Types].xml`` gives only a streamed content type. The
folder matters: a reader may read a part whole by its fixed name whatever the manifest says of it
(openpyxl's ``xl/styles.xml``).
"""

import struct
import zipfile
from collections.abc import Collection
from typing import IO
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A DOCX or XLSX has tens of entries; a workbook of many sheets with pictures, a few hundred.
MAX_ENTRIES = 2000
# What every entry together may expand to, by default (``ARCHIVE_MAX_EXPANDED_BYTES``).
DEFAULT_MAX_EXPANDED_BYTES = 100 * 1024 * 1024
# Office XML compresses about ten to thirty times; deflate's ceiling, a bomb's, is about a thousand.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024  # small entries may compress as well as they like
MAX_DIRECTORY_BYTES = 1024 * 1024
MANIFEST = "[Content_Types].xml"
MAX_MANIFEST_BYTES = 1024 * 1024  # a real one is a few kilobytes

_END = b"PK\x05\x06"
_END_FORMAT = "<4s4H2LH"
_END_SIZE = struct.calcsize(_END_FORMAT)
_ZIP64_LOCATOR = b"PK\x06\x07"
_LOCATOR_SIZE = 20
_DIRECTORY_ENTRY = b"PK\x01\x02"
_DIRECTORY_FORMAT = "<4s6H3L5H2L"
_DIRECTORY_SIZE = struct.calcsize(_DIRECTORY_FORMAT)


def max_expanded_bytes() -> int:
    return int(getattr(settings, "ARCHIVE_MAX_EXPANDED_BYTES", DEFAULT_MAX_EXPANDED_BYTES))


def _refuse(name: str) -> ValidationError:
    return ValidationError(
        _(
            "Tệp “%(name)s” khi giải nén quá lớn hoặc có quá nhiều thành phần; hệ thống không nhận tệp "
            "này. Vui lòng kiểm tra lại tệp hoặc chia thành nhiều tệp nhỏ hơn."
        )
        % {"name": name},
        code="archive_too_large",
    )


class _TooLarge(Exception):
    pass


def _directory(stream: IO[bytes]) -> bytes | None:
    """The archive's central directory, or None when there is no end record (not a zip: the caller's
    reader will say so). Like ``zipfile``, finds the directory just before the end record, wherever its
    recorded offset points (a zip may follow other bytes)."""
    stream.seek(0, 2)
    size = stream.tell()
    tail_size = min(size, _END_SIZE + 0xFFFF)  # the end record, then a comment of at most 64 KB
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        return None
    _sig, _disk, _cd_disk, _here, entries, cd_size, _offset, _comment = struct.unpack(
        _END_FORMAT, tail[at : at + _END_SIZE]
    )
    end = size - tail_size + at
    if end >= _LOCATOR_SIZE:
        stream.seek(end - _LOCATOR_SIZE)
        if stream.read(len(_ZIP64_LOCATOR)) == _ZIP64_LOCATOR:  # zip64: past 65,535 entries or 4 GB
            raise _TooLarge
    if entries > MAX_ENTRIES or cd_size > MAX_DIRECTORY_BYTES:
        raise _TooLarge
    start = end - cd_size
    if start < 0:
        return None
    stream.seek(start)
    return stream.read(cd_size)


def check_archive(
    stream: IO[bytes],
    name: str,
    *,
    max_part_bytes: int | None = None,
    streamed_folder: str = "",
    streamed_types: Collection[str] = (),
) -> None:
    """Refuse (``ValidationError``, in Vietnamese) a zip whose entries are too many, expand past the
    limit (``ARCHIVE_MAX_EXPANDED_BYTES``) or compress like a bomb; with ``max_part_bytes``, also one
    with an entry past it that is not a streamed part (``streamed_folder``, ``streamed_types``). Anything
    that is not a readable zip passes: the reader that follows refuses it in its own words. Leaves the
    stream at its start."""
    try:
        directory = _directory(stream)
    except _TooLarge:
        stream.seek(0)
        raise _refuse(name) from None
    stream.seek(0)
    if directory is None:
        return
    total, count, at = 0, 0, 0
    largest: dict[str, int] = {}
    while directory.startswith(_DIRECTORY_ENTRY, at) and len(directory) - at >= _DIRECTORY_SIZE:
        fields = struct.unpack(_DIRECTORY_FORMAT, directory[at : at + _DIRECTORY_SIZE])
        compressed, expanded, name_len, extra_len, comment_len = fields[8:13]
        if compressed == 0xFFFFFFFF or expanded == 0xFFFFFFFF:  # zip64 sizes: past 4 GB
            raise _refuse(name)
        count += 1
        total += expanded
        if (
            count > MAX_ENTRIES
            or total > max_expanded_bytes()
            or (expanded > RATIO_FROM_BYTES and expanded > MAX_RATIO * max(compressed, 1))
        ):
            raise _refuse(name)
        if max_part_bytes is not None and expanded > max_part_bytes:
            start = at + _DIRECTORY_SIZE
            largest[directory[start : start + name_len].decode("utf-8", "replace")] = expanded
        at += _DIRECTORY_SIZE + name_len + extra_len + comment_len
    if largest and set(largest) - _streamed_parts(stream, streamed_folder, streamed_types):
        raise _refuse(name)


def _streamed_parts(stream: IO[bytes], folder: str, content_types: Collection[str]) -> set[str]:
    """The parts of ``folder`` that the package's manifest names (``Override`` elements, as openpyxl
    reads it) only with one of ``content_types``."""
    if not folder or not content_types:
        return set()
    try:
        with zipfile.ZipFile(stream) as archive:
            if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
                return set()
            root = ElementTree.fromstring(archive.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, RuntimeError):
        return set()
    finally:
        stream.seek(0)
    streamed: set[str] = set()
    other: set[str] = set()
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "Override":
            part = element.get("PartName", "").lstrip("/")
            (streamed if element.get("ContentType") in content_types else other).add(part)
    return {part for part in streamed - other if part.startswith(folder)}
