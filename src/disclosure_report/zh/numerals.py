"""Integers in Chinese: digit by digit (二〇二三), spelled out (二千零二十三), financial capitals (壹万贰仟…), and back.

Writing follows the conventions of Chinese official and financial writing:

* 10–19 are ``十``…``十九`` at the start of a number (十二月, 十万) and ``一十`` inside one (一百一十, 一万零一十);
* one ``零`` stands for any run of zeros between two non-zero digits, also across a whole empty 万 group
  (二百二十一亿零一千);
* ``两`` (with ``liang=True``) replaces 二 before 千, 万 and 亿 — never before 十 and never as the last digit;
* financial capitals always write the leading 壹 (壹拾) and use 万/亿 for the large units;
* the large units are 万, 亿 and 亿亿, and what stands before them is spelled the same way, so 10**12 is 一万亿,
  10**16 is 一亿亿 and 10**20 is 一万亿亿; spelling stops below 10**24.

Reading is lenient where the meaning is clear (full-width digits, traditional characters, 两/兩, 廿/卅, Arabic
digits mixed with units as in 3万2千 or 1.5万, the colloquial 二百五 and 三万二, a 零 left out after a large unit)
and strict where it is not: ``十十``, ``二百百``, ``一百零零五``, ``二千三万`` (2003万 or 2300万?) and any stray
character are refused with a :class:`ZhParseError` that names the offending position.
"""

from __future__ import annotations

import operator
import re
from decimal import Decimal
from typing import Literal

from disclosure_report.zh._text import Folded, fold
from disclosure_report.zh.errors import ZhParseError

MAX_DIGITS = 1000
"""Numbers and amounts with more digits than this (before or after an amount's decimal point) are refused, not
expanded (the model holds at most 18 integer digits and 6 decimal places; Python's ``int()`` refuses over 4,300)."""

Style = Literal["spelled", "digits", "financial"]

DIGITS = "〇一二三四五六七八九"
"""Digit-by-digit digits (二〇二三)."""
SPELLED_DIGITS = "零一二三四五六七八九"
CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
"""Financial capitals (大写数字), simplified."""
_SMALL_UNITS = ("", "十", "百", "千")
_CAPITAL_SMALL_UNITS = ("", "拾", "佰", "仟")

_ZEROS = "〇○零"
_DIGIT_VALUES: dict[str, int] = {
    **{c: i for i, c in enumerate(SPELLED_DIGITS)},
    **{c: i for i, c in enumerate(CAPITAL_DIGITS)},
    **dict.fromkeys(_ZEROS, 0),
    "两": 2,
    "兩": 2,
    "貳": 2,
    "參": 3,
    "叄": 3,
    "陸": 6,
}
_WRITTEN_DIGITS = frozenset(DIGITS + _ZEROS)  # may be read digit by digit
_SMALL_UNIT_VALUES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT_VALUES = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_TENS = {"廿": 20, "卅": 30, "卌": 40}
_MINUS = "-−负負"
LIMIT = 10**24
"""Spelled and financial numbers go up to (not including) 10**24: beyond, 亿亿亿… stop being unambiguous."""
NUMERAL_CHARS = "".join([*_DIGIT_VALUES, *_SMALL_UNIT_VALUES, *_BIG_UNIT_VALUES, *_TENS])
"""Every character that may appear in a Chinese numeral (for building patterns)."""

_ARABIC = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
_ARABIC_RUN = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def format_int(n: int, style: Style = "spelled", *, liang: bool = False) -> str:
    """An integer in Chinese: ``"spelled"`` (二千零二十三), ``"digits"`` (二〇二三) or ``"financial"`` (贰仟零贰拾叁).

    ``liang=True`` writes 两 for 2 before 千, 万 and 亿 (spelled style only). Negative numbers get 负.

    >>> format_int(2023, "digits"), format_int(2023), format_int(2023, "financial")
    ('二〇二三', '二千零二十三', '贰仟零贰拾叁')
    >>> format_int(12), format_int(110), format_int(10005), format_int(100000), format_int(100010)
    ('十二', '一百一十', '一万零五', '十万', '十万零一十')
    >>> format_int(2200, liang=True), format_int(22, liang=True), format_int(220000, liang=True)
    ('两千二百', '二十二', '二十二万')
    >>> format_int(200020000, liang=True)
    '两亿零两万'
    >>> format_int(22100001000), format_int(10**12 + 5), format_int(10**16)
    ('二百二十一亿零一千', '一万亿零五', '一亿亿')
    >>> format_int(0), format_int(-5), format_int(10, "financial")
    ('零', '负五', '壹拾')
    """
    if isinstance(n, bool):
        raise TypeError("format_int takes an int, not bool")
    try:
        n = operator.index(n)
    except TypeError:
        raise TypeError(f"format_int takes an int, not {type(n).__name__}") from None
    if style not in ("spelled", "digits", "financial"):
        raise ValueError(f"unknown style {style!r}: use 'spelled', 'digits' or 'financial'")
    if n < 0:
        return "负" + format_int(-n, style, liang=liang)
    if n >= LIMIT and style != "digits":
        raise ValueError(f"format_int spells numbers below 10**24 (一万亿亿), not {n}")
    if style == "digits":
        return "".join(DIGITS[int(c)] for c in str(n))
    if n == 0:
        return "零"
    financial = style == "financial"
    return _spell(n, financial=financial, liang=liang and not financial, leading=True)


def _spell(n: int, *, financial: bool, liang: bool, leading: bool) -> str:
    """Spell 0 < n; ``leading``: n starts the number (十二 rather than 一十二)."""
    if n < 10**4:
        return _group(n, financial=financial, liang=liang, leading=leading)
    big, unit = (10**4, "万") if n < 10**8 else (10**8, "亿") if n < 10**16 else (10**16, "亿亿")
    high, low = divmod(n, big)
    head = "两" if liang and high == 2 else _spell(high, financial=financial, liang=liang, leading=leading)
    out = head + unit
    if low:
        if low < big // 10:
            out += "零"
        out += _spell(low, financial=financial, liang=liang, leading=False)
    return out


def _group(n: int, *, financial: bool, liang: bool, leading: bool) -> str:
    """Spell 0 < n < 10000."""
    digits = CAPITAL_DIGITS if financial else SPELLED_DIGITS
    units = _CAPITAL_SMALL_UNITS if financial else _SMALL_UNITS
    out: list[str] = []
    zero = False
    for position in (3, 2, 1, 0):
        d = n // 10**position % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if position == 1 and d == 1 and leading and not out and not financial:
            out.append("十")
            continue
        out.append(("两" if liang and d == 2 and position == 3 else digits[d]) + units[position])
    return "".join(out)


def parse_int(text: str) -> int:
    """Read an integer written in Arabic digits (full-width too), Chinese numerals, or a mix of both.

    >>> parse_int("二百二十一"), parse_int("一万零五"), parse_int("两千"), parse_int("二〇二三"), parse_int("零")
    (221, 10005, 2000, 2023, 0)
    >>> parse_int("3万2千"), parse_int("１２"), parse_int("1,234"), parse_int("1.5万"), parse_int("负三")
    (32000, 12, 1234, 15000, -3)
    >>> parse_int("壹万贰仟叁佰肆拾伍"), parse_int("貳萬"), parse_int("廿三"), parse_int("一万亿"), parse_int("二百五")
    (12345, 20000, 23, 1000000000000, 250)
    >>> for text in ("二百百", "1.55555万", "十十"):
    ...     try:
    ...         parse_int(text)
    ...     except ZhParseError as e:
    ...         print(e)
    cannot read '二百百' as a Chinese numeral: unexpected '百' at position 2 (a unit must follow a digit)
    cannot read '1.55555万' as a Chinese numeral: unexpected '1' at position 0 (1.55555万 is not a whole number)
    cannot read '十十' as a Chinese numeral: unexpected '十' at position 1 (a unit must follow a digit)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_int takes a str, not {type(text).__name__}")
    folded = fold(text)
    s = folded.text
    start = len(s) - len(s.lstrip())
    end = len(s.rstrip())
    return read_int(folded, start, end)


def read_int(folded: Folded, start: int, end: int, *, digit_by_digit: bool = True, what: str = "") -> int:
    """Read ``folded.text[start:end]`` as an integer; errors point into ``folded.original``.

    For the other modules of the package: dates read months and days with ``digit_by_digit=False``, and an error
    names the whole text and the position in it.

    >>> text = fold("2023年十二月")
    >>> read_int(text, 0, 4), read_int(text, 5, 7, digit_by_digit=False)
    (2023, 12)
    >>> try:
    ...     read_int(fold("二〇二三年一二月"), 5, 7, digit_by_digit=False, what="a date")
    ... except ZhParseError as e:
    ...     print(e.position, e.why)
    6 two digits without a unit between them
    """
    s = folded.text
    if start >= end:
        raise ZhParseError(folded.original, None, what or "a number", "it is empty")
    negative = s[start] in _MINUS
    if negative:
        start += 1
        if start >= end:
            raise ZhParseError(folded.original, None, what or "a number", "nothing follows the sign")
    body = s[start:end]
    if len(body) > MAX_DIGITS:  # never converted (int() refuses over 4,300 digits with a message about Python)
        shown = folded.original if len(folded.original) <= 40 else f"{folded.original[:37]}..."
        raise ZhParseError(shown, None, what or "a number", f"more than {MAX_DIGITS} characters")
    if _ARABIC.fullmatch(body):
        value = int(body.replace(",", ""))
    elif body in _ZEROS:
        value = 0
    elif digit_by_digit and len(body) > 1 and all(c in _WRITTEN_DIGITS for c in body):
        if body[0] in _ZEROS:
            raise ZhParseError(
                folded.original,
                folded.at(start),
                what or "a number",
                "a number written digit by digit (二〇二三) cannot start with 〇",
            )
        value = int("".join(str(_DIGIT_VALUES[c]) for c in body))
    else:
        value = _Spelled(folded, start, end, what).read()
    return -value if negative else value


class _Spelled:
    """A left-to-right reader of spelled numerals, units mixed with Chinese or Arabic digits."""

    def __init__(self, folded: Folded, start: int, end: int, what: str) -> None:
        self.folded = folded
        self.s = folded.text
        self.start = start
        self.end = end
        chinese = any(c in NUMERAL_CHARS for c in self.s[start:end])
        self.what = what or ("a Chinese numeral" if chinese else "a number")
        self.parts: list[tuple[int, int]] = []  # (value, scale): finished parts under large units, scales falling
        self.section = 0  # the group below the next large unit
        self.last_small = 10**4  # the last 十/百/千 of the group (the next one must be smaller)
        self.digit: int | None = None  # a digit (or an Arabic number) waiting for its unit
        self.digit_at = 0
        self.digit_multi = False  # the waiting number is Arabic with more than one digit
        self.digit_after: int | None = None  # the unit (≥ 百) the waiting digit directly follows, if any
        self.zero_at: int | None = None  # a 零 waiting for its digit
        self.last_unit: int | None = None  # the unit just read (None after a digit or 零)
        self.unit_before_zero: int | None = None  # the unit the last 零 followed
        self.digit_zero_at: int | None = None  # the 零 the waiting digit followed

    def fail(self, position: int, why: str) -> ZhParseError:
        return ZhParseError(self.folded.original, self.folded.at(position), self.what, why)

    def read(self) -> int:
        s, i = self.s, self.start
        while i < self.end:
            c = s[i]
            if "0" <= c <= "9":
                i = self._arabic(i)
            elif c in _DIGIT_VALUES:
                self._digit(i, c)
                i += 1
            elif c in _SMALL_UNIT_VALUES:
                self._small(i, _SMALL_UNIT_VALUES[c])
                i += 1
            elif c in _BIG_UNIT_VALUES:
                i = self._big(i)
            elif c in _TENS:
                self._tens(i, _TENS[c])
                i += 1
            else:
                raise self.fail(i, "not a digit or a unit of a number")
        return self._finish()

    def _take_digit(self, value: int, position: int) -> None:
        if self.digit is not None:
            raise self.fail(position, "two digits without a unit between them")
        self.digit = value
        self.digit_at = position
        self.digit_after = self.last_unit if self.zero_at is None and (self.last_unit or 0) >= 100 else None
        self.digit_zero_at = self.zero_at
        self.zero_at = None
        self.last_unit = None

    def _digit(self, i: int, c: str) -> None:
        value = _DIGIT_VALUES[c]
        if value == 0:
            if self.zero_at is not None:
                raise self.fail(i, "零 written twice")
            if self.digit is not None:
                raise self.fail(i, "零 cannot follow a digit")
            if i == self.start:
                raise self.fail(i, "only 零 itself starts with 零")
            self.zero_at = i
            self.unit_before_zero = self.last_unit
            self.last_unit = None
            return
        self._take_digit(value, i)

    def _arabic(self, i: int) -> int:
        m = _ARABIC_RUN.match(self.s, i, self.end)
        assert m is not None
        run = m.group().replace(",", "")
        if "." not in run:
            self._take_digit(int(run), i)
            self.digit_multi = len(run.lstrip("0")) > 1
            return m.end()
        # 1.5万, 3.2亿, 1.2万亿: a decimal made whole by the large unit after it
        j, scale = self._big_unit_at(m.end())
        whole = Decimal(run) * scale if scale else Decimal(0)
        if not scale:
            raise self.fail(i, f"a decimal needs a unit that makes it whole, like 1.5万 (found {run})")
        if whole != whole.to_integral_value():
            raise self.fail(i, f"{m.group()}{self.s[m.end() : j]} is not a whole number")
        if self.digit is not None or self.section or self.zero_at is not None:
            raise self.fail(i, "a decimal must start its part of the number")
        if self.parts and self.parts[-1][1] <= scale:
            raise self.fail(m.end(), "units must get smaller")
        self._push(int(whole), scale)
        return j

    def _big_unit_at(self, i: int) -> tuple[int, int]:
        """The large unit (万, 亿, 万亿, 亿亿) at ``i``: the position after it and its value (0: none)."""
        s = self.s
        if i >= self.end or s[i] not in _BIG_UNIT_VALUES:
            return i, 0
        unit = _BIG_UNIT_VALUES[s[i]]
        if i + 1 < self.end and s[i + 1] in _BIG_UNIT_VALUES:
            second = _BIG_UNIT_VALUES[s[i + 1]]
            if second != 10**8:
                raise self.fail(i + 1, "units must get smaller")
            return i + 2, unit * second  # 万亿, 亿亿
        return i + 1, unit

    def _tens(self, i: int, value: int) -> None:
        if self.digit is not None:
            raise self.fail(i, f"a digit cannot stand before {self.s[i]}")
        if self.last_small <= 10:
            raise self.fail(i, "units must get smaller")
        self.section += value
        self.last_small = 10
        self.zero_at = None
        self.last_unit = 10

    def _small(self, i: int, unit: int) -> None:
        if self.digit is None:
            # 十二, 一万十二, 一千零十: a bare 十 at the start of a group or after 零 means 一十
            starts_group = self.section == 0 and self.last_unit != 10
            if unit == 10 and (starts_group or self.zero_at is not None):
                self._take_digit(1, i)
            else:
                raise self.fail(i, "a unit must follow a digit")
        assert self.digit is not None
        if self.digit_multi:
            raise self.fail(self.digit_at, f"{self.s[i]} must follow a single digit")
        if unit >= self.last_small:
            raise self.fail(i, "units must get smaller")
        before = self.unit_before_zero or 0
        if self.digit_zero_at is not None and before <= unit * 10 and not self._ends_in_zero(before):
            # 一千零五百: no place is skipped, so there is nothing for 零 to stand for (but 壹拾万零柒仟 is right:
            # the 零 stands for the zero in the 万 place)
            raise self.fail(self.digit_zero_at, "零 stands for a skipped place, and none is skipped here")
        if self.s[self.digit_at] in "两兩" and unit == 10:
            raise self.fail(self.digit_at, "两 is not used before 十 (write 二十)")
        self.section += self.digit * unit
        self.last_small = unit
        self.digit = None
        self.digit_multi = False
        self.last_unit = unit

    def _ends_in_zero(self, unit: int) -> bool:
        """Whether the part under the large unit ``unit`` just read ends in a zero digit (十万, 二十亿)."""
        if unit < 10**4 or not self.parts:
            return False
        value, scale = self.parts[-1]
        return value // scale % 10 == 0

    def _big(self, i: int) -> int:
        unit, j = _BIG_UNIT_VALUES[self.s[i]], i + 1
        if unit == 10**8 and j < self.end and self.s[j] in "亿億":
            unit, j = 10**16, j + 1  # 亿亿
        if self.zero_at is not None:
            raise self.fail(i, "零 must be followed by a digit")
        if j < self.end and _BIG_UNIT_VALUES.get(self.s[j], 10**8) != 10**8:
            raise self.fail(j, "units must get smaller")  # 万万, 亿万
        if self.digit is None and self.section == 0 and (self.last_unit or 0) >= 10**4:
            # a large unit right after another: 一万亿 = (一万)亿, 一亿零一万亿 = (一亿零一万)亿
            value, scale = self.parts.pop()
            while self.parts and self.parts[-1][1] <= unit:
                value += self.parts.pop()[0]
            if self.parts and self.parts[-1][1] <= scale * unit:
                raise self.fail(i, "units must get smaller")
            self._push(value * unit, scale * unit)
            return j
        value = self.section
        if self.digit is not None:
            after = self.digit_after
            if after is not None and not self.digit_multi and (after < 10**4 or after < unit):
                # 二千三万: 2003万 or 2300万? 一万二亿: 10002亿 or 1.2万亿?
                raise self.fail(self.digit_at, "ambiguous: write 零 before this digit or give it its own unit")
            value += self.digit
            self.digit = None
            self.digit_multi = False
        if value == 0:
            raise self.fail(i, "a unit must follow a digit")
        while self.parts and self.parts[-1][1] < unit:  # 一万零一亿: the 万 part is inside the 亿 part
            value += self.parts.pop()[0]
        if self.parts and self.parts[-1][1] <= unit:
            raise self.fail(i, "units must get smaller")
        self._push(value * unit, unit)
        return j

    def _push(self, value: int, scale: int) -> None:
        self.parts.append((value, scale))
        self.section = 0
        self.last_small = 10**4
        self.last_unit = scale

    def _finish(self) -> int:
        if self.zero_at is not None:
            raise self.fail(self.zero_at, "零 must be followed by a digit")
        value = self.section
        if self.digit is not None:
            digit = self.digit
            if self.s[self.digit_at] in "两兩" and (self.section or self.parts):
                raise self.fail(self.digit_at, "两 is only used before 百, 千, 万 and 亿")
            after = self.digit_after
            if after is not None and not self.digit_multi:
                digit *= after // 10  # 二百五 = 250, 三万二 = 32000, 一亿二 = 120000000
            value += digit
        return value + sum(v for v, _ in self.parts)
