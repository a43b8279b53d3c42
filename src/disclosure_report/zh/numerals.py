"""Integers in Chinese: digit by digit (二〇二三), spelled out (二千零二十三), financial capitals, and back."""

from __future__ import annotations

import unicodedata
from typing import Literal

from disclosure_report.zh.errors import ZhParseError

DIGITS = "〇一二三四五六七八九"
ZERO = "零"
CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "十", "百", "千")
CAPITAL_SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")
CAPITAL_BIG_UNITS = ("", "万", "亿", "万亿")

_DIGIT_VALUES: dict[str, int] = {
    **{c: i for i, c in enumerate(DIGITS)},
    "零": 0,
    "两": 2,
    "兩": 2,
    **{c: i for i, c in enumerate(CAPITAL_DIGITS)},
    "貳": 2,
    "叄": 3,
    "陸": 6,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
}
_SMALL_UNIT_VALUES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT_VALUES = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_SPECIAL = {"廿": 20, "卅": 30}

Style = Literal["spelled", "digits", "financial"]


def _group(n: int, units: tuple[str, ...], digits: str, *, liang: bool, lead_one: bool) -> str:
    """Spell 0 < n < 10000 (one 4-digit group)."""
    out = ""
    zero_pending = False
    for pos in (3, 2, 1, 0):
        d = (n // 10**pos) % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out += digits[0] if digits is not DIGITS else ZERO
            zero_pending = False
        if pos == 1 and d == 1 and not out and not lead_one and digits is DIGITS:
            out += units[pos]
            continue
        digit = digits[d]
        if liang and d == 2 and pos == 3:
            digit = "两"
        out += digit + units[pos]
    return out


def format_int(n: int, style: Style = "spelled", *, liang: bool = False) -> str:
    """An integer in Chinese.

    >>> format_int(2023, "digits")
    '二〇二三'
    >>> format_int(2023)
    '二千零二十三'
    >>> format_int(12), format_int(110), format_int(10005), format_int(100000)
    ('十二', '一百一十', '一万零五', '十万')
    >>> format_int(2200, liang=True), format_int(22, liang=True)
    ('两千二百', '二十二')
    >>> format_int(12345, "financial")
    '壹万贰仟叁佰肆拾伍'
    >>> format_int(-5)
    '负五'
    """
    if type(n) is not int:
        raise TypeError(f"format_int takes an int, not {type(n).__name__}")
    if n < 0:
        return "负" + format_int(-n, style, liang=liang)
    if style == "digits":
        return "".join(DIGITS[int(c)] for c in str(n))
    financial = style == "financial"
    if style not in ("spelled", "financial"):
        raise ValueError(f"unknown style {style!r}: use 'spelled', 'digits' or 'financial'")
    digits = CAPITAL_DIGITS if financial else DIGITS
    units = CAPITAL_SMALL_UNITS if financial else SMALL_UNITS
    if n == 0:
        return "零"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > 4:
        raise ValueError("format_int supports numbers below 10**16")
    out = ""
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        g = groups[index]
        if g == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or g < 1000):
            out += "零"
        zero_pending = False
        part = _group(g, units, digits, liang=liang, lead_one=bool(out))
        if liang and index > 0 and part == "二":
            part = "两"
        out += part + BIG_UNITS[index]
    return out


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "").strip()


def parse_int(text: str) -> int:
    """Read an integer written in Arabic digits (also full-width), Chinese numerals or a mix of both.

    >>> parse_int("二百二十一"), parse_int("一万零五"), parse_int("两千"), parse_int("二〇二三")
    (221, 10005, 2000, 2023)
    >>> parse_int("3万2千"), parse_int("１２"), parse_int("壹万贰仟叁佰肆拾伍"), parse_int("十二")
    (32000, 12, 12345, 12)
    >>> parse_int("1.5万")
    15000
    >>> parse_int("二百百")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    disclosure_report.zh.errors.ZhParseError: cannot read '二百百' as a Chinese numeral: unexpected '百' at...
    """
    if type(text) is not str:
        raise TypeError(f"parse_int takes a str, not {type(text).__name__}")
    s = _normalise(text)
    if not s:
        raise ZhParseError(text, None, "a number", "it is empty")
    negative = s[0] in "-负負"
    if negative:
        s = s[1:]
        if not s:
            raise ZhParseError(text, None, "a number", "nothing follows the sign")
    if s.isascii() and s.isdigit():
        value = int(s)
    elif all(c in _DIGIT_VALUES for c in s) and len(s) > 1:
        value = int("".join(str(_DIGIT_VALUES[c]) for c in s))  # digit by digit: 二〇二三
    else:
        value = _parse_spelled(s, text)
    return -value if negative else value


def _parse_spelled(s: str, original: str) -> int:
    offset = len(original) - len(original.lstrip())
    total = 0  # completed big groups
    section = 0  # current group below 万
    digit: int | None = None
    last_small = 10**5
    last_big = 10**17
    i = 0
    saw_zero = False
    while i < len(s):
        c = s[i]
        if c.isascii() and c.isdigit():
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            number = s[i:j]
            if "." in number:
                nxt = s[j] if j < len(s) else ""
                scale = _BIG_UNIT_VALUES.get(nxt) or _SMALL_UNIT_VALUES.get(nxt)
                whole, _, frac = number.partition(".")
                if not scale or len(frac) > len(str(scale)) - 1 or not whole:
                    raise ZhParseError(
                        original, offset + i, "a whole number", "a decimal needs a unit that makes it whole"
                    )
                digit = int(whole + frac.ljust(len(str(scale)) - 1, "0")) // (10 ** (len(str(scale)) - 1))
                value = int(whole) * scale + int(frac.ljust(len(str(scale)) - 1, "0"))
                if nxt in _BIG_UNIT_VALUES:
                    if scale >= last_big:
                        raise ZhParseError(original, offset + j, "a Chinese numeral", "units must get smaller")
                    total += section + value
                    section = 0
                    last_big = scale
                    last_small = 10**5
                else:
                    section += value
                    last_small = scale
                digit = None
                i = j + 1
                continue
            digit = int(number)
            i = j
            continue
        if c in _DIGIT_VALUES:
            if digit is not None:
                raise ZhParseError(original, offset + i, "a Chinese numeral", "two digits without a unit between them")
            d = _DIGIT_VALUES[c]
            if d == 0:
                if saw_zero and i > 0 and s[i - 1] in "零〇":
                    raise ZhParseError(original, offset + i, "a Chinese numeral", "零 written twice")
                saw_zero = True
                i += 1
                continue
            digit = d
            i += 1
            continue
        if c in _SPECIAL:
            if digit is not None:
                raise ZhParseError(original, offset + i, "a Chinese numeral", "a digit cannot stand before 廿/卅")
            section += _SPECIAL[c]
            last_small = 10
            i += 1
            continue
        if c in _SMALL_UNIT_VALUES:
            unit = _SMALL_UNIT_VALUES[c]
            if digit is None:
                if unit == 10 and section == 0 and (i == 0 or s[i - 1] in _BIG_UNIT_VALUES or s[i - 1] in "零〇"):
                    digit = 1  # 十二, 一万十二 (colloquial)
                else:
                    raise ZhParseError(original, offset + i, "a Chinese numeral", "a unit must follow a digit")
            if unit >= last_small:
                raise ZhParseError(original, offset + i, "a Chinese numeral", "units must get smaller")
            section += digit * unit
            last_small = unit
            digit = None
            i += 1
            continue
        if c in _BIG_UNIT_VALUES:
            unit = _BIG_UNIT_VALUES[c]
            if i + 1 < len(s) and s[i + 1] in _BIG_UNIT_VALUES:  # 万亿
                unit *= _BIG_UNIT_VALUES[s[i + 1]]
                i += 1
            if digit is not None:
                section += digit
                digit = None
            if section == 0:
                raise ZhParseError(original, offset + i, "a Chinese numeral", "a unit must follow a digit")
            if unit >= last_big:
                raise ZhParseError(original, offset + i, "a Chinese numeral", "units must get smaller")
            total += section * unit
            section = 0
            last_big = unit
            last_small = 10**5
            i += 1
            continue
        raise ZhParseError(original, offset + i, "a Chinese numeral")
    if digit is not None:
        if last_small != 10**5 and last_small >= 100 and not saw_zero and section:
            # 二百五 = 250, 三千二 = 3200 (colloquial abbreviation)
            digit *= last_small // 10
        elif last_small == 10**5 and last_big != 10**17 and not saw_zero and total:
            digit *= last_big // 10  # 三万二 = 32000
        section += digit
    return total + section
