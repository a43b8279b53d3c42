"""Dates as reports write them (2023年12月31日, 二〇二三年十二月三十一日, 2023-12-31) and statistics periods."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal

from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numerals import format_int, parse_int

DateStyle = Literal["arabic", "chinese"]

_N = r"[0-9〇○零一二三四五六七八九十两]+"
_CN_DATE = re.compile(rf"({_N})\s*年\s*({_N})\s*月\s*({_N})\s*日")
_SEP_DATE = re.compile(r"([0-9]{4})\s*[-./／]\s*([0-9]{1,2})\s*[-./／]\s*([0-9]{1,2})")
_DAY = rf"({_N})\s*年\s*({_N})\s*月\s*({_N})\s*日|([0-9]{{4}})\s*[-./]\s*([0-9]{{1,2}})\s*[-./]\s*([0-9]{{1,2}})"
_SHORT_DAY = rf"(?:({_N})\s*年\s*)?({_N})\s*月\s*({_N})\s*日"
_PERIOD = re.compile(
    rf"(?:{_DAY})\s*(?:起)?\s*(?:至|到|—|–|-|~|～)\s*(?:{_SHORT_DAY}|([0-9]{{4}})\s*[-./]\s*([0-9]{{1,2}})\s*[-./]\s*([0-9]{{1,2}}))"
)


def format_date(date: dt.date, style: DateStyle = "arabic") -> str:
    """A date as reports print it: ``2023年12月31日`` (GB/T 9704, no zero padding) or ``二〇二三年十二月三十一日``.

    >>> format_date(dt.date(2023, 1, 5))
    '2023年1月5日'
    >>> format_date(dt.date(2023, 12, 31), "chinese")
    '二〇二三年十二月三十一日'
    """
    if style == "arabic":
        return f"{date.year}年{date.month}月{date.day}日"
    if style == "chinese":
        return f"{format_int(date.year, 'digits')}年{format_int(date.month)}月{format_int(date.day)}日"
    raise ValueError(f"unknown date style {style!r}: use 'arabic' or 'chinese'")


def _year(text: str) -> int:
    s = text.strip()
    if all(c in "〇○零一二三四五六七八九" for c in s):
        return int("".join(str("〇一二三四五六七八九".index(c) if c not in "○零" else 0) for c in s))
    return parse_int(s)


def _make(text: str, y: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError as e:
        raise ZhParseError(text, None, "a date", str(e)) from None


def parse_date(text: str) -> dt.date:
    """Read a date written 2023年12月31日, 二〇二三年十二月三十一日, 2023-12-31, 2023.12.31 or 2023/12/31.

    >>> parse_date("二〇二三年十二月三十一日"), parse_date("2023 年 1 月 1 日"), parse_date("２０２３.１２.３１")
    (datetime.date(2023, 12, 31), datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    """
    s = unicodedata.normalize("NFKC", text).strip()
    m = _CN_DATE.fullmatch(s)
    if m:
        return _make(text, _year(m.group(1)), parse_int(m.group(2)), parse_int(m.group(3)))
    m = _SEP_DATE.fullmatch(s)
    if m:
        return _make(text, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ZhParseError(
        text, None, "a date", "expected forms like 2023年12月31日, 二〇二三年十二月三十一日 or 2023-12-31"
    )


def find_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every date written in ``text`` with its span (positions in the NFKC-normalised text, which keeps length
    for the characters reports use)."""
    s = unicodedata.normalize("NFKC", text)
    out = []
    for m in _CN_DATE.finditer(s):
        try:
            out.append((_make(text, _year(m.group(1)), parse_int(m.group(2)), parse_int(m.group(3))), m.span()))
        except ZhParseError:
            continue
    for m in _SEP_DATE.finditer(s):
        try:
            out.append((_make(text, int(m.group(1)), int(m.group(2)), int(m.group(3))), m.span()))
        except ZhParseError:
            continue
    return sorted(out, key=lambda x: x[1])


def find_period(text: str) -> tuple[dt.date, dt.date, tuple[int, int]] | None:
    """The first date range in ``text`` (e.g. the statistics-period sentence) with its span, or None.

    The end inherits the start's year when it omits it (``2023年1月1日至12月31日``).

    >>> start, end, _ = find_period("本报告中所列数据统计期限为2022年1月1日至12月31日。")
    >>> start.isoformat(), end.isoformat()
    ('2022-01-01', '2022-12-31')
    """
    s = unicodedata.normalize("NFKC", text)
    for m in _PERIOD.finditer(s):
        g = m.groups()
        try:
            if g[0] is not None:
                start = _make(text, _year(g[0]), parse_int(g[1]), parse_int(g[2]))
            else:
                start = _make(text, int(g[3]), int(g[4]), int(g[5]))
            if g[7] is not None:
                end_year = _year(g[6]) if g[6] is not None else start.year
                end = _make(text, end_year, parse_int(g[7]), parse_int(g[8]))
            else:
                end = _make(text, int(g[9]), int(g[10]), int(g[11]))
        except ZhParseError:
            continue
        return start, end, m.span()
    return None


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """The date range stated in ``text``; :class:`ZhParseError` when there is none.

    >>> parse_period("统计期限自2023年1月1日起至2023年12月31日止")
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> parse_period("从2019年1月1日到12月31日止")
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> parse_period("2023-01-01—2023-12-31")
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    """
    found = find_period(text)
    if found is None:
        raise ZhParseError(text, None, "a period", "no range like 2023年1月1日至12月31日 was found")
    return found[0], found[1]
