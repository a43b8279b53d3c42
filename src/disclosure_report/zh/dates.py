"""Dates as reports write them (2023年12月31日, 二〇二三年十二月三十一日, 2023-12-31) and statistics periods
(本报告中所列数据统计期限为2023年1月1日至12月31日)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

from disclosure_report.zh._text import Folded, fold
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.linear import compile_linear
from disclosure_report.zh.numerals import format_int, read_int

DateStyle = Literal["arabic", "chinese"]

# Runs are possessive (``*+``, ``++``: the character after each is never one of the run's own), and a date starts
# only where no numeral stands before it, so every run is scanned once: linear time on any text.
_YEAR_CHARS = "〇○零OＯ一二三四五六七八九十百千两"
_YEAR_CN = f"(?:[0-9]{{4}}|[{_YEAR_CHARS}]++)"
_MD_CN = "[0-9一二三四五六七八九十廿卅]++"
_S = r"[ \t\u3000]*+"
# "#" stands for the number of the date in the pattern (1: the date or the start of a period, 2: its end)
_CN_DATE = f"(?P<y#>{_YEAR_CN}){_S}年{_S}(?P<m#>{_MD_CN}){_S}月{_S}(?P<d#>{_MD_CN}){_S}[日号]"
_SEP_DATE = (
    f"(?P<Y#>[0-9]{{4}}){_S}(?P<sep#>[-./]){_S}(?P<M#>[0-9]{{1,2}}){_S}(?P=sep#){_S}(?P<D#>[0-9]{{1,2}})(?![0-9])"
)
_SHORT_END = f"(?:(?P<y2>{_YEAR_CN}){_S}年{_S})?(?P<m2>{_MD_CN}){_S}月{_S}(?P<d2>{_MD_CN}){_S}[日号]"
_JOIN = f"{_S}起?{_S}(?:至|到|~|-|—+|–){_S}"
_DATE = compile_linear(
    f"(?<![0-9{_YEAR_CHARS}])(?:" + _CN_DATE.replace("#", "1") + "|" + _SEP_DATE.replace("#", "1") + ")"
)
_PERIOD = compile_linear(_DATE.pattern + _JOIN + "(?:" + _SEP_DATE.replace("#", "2") + "|" + _SHORT_END + ")")
_NUMERALS = re.compile(f"[0-9{_YEAR_CHARS}]+")
"""A run of the characters a date starts with. A date starts only where such a run starts (its pattern begins
with a year, after no numeral), so the patterns are tried there only: a pattern that begins with a lookbehind
is otherwise tried at every position of the text."""


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for :data:`_DATE` and :data:`_PERIOD`: the same matches, each tried only where a
    run of numerals starts."""
    end = 0
    for run in _NUMERALS.finditer(text):
        start = run.start()
        if start < end:  # inside the last match: where finditer does not look again
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = m.end()


class DateRange(NamedTuple):
    """A period found in a text: its first and last day and where it stands in the text."""

    start: dt.date
    end: dt.date
    span: tuple[int, int]


def format_date(date: dt.date, style: DateStyle = "arabic") -> str:
    """A date as reports print it: ``2023年12月31日`` (Arabic, no zero padding, as GB/T 9704 asks for the date of a
    document) or ``二〇二三年十二月三十一日`` (year digit by digit, month and day spelled out).

    >>> format_date(dt.date(2023, 1, 5)), format_date(dt.date(2023, 12, 31), "chinese")
    ('2023年1月5日', '二〇二三年十二月三十一日')
    >>> format_date(dt.date(2010, 10, 20), "chinese")
    '二〇一〇年十月二十日'
    """
    if not isinstance(date, dt.date):
        raise TypeError(f"format_date takes a datetime.date, not {type(date).__name__}")
    if style == "arabic":
        return f"{date.year}年{date.month}月{date.day}日"
    if style == "chinese":
        return f"{format_int(date.year, 'digits')}年{format_int(date.month)}月{format_int(date.day)}日"
    raise ValueError(f"unknown date style {style!r}: use 'arabic' or 'chinese'")


def parse_date(text: str) -> dt.date:
    """Read a date: 2023年12月31日, 二〇二三年十二月三十一日 (〇 or 零), 2023-12-31, 2023.12.31, 2023/12/31;
    full-width digits and spaces between the parts are fine.

    >>> parse_date("二〇二三年十二月三十一日"), parse_date("2023 年 1 月 1 日"), parse_date("２０２３.１２.３１")
    (datetime.date(2023, 12, 31), datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> parse_date("二零一九年一月一日"), parse_date("2020/2/29"), parse_date("2023年01月05日")
    (datetime.date(2019, 1, 1), datetime.date(2020, 2, 29), datetime.date(2023, 1, 5))
    >>> try:
    ...     parse_date("2023年2月30日")
    ... except ZhParseError as e:
    ...     print(e.position, e)
    7 cannot read '2023年2月30日' as a date: unexpected '3' at position 7 (day is out of range for month)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date takes a str, not {type(text).__name__}")
    folded = fold(text)
    s = folded.text
    m = _DATE.fullmatch(s, len(s) - len(s.lstrip()), len(s.rstrip()))
    if m is None:
        raise ZhParseError(
            text, None, "a date", "expected a form like 2023年12月31日, 二〇二三年十二月三十一日 or 2023-12-31"
        )
    return _date_of(folded, m, "1")


def _number(folded: Folded, m: re.Match[str], group: str, *, year: bool = False) -> int:
    start, end = m.span(group)
    if year:
        s = folded.text
        if any(c in "OＯ" for c in s[start:end]):  # 二O二三: a letter O typed for 〇
            year_text = s[start:end].replace("O", "〇").replace("Ｏ", "〇")
            folded = Folded(folded.original, s[:start] + year_text + s[end:], folded.origin)
    return read_int(folded, start, end, digit_by_digit=year, what="a date")


def _make(folded: Folded, m: re.Match[str], groups: tuple[str, str, str], year: int | None = None) -> dt.date:
    y = _number(folded, m, groups[0], year=True) if year is None else year
    month = _number(folded, m, groups[1])
    day = _number(folded, m, groups[2])
    try:
        return dt.date(y, month, day)
    except (ValueError, OverflowError) as e:  # OverflowError: a part beyond a C long (2023年1月99…9日)
        blame = groups[0] if not dt.MINYEAR <= y <= dt.MAXYEAR else groups[1] if not 1 <= month <= 12 else groups[2]
        position = m.start(blame) if m.start(blame) >= 0 else m.start(groups[1])
        why = str(e) if isinstance(e, ValueError) else "a number too large for a date"
        raise ZhParseError(folded.original, folded.at(position), "a date", why) from None


def _date_of(folded: Folded, m: re.Match[str], n: str) -> dt.date:
    if m.group("y" + n) is not None:
        return _make(folded, m, ("y" + n, "m" + n, "d" + n))
    return _make(folded, m, ("Y" + n, "M" + n, "D" + n))


def find_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every date written in ``text``, in order, with its span in ``text``; impossible dates are skipped.

    >>> find_dates("（2024年1月18日）自2023年1月1日起，2023-02-30 不是日期")
    [(datetime.date(2024, 1, 18), (1, 11)), (datetime.date(2023, 1, 1), (13, 22))]
    """
    folded = fold(text)
    out: list[tuple[dt.date, tuple[int, int]]] = []
    for m in _matches(_DATE, folded.text):
        try:
            out.append((_date_of(folded, m, "1"), (folded.at(m.start()), folded.at(m.end()))))
        except ZhParseError:
            continue
    return out


def _periods(text: str) -> Iterator[DateRange | ZhParseError]:
    folded = fold(text)
    for m in _matches(_PERIOD, folded.text):
        span = (folded.at(m.start()), folded.at(m.end()))
        try:
            start = _date_of(folded, m, "1")
            if m.group("Y2") is not None:
                end = _make(folded, m, ("Y2", "M2", "D2"))
            elif m.group("y2") is not None:
                end = _make(folded, m, ("y2", "m2", "d2"))
            else:
                end = _make(folded, m, ("y2", "m2", "d2"), year=start.year)
                if end < start:  # 2023年12月1日至1月31日: into the next year
                    end = _make(folded, m, ("y2", "m2", "d2"), year=start.year + 1)
        except ZhParseError as e:
            yield e
            continue
        if end < start:
            yield ZhParseError(text, span[0], "a period", f"it ends ({end}) before it starts ({start})")
            continue
        yield DateRange(start, end, span)


def find_period(text: str) -> DateRange | None:
    """The first date range in ``text`` (e.g. the statistics-period sentence), or None.

    Ranges are joined by 至, 到, -, —, ～ (with 起/止 around them or not); the end inherits the start's year
    when it omits it (``2023年1月1日至12月31日``). The result is a named tuple ``(start, end, span)``.

    >>> found = find_period("本报告中所列数据统计期限为2022年1月1日至12月31日。")
    >>> found.start, found.end, found.span
    (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31), (13, 29))
    >>> find_period("2023年，我局未收到申请。") is None
    True
    """
    for found in _periods(text):
        if isinstance(found, DateRange):
            return found
    return None


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """The date range stated in ``text``; :class:`ZhParseError` when there is none.

    >>> parse_period("统计期限自2023年1月1日起至2023年12月31日止")
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> parse_period("从2019年1月1日到12月31日止")
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> parse_period("2023年1月1日-2023年12月31日"), parse_period("2023-01-01—2023-12-31")[1]
    ((datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)), datetime.date(2023, 12, 31))
    >>> try:
    ...     parse_period("统计期限为2023年1月1日")
    ... except ZhParseError as e:
    ...     print(e)
    cannot read '统计期限为2023年1月1日' as a period: no range like 2023年1月1日至12月31日 was found
    """
    first: ZhParseError | None = None
    for found in _periods(text):
        if isinstance(found, DateRange):
            return found.start, found.end
        first = first or found
    if first is not None:
        raise first
    raise ZhParseError(text, None, "a period", "no range like 2023年1月1日至12月31日 was found")
