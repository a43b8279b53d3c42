"""disclosure_report.zh.dates: dates in the forms reports print, and the statistics-period sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report.zh import DateRange, ZhParseError, find_dates, find_period, format_date, parse_date, parse_period


def test_formats() -> None:
    assert format_date(dt.date(2023, 12, 31)) == "2023年12月31日"
    assert format_date(dt.date(2024, 1, 5)) == "2024年1月5日"  # no zero padding (GB/T 9704)
    assert format_date(dt.date(2023, 12, 31), "chinese") == "二〇二三年十二月三十一日"
    assert format_date(dt.date(2000, 10, 10), "chinese") == "二〇〇〇年十月十日"
    assert format_date(dt.date(2019, 11, 20), "chinese") == "二〇一九年十一月二十日"
    assert format_date(dt.datetime(2023, 1, 2, 15, 30)) == "2023年1月2日"
    with pytest.raises(ValueError, match="unknown date style"):
        format_date(dt.date(2023, 1, 1), "roman")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"datetime\.date"):
        format_date("2023-01-01")  # type: ignore[arg-type]


def test_every_date_from_1900_to_2200_round_trips() -> None:
    day, last, one = dt.date(1900, 1, 1), dt.date(2200, 12, 31), dt.timedelta(days=1)
    while day <= last:
        assert parse_date(format_date(day)) == day
        assert parse_date(format_date(day, "chinese")) == day
        day += one


@settings(max_examples=500)
@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(["arabic", "chinese"]))
def test_dates_round_trip(day: dt.date, style: str) -> None:
    assert parse_date(format_date(day, style)) == day  # type: ignore[arg-type]
    assert parse_date(day.isoformat()) == day


@pytest.mark.parametrize(
    "text",
    [
        "2023年12月31日",
        "2023-12-31",
        "2023.12.31",
        "2023/12/31",
        "2023／12／31",
        "２０２３年１２月３１日",
        "２０２３－１２－３１",
        "二〇二三年十二月三十一日",
        "二零二三年十二月三十一日",
        "二○二三年十二月三十一日",
        "二O二三年十二月三十一日",
        "2023 年 12 月 31 日",
        " 2023年12月31日\n",
        "2023年12月31号",
        "2023年12月卅一日",
    ],
)
def test_date_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2023, 12, 31)


def test_zero_padded_and_short_forms() -> None:
    assert parse_date("2023年01月05日") == parse_date("2023-1-5") == parse_date("2023.01.05") == dt.date(2023, 1, 5)


@pytest.mark.parametrize(
    ("text", "position", "why"),
    [
        ("2023年2月30日", 7, "day is out of range"),
        ("2023年13月1日", 5, "month must be in 1..12"),
        ("2023年0月1日", 5, "month must be in 1..12"),
        ("二〇二三年一二月一日", 6, "two digits without a unit"),
        ("二〇二三年十二月三十二日", 8, "day is out of range"),
    ],
)
def test_impossible_dates_are_refused_with_a_position(text: str, position: int, why: str) -> None:
    with pytest.raises(ZhParseError, match=why) as info:
        parse_date(text)
    assert info.value.position == position
    assert "as a date" in str(info.value)


@pytest.mark.parametrize(
    "text", ["", "去年年底", "2023-12/31", "23年1月1日", "2023年12月", "12月31日", "2023年12月31日。", "20231231"]
)
def test_non_dates_are_refused(text: str) -> None:
    with pytest.raises(ZhParseError, match="as a date"):
        parse_date(text)


def test_find_dates() -> None:
    text = "（2024年1月18日）本报告中所列数据统计期限为2023年1月1日至12月31日，2023-02-30 不是日期"
    found = find_dates(text)
    assert [d for d, _ in found] == [dt.date(2024, 1, 18), dt.date(2023, 1, 1)]
    assert [text[a:b] for _, (a, b) in found] == ["2024年1月18日", "2023年1月1日"]


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("本报告中所列数据统计期限为2022年1月1日至12月31日", "2022-01-01", "2022-12-31"),
        ("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止", "2023-01-01", "2023-12-31"),
        ("统计期限自2023年1月1日起至2023年12月31日止。", "2023-01-01", "2023-12-31"),
        ("本年度报告中所列数据统计期限从2019年1月1日到12月31日止", "2019-01-01", "2019-12-31"),
        ("所列数据统计时限为2023年1月1日至2023年12月31日。", "2023-01-01", "2023-12-31"),
        ("2023年1月1日-2023年12月31日", "2023-01-01", "2023-12-31"),
        ("2023年1月1日—2023年12月31日", "2023-01-01", "2023-12-31"),
        ("2023年1月1日——12月31日", "2023-01-01", "2023-12-31"),
        ("2023年1月1日～2023年12月31日", "2023-01-01", "2023-12-31"),
        ("２０２３年１月１日至１２月３１日", "2023-01-01", "2023-12-31"),
        ("2023 年 1 月 1 日 至 12 月 31 日", "2023-01-01", "2023-12-31"),
        ("期限 2023-01-01 至 2023-12-31", "2023-01-01", "2023-12-31"),
        ("2023.1.1-2023.12.31", "2023-01-01", "2023-12-31"),
        ("二〇二三年一月一日至十二月三十一日", "2023-01-01", "2023-12-31"),
        ("2023年7月1日至2024年6月30日", "2023-07-01", "2024-06-30"),
        ("2023年12月1日至1月31日", "2023-12-01", "2024-01-31"),  # the end's year is the next one
    ],
)
def test_statistics_period_sentences(sentence: str, start: str, end: str) -> None:
    assert parse_period(sentence) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    found = find_period(sentence)
    assert isinstance(found, DateRange)
    a, b = found.span
    assert parse_period(sentence[a:b]) == (found.start, found.end)
    assert sentence[a].isdigit() or sentence[a] in "二〇２"


def test_find_period_span_and_tuple_unpacking() -> None:
    sentence = "本报告中所列数据统计期限为2022年1月1日至12月31日。"
    start, end, span = find_period(sentence) or (None, None, (0, 0))
    assert (start, end) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert sentence[span[0] : span[1]] == "2022年1月1日至12月31日"


def test_no_period() -> None:
    assert find_period("2023年，我局未收到申请。") is None
    assert find_period("自2023年1月1日起施行") is None
    with pytest.raises(ZhParseError, match="no range"):
        parse_period("没有日期")


def test_period_that_ends_before_it_starts() -> None:
    assert find_period("2023年12月1日至2023年1月31日") is None
    with pytest.raises(ZhParseError, match="before it starts"):
        parse_period("2023年12月1日至2023年1月31日")
    with pytest.raises(ZhParseError, match="day is out of range"):
        parse_period("2023年1月1日至2月30日")


def test_first_good_period_wins() -> None:
    text = "原定2023年1月1日至2月30日，后改为2023年1月1日至12月31日"
    assert parse_period(text) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@settings(max_examples=500)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)), st.integers(0, 400), st.sampled_from(["arabic", "chinese"])
)
def test_periods_round_trip(start: dt.date, days: int, style: str) -> None:
    end = start + dt.timedelta(days=days)
    sentence = f"本报告中所列数据统计期限为{format_date(start, style)}至{format_date(end, style)}。"  # type: ignore[arg-type]
    assert parse_period(sentence) == (start, end)


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from(list("2023年月日至-./一二〇十三１ ")), max_size=20) | st.text(max_size=12))
def test_any_text_gives_a_date_or_a_clear_error(text: str) -> None:
    try:
        parse_date(text)
    except ZhParseError as e:
        assert e.position is None or 0 <= e.position < len(text)
    try:
        parse_period(text)
    except ZhParseError as e:
        assert e.position is None or 0 <= e.position < len(text)
    find_dates(text)
