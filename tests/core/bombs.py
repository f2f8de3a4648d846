"""Small zip bombs for the tests: a few kilobytes that would expand to many megabytes, shaped as an office
document so that only their size gives them away."""

import io
import zipfile

DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
XLSX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types><Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b"</Types>"
)
MB = 1024 * 1024


def _padded(writer, head: bytes, expanded: int) -> None:
    writer.write(head)
    chunk = b" " * MB
    left = expanded - len(head)
    while left > 0:
        writer.write(chunk[: min(MB, left)])
        left -= MB


def docx_bomb(expanded: int = 10 * MB, bomb: str = "[Content_Types].xml") -> bytes:
    """A DOCX whose part ``bomb`` (by default the part every reader reads first) expands to ``expanded``
    bytes of spaces."""
    parts = {"[Content_Types].xml": DOCX_TYPES, "word/document.xml": b"<w:document/>"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name == bomb:
                with archive.open(name, "w") as writer:
                    _padded(writer, data, expanded)
            else:
                archive.writestr(name, data)
    return out.getvalue()


def xlsx_bomb(expanded: int = 10 * MB) -> bytes:
    """An XLSX whose shared strings (which openpyxl loads whole, even read-only) expand to ``expanded``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", XLSX_TYPES)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/sharedStrings.xml", "w") as writer:
            _padded(writer, b'<?xml version="1.0"?><sst>', expanded)
    return out.getvalue()


def many_entries(count: int = 5000, types: bytes = DOCX_TYPES) -> bytes:
    """An office-looking zip of ``count`` tiny entries."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", b"<w:document/>")
        for index in range(count):
            archive.writestr(f"word/media/{index}.bin", b"")
    return out.getvalue()


def with_shared_strings(xlsx: bytes, strings: list[str]) -> bytes:
    """``xlsx`` (openpyxl writes text inline) with a shared-strings part holding ``strings``, as Excel
    writes one: text that compresses like real text, no bomb."""
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            copy.writestr(info.filename, data)
        copy.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst>{shared}</sst>'.encode())
    return out.getvalue()
