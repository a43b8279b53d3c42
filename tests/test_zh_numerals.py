"""disclosure_report.zh.numerals: integers in Chinese and back — conventions, round trips, cn2an as an oracle."""

from __future__ import annotations

import warnings

import cn2an  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report.zh import Style, ZhParseError, format_int, parse_int

STYLES: tuple[Style, ...] = ("spelled", "digits", "financial")


# ---------------------------------------------------------------------------------------------------------- writing


@pytest.mark.parametrize(
    ("n", "spelled"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (19, "十九"),
        (20, "二十"),
        (31, "三十一"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (221, "二百二十一"),
        (1000, "一千"),
        (1010, "一千零一十"),
        (2023, "二千零二十三"),
        (10005, "一万零五"),
        (10010, "一万零一十"),
        (10100, "一万零一百"),
        (11000, "一万一千"),
        (100000, "十万"),
        (100010, "十万零一十"),
        (150000, "十五万"),
        (1000000, "一百万"),
        (10**8, "一亿"),
        (100100000, "一亿零一十万"),
        (110000000, "一亿一千万"),
        (22100001000, "二百二十一亿零一千"),
        (10**12, "一万亿"),
        (10**12 + 5, "一万亿零五"),
        (1000100000000, "一万零一亿"),
        (10**15, "一千万亿"),
        (10**16, "一亿亿"),
        (10**16 + 10**12, "一亿亿零一万亿"),
        (10**16 + 10**8, "一亿亿零一亿"),
        (625 * 10**20, "六百二十五万亿亿"),
        (
            10**24 - 1,
            "九千九百九十九万九千九百九十九亿亿九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九",
        ),
    ],
)
def test_spelled(n: int, spelled: str) -> None:
    assert format_int(n) == spelled
    assert parse_int(spelled) == n


@pytest.mark.parametrize(
    ("n", "liang"),
    [
        (2, "二"),
        (20, "二十"),
        (22, "二十二"),
        (200, "二百"),
        (2000, "两千"),
        (2222, "两千二百二十二"),
        (20000, "两万"),
        (22000, "两万两千"),
        (220000, "二十二万"),
        (2002, "两千零二"),
        (200000000, "两亿"),
        (200020000, "两亿零两万"),
        (2 * 10**12, "两万亿"),
        (22 * 10**8, "二十二亿"),
    ],
)
def test_liang_only_before_qian_wan_yi(n: int, liang: str) -> None:
    assert format_int(n, liang=True) == liang
    assert parse_int(liang) == n


@pytest.mark.parametrize(
    ("n", "capitals"),
    [
        (0, "零"),
        (10, "壹拾"),
        (15, "壹拾伍"),
        (110, "壹佰壹拾"),
        (2000, "贰仟"),
        (12345, "壹万贰仟叁佰肆拾伍"),
        (100000, "壹拾万"),
        (6007, "陆仟零柒"),
        (300000000, "叁亿"),
    ],
)
def test_financial(n: int, capitals: str) -> None:
    assert format_int(n, "financial") == capitals
    assert format_int(n, "financial", liang=True) == capitals  # 两 is not a capital
    assert parse_int(capitals) == n


@pytest.mark.parametrize(
    ("n", "digits"), [(0, "〇"), (7, "七"), (2023, "二〇二三"), (2000, "二〇〇〇"), (1949, "一九四九")]
)
def test_digit_by_digit(n: int, digits: str) -> None:
    assert format_int(n, "digits") == digits
    assert parse_int(digits) == n


def test_negative() -> None:
    assert format_int(-5) == "负五"
    assert format_int(-2023, "digits") == "负二〇二三"
    assert parse_int("负二千零二十三") == parse_int("負兩千零二十三") == parse_int("-2023") == -2023


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="int"):
        format_int(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bool"):
        format_int(True)
    with pytest.raises(ValueError, match="unknown style"):
        format_int(1, "roman")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="below 10"):
        format_int(10**24)
    assert format_int(10**24, "digits") == "一" + "〇" * 24
    with pytest.raises(TypeError, match="str"):
        parse_int(12)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二百二十一", 221),
        ("一万零五", 10005),
        ("两千", 2000),
        ("兩千", 2000),
        ("两", 2),
        ("〇", 0),
        ("零", 0),
        ("二〇二三", 2023),
        ("二零二三", 2023),
        ("二○二三", 2023),
        ("一十二", 12),
        ("一千零十", 1010),
        ("一万十二", 10012),
        ("3万2千", 32000),
        ("3万2", 32000),
        ("1亿2345万", 123450000),
        ("4068万", 40680000),
        ("1.5万", 15000),
        ("3.2亿", 320000000),
        ("1.5万亿", 1500000000000),
        ("１２", 12),
        ("１，２３４", 1234),
        ("1,234,567", 1234567),
        (" 12 ", 12),
        ("壹万贰仟叁佰肆拾伍", 12345),
        ("壹萬貳仟參佰肆拾伍", 12345),
        ("陸佰", 600),
        ("貳拾", 20),
        ("廿三", 23),
        ("卅一", 31),
        ("二百五", 250),
        ("三千二", 3200),
        ("三万二", 32000),
        ("两万五", 25000),
        ("一亿二", 120000000),
        ("一亿二万", 100020000),
        ("二百二十一亿一千", 22100001000),
        ("二千〇二十三", 2023),
        ("一亿零一万亿", 10**16 + 10**12),
    ],
)
def test_reads(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize(
    ("text", "position", "why"),
    [
        ("二百百", 2, "a unit must follow a digit"),
        ("十十", 1, "a unit must follow a digit"),
        ("万万", 1, "units must get smaller"),
        ("亿万", 1, "units must get smaller"),
        ("百", 0, "a unit must follow a digit"),
        ("万", 0, "a unit must follow a digit"),
        ("一百零零五", 3, "零 written twice"),
        ("零零五", 0, "cannot start with 〇"),
        ("一百零", 2, "零 must be followed by a digit"),
        ("一千零五百", 2, "none is skipped"),
        ("一万零五千", 2, "none is skipped"),
        ("二十一零", 3, "零 cannot follow a digit"),
        ("一二十", 1, "two digits without a unit"),
        ("二千三万", 2, "ambiguous"),
        ("一万二亿", 2, "ambiguous"),
        ("一亿二亿", 3, "units must get smaller"),
        ("三百四千", 3, "units must get smaller"),
        ("二十两", 2, "两 is only used before"),
        ("两十", 0, "两 is not used before 十"),
        ("1.55555万", 0, "not a whole number"),
        ("1.5", 0, "a decimal needs a unit"),
        ("12千", 0, "must follow a single digit"),
        ("abc", 0, "not a digit"),
        ("一百a", 2, "not a digit"),
        ("12,34", 2, "not a digit"),
        ("--1", 1, "not a digit"),
        ("二 百", 1, "not a digit"),
        ("", None, "it is empty"),
        ("   ", None, "it is empty"),
        ("负", None, "nothing follows the sign"),
    ],
)
def test_nonsense_is_refused_clearly(text: str, position: int | None, why: str) -> None:
    with pytest.raises(ZhParseError) as info:
        parse_int(text)
    error = info.value
    assert isinstance(error, ValueError)
    assert (error.text, error.position) == (text, position)
    assert str(error).startswith(f"cannot read {text!r} as ")
    assert why in str(error)
    if position is not None:
        assert f"unexpected {text[position]!r} at position {position}" in str(error)


def test_positions_point_into_the_text_as_given() -> None:
    # full-width characters are folded before reading; the position still counts in the original text
    with pytest.raises(ZhParseError) as info:
        parse_int("  １２ｘ")
    assert info.value.position == 4


def test_spec_example_message() -> None:
    with pytest.raises(ZhParseError) as info:
        parse_int("二百百")
    assert str(info.value) == (
        "cannot read '二百百' as a Chinese numeral: unexpected '百' at position 2 (a unit must follow a digit)"
    )


_ALPHABET = list("〇零一二两三四五六七八九十百千万亿廿壹贰拾佰仟萬億兩0123456789.,负- ａ")


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12) | st.text(max_size=8))
def test_any_text_gives_a_number_or_a_clear_error(text: str) -> None:
    try:
        value = parse_int(text)
    except ZhParseError as e:
        assert e.text == text
        assert e.position is None or 0 <= e.position < len(text)
    else:
        assert isinstance(value, int)


# ------------------------------------------------------------------------------------------------------- round trips


def test_every_number_below_30000_round_trips() -> None:
    for n in range(30000):
        for style in STYLES:
            assert parse_int(format_int(n, style)) == n, (n, style)
        assert parse_int(format_int(n, liang=True)) == n, n


@settings(max_examples=3000)
@given(
    st.one_of(st.integers(0, 10**12), st.integers(0, 10**24 - 1), st.integers(0, 10**9).map(lambda n: n * 10**8)),
    st.sampled_from(STYLES),
    st.booleans(),
)
def test_format_then_parse_is_identity(n: int, style: Style, liang: bool) -> None:
    assert parse_int(format_int(n, style, liang=liang)) == n
    assert parse_int(format_int(-n, style, liang=liang)) == -n


@settings(max_examples=1000)
@given(st.integers(0, 10**24 - 1).map(lambda n: int(str(n).replace("4", "0").replace("7", "0"))))
def test_sparse_numbers_round_trip(n: int) -> None:
    # many zeros: the 零 rules are where writing and reading go wrong
    for style in STYLES:
        assert parse_int(format_int(n, style)) == n


# ---------------------------------------------------------------------------------------------- cn2an as an oracle


def _an2cn(n: int, mode: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(cn2an.an2cn(n, mode))


def _cn2an(text: str) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return int(cn2an.cn2an(text, "smart"))


def _agrees_with_cn2an(n: int, ours: str, theirs: str) -> bool:
    # The one difference (cn2an supports n < 10**16): when the 万 group after 亿 is empty and the last group has
    # four digits, cn2an drops the 零 (二百二十一亿一千); the usual rule — one 零 for any run of zeros — and we
    # write it (二百二十一亿零一千). Both read back to the same number.
    if ours == theirs:
        return True
    return n >= 10**8 and n // 10**4 % 10**4 == 0 and n % 10**4 >= 1000 and theirs == ours.replace("亿零", "亿")


@settings(max_examples=2000)
@given(
    st.one_of(
        st.integers(0, 10**16 - 1),
        st.integers(0, 10**16 - 1).map(lambda n: int(str(n).replace("5", "0").replace("6", "0").replace("8", "0"))),
    )
)
def test_writing_agrees_with_cn2an(n: int) -> None:
    pairs: tuple[tuple[Style, str], ...] = (("spelled", "low"), ("financial", "up"))
    for style, mode in pairs:
        ours, theirs = format_int(n, style), _an2cn(n, mode)
        assert _agrees_with_cn2an(n, ours, theirs), (n, ours, theirs)
        assert parse_int(theirs) == n


@pytest.mark.parametrize(
    "text",
    [
        "二百二十一",
        "一万零五",
        "两千",
        "二〇二三",
        "十二",
        "一十二",
        "一百一十",
        "三千零五十",
        "九亿零八万",
        "壹万贰仟叁佰肆拾伍",
        "零",
        "三万二",
        "二百五",
        "一千零十",
        "一万零一亿",
        "1.5万",
        "3万2千",
        "廿三",
        "负三百",
        "十万零一十",
    ],
)
def test_reading_agrees_with_cn2an(text: str) -> None:
    assert parse_int(text) == _cn2an(text)


@pytest.mark.parametrize("text", ["十十", "一百零零五", "万万", "二千三万"])
def test_both_refuse(text: str) -> None:
    with pytest.raises(ZhParseError):
        parse_int(text)
    with pytest.raises(ValueError), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cn2an.cn2an(text, "smart")
