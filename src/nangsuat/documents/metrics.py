"""How wide a line of text prints, for the rules Nghị định 30 sizes by the text above them.

Widths come from Liberation Serif, whose advance widths are those of Times New Roman (metric-compatible
by design), read with fontTools; the font ships with the fonts-liberation package the PDF rendering
needs. Without it, an average glyph width stands in, within a few millimetres.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation")
FILES = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
MM_PER_PT = 25.4 / 72
AVERAGE_EM = {False: 0.52, True: 0.56}  # a line of capitals and spaces, when the font is missing


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, int], int] | None:
    for folder in FONT_DIRS:
        path = Path(folder) / FILES[bold]
        if path.exists():
            font = TTFont(str(path), lazy=True)
            cmap, hmtx = font.getBestCmap(), font["hmtx"]
            return {code: hmtx[glyph][0] for code, glyph in cmap.items()}, font["head"].unitsPerEm
    return None


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of ``text`` in Times New Roman at ``size_pt``."""
    text = unicodedata.normalize("NFC", text)
    found = _advances(bold)
    if found is None:
        return len(text) * AVERAGE_EM[bold] * size_pt * MM_PER_PT
    advances, units = found
    fallback = advances.get(ord("n"), units // 2)
    em = sum(advances.get(ord(ch), fallback) for ch in text) / units
    return em * size_pt * MM_PER_PT
