"""Document numbers (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục III; DOMAIN-FACTS §6).

Numbers run from 01 in each calendar year, per issuing body and per series; numbers below 10 take a
leading 0. A number is allocated while the series' counter row is locked, inside the caller's
transaction, so two documents never share a number; a number once given is never given again (the
counter only grows, and documents are never deleted from the register).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from nangsuat.core.models import Agency

from .models import DocumentCounter, DocumentKind

# The number's symbol for each kind: type abbreviation (Phụ lục III) before the issuing body's symbol.
# The minutes carry their own abbreviation so each kind keeps its own series; the advisory council keeps
# its own series under its own symbol (HĐTV), as the decree allows.
SYMBOLS: dict[str, str] = {
    DocumentKind.RECEIPT_SLIP: "PTN",
    DocumentKind.SUPPLEMENT_REQUEST: "TB",
    DocumentKind.VALIDITY_MINUTES: "BBXNHS",
    DocumentKind.SURVEY_MINUTES: "BBKS",
    DocumentKind.COUNCIL_MINUTES: "BB",
    DocumentKind.ASSIGNMENT_DECISION: "QĐ",
    DocumentKind.SUPPORT_CONTRACT: "HĐ",
    DocumentKind.INSPECTION_MINUTES: "BBKT",
    DocumentKind.ACCEPTANCE_MINUTES: "BBNT",
    DocumentKind.LIQUIDATION_MINUTES: "BBTL",
    DocumentKind.PAYMENT_REQUEST: "ĐNTT",
    DocumentKind.OTHER: "VB",
}
COUNCIL_SYMBOL = "HĐTV"


@dataclass(frozen=True)
class Allocated:
    series: str
    sequence: int
    number: str


def series_for(agency: Agency, kind: str) -> str:
    issuer = COUNCIL_SYMBOL if kind == DocumentKind.COUNCIL_MINUTES else (agency.doc_symbol or "SKHCN")
    return f"{SYMBOLS.get(kind, 'VB')}-{issuer}"


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
