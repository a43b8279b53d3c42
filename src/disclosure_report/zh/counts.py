"""Quantities in prose: ``受理政府信息公开申请859件``, ``主动公开政府信息221条``, ``二百二十一条``, ``380元``."""

from __future__ import annotations

from decimal import Decimal

import attrs

from disclosure_report.zh._text import fold
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.linear import POSSESSIVE, compile_linear
from disclosure_report.zh.numerals import NUMERAL_CHARS, read_int

MEASURE_WORDS = ("件", "条", "个", "次", "份", "项", "篇", "元", "万元", "亿元")
"""The measure words that make a number a quantity; 元, 万元 and 亿元 make it an amount of money."""
MONEY_UNITS = frozenset({"元", "万元", "亿元"})

_ARABIC = compile_linear(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_CHARS = NUMERAL_CHARS.replace("万", "").replace("萬", "").replace("亿", "").replace("億", "")
# runs of Arabic numbers and Chinese numerals (3万2千, 二百二十一), a 万/亿 before 元 belonging to the unit
# The run is atomic (``(?>…)``: no unit character can be part of it, so giving characters back never helps) and
# starts only where no digit or numeral stands before it: each run of the text is scanned once (linear time; the
# old ``(?:[0-9]+)+`` took exponential time on 28 digits and a letter).
_NUMBER = (
    rf"(?>(?:{_ARABIC.pattern}|[{_CHARS}]|[万萬亿億](?!元))+)"
    if POSSESSIVE  # Python 3.10 has no atomic groups: one flat run instead, its form checked when it is read
    else rf"(?:[0-9.,]|[{_CHARS}]|[万萬亿億](?!元))+"
)
_QUANTITY = compile_linear(
    rf"(?<![0-9{_CHARS}万萬亿億])(?<![0-9][.,])(?P<number>{_NUMBER})"
    r"[ \t]*+(?P<unit>万元|亿元|[件条个次份项篇元])(?P<next>.?)"
)
# a number right after one of these is an ordinal, an article or not a count at all:
# 第二十条 (an article), 每一件, 这一项, 统一, 数十件 (dozens)
_NOT_AFTER = frozenset("第每这那哪同统唯任单逐另其某数几多")
# slogans, not counts: 一件事一次办, 一次性告知
_NOT_BEFORE = {"件": "事", "次": "办性"}


@attrs.frozen
class Quantity:
    """A number stated in prose with its measure word and where it stands in the text.

    ``value`` is an ``int`` for counts (件, 条, …) and an exact ``Decimal`` for money (元, 万元, 亿元).
    """

    value: int | Decimal
    unit: str
    start: int
    end: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: ``text == source[start:end]``.

        >>> source = "共收到70件申请"
        >>> q = extract_counts(source)[0]
        >>> q.span, source[slice(*q.span)]
        ((3, 6), '70件')
        """
        return self.start, self.end


def extract_counts(text: str) -> list[Quantity]:
    """Every quantity written with a measure word (件 条 个 次 份 项 篇, and 元 万元 亿元 for money), in order.

    Numbers may be Arabic (full-width too, with thousands separators) or Chinese; numbers in dates (2023年),
    document numbers (〔2021〕30号), ordinals (第二十条) and vague amounts (数十件) are not quantities.

    >>> [(q.value, q.unit) for q in extract_counts("共受理政府信息公开申请859件，答复805件；主动公开二百二十一条。")]
    [(859, '件'), (805, '件'), (221, '条')]
    >>> extract_counts("收取信息处理费0.038万元")
    [Quantity(value=Decimal('0.038'), unit='万元', start=7, end=14, text='0.038万元')]
    >>> extract_counts("依据国办公开办函〔2021〕30号，2023年1月1日起施行第二十条，统一条例")
    []
    """
    folded = fold(text)
    s = folded.text
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(s):
        start, end = m.span("number")
        unit = m.group("unit")
        if (start > 0 and s[start - 1] in _NOT_AFTER) or (
            m.group("next") and m.group("next") in _NOT_BEFORE.get(unit, "")
        ):
            continue
        number = m.group("number")
        try:
            value: int | Decimal
            if unit in MONEY_UNITS and _ARABIC.fullmatch(number):
                value = Decimal(number.replace(",", ""))
            else:
                value = read_int(folded, start, end, what="a count")
                if unit in MONEY_UNITS:
                    value = Decimal(value)
        except ZhParseError:
            continue
        a, b = folded.at(start), folded.at(m.end("unit"))
        out.append(Quantity(value, unit, a, b, text[a:b]))
    return out
