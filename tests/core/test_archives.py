"""Zip archives (DOCX, XLSX) are measured before anything unpacks them."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from nangsuat.core.archives import check_archive
from tests.core.bombs import MB, docx_bomb, many_entries, xlsx_bomb
from tests.dossiers.factories import docx_bytes


def _workbook_bytes(rows: int) -> bytes:
    book = Workbook()
    for index in range(rows):
        book.active.append([f"{index:010d}", f"Công ty TNHH số {index}", "10", "Phường Ninh Kiều", index])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("data", [docx_bytes(), _workbook_bytes(20_000), b"%PDF-1.4", b"", b"PK\x05\x06"])
def test_documents_and_non_zips_pass_and_stream_is_rewound(data):
    stream = io.BytesIO(data)
    check_archive(stream, "tep")
    assert stream.tell() == 0


@pytest.mark.parametrize(
    "data",
    [
        docx_bomb(10 * MB),
        docx_bomb(10 * MB, bomb="word/document.xml"),
        xlsx_bomb(10 * MB),
        many_entries(5000),
    ],
    ids=["types-part", "document-part", "shared-strings", "entries"],
)
def test_bombs_are_refused_in_vietnamese(data):
    assert len(data) < 1024 * 1024
    with pytest.raises(ValidationError) as exc:
        check_archive(io.BytesIO(data), "ke-hoach.docx")
    assert "khi giải nén quá lớn hoặc có quá nhiều thành phần" in exc.value.messages[0]


def test_expanded_total_is_bounded_by_setting(settings):
    settings.ARCHIVE_MAX_EXPANDED_BYTES = 100 * 1024
    with pytest.raises(ValidationError):
        check_archive(io.BytesIO(_workbook_bytes(2_000)), "dn.xlsx")


def test_zip64_archives_are_refused():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive, archive.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b"<w:document/>")
    data = out.getvalue()
    # A zip64 end record in front of the ordinary one, as zipfile writes past 65,535 entries.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["word/document.xml"]
    forged = _with_zip64_end(data)
    with pytest.raises(ValidationError):
        check_archive(io.BytesIO(forged), "x.docx")


def _with_zip64_end(data: bytes) -> bytes:
    """The same archive with a zip64 end record and locator before its end record."""
    import struct

    end = data.rfind(b"PK\x05\x06")
    _sig, _d, _cd, here, total, cd_size, cd_offset, _c = struct.unpack("<4s4H2LH", data[end : end + 22])
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, here, total, cd_size, cd_offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    return data[:end] + record + locator + data[end:]


WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _package(parts: dict[str, int], overrides: list[tuple[str, str]]) -> bytes:
    """A package whose parts expand to the given sizes (text that compresses like real XML), with
    these manifest entries."""
    import random
    import zipfile

    manifest = "".join(f'<Override PartName="/{part}" ContentType="{kind}"/>' for part, kind in overrides)
    rng = random.Random(7)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", f"<Types>{manifest}</Types>")
        for part, size in parts.items():
            archive.writestr(part, bytes(rng.choice(b"<abcdefghij0123456789/>") for _ in range(size)))
    return out.getvalue()


LIMITS = {"max_part_bytes": 64 * 1024, "streamed_folder": "xl/worksheets/", "streamed_types": {WORKSHEET}}


def test_large_parts_pass_only_where_the_reader_streams_them():
    sheet = _package({"xl/worksheets/sheet1.xml": 200_000}, [("xl/worksheets/sheet1.xml", WORKSHEET)])
    check_archive(io.BytesIO(sheet), "dn.xlsx", **LIMITS)
    for data in (
        _package({"xl/sharedStrings.xml": 200_000}, [("xl/sharedStrings.xml", STRINGS)]),
        # Styles are read by their fixed name, whatever the manifest calls them.
        _package({"xl/styles.xml": 200_000}, [("xl/styles.xml", WORKSHEET)]),
        # A sheet also named shared strings would be loaded whole.
        _package(
            {"xl/worksheets/sheet1.xml": 200_000},
            [("xl/worksheets/sheet1.xml", WORKSHEET), ("xl/worksheets/sheet1.xml", STRINGS)],
        ),
    ):
        with pytest.raises(ValidationError):
            check_archive(io.BytesIO(data), "dn.xlsx", **LIMITS)
