"""Where a long title breaks: between its words, as published reports print it.

Two forms: :func:`title_lines` for a page of known width (the Word file: explicit line breaks), and
:func:`title_pieces` for a page of any width (the HTML page: pieces a browser keeps whole, breaking between them
only where the line is full).

Chinese has no spaces, so a title too long for one line is broken by Word, LibreOffice or a browser wherever the
line is full — ``…政府信息公`` / ``开工作年度报告``. Published reports print such a title on two lines at a sensible
point: the agency on the first line and ``2024年政府信息公开工作年度报告`` on the next (or, when the year comes
first, the break before ``政府信息公开工作年度报告``). An agency too long for a line of its own is broken after
one of the organs or regions it names (``…伊犁哈萨克自治州`` / ``奎屯市人民政府办公室``).

:func:`title_lines` decides this from the title's width against the line's width, both in ems (the font size):
a CJK character is one em wide, a Latin letter or digit about half of one, and Word and LibreOffice put a little
space between CJK and Latin text. A title that fits stays one line.
"""

from __future__ import annotations

import re
import unicodedata

NARROW_EM = 0.55
"""The width of a Latin letter or digit (Times New Roman's digits are 0.5 em; a little more for letters)."""
AUTOSPACE_EM = 0.25
"""The space Word and LibreOffice add where CJK and Latin text meet (Asian/non-Asian autospacing)."""

_YEAR = re.compile(r"(?<=\S)(?:[0-9]{4}|[０-９]{4}|[〇零一二三四五六七八九]{4})年")
_SUBJECT = re.compile(r"(?<=\S)政府信息公开")
_ORGAN = re.compile(
    r"(?:特别行政区|人民共和国|人民政府|自治区|自治州|自治县|自治旗|委员会|办公厅|办公室|街道|[部局厅署院司])"
)
"""What the name of an organ or a region ends with; a line of an agency's name best ends after one."""
_PLACE = re.compile(r"[省市县区州盟旗镇乡](?![场政民域级属直辖委县区])")
"""What a place's name ends with, where no organ's name ends: a break may follow. A character that begins a
common word (市场, 区域, 县级 …) is not an end."""


def width_em(text: str) -> float:
    """How wide ``text`` prints, in ems: wide (CJK, full-width) characters one em, others :data:`NARROW_EM`, and
    :data:`AUTOSPACE_EM` where wide and narrow characters meet."""
    total = 0.0
    previous: bool | None = None
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        total += 1.0 if wide else NARROW_EM
        if previous is not None and previous != wide and not ch.isspace():
            total += AUTOSPACE_EM
        previous = wide
    return total


def _fits(text: str, line_em: float) -> bool:
    return width_em(text) <= line_em


def _name_lines(name: str, line_em: float) -> list[str]:
    """``name`` (an agency, or whatever precedes the year) in lines that fit, each broken after the last end of
    an organ's name that fits (``…管理局洪泽分局`` / ``城区市场监管所``), else after the last end of a place's
    name; a piece with no such end that fits is left whole (the word processor wraps it)."""
    lines: list[str] = []
    rest = name
    while not _fits(rest, line_em):
        end = max(_ends(_ORGAN, rest, line_em), default=None) or max(_ends(_PLACE, rest, line_em), default=None)
        if end is None:
            break
        lines.append(rest[:end])
        rest = rest[end:]
    return [*lines, rest]


def _ends(pattern: re.Pattern[str], text: str, line_em: float) -> list[int]:
    """Where ``pattern`` ends in ``text``, before its end, with what precedes fitting a line."""
    return [m.end() for m in pattern.finditer(text) if m.end() < len(text) and _fits(text[: m.end()], line_em)]


def title_lines(title: str, line_em: float) -> tuple[str, ...]:
    """The lines to print ``title`` on, on lines ``line_em`` ems wide: the title itself when it fits; else broken
    before its year (``洪泽区人民政府`` / ``2024年政府信息公开工作年度报告``), or, when what follows the year does
    not fit a line or the title begins with its year, before ``政府信息公开``; the part before the break broken
    again after a unit's name when it is too long itself. A title with no such point is one line (the word
    processor wraps it).

    >>> title_lines("国务院2024年政府信息公开工作年度报告", 20.1)
    ('国务院2024年政府信息公开工作年度报告',)
    >>> title_lines("洪泽区人民政府2024年政府信息公开工作年度报告", 20.1)
    ('洪泽区人民政府', '2024年政府信息公开工作年度报告')
    >>> title_lines("2024年度洪泽区人民政府办公室政府信息公开工作年度报告", 20.1)
    ('2024年度洪泽区人民政府办公室', '政府信息公开工作年度报告')
    """
    text = title.strip()
    if _fits(text, line_em):
        return (text,)
    for pattern in (_YEAR, _SUBJECT):
        m = pattern.search(text)
        if m is not None and _fits(text[m.start() :], line_em):
            return (*_name_lines(text[: m.start()], line_em), text[m.start() :])
    return (text,)


def title_pieces(title: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The pieces of ``title`` a page of any width may break it between, as two groups: the part before the
    year (the agency) split after the names of organs in it, and the rest split before ``政府信息公开`` — or, when
    the title begins with its year, the part before ``政府信息公开`` and the rest. A browser breaks between the two
    groups first (the agency on one line, the year on the next), and inside a group only where it is wider than
    the line. None when the title has no such point.

    >>> title_pieces("中华人民共和国国家发展和改革委员会办公厅2024年政府信息公开工作年度报告")
    (('中华人民共和国', '国家发展和改革委员会', '办公厅'), ('2024年', '政府信息公开工作年度报告'))
    >>> title_pieces("2024年度洪泽区人民政府政府信息公开工作年度报告")
    (('2024年度洪泽区人民政府',), ('政府信息公开工作年度报告',))
    """
    text = title.strip()
    for pattern in (_YEAR, _SUBJECT):
        m = pattern.search(text)
        if m is not None:
            head, tail = text[: m.start()], text[m.start() :]
            subject = _SUBJECT.search(tail)
            tails = (tail[: subject.start()], tail[subject.start() :]) if subject is not None else (tail,)
            return _pieces(head), tails
    return None


def _pieces(name: str) -> tuple[str, ...]:
    """``name`` split after each end of an organ's name in it (none at its very end)."""
    ends = [m.end() for m in _ORGAN.finditer(name) if m.end() < len(name)]
    return tuple(name[a:b] for a, b in zip([0, *ends], [*ends, len(name)], strict=True))
