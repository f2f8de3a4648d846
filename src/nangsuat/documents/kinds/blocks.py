"""The pieces several kinds of document share, and the ``builder`` decorator that registers a kind.

Shared keys of ``data``: ``enterprise`` {name, tax_code, address, representative, representative_title,
phone, email}, ``dossier`` {tracking_code, title, content, call, total_cost, requested_support, period},
``signer`` {heading: [..], name}, ``recipients`` [..], ``signatures`` {left, right}.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..format import Head, OfficialDocument, Signature
from ..legal import fill, say
from ..profile import bases_for, recipients_for

Builder = Callable[[Head, dict[str, Any]], OfficialDocument]
BUILDERS: dict[str, Builder] = {}


def builder(kind: str):
    def register(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        return fn

    return register


# --- Pieces several kinds share ----------------------------------------------------------------------


def text(value: Any, default: str = "") -> str:
    return " ".join(str(value).split()) if value not in (None, "") else default


def signer(data: dict[str, Any], default_heading: list[str]) -> Signature:
    s = data.get("signer") or {}
    return Signature(heading=list(s.get("heading") or default_heading), name=text(s.get("name")))


def two_signatures(
    data: dict[str, Any], left: list[str], right: list[str], note: str = "(Ký, ghi rõ họ tên)"
) -> list[Signature]:
    """Two signature columns side by side, their names from ``data["signatures"]`` {left, right}."""
    names = data.get("signatures") or {}
    return [
        Signature(heading=left, name=text(names.get("left")), note=note),
        Signature(heading=right, name=text(names.get("right")), note=note),
    ]


def profile_of(data: dict[str, Any]) -> dict[str, Any]:
    """The agency's document profile the document was issued with (``documents.profile``)."""
    return data.get("profile") or {}


def values_of(data: dict[str, Any]) -> dict[str, str]:
    """The values a profile's wording and recipients may name with ``$``."""
    e = data.get("enterprise") or {}
    p = profile_of(data)
    return {
        "enterprise": text(e.get("name"), "Doanh nghiệp"),
        "province": text(p.get("province"), "tỉnh, thành phố"),
    }


def bases(doc: OfficialDocument, data: dict[str, Any], kind: str, extra: list[str] | None = None) -> None:
    """The 'Căn cứ …' lines: the agency's for the kind (or the shipped ones), then ``extra``."""
    for line in bases_for(profile_of(data), kind) + list(extra or []) + list(data.get("extra_bases") or []):
        doc.para(line, italic=True, before=6)


def wording(data: dict[str, Any], key: str, **values: str) -> str:
    return say(profile_of(data).get("wording"), key, **{**values_of(data), **values})


def plan(data: dict[str, Any]) -> str:
    """The province's plan as its documents cite it, '' when the agency has not set one."""
    return text(profile_of(data).get("plan"))


def recipients(data: dict[str, Any], default: list[str], kind: str = "") -> list[str]:
    own = recipients_for(profile_of(data), kind) if kind else None
    lines = fill(list(data.get("recipients") or own or default), **values_of(data))
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


def bank_text(e: dict[str, Any]) -> str:
    """'0123456789 tại Ngân hàng …, chi nhánh …', '' without an account number."""
    account = text(e.get("bank_account"))
    if not account:
        return ""
    where = ", ".join(x for x in (text(e.get("bank_name")), text(e.get("bank_branch"))) if x)
    return f"{account} tại {where}" if where else account


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


def people_table(doc: OfficialDocument, rows: list[list[str]], *, extra: str = "") -> None:
    """Who took part, one row each: STT, name, title, body (and ``extra``, a further column)."""
    headers = ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị"] + ([extra] if extra else [])
    widths = [12, 48, 40, 65] if not extra else [11, 40, 30, 50, 34]
    body = [[str(i), *(text(cell) for cell in row[: len(headers) - 1])] for i, row in enumerate(rows, 1)]
    if body:
        doc.table(headers, body, widths, size=12)
    else:
        participants(doc, [])


def paragraphs(doc: OfficialDocument, value: str) -> None:
    for line in [line.strip() for line in str(value or "").splitlines() if line.strip()] or ["…………"]:
        doc.para(line)
