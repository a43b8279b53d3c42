"""disclosure_report.zh: property tests (format → parse is the identity) and the forms real reports use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report.zh import (
    ZhParseError,
    extract_counts,
    find_period,
    format_amount_capitals,
    format_date,
    format_int,
    format_wan,
    parse_amount,
    parse_date,
    parse_int,
    parse_numbering,
    parse_period,
    section_number,
    subsection_number,
    wan_to_yuan,
    yuan_to_wan,
)


@settings(max_examples=2000)
@given(st.integers(0, 10**16 - 1), st.sampled_from(["spelled", "digits", "financial"]), st.booleans())
def test_format_then_parse_is_identity(n: int, style: str, liang: bool) -> None:
    assert parse_int(format_int(n, style, liang=liang)) == n  # type: ignore[arg-type]


@settings(max_examples=500)
@given(st.integers(-(10**12), 10**12))
def test_negative_numbers(n: int) -> None:
    assert parse_int(format_int(n)) == n


@settings(max_examples=1000)
@given(st.integers(0, 10**12))
def test_spelled_agrees_with_cn2an(n: int) -> None:
    # Where the conventions differ: cn2an writes 10–19 as 一十…一十九 at the start, reports (and we) write 十…十九
    # (十二月, 十万); and cn2an drops the 零 for a whole zero 万-group (二百二十一亿一千), we write it
    # (二百二十一亿零一千). Everything else must be the same text.
    ours = format_int(n).replace("零", "")
    theirs = cn2an.an2cn(n).replace("零", "")
    assert ours == theirs or (theirs.startswith("一十") and ours == theirs[1:])
    assert parse_int(format_int(n)) == parse_int(cn2an.an2cn(n)) == n


@pytest.mark.parametrize(
    "text",
    [
        "二百二十一",
        "一万零五",
        "两千",
        "二〇二三",
        "十二",
        "一百一十",
        "三千零五十",
        "九亿零八万",
        "壹万贰仟叁佰肆拾伍",
        "零",
    ],
)
def test_parse_agrees_with_cn2an(text: str) -> None:
    assert parse_int(text) == cn2an.cn2an(text, "smart")


@pytest.mark.parametrize(
    ("text", "value"),
    [("3万2千", 32000), ("１２", 12), ("1,234", 1234), ("二百五", 250), ("1.5万", 15000), ("负三", -3), ("兩千", 2000)],
)
def test_parse_mixed_forms(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize(
    ("text", "position"),
    [("二百百", 2), ("十十", 1), ("万万", 1), ("一百零零五", 3), ("abc", 0), ("", None), ("1.55555万", 0)],
)
def test_nonsense_is_refused_clearly(text: str, position: int | None) -> None:
    with pytest.raises(ZhParseError) as info:
        parse_int(text)
    assert info.value.position == position
    assert f"cannot read {text!r}" in str(info.value)


@settings(max_examples=1000)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)), st.sampled_from(["arabic", "chinese"]))
def test_dates_round_trip(d: dt.date, style: str) -> None:
    assert parse_date(format_date(d, style)) == d  # type: ignore[arg-type]


def test_date_forms() -> None:
    assert format_date(dt.date(2023, 12, 31)) == "2023年12月31日"
    assert format_date(dt.date(2023, 1, 1), "chinese") == "二〇二三年一月一日"
    for text in (
        "2023-12-31",
        "2023.12.31",
        "2023/12/31",
        "二〇二三年十二月三十一日",
        "二零二三年十二月三十一日",
        "2023 年 12 月 31 日",
    ):
        assert parse_date(text) == dt.date(2023, 12, 31), text
    with pytest.raises(ZhParseError, match="day is out of range"):
        parse_date("2023年2月30日")
    with pytest.raises(ZhParseError, match="as a date"):
        parse_date("去年年底")


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("本报告中所列数据统计期限为2022年1月1日至12月31日", "2022-01-01", "2022-12-31"),
        ("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止", "2023-01-01", "2023-12-31"),
        ("本年度报告中所列数据统计期限从2019年1月1日到12月31日止", "2019-01-01", "2019-12-31"),
        ("所列数据统计时限为2023年1月1日至2023年12月31日。", "2023-01-01", "2023-12-31"),
        ("本报告所列数据统计期限从2025年1月1日至2025年12月31日止。", "2025-01-01", "2025-12-31"),
        ("期限 2023-01-01 至 2023-12-31", "2023-01-01", "2023-12-31"),
    ],
)
def test_statistics_period_sentences(sentence: str, start: str, end: str) -> None:
    got = parse_period(sentence)
    assert (got[0].isoformat(), got[1].isoformat()) == (start, end)


def test_no_period() -> None:
    assert find_period("2023年，我局未收到申请。") is None
    with pytest.raises(ZhParseError):
        parse_period("没有日期")


@settings(max_examples=300)
@given(st.integers(1, 99))
def test_numbering_round_trips(n: int) -> None:
    for text, level in ((section_number(n), "section"), (subsection_number(n), "subsection"), (f"{n}.", "item")):
        found = parse_numbering(text + "标题")
        assert found is not None and (found.level, found.value, found.rest) == (level, n, "标题")


@pytest.mark.parametrize(
    ("text", "level", "value", "rest"),
    [
        ("(二) 部分公开", "subsection", 2, "部分公开"),
        ("（ 二 ）部分公开", "subsection", 2, "部分公开"),
        ("２．重复申请", "item", 2, "重复申请"),
        ("2、重复申请", "item", 2, "重复申请"),
        ("貳、主动公开", "section", 2, "主动公开"),
        ("六、其他需要报告的事项", "section", 6, "其他需要报告的事项"),
    ],
)
def test_numbering_as_documents_write_it(text: str, level: str, value: int, rest: str) -> None:
    found = parse_numbering(text)
    assert found is not None and (found.level, found.value, found.rest) == (level, value, rest)


def test_no_numbering() -> None:
    assert parse_numbering("2023年，本局") is None
    assert parse_numbering("政府信息") is None


@settings(max_examples=500)
@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_yuan_wan_round_trip(amount: Decimal) -> None:
    assert wan_to_yuan(yuan_to_wan(amount)) == amount


def test_amounts() -> None:
    assert format_wan(Decimal("4068.208")) == "4,068.208"
    assert format_wan(Decimal("24252.311082")) == "24,252.311082"
    assert parse_amount("251000元") == (Decimal(251000), "元")
    assert parse_amount("4068.208万元") == (Decimal("4068.208"), "万元")
    assert format_amount_capitals(Decimal("12345.6")) == "壹万贰仟叁佰肆拾伍元陆角"
    assert format_amount_capitals(Decimal("0.05")) == "伍分"
    assert format_amount_capitals(0) == "零元整"
    with pytest.raises(TypeError, match="Decimal"):
        yuan_to_wan(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="two decimal places"):
        format_amount_capitals(Decimal("1.234"))


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
