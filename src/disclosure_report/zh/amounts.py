"""Amounts: 万元 kept exact, yuan <-> 万元, financial capitals, grouping and percentages via babel."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal, format_percent

from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numerals import CAPITAL_DIGITS, format_int, parse_int

LOCALE = "zh_Hans_CN"
_TEN_THOUSAND = Decimal(10000)
_UNITS = {"元": Decimal(1), "万元": Decimal(10**4), "亿元": Decimal(10**8)}


def _decimal(value: object, name: str = "value") -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(f"{name} must be a Decimal, int or str (exact), not {type(value).__name__}")
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise ZhParseError(str(value), None, "an amount", "not a decimal number") from None
    if not d.is_finite():
        raise ZhParseError(str(value), None, "an amount", "not a finite number")
    return d


def yuan_to_wan(yuan: Decimal | int | str) -> Decimal:
    """Yuan to 万元, exactly.

    >>> yuan_to_wan(Decimal("380")), yuan_to_wan(251000)
    (Decimal('0.038'), Decimal('25.1'))
    """
    return (_decimal(yuan, "yuan") / _TEN_THOUSAND).normalize() if yuan else Decimal(0)


def wan_to_yuan(wan: Decimal | int | str) -> Decimal:
    """万元 to yuan, exactly.

    >>> wan_to_yuan(Decimal("4068.208"))
    Decimal('40682080')
    """
    d = _decimal(wan, "wan") * _TEN_THOUSAND
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def format_wan(amount: Decimal | int | str, *, grouping: bool = True) -> str:
    """An amount in 万元 with locale grouping, every given decimal place kept (no rounding, no float).

    >>> format_wan(Decimal("24252.311082")), format_wan(Decimal("4068.208"), grouping=False)
    ('24,252.311082', '4068.208')
    """
    d = _decimal(amount, "amount")
    places = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    pattern = "#,##0" if grouping else "0"
    if places:
        pattern += "." + "0" * places
    return format_decimal(d, format=pattern, locale=LOCALE, decimal_quantization=False)


def format_percentage(ratio: Decimal | int | str, *, places: int = 1) -> str:
    """A ratio as a percentage in the zh_Hans_CN locale.

    >>> format_percentage(Decimal("0.339")), format_percentage(Decimal("0.0434"), places=2)
    ('33.9%', '4.34%')
    """
    pattern = "#,##0" + ("." + "0" * places if places else "") + "%"
    return format_percent(_decimal(ratio, "ratio"), format=pattern, locale=LOCALE)


def format_amount_capitals(yuan: Decimal | int | str) -> str:
    """An amount in yuan in financial capitals, as on receipts: 元, 角, 分, 整.

    >>> format_amount_capitals(Decimal("12345.6"))
    '壹万贰仟叁佰肆拾伍元陆角'
    >>> format_amount_capitals(380), format_amount_capitals(Decimal("100.05"))
    ('叁佰捌拾元整', '壹佰元零伍分')
    """
    d = _decimal(yuan, "yuan")
    if d < 0:
        raise ValueError(f"format_amount_capitals takes an amount >= 0, not {d}")
    if d != d.quantize(Decimal("0.01")):
        raise ValueError(f"{d} has more than two decimal places (yuan, 角, 分)")
    whole = int(d)
    cents = int((d - whole) * 100)
    jiao, fen = divmod(cents, 10)
    out = (format_int(whole, "financial") + "元") if whole else ""
    if not jiao and not fen:
        return (out or "零元") + "整"
    if jiao:
        out += CAPITAL_DIGITS[jiao] + "角"
    elif whole:
        out += "零"
    if fen:
        out += CAPITAL_DIGITS[fen] + "分"
    return out


_AMOUNT = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千万亿两]+)\s*(元|万元|亿元)?\s*$")


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """An amount and its unit as printed: ``251000元`` → (251000, "元"), ``4068.208万元``, ``1,234.5 万元``.

    >>> parse_amount("251000元"), parse_amount("1,234.5 万元"), parse_amount("3.2亿元"), parse_amount("12")
    ((Decimal('251000'), '元'), (Decimal('1234.5'), '万元'), (Decimal('3.2'), '亿元'), (Decimal('12'), None))
    """
    s = unicodedata.normalize("NFKC", text)
    m = _AMOUNT.match(s)
    if not m:
        raise ZhParseError(text, None, "an amount", "expected a number, optionally followed by 元, 万元 or 亿元")
    number, unit = m.group(1), m.group(2)
    value = Decimal(number.replace(",", "")) if number[0].isdigit() else Decimal(parse_int(number))
    return value, unit


def to_yuan(value: Decimal, unit: str | None) -> Decimal:
    """An amount in ``unit`` (元, 万元, 亿元; None = 元) in yuan."""
    return value * _UNITS[unit or "元"]
