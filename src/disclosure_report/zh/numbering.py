"""Heading numbers: 一、 (section), （一） (subsection), 1. (item) — format and parse."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import attrs

from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numerals import format_int, parse_int

Level = Literal["section", "subsection", "item"]

_CN = "〇零一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾貳參陸"
_SECTION = re.compile(rf"\s*([{_CN}]+)\s*[、．.]\s*")
_SUBSECTION = re.compile(rf"\s*[（(]\s*([{_CN}]+|[0-9]+)\s*[）)]\s*")
_ITEM = re.compile(r"\s*([0-9]+)\s*[.．、]\s*(?![0-9])")


@attrs.frozen
class Numbering:
    """A heading number found at the start of a text: its level, its value and the text after it."""

    level: Level
    value: int
    rest: str


def section_number(n: int) -> str:
    """``三、`` for 3.

    >>> section_number(3), section_number(12)
    ('三、', '十二、')
    """
    return f"{format_int(n)}、"


def subsection_number(n: int) -> str:
    """``（二）`` for 2 (full-width brackets, as the format prints them).

    >>> subsection_number(2)
    '（二）'
    """
    return f"（{format_int(n)}）"


def item_number(n: int) -> str:
    """``1.`` for 1 (Arabic digit and an ASCII full stop, as in ``1.属于国家秘密``).

    >>> item_number(1)
    '1.'
    """
    return f"{n}."


def parse_numbering(text: str) -> Numbering | None:
    """The heading number at the start of ``text``, or None when it starts with none.

    Accepts half-width brackets, full-width digits and spaces as real documents have them.

    >>> parse_numbering("（二）部分公开")
    Numbering(level='subsection', value=2, rest='部分公开')
    >>> parse_numbering("(三) 不予公开")
    Numbering(level='subsection', value=3, rest='不予公开')
    >>> parse_numbering("２．重复申请")
    Numbering(level='item', value=2, rest='重复申请')
    >>> parse_numbering("四、结转下年度继续办理")
    Numbering(level='section', value=4, rest='结转下年度继续办理')
    >>> parse_numbering("2023年") is None
    True
    """
    s, origin = _normalised(text[:32])
    for level, pattern in (("subsection", _SUBSECTION), ("section", _SECTION), ("item", _ITEM)):
        m = pattern.match(s)
        if m:
            try:
                value = parse_int(m.group(1))
            except ZhParseError:
                continue
            return Numbering(level, value, text[origin[m.end()] :])  # type: ignore[arg-type]
    return None


def _normalised(text: str) -> tuple[str, list[int]]:
    """NFKC text and, for each of its positions (and its end), the position in ``text`` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        n = unicodedata.normalize("NFKC", c)
        out.append(n)
        origin.extend([i] * len(n))
    origin.append(len(text))
    return "".join(out), origin
