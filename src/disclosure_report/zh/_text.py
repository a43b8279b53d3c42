"""Width folding (NFKC) that remembers where each character came from, so errors and spans point into the input."""

from __future__ import annotations

import re
import unicodedata

import attrs


@attrs.frozen
class Folded:
    """``text`` folded to NFKC (full-width digits and brackets become ASCII) and, for each position of the folded
    text and its end, the position in the original it came from.

    >>> f = fold("（２）")
    >>> f.text, f.at(1), f.at(3)
    ('(2)', 1, 3)
    """

    original: str
    text: str
    origin: tuple[int, ...] | None  # None: the folded text is the original

    def at(self, position: int) -> int:
        """The position in the original text of ``position`` in the folded text."""
        return position if self.origin is None else self.origin[position]


_ONE: dict[str, str] = {}
"""character → its NFKC form, for the characters that fold to exactly one character"""
_MANY: set[str] = set()
"""characters that fold to none or several"""
_CHANGED: dict[int, str] = {}
"""the code point → its NFKC form, for the characters of :data:`_ONE` that folding changes (a table for
``str.translate``: the characters it leaves alone need no entry)"""


_MAY_CHANGE = re.compile("[^\x00-\x7f\u4e00-\u9fff]")
"""The characters folding may change: ASCII and the CJK unified ideographs of the basic block fold to themselves,
one by one (most of a report's text; a test checks every one of them)."""


def fold(text: str) -> Folded:
    """Fold ``text`` character by character (so positions can be mapped back)."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return Folded(text, text, None)
    chars = set(_MAY_CHANGE.findall(text))
    # each character looked up, not ``chars - _ONE.keys()``: that copies every character ever folded on each call
    for c in [c for c in chars if c not in _ONE and c not in _MANY]:
        n = unicodedata.normalize("NFKC", c)
        if len(n) == 1:
            _ONE[c] = n
            if n != c:
                _CHANGED[ord(c)] = n
        else:
            _MANY.add(c)
    if chars.isdisjoint(_MANY):  # one character for one: positions do not move
        changed = [c for c in chars if ord(c) in _CHANGED]
        if len(changed) > 8:
            return Folded(text, text.translate(_CHANGED), None)
        folded = text
        for c in changed:  # (a folded character folds to itself: the order does not matter)
            folded = folded.replace(c, _CHANGED[ord(c)])
        return Folded(text, folded, None)
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        n = unicodedata.normalize("NFKC", c)
        out.append(n)
        origin.extend([i] * len(n))
    origin.append(len(text))
    return Folded(text, "".join(out), tuple(origin))
