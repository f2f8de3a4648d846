"""Vietnamese text: NFC on input, one folding helper for search."""

import re
import unicodedata

from unidecode import unidecode

_SPACES = re.compile(r"\s+")


def nfc(value: str) -> str:
    """Normalise to NFC and collapse runs of whitespace (some sources carry double spaces)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value or "")).strip()


def fold(value: str) -> str:
    """Lower-case, diacritics removed, đ → d: 'Cần Thơ', 'CAN THO' and 'can tho' fold alike."""
    return _SPACES.sub(" ", unidecode(nfc(value)).lower()).strip()
