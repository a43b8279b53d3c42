"""Lines of text in a PDF: one line from the pieces pdfminer gives (CJK without spaces, radicals read as the
characters they stand for), characters printed twice read once, paragraphs broken at line ends joined again, and
what a page number looks like."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from disclosure_report.read.pdf.radicals import ideographs

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"


CJK_START = "\u2e80"
"""Where the CJK blocks start (radicals, then punctuation, kana, ideographs, full-width forms)."""


_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")


_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节条])"
)


_SENTENCE_END = re.compile(r"[。！？!?；;：:][”’」』）)]?$")


@attrs.frozen
class TextLine:
    """A line of text outside the tables, where it stands on its page."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float
    figures: bool = False
    """Whether it prints as a table row does — a label, then two figures or more apart — never part of a paragraph
    (a row of a table not rebuilt: joined to the line under it, its last figure would run into that line's text)."""


def clean(text: str) -> str:
    """One line from a cell's or a paragraph's lines: CJK lines join without a space, other text with one; the
    gaps pdfminer reads as spaces between two CJK characters (justified text) are dropped."""
    out = ""
    for part in (p.strip() for p in text.split("\n")):
        if not part:
            continue
        out = join(out, part) if out else part
    return _CJK_GAP.sub("", ideographs(out))


_WORD_GAP = 3.0
"""pdfplumber's ``x_tolerance``: characters of a line further apart than this (points) are two words."""


_AUTOSPACE = 0.5
"""Word processors set Chinese a little apart from Latin letters and digits (Word's and LibreOffice's "autospace",
about a quarter of the font size; ``2025年`` prints like ``2025 年``): a gap narrower than this share of the size,
with no space printed in it, is that, not a space in the text."""


def line_text(printed: str, chars: Sequence[dict[str, Any]], spaces: Sequence[dict[str, Any]]) -> str:
    """The text of a line of a paragraph: pdfplumber's text of it (``printed``, with a space at every gap between
    words) without the spaces it puts where a word processor only set Chinese apart from Latin letters or digits —
    a gap of under half the font size between a CJK character and another, with no space (``spaces``: the page's
    space characters) printed in it. ``chars``: the line's characters, spaces left out. When the characters do not
    give back ``printed`` with every gap a space (ligatures, characters printed over others), ``printed`` as it is."""
    if len(chars) < 2:
        return printed
    every, kept = [chars[0]["text"]], [chars[0]["text"]]
    for a, b in itertools.pairwise(chars):
        gap = b["x0"] - a["x1"]
        if gap > _WORD_GAP:
            every.append(" ")
            if not _autospace(a, b, gap, spaces):
                kept.append(" ")
        every.append(b["text"])
        kept.append(b["text"])
    return "".join(kept) if "".join(every) == printed else printed


def _autospace(a: dict[str, Any], b: dict[str, Any], gap: float, spaces: Sequence[dict[str, Any]]) -> bool:
    if (a["text"] >= CJK_START) == (b["text"] >= CJK_START) or gap >= _AUTOSPACE * min(a["size"], b["size"]):
        return False
    return not any(
        a["x1"] - 1 <= (s["x0"] + s["x1"]) / 2 <= b["x0"] + 1
        and a["top"] - 1 <= (s["top"] + s["bottom"]) / 2 <= a["bottom"] + 1
        for s in spaces
    )


def join(left: str, right: str) -> str:
    """Two lines of one paragraph or cell: a space between words of Latin script, none in CJK text or within a
    number wrapped in a narrow cell."""
    if left[-1].isdigit() and right[0].isdigit():
        return left + right
    if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def paragraphs(texts: Sequence[TextLine]) -> list[str]:
    """Lines joined into paragraphs: a line reaching the right edge of the text without ending a sentence continues
    on the next line when that starts at the left edge (body text) or is centred under it (a long title), is of the
    same size and is not a heading; also across a page break."""
    if not texts:
        return []
    sized = [t for t in texts if t.size]
    left = min((t.x0 for t in sized), default=0.0)
    right = _right_edge(sized)
    spacing = _line_spacing(sized)
    out: list[str] = []
    previous: TextLine | None = None
    for t in texts:
        apart = previous is not None and t.page == previous.page and t.top - previous.top > spacing + previous.size / 2
        if (
            previous is not None
            and not apart
            and not (previous.figures or t.figures)
            and _continues(previous, t, left, right)
            and not _SENTENCE_END.search(out[-1])
        ):
            out[-1] = join(out[-1], t.text)
        else:
            out.append(t.text)
        previous = t
    return out


def _line_spacing(lines: Sequence[TextLine]) -> float:
    """How far apart (top to top) the lines of a paragraph stand: the commonest distance between lines one under
    another on a page (a wider one stands between paragraphs — a title and the date under it). Without lines
    enough to tell, no distance sets lines apart."""
    steps = sorted(
        round(b.top - a.top)
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and b.top > a.top and abs(a.size - b.size) < 1.5
    )
    if len(steps) < 3:
        return float("inf")
    return float(Counter(steps).most_common(1)[0][0])


def _right_edge(lines: Sequence[TextLine]) -> float:
    """Where the full lines of the text end: the middle one of the lines ending near the rightmost — a line with
    figures or punctuation may reach past the others into the margin (LibreOffice's print of a web page), and
    ending short of such a line does not end a paragraph."""
    if not lines:
        return 0.0
    reach = max(t.x1 for t in lines)
    near = sorted(t.x1 for t in lines if t.x1 >= reach - 3 * t.size)
    return near[(len(near) - 1) // 2]


def _continues(line: TextLine, after: TextLine, left: float, right: float) -> bool:
    """Whether ``after`` carries on the paragraph of ``line`` (see :func:`paragraphs`)."""
    size = line.size
    if not size or not after.size or abs(size - after.size) >= 1.5 or _HEADING.match(after.text):
        return False
    if line.x1 < right - 1.5 * size:
        return False  # the line ends short of the edge: its paragraph ends there
    if after.x0 <= left + 0.5 * after.size:
        return True
    centred = abs((line.x0 + line.x1) / 2 - (after.x0 + after.x1) / 2) <= size
    return centred and line.x0 <= left + 1.5 * size


def overprinted(chars: Sequence[dict[str, Any]]) -> set[int]:
    """``id`` s of characters printed again over themselves — the same character within a point of the same place,
    as word processors fake bold — so that each is read once."""
    near: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    out: set[int] = set()
    for ch in chars:
        x, y = int(ch["x0"]), int(ch["top"])
        if any(
            abs(other["x0"] - ch["x0"]) <= 1 and abs(other["top"] - ch["top"]) <= 1
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in near.get((ch["text"], x + dx, y + dy), ())
        ):
            out.add(id(ch))
        else:
            near.setdefault((ch["text"], x, y), []).append(ch)
    return out


_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‒―~·•]*\d+[-—–－‒―~·•]*|第[0-9〇一二三四五六七八九十百]+页(?:[/，,]?共\d+页)?|共\d+页第\d+页|"
    r"\d+/\d+|(?i:page)\d+(?:(?i:of)\d+)?)$"
)


def is_page_number(text: str) -> bool:
    """Whether a line is a page number as reports print them (spaces aside).

    >>> [is_page_number(t) for t in ("- 2 -", "— 12 —", "第 2 页", "第2页共5页", "2/5", "Page 2 of 5", "7")]
    [True, True, True, True, True, True, True]
    >>> [is_page_number(t) for t in ("2024 年", "一、总体情况", "第二十条第（一）项", "共 3 件")]
    [False, False, False, False]
    """
    return _PAGE_NUMBER.match(re.sub(r"\s+", "", text)) is not None
