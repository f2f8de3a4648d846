"""The layout of each kind of document, drawn from a plain ``data`` dict (strings, lists, numbers).

The workflow effects (``documents.effects``) gather the data from the dossier and its records; the
builders here only lay it out, so a document can be drawn again from the data kept on its record.
Shared keys: ``enterprise`` {name, tax_code, address, representative, representative_title, phone,
email}, ``dossier`` {tracking_code, title, content, call, total_cost, requested_support, period},
``signer`` {heading: [..], name}, ``recipients`` [..].
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .format import Head, OfficialDocument, Signature

Builder = Callable[[Head, dict[str, Any]], OfficialDocument]
BUILDERS: dict[str, Builder] = {}


def builder(kind: str):
    def register(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        return fn

    return register


def render(kind: str, head: Head, data: dict[str, Any]) -> bytes:
    """The DOCX bytes of a document of ``kind``."""
    build = BUILDERS.get(kind) or BUILDERS["other"]
    return build(head, data).to_bytes()


# --- Pieces several kinds share ----------------------------------------------------------------------


def text(value: Any, default: str = "") -> str:
    return " ".join(str(value).split()) if value not in (None, "") else default


def signer(data: dict[str, Any], default_heading: list[str]) -> Signature:
    s = data.get("signer") or {}
    return Signature(heading=list(s.get("heading") or default_heading), name=text(s.get("name")))


def recipients(data: dict[str, Any], default: list[str]) -> list[str]:
    lines = list(data.get("recipients") or default)
    if lines:
        lines = [f"{line};" for line in lines[:-1]] + [f"{lines[-1]}."]
    return lines


def enterprise_block(doc: OfficialDocument, data: dict[str, Any], label: str = "") -> None:
    e = data.get("enterprise") or {}
    if label:
        doc.heading(label)
    doc.field("Tên doanh nghiệp", text(e.get("name")))
    doc.field("Mã số thuế", text(e.get("tax_code")))
    doc.field("Địa chỉ", text(e.get("address")))
    rep = text(e.get("representative"))
    if rep:
        doc.field(
            "Người đại diện",
            f"{rep}" + (f" — {text(e['representative_title'])}" if e.get("representative_title") else ""),
        )
    contact = ", ".join(x for x in (text(e.get("phone")), text(e.get("email"))) if x)
    if contact:
        doc.field("Điện thoại, thư điện tử", contact)


def dossier_block(doc: OfficialDocument, data: dict[str, Any]) -> None:
    d = data.get("dossier") or {}
    doc.field("Mã hồ sơ", text(d.get("tracking_code")))
    doc.field("Nội dung đăng ký hỗ trợ", text(d.get("content")))
    doc.field("Tên nhiệm vụ", text(d.get("title")))
    if d.get("requested_support"):
        doc.field("Kinh phí đề nghị hỗ trợ", text(d.get("requested_support")))


def participants(doc: OfficialDocument, lines: list[str] | str) -> None:
    if isinstance(lines, str):
        lines = [line.strip(" -•\t") for line in lines.splitlines() if line.strip(" -•\t")]
    for line in lines or ["…………………………………………"]:
        doc.bullet(line)


def paragraphs(doc: OfficialDocument, value: str) -> None:
    for line in [line.strip() for line in str(value or "").splitlines() if line.strip()] or ["…………"]:
        doc.para(line)


@builder("other")
def other(head: Head, data: dict[str, Any]) -> OfficialDocument:
    doc = head.document(summary_under_number=text(data.get("summary")))
    doc.title(text(data.get("type_name"), "VĂN BẢN"), text(data.get("title")))
    paragraphs(doc, data.get("body", ""))
    doc.signatures([signer(data, ["GIÁM ĐỐC"])], recipients(data, ["Như trên", "Lưu: VT"]))
    return doc


from . import kinds_contract, kinds_intake  # noqa: E402,F401  register the builders
