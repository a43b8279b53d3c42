"""disclosure_report.zh.amounts and .counts: money kept exact (万元, yuan, capitals) and quantities in prose."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report.zh import (
    Quantity,
    ZhParseError,
    extract_counts,
    format_amount_capitals,
    format_percent,
    format_wan,
    parse_amount,
    parse_amount_capitals,
    to_yuan,
    wan_to_yuan,
    yuan_to_wan,
)

decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=-(10**15), max_value=10**15)

# ------------------------------------------------------------------------------------------------- yuan <-> 万元


def test_conversions() -> None:
    assert yuan_to_wan(Decimal("380")) == Decimal("0.038")
    assert str(yuan_to_wan(251000)) == "25.1"
    assert str(yuan_to_wan(1000000)) == "100"  # not 1E+2
    assert str(yuan_to_wan("0.01")) == "0.000001"
    assert str(wan_to_yuan(Decimal("4068.208"))) == "40682080"
    assert str(wan_to_yuan(Decimal("1E+2"))) == "1000000"
    assert str(wan_to_yuan(Decimal("0.0000"))) == "0"
    assert str(yuan_to_wan(Decimal("-5"))) == "-0.0005"


def test_conversions_are_exact_beyond_the_decimal_context() -> None:
    big = Decimal("1234567890123456789012345678901234.5678")  # 38 digits: more than the default precision of 28
    assert wan_to_yuan(yuan_to_wan(big)) == big
    assert str(yuan_to_wan(big)) == "123456789012345678901234567890.12345678"


@settings(max_examples=1000)
@given(decimals)
def test_yuan_wan_round_trip(amount: Decimal) -> None:
    assert wan_to_yuan(yuan_to_wan(amount)) == amount
    assert yuan_to_wan(wan_to_yuan(amount)) == amount
    for result in (yuan_to_wan(amount), wan_to_yuan(amount)):
        exponent = result.as_tuple().exponent
        assert isinstance(exponent, int) and exponent <= 0  # 100, not 1E+2


@pytest.mark.parametrize("function", [yuan_to_wan, wan_to_yuan, format_wan, format_percent, format_amount_capitals])
def test_floats_are_refused(function: object) -> None:
    assert callable(function)
    with pytest.raises(TypeError, match=r"pass a Decimal or a str"):
        function(1.5)
    with pytest.raises(TypeError, match="Decimal"):
        function(None)


@pytest.mark.parametrize("bad", ["abc", "1,000", "NaN", "Infinity", ""])
def test_bad_strings_are_refused(bad: str) -> None:
    with pytest.raises(ZhParseError, match="as an amount"):
        yuan_to_wan(bad)


def test_to_yuan() -> None:
    assert to_yuan(Decimal("3.2"), "亿元") == 320000000
    assert to_yuan(Decimal("4068.208"), "万元") == 40682080
    assert to_yuan(380, None) == to_yuan(380, "元") == 380
    with pytest.raises(ValueError, match="unknown unit"):
        to_yuan(1, "美元")


# ------------------------------------------------------------------------------------------------- babel formatting


@pytest.mark.parametrize(
    ("amount", "grouped", "plain"),
    [
        ("4068.208", "4,068.208", "4068.208"),
        ("24252.311082", "24,252.311082", "24252.311082"),
        ("1234567.50", "1,234,567.50", "1234567.50"),
        ("0", "0", "0"),
        ("0.000", "0.000", "0.000"),
        ("-0.038", "-0.038", "-0.038"),
        ("1E+3", "1,000", "1000"),
        ("123456789012345678901234567890.123456789", "123,456,789,012,345,678,901,234,567,890.123456789", None),
    ],
)
def test_format_wan_keeps_every_digit(amount: str, grouped: str, plain: str | None) -> None:
    assert format_wan(Decimal(amount)) == grouped
    if plain is not None:
        assert format_wan(Decimal(amount), grouping=False) == plain


@settings(max_examples=500)
@given(decimals)
def test_format_wan_reads_back(amount: Decimal) -> None:
    assert Decimal(format_wan(amount).replace(",", "")) == amount
    assert parse_amount(format_wan(amount) + "万元") == (amount, "万元")


def test_format_percent() -> None:
    assert format_percent(Decimal("0.339")) == "33.9%"
    assert format_percent(Decimal("0.123")) == "12.3%"
    assert format_percent(Decimal("0.0005")) == "0.1%"  # half up (四舍五入), not half even
    assert format_percent(Decimal("0.00045"), places=2) == "0.05%"
    assert format_percent(1, places=0) == "100%"
    assert format_percent("12.5") == "1,250.0%"
    with pytest.raises(ValueError, match="places"):
        format_percent(1, places=-1)


# ------------------------------------------------------------------------------------------------- capitals


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("12345.6", "壹万贰仟叁佰肆拾伍元陆角"),
        ("380", "叁佰捌拾元整"),
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.5", "伍角"),
        ("0.55", "伍角伍分"),
        ("10", "壹拾元整"),
        ("100.05", "壹佰元零伍分"),
        # the examples of 《正确填写票据和结算凭证的基本规定》
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("100000000", "壹亿元整"),
        ("1.230", "壹元贰角叁分"),  # the value has two decimal places
    ],
)
def test_capitals(amount: str, capitals: str) -> None:
    assert format_amount_capitals(Decimal(amount)) == capitals
    assert parse_amount_capitals(capitals) == Decimal(amount)
    assert parse_amount(capitals) == (Decimal(amount), "元")


def test_capitals_refuse_what_a_receipt_cannot_say() -> None:
    with pytest.raises(ValueError, match="more than two decimal places"):
        format_amount_capitals(Decimal("1.234"))
    with pytest.raises(ValueError, match=">= 0"):
        format_amount_capitals(Decimal("-1"))


@settings(max_examples=1000)
@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False))
def test_capitals_round_trip(amount: Decimal) -> None:
    assert parse_amount_capitals(format_amount_capitals(amount)) == amount


def test_capitals_alternatives_are_read() -> None:
    assert parse_amount_capitals("人民币壹仟陆佰捌拾元零叁角贰分") == Decimal("1680.32")
    assert parse_amount_capitals("壹拾万零柒仟元伍角叁分") == Decimal("107000.53")
    assert parse_amount_capitals("叁佰捌拾圆正") == Decimal("380")
    assert parse_amount_capitals("壹万贰仟叁佰肆拾伍元陆角整") == Decimal("12345.6")


@pytest.mark.parametrize("text", ["", "整", "壹佰元伍分整", "壹佰元拾角", "abc"])
def test_bad_capitals(text: str) -> None:
    with pytest.raises(ZhParseError, match="as an amount in capitals"):
        parse_amount_capitals(text)


# ------------------------------------------------------------------------------------------------- parse_amount


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("251000元", "251000", "元"),
        ("4068.208万元", "4068.208", "万元"),
        ("1,234.5 万元", "1234.5", "万元"),
        ("3.2亿元", "3.2", "亿元"),
        ("12", "12", None),
        ("０.０３８万元", "0.038", "万元"),
        ("380.00元", "380.00", "元"),
        ("￥380", "380", "元"),
        ("-5元", "-5", "元"),
        ("三百八十元", "380", "元"),
        ("三万元", "3", "万元"),
        ("三万五千元", "35000", "元"),
    ],
)
def test_parse_amount(text: str, value: str, unit: str | None) -> None:
    assert parse_amount(text) == (Decimal(value), unit)
    assert str(parse_amount(text)[0]) == value  # the decimal places as printed


@pytest.mark.parametrize("text", ["", "元", "万元", "abc", "1.2.3元", "12美元", "1,23元"])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(ZhParseError, match="as an amount"):
        parse_amount(text)


# ------------------------------------------------------------------------------------------------- counts in prose


def test_counts_in_prose_from_real_reports() -> None:
    shanghai = (
        "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；"
        "答复政府信息公开申请805件（含上年度结转申请18件"
    )
    assert [(q.value, q.unit) for q in extract_counts(shanghai)] == [(859, "件"), (805, "件"), (18, "件")]
    pingtan = "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。"
    assert [q.value for q in extract_counts(pingtan)] == [70, 69, 1]
    panzhou = "2023年，盘州市乡村振兴局累计主动公开政府信息221条"
    assert [(q.value, q.unit, q.text) for q in extract_counts(panzhou)] == [(221, "条", "221条")]
    assert [q.value for q in extract_counts("依据第二十条第（一）项，收取信息处理费共计380元")] == [380]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("累计主动公开政府信息二百二十一条", [(221, "条")]),
        ("共收到70件申请", [(70, "件")]),
        ("发布政策解读１２篇，召开新闻发布会3次", [(12, "篇"), (3, "次")]),
        ("共1,234件", [(1234, "件")]),
        ("约1.5万件", [(15000, "件")]),
        ("收到两件申请", [(2, "件")]),
        ("收取信息处理费共计380元", [(Decimal(380), "元")]),
        ("收费0.038万元", [(Decimal("0.038"), "万元")]),
        ("预算3.2亿元", [(Decimal("3.2"), "亿元")]),
        ("三万元", [(Decimal(3), "万元")]),
        ("依据国办公开办函〔2021〕30号", []),
        ("2023年1月1日至12月31日", []),
        ("依据第二十条第（一）项", []),
        ("数十件", []),
        ("统一条例", []),
        ("每一件都", []),
        ("高效办成一件事，一次性告知", []),
        ("回落12.3%", []),
        ("", []),
    ],
)
def test_counts(text: str, found: list[tuple[object, str]]) -> None:
    assert [(q.value, q.unit) for q in extract_counts(text)] == found


def test_count_values_are_typed_by_unit() -> None:
    count, money = extract_counts("受理申请5件，收费380元")
    assert type(count.value) is int and type(money.value) is Decimal


def test_count_spans_point_into_the_text() -> None:
    text = "　共受理申请８５９件，收费０.０３８万元"
    quantities = extract_counts(text)
    assert [text[q.start : q.end] for q in quantities] == ["８５９件", "０.０３８万元"]
    assert [q.text for q in quantities] == ["８５９件", "０.０３８万元"]
    assert quantities[0].span == (q := quantities[0]).span == (q.start, q.end)
    assert isinstance(q, Quantity)


@settings(max_examples=500)
@given(st.integers(0, 10**8), st.sampled_from(["件", "条", "个", "次", "份", "项", "篇"]), st.booleans())
def test_counts_round_trip(n: int, unit: str, chinese: bool) -> None:
    from disclosure_report.zh import format_int

    number = format_int(n) if chinese else str(n)
    assert [(q.value, q.unit) for q in extract_counts(f"共受理申请{number}{unit}，")] == [(n, unit)]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.一二十百千万亿两零件条元万年第〔〕")), max_size=20))
def test_any_text_gives_quantities_or_nothing(text: str) -> None:
    for q in extract_counts(text):
        assert text[q.start : q.end] == q.text
