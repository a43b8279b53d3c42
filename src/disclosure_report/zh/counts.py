"""Quantities in prose: ``受理政府信息公开申请859件``, ``主动公开政府信息221条``, ``二百二十一条``."""

from __future__ import annotations

import re
import unicodedata

import attrs

from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numerals import parse_int

MEASURE_WORDS = "件条个次份项篇元"

_NUMBER = r"[0-9][0-9,]*|[〇零一二三四五六七八九十百千万亿两]+"
_COUNT = re.compile(rf"(?<![0-9〔\[（(])({_NUMBER})\s*(万元|亿元|[{MEASURE_WORDS}])")


@attrs.frozen
class Quantity:
    """A number stated in prose with its measure word and where it stands."""

    value: int
    unit: str
    start: int
    end: int
    text: str


def extract_counts(text: str) -> list[Quantity]:
    """Every quantity written with a measure word (件 条 个 次 份 项 篇 元 万元), in order.

    Numbers inside dates (2023年) and document numbers (〔2021〕30号) are not quantities.

    >>> [(q.value, q.unit) for q in extract_counts("共受理政府信息公开申请859件，答复805件；主动公开二百二十一条。")]
    [(859, '件'), (805, '件'), (221, '条')]
    >>> extract_counts("依据国办公开办函〔2021〕30号，2023年1月")
    []
    """
    s = unicodedata.normalize("NFKC", text)
    out = []
    for m in _COUNT.finditer(s):
        number = m.group(1)
        if number in ("十",) and m.start() > 0 and s[m.start() - 1] in "第":
            continue
        if s[m.start() - 1 : m.start()] == "第":
            continue  # 第二十条 is an article, not a count
        try:
            value = parse_int(number.replace(",", ""))
        except ZhParseError:
            continue
        out.append(Quantity(value, m.group(2), m.start(), m.end(), m.group(0)))
    return out
