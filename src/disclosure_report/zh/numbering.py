"""Heading numbers, the four levels of GB/T 9704: ``一、`` (section), ``（一）`` (subsection), ``1.`` (item) and
``（1）`` (sub-item) — format and parse.

The annual report's six parts are sections (一、总体情况 … 六、其他需要报告的事项); the table rows use
subsections (（一）予以公开) and items (1.属于国家秘密).
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from disclosure_report.zh._text import fold
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numerals import NUMERAL_CHARS, format_int, read_int

Level = Literal["section", "subsection", "item", "subitem"]

_CN = f"[{NUMERAL_CHARS}]+"
_SECTION = re.compile(rf"\s*({_CN})\s*[、.]\s*")
_BRACKETED = re.compile(rf"\s*\(\s*({_CN}|[0-9]{{1,3}})\s*\)\s*[、.]?\s*")
_ITEM = re.compile(r"\s*([0-9]{1,3})\s*[.、](?![0-9])\s*")


@attrs.frozen
class Numbering:
    """A heading number found at the start of a text: its level, its value and the text after it."""

    level: Level
    value: int
    rest: str


def _positive(n: int, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} takes an int, not {type(n).__name__}")
    if n < 1:
        raise ValueError(f"{name} numbers from 1, not {n}")
    return n


def section_number(n: int) -> str:
    """``三、`` for 3: a section (一级标题).

    >>> section_number(3), section_number(12), section_number(20)
    ('三、', '十二、', '二十、')
    """
    return f"{format_int(_positive(n, 'section_number'))}、"


def subsection_number(n: int) -> str:
    """``（二）`` for 2: a subsection (二级标题), in full-width brackets as the format prints them.

    >>> subsection_number(2), subsection_number(11)
    ('（二）', '（十一）')
    """
    return f"（{format_int(_positive(n, 'subsection_number'))}）"


def item_number(n: int) -> str:
    """``1.`` for 1: an item (三级标题), an Arabic number and an ASCII full stop, as in ``1.属于国家秘密``.

    >>> item_number(1), item_number(14)
    ('1.', '14.')
    """
    return f"{_positive(n, 'item_number')}."


def subitem_number(n: int) -> str:
    """``（1）`` for 1: a sub-item (四级标题).

    >>> subitem_number(1)
    '（1）'
    """
    return f"（{_positive(n, 'subitem_number')}）"


def parse_numbering(text: str) -> Numbering | None:
    """The heading number at the start of ``text``, or None when it starts with none.

    Accepts what real documents have: half-width brackets, full-width digits and stops, spaces inside the
    brackets, ``2、`` for ``2.``, traditional and financial numerals (貳、). ``rest`` is the text after the number
    and the spaces that follow it.

    >>> parse_numbering("（二）部分公开")
    Numbering(level='subsection', value=2, rest='部分公开')
    >>> parse_numbering("(三) 不予公开"), parse_numbering("（ 二 ）部分公开").value
    (Numbering(level='subsection', value=3, rest='不予公开'), 2)
    >>> parse_numbering("２．重复申请"), parse_numbering("2、重复申请").level
    (Numbering(level='item', value=2, rest='重复申请'), 'item')
    >>> parse_numbering("四、结转下年度继续办理"), parse_numbering("貳、主动公开").value
    (Numbering(level='section', value=4, rest='结转下年度继续办理'), 2)
    >>> parse_numbering("（1）申请人")
    Numbering(level='subitem', value=1, rest='申请人')
    >>> parse_numbering("2023年") is None, parse_numbering("1.5万元") is None, parse_numbering("一是加强") is None
    (True, True, True)
    """
    head = fold(text[:40])
    s = head.text
    for level, pattern in (("subsection", _BRACKETED), ("section", _SECTION), ("item", _ITEM)):
        m = pattern.match(s)
        if not m:
            continue
        number = m.group(1)
        if level == "subsection" and number.isdigit():
            level = "subitem"
        try:
            value = read_int(head, m.start(1), m.end(1), digit_by_digit=False)
        except ZhParseError:
            continue
        if value < 1:
            continue
        return Numbering(level, value, text[head.at(m.end()) :])  # type: ignore[arg-type]
    return None
