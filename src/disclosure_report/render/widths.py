"""How wide a table's text prints, in ems, estimated before a font has laid it out (on the wide side).

A figure is never broken across lines in the Word file (``142`` over ``8`` reads as two numbers): a figure too wide
for its column is set smaller, by this estimate (:mod:`.docx_xml`).
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
