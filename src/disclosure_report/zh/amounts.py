"""Amounts: 万元 kept exact, yuan <-> 万元, financial capitals, and locale grouping and percentages via babel.

Money is a :class:`~decimal.Decimal` (or an int, or a str holding a decimal number) from end to end; a float is
refused with a :class:`TypeError`, since 0.1 + 0.2 is not 0.3 in binary.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_format_percent

from disclosure_report.zh._text import fold
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.linear import compile_linear
from disclosure_report.zh.numerals import CAPITAL_DIGITS, MAX_DIGITS, format_int, read_int

LOCALE = "zh_Hans_CN"
UNITS: dict[str, int] = {"元": 1, "万元": 10**4, "亿元": 10**8}
"""The money units reports use, in yuan."""


def _decimal(value: object, name: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{name} must be exact: pass a Decimal or a str such as Decimal({str(value)!r}), not a float")
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(f"{name} must be a Decimal, an int or a str, not {type(value).__name__}")
    try:
        d = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        raise ZhParseError(str(value), None, "an amount", "not a decimal number (write it like 4068.208)") from None
    if not d.is_finite():
        raise ZhParseError(str(value), None, "an amount", "not a finite number")
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    if d and (d.adjusted() >= MAX_DIGITS or exponent < -MAX_DIGITS):
        shown = f"{d:.6E}"  # a huge amount is never written out digit by digit
        raise ZhParseError(shown, None, "an amount", f"more than {MAX_DIGITS} digits before or after the point")
    return d


def _shift(d: Decimal, places: int) -> Decimal:
    """``d`` times 10**places, exactly (no context rounding), without exponent notation or trailing zeros."""
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    exponent += places
    while exponent < 0 and len(digits) > 1 and digits[-1] == 0:
        digits = digits[:-1]
        exponent += 1
    if exponent > 0:
        digits = digits + (0,) * exponent
        exponent = 0
    if not any(digits):
        return Decimal(0)
    return Decimal((sign, digits, exponent))


def yuan_to_wan(yuan: Decimal | int | str) -> Decimal:
    """Yuan to 万元, exactly.

    >>> yuan_to_wan(Decimal("380")), yuan_to_wan(251000), yuan_to_wan("1000000"), yuan_to_wan(Decimal("0.01"))
    (Decimal('0.038'), Decimal('25.1'), Decimal('100'), Decimal('0.000001'))
    >>> yuan_to_wan(1.5)
    Traceback (most recent call last):
    ...
    TypeError: yuan must be exact: pass a Decimal or a str such as Decimal('1.5'), not a float
    """
    return _shift(_decimal(yuan, "yuan"), -4)


def wan_to_yuan(wan: Decimal | int | str) -> Decimal:
    """万元 to yuan, exactly.

    >>> wan_to_yuan(Decimal("4068.208")), wan_to_yuan("0.038"), wan_to_yuan(Decimal("1E+2"))
    (Decimal('40682080'), Decimal('380'), Decimal('1000000'))
    """
    return _shift(_decimal(wan, "wan"), 4)


def to_yuan(value: Decimal | int | str, unit: str | None) -> Decimal:
    """An amount in ``unit`` (元, 万元 or 亿元; None means 元) in yuan, exactly.

    >>> to_yuan(Decimal("3.2"), "亿元"), to_yuan(*parse_amount("4068.208万元"))
    (Decimal('320000000'), Decimal('40682080'))
    """
    if unit is not None and unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}: use 元, 万元 or 亿元")
    return _shift(_decimal(value, "value"), len(str(UNITS[unit or "元"])) - 1)


def format_wan(amount: Decimal | int | str, *, grouping: bool = True) -> str:
    """An amount (in 万元, or any unit) with zh_Hans_CN grouping, every given decimal place kept: no rounding,
    no float, no added or dropped zeros.

    >>> format_wan(Decimal("24252.311082")), format_wan(Decimal("4068.208"), grouping=False)
    ('24,252.311082', '4068.208')
    >>> format_wan(Decimal("1234567.50")), format_wan(0), format_wan(Decimal("-0.038"))
    ('1,234,567.50', '0', '-0.038')
    """
    d = _decimal(amount, "amount")
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(0, -exponent)
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    with localcontext() as context:  # babel quantizes in the current context: room for every digit
        context.prec = max(context.prec, len(d.as_tuple().digits) + places + 2)
        return format_decimal(d, format=pattern, locale=LOCALE, decimal_quantization=False)


def format_percent(ratio: Decimal | int | str, *, places: int = 1) -> str:
    """A ratio (0.339) as a percentage (33.9%) in the zh_Hans_CN locale, rounded half up to ``places`` decimals
    (四舍五入, as reports round).

    >>> format_percent(Decimal("0.339")), format_percent(Decimal("0.04345"), places=2), format_percent(1, places=0)
    ('33.9%', '4.35%', '100%')
    """
    if places < 0:
        raise ValueError(f"places must be >= 0, not {places}")
    d = _decimal(ratio, "ratio")
    pattern = "#,##0" + ("." + "0" * places if places else "") + "%"
    with localcontext() as context:
        context.prec = max(context.prec, len(d.as_tuple().digits) + places + 4)
        d = d.quantize(Decimal(1).scaleb(-(places + 2)), rounding=ROUND_HALF_UP)
        return babel_format_percent(d, format=pattern, locale=LOCALE, decimal_quantization=False)


format_percentage = format_percent
"""Former name of :func:`format_percent`."""


def format_amount_capitals(yuan: Decimal | int | str) -> str:
    """An amount in yuan in financial capitals (大写金额), as on receipts and payment vouchers.

    Follows the rules for writing amounts on 票据 (中国人民银行《正确填写票据和结算凭证的基本规定》): 整 after 元
    when there are no 角 or 分; one 零 for any run of zeros; 零 after 元 when 角 is zero but 分 is not; 壹 before a
    leading 拾. Negative amounts and amounts finer than 分 are refused.

    >>> format_amount_capitals(Decimal("12345.6"))
    '壹万贰仟叁佰肆拾伍元陆角'
    >>> format_amount_capitals(380), format_amount_capitals(Decimal("100.05")), format_amount_capitals("0.5")
    ('叁佰捌拾元整', '壹佰元零伍分', '伍角')
    >>> format_amount_capitals(Decimal("1409.50")), format_amount_capitals(Decimal("6007.14"))
    ('壹仟肆佰零玖元伍角', '陆仟零柒元壹角肆分')
    >>> format_amount_capitals(Decimal("1.234"))
    Traceback (most recent call last):
    ...
    ValueError: 1.234 has more than two decimal places: the smallest unit is 分 (0.01 yuan)
    """
    d = _decimal(yuan, "yuan")
    if d < 0:
        raise ValueError(f"format_amount_capitals takes an amount >= 0, not {d}")
    if d != d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise ValueError(f"{d} has more than two decimal places: the smallest unit is 分 (0.01 yuan)")
    cents = int(d * 100)
    whole, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    out = format_int(whole, "financial") + "元" if whole else ""
    if not jiao and not fen:
        return (out or "零元") + "整"
    if jiao:
        out += CAPITAL_DIGITS[jiao] + "角"
    elif whole:
        out += "零"
    if fen:
        out += CAPITAL_DIGITS[fen] + "分"
    return out


def parse_amount_capitals(text: str) -> Decimal:
    """Read an amount written in financial capitals back to yuan (the inverse of :func:`format_amount_capitals`).

    >>> parse_amount_capitals("壹万贰仟叁佰肆拾伍元陆角"), parse_amount_capitals("人民币叁佰捌拾元整")
    (Decimal('12345.6'), Decimal('380'))
    >>> parse_amount_capitals("壹佰元零伍分"), parse_amount_capitals("伍分"), parse_amount_capitals("零元整")
    (Decimal('100.05'), Decimal('0.05'), Decimal('0'))
    """
    folded = fold(text)
    s = folded.text
    m = _CAPITALS.fullmatch(s)
    if m is None or not any(m.group(g) for g in ("yuan", "jiao", "fen")):
        raise ZhParseError(text, None, "an amount in capitals", "expected a form like 壹万贰仟叁佰肆拾伍元陆角")
    total = 0
    for group, cents in (("yuan", 100), ("jiao", 10), ("fen", 1)):
        if m.group(group) is not None:
            value = read_int(folded, m.start(group), m.end(group), digit_by_digit=False, what="an amount in capitals")
            if group != "yuan" and not 0 <= value <= 9:
                raise ZhParseError(text, folded.at(m.start(group)), "an amount in capitals", f"{group} is one digit")
            total += value * cents
    if m.group("zheng") and m.group("fen"):
        raise ZhParseError(text, folded.at(m.start("zheng")), "an amount in capitals", "整 cannot follow 分")
    return _shift(Decimal(total), -2)


_CAPITALS = compile_linear(
    r"\s*+(?:人民币)?(?:(?P<yuan>[^元圆角分整正]++)[元圆])?零?(?:(?P<jiao>[^元圆角分整正])角)?"
    r"零?(?:(?P<fen>[^元圆角分整正])分)?(?P<zheng>[整正])?\s*+"
)
_AMOUNT = compile_linear(
    r"\s*+(?P<cur>[¥￥])?\s*+(?P<number>-?(?:[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?|[^\s元.,0-9]+?)"
    r"\s*+(?P<unit>元|万元|亿元)?\s*+"
)


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """An amount and its unit as printed: ``251000元``, ``4068.208万元``, ``1,234.5 万元``, ``3.2亿元``, ``三百八十元``,
    ``¥380``; the unit is None when the text has none. Amounts in capitals (叁佰捌拾元整) are read too.

    >>> parse_amount("251000元"), parse_amount("1,234.5 万元"), parse_amount("3.2亿元")
    ((Decimal('251000'), '元'), (Decimal('1234.5'), '万元'), (Decimal('3.2'), '亿元'))
    >>> parse_amount("12"), parse_amount("三百八十元"), parse_amount("￥380.00"), parse_amount("叁佰捌拾元整")
    ((Decimal('12'), None), (Decimal('380'), '元'), (Decimal('380.00'), '元'), (Decimal('380'), '元'))
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_amount takes a str, not {type(text).__name__}")
    folded = fold(text)
    if any(c in folded.text for c in "角分整正圆"):
        return parse_amount_capitals(text), "元"
    m = _AMOUNT.fullmatch(folded.text)
    if m is None:
        raise ZhParseError(text, None, "an amount", "expected a number, optionally followed by 元, 万元 or 亿元")
    number = m.group("number")
    unit = m.group("unit") or ("元" if m.group("cur") else None)
    if number.lstrip("-")[:1].isdigit():
        return _decimal(number.replace(",", ""), "the amount"), unit  # (bounded: MAX_DIGITS)
    if unit == "元" and any(c in CAPITAL_DIGITS[1:] + "拾佰仟" for c in number):
        return parse_amount_capitals(text), "元"
    return Decimal(read_int(folded, m.start("number"), m.end("number"), what="an amount")), unit
