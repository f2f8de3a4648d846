"""Vietnamese text: NFC on input, one folding helper for search."""

import functools
import unicodedata

from unidecode import unidecode


def nfc(value: str) -> str:
    """Normalise to NFC and collapse runs of whitespace (some sources carry double spaces)."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return unidecode(word).lower()


def fold(value: str) -> str:
    """Lower-case, diacritics removed, đ → d: 'Cần Thơ', 'CAN THO' and 'can tho' fold alike.

    Word by word through a cache: Vietnamese text is made of a few thousand syllables, so folding a
    registry row costs a few dictionary lookups instead of a transliteration of every character."""
    text = " ".join(_fold_word(w) for w in unicodedata.normalize("NFC", value or "").split())
    return " ".join(text.split())  # a transliteration may itself contain spaces
