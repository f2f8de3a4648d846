"""Document numbers (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục III; DOMAIN-FACTS §6).

Numbers run from 01 in each calendar year, per issuing body and per series; numbers below 10 take a
leading 0. A number is allocated while the series' counter row is locked, inside the caller's
transaction, so two documents never share a number; a number once given is never given again (the
counter only grows, and documents are never deleted from the register).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction

from nangsuat.core.models import Agency

from .models import Document, DocumentCounter, DocumentKind

# The number's symbol for each kind: the type's abbreviation (Phụ lục III) before the issuing body's symbol.
# Every minutes is a biên bản, ``BB``, and all of them share the agency's one BB register. The advisory
# council keeps its own register under its own symbol (HĐTV), as the decree allows. The receipt is not an
# NĐ 30 type: it is the one-stop desk's Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 01/2018/TT-VPCP,
# Mẫu số 01), numbered in the register of dossiers received (TNHS). A Công văn has no type abbreviation:
# its symbol is the agency's and the drafting unit's (``SKHCN-KHTC``), ``None`` below.
SYMBOLS: dict[str, str | None] = {
    DocumentKind.RECEIPT_SLIP: "TNHS",
    DocumentKind.SUPPLEMENT_REQUEST: "TB",
    DocumentKind.VALIDITY_MINUTES: "BB",
    DocumentKind.SURVEY_MINUTES: "BB",
    DocumentKind.COUNCIL_MINUTES: "BB",
    DocumentKind.CITY_PROPOSAL: "TTr",
    DocumentKind.ASSIGNMENT_DECISION: "QĐ",
    DocumentKind.SUPPORT_CONTRACT: "HĐ",
    DocumentKind.INSPECTION_MINUTES: "BB",
    DocumentKind.ACCEPTANCE_MINUTES: "BB",
    DocumentKind.LIQUIDATION_MINUTES: "BB",
    DocumentKind.PAYMENT_REQUEST: None,
    DocumentKind.REPORT: "BC",
    DocumentKind.BUDGET_ESTIMATE: "TTr",
    DocumentKind.OTHER: "VB",
}
# The unit that drafts a Công văn on payments (Phòng Kế hoạch – Tài chính), after the agency's symbol.
FINANCE_UNIT_SYMBOL = "KHTC"
COUNCIL_SYMBOL = "HĐTV"


@dataclass(frozen=True)
class Allocated:
    series: str
    sequence: int
    number: str


def series_for(agency: Agency, kind: str) -> str:
    issuer = COUNCIL_SYMBOL if kind == DocumentKind.COUNCIL_MINUTES else (agency.doc_symbol or "SKHCN")
    symbol = SYMBOLS.get(kind, "VB")
    return f"{issuer}-{FINANCE_UNIT_SYMBOL}" if symbol is None else f"{symbol}-{issuer}"


def format_number(sequence: int, series: str) -> str:
    """(7, 'HĐ-SKHCN') → '07/HĐ-SKHCN'."""
    return f"{sequence:02d}/{series}"


def allocate_number(*, agency: Agency, kind: str, year: int) -> Allocated:
    """The next number of the kind's series for the agency and year. Locks the counter row until the
    surrounding transaction ends (opens one if there is none)."""
    series = series_for(agency, kind)
    with transaction.atomic():
        counter, _created = DocumentCounter.objects.select_for_update().get_or_create(
            agency=agency, year=year, series=series
        )
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return Allocated(series, counter.last_number, format_number(counter.last_number, series))


def suggest_number(*, agency: Agency, kind: str, year: int) -> str:
    """The number the next document of ``kind`` would get (for a form's initial value; not reserved)."""
    series = series_for(agency, kind)
    last = (
        DocumentCounter.objects.filter(agency=agency, year=year, series=series)
        .values_list("last_number", flat=True)
        .first()
    )
    return format_number((last or 0) + 1, series)


def register_given_number(*, agency: Agency, kind: str, year: int, number: str) -> Allocated | None:
    """Enter a number someone already gave (a contract or decision number typed on the form) in the
    register. A number in the kind's own series ('07/HĐ-SKHCN') takes that place in the series and moves
    the counter past it; any other form keeps its own side series. Returns None when the number is
    already in the register for the year (the caller refuses it)."""
    number = " ".join(number.split())
    series = series_for(agency, kind)
    with transaction.atomic():
        if Document.objects.filter(agency=agency, year=year, number=number).exists():
            return None
        match = re.fullmatch(r"0*(\d{1,6})/(.+)", number)
        if match and match.group(2) == series:
            sequence = int(match.group(1))
            counter, _created = DocumentCounter.objects.select_for_update().get_or_create(
                agency=agency, year=year, series=series
            )
            if Document.objects.filter(agency=agency, year=year, series=series, sequence=sequence).exists():
                return None
            if sequence > counter.last_number:
                counter.last_number = sequence
                counter.save(update_fields=["last_number"])
            return Allocated(series, sequence, format_number(sequence, series))
        side = f"{series}#"
        counter, _created = DocumentCounter.objects.select_for_update().get_or_create(
            agency=agency, year=year, series=side
        )
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        return Allocated(side, counter.last_number, number)
