"""How wide a table's text prints, in ems, as the Word file and the web page estimate it to keep figures whole.

A figure is never broken across lines (``142`` over ``8`` reads as two numbers): the Word file sets a figure too
wide for its column smaller, the web page sets a table too wide for the A4 text block smaller. Both need the
width of a text before a font has laid it out; this is that estimate, on the wide side.
"""

from __future__ import annotations

import unicodedata

LATIN_EM = 0.64
"""The advance of a digit or Latin letter in ems, at most, in the fonts a table's figure is printed with: SimSun's
digits are 0.5 em, Noto Serif CJK's 0.55 em, DejaVu Serif's (LibreOffice's fallback where SimSun is not installed)
0.636 em."""


def text_ems(text: str) -> float:
    """The width of ``text`` in ems: a wide (CJK) character one em, any other :data:`LATIN_EM`."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else LATIN_EM for ch in text)
