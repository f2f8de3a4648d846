"""The layout of each kind of document, drawn from a plain ``data`` dict (strings, lists, numbers).

The workflow effects (``documents.effects``) gather the data from the dossier and its records; the
builders only lay it out, so a document can be drawn again from the data kept on its record. Each
module registers its kinds with ``@builder``: ``intake`` (intake, validity check, survey, council),
``contract`` (assignment, contract, acceptance, liquidation, payment, the Tờ trình to the city);
``blocks`` holds the pieces they share and the data keys they have in common.
"""

from __future__ import annotations

from typing import Any

from ..format import Head, OfficialDocument
from . import city_decision, contract, council_sheet, intake  # noqa: F401  importing them registers their kinds
from .blocks import BUILDERS, builder, paragraphs, recipients, signer, text

__all__ = ["BUILDERS", "render"]


def render(kind: str, head: Head, data: dict[str, Any]) -> bytes:
    """The DOCX bytes of a document of ``kind`` (an unknown kind is drawn as ``other``)."""
    build = BUILDERS.get(kind) or BUILDERS["other"]
    return build(head, data).to_bytes()


@builder("other")
def other(head: Head, data: dict[str, Any]) -> OfficialDocument:
    """A plain document: type name, title, body paragraphs, the director's signature."""
    doc = head.document(summary_under_number=text(data.get("summary")))
    doc.title(text(data.get("type_name"), "VĂN BẢN"), text(data.get("title")))
    paragraphs(doc, data.get("body", ""))
    doc.signatures([signer(data, ["GIÁM ĐỐC"])], recipients(data, ["Như trên", "Lưu: VT"]))
    return doc
