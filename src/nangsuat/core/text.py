"""Vietnamese text: NFC on input, control characters out, one folding helper for search."""

import functools
import re
import unicodedata

from unidecode import unidecode


def nfc(value: str) -> str:
    """Normalise to NFC and collapse runs of whitespace (some sources carry double spaces)."""
    return " ".join(without_control_characters(unicodedata.normalize("NFC", value or "")).split())


# C0 and C1 control characters but tab, line feed and carriage return: no document, page or workbook can
# hold them (XML 1.0 forbids most outright), and none is typed on purpose; a vertical tab, form feed or
# NEL is what a word processor pastes for a line or page break.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = "\x0b\x0c\x85"


def _replace_control(match: re.Match) -> str:
    return "\n" if match.group() in _LINE_BREAKS else ""


def has_control_characters(value: str) -> bool:
    return _CONTROL.search(value) is not None


def without_control_characters(value: str) -> str:
    """``value`` with each control character (but tab, LF and CR) dropped; a pasted line or page break
    becomes a line feed."""
    return _CONTROL.sub(_replace_control, value) if _CONTROL.search(value) else value


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return unidecode(word).lower()


def fold(value: str) -> str:
    """Lower-case, diacritics removed, đ → d: 'Cần Thơ', 'CAN THO' and 'can tho' fold alike.

    Word by word through a cache: Vietnamese text is made of a few thousand syllables, so folding a
    registry row costs a few dictionary lookups instead of a transliteration of every character."""
    text = " ".join(_fold_word(w) for w in unicodedata.normalize("NFC", value or "").split())
    return " ".join(text.split())  # a transliteration may itself contain spaces
