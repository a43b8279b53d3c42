"""disclosure_report.zh.numbering: heading numbers 一、 （一） 1. （1）, written and read back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report.zh import (
    Numbering,
    item_number,
    parse_numbering,
    section_number,
    subitem_number,
    subsection_number,
)


def test_formats() -> None:
    assert [section_number(n) for n in (1, 6, 10, 11, 20, 99)] == [
        "一、",
        "六、",
        "十、",
        "十一、",
        "二十、",
        "九十九、",
    ]
    assert [subsection_number(n) for n in (1, 2, 10, 12)] == ["（一）", "（二）", "（十）", "（十二）"]
    assert [item_number(n) for n in (1, 14)] == ["1.", "14."]
    assert subitem_number(3) == "（3）"


@pytest.mark.parametrize("function", [section_number, subsection_number, item_number, subitem_number])
def test_numbers_start_at_one(function: object) -> None:
    assert callable(function)
    with pytest.raises(ValueError, match="from 1"):
        function(0)
    with pytest.raises(TypeError):
        function("1")


def test_every_number_below_100_round_trips() -> None:
    for n in range(1, 100):
        for text, level in (
            (section_number(n), "section"),
            (subsection_number(n), "subsection"),
            (item_number(n), "item"),
            (subitem_number(n), "subitem"),
        ):
            assert parse_numbering(text + "标题") == Numbering(level, n, "标题"), text  # type: ignore[arg-type]
            assert parse_numbering(text) == Numbering(level, n, ""), text  # type: ignore[arg-type]


@settings(max_examples=300)
@given(st.integers(1, 999), st.text(max_size=20).filter(lambda t: not t[:1].isspace()))
def test_rest_is_kept_verbatim(n: int, rest: str) -> None:
    found = parse_numbering(section_number(n) + rest)
    assert found is not None and found.value == n and found.level == "section"
    assert found.rest == rest


@pytest.mark.parametrize(
    ("text", "level", "value", "rest"),
    [
        ("（二）部分公开", "subsection", 2, "部分公开"),
        ("(二) 部分公开", "subsection", 2, "部分公开"),
        ("（ 二 ）部分公开", "subsection", 2, "部分公开"),
        ("（一）、予以公开", "subsection", 1, "予以公开"),
        ("(十一)其他", "subsection", 11, "其他"),
        ("２．重复申请", "item", 2, "重复申请"),
        ("2．重复申请", "item", 2, "重复申请"),
        ("2、重复申请", "item", 2, "重复申请"),
        ("2. 重复申请", "item", 2, "重复申请"),
        ("14.其他", "item", 14, "其他"),
        ("貳、主动公开", "section", 2, "主动公开"),
        ("贰、主动公开", "section", 2, "主动公开"),
        ("六、其他需要报告的事项", "section", 6, "其他需要报告的事项"),
        ("十、其他", "section", 10, "其他"),
        ("二十一．其他", "section", 21, "其他"),
        ("  三、 收到和处理政府信息公开申请情况", "section", 3, "收到和处理政府信息公开申请情况"),
        ("（1）申请人", "subitem", 1, "申请人"),
        ("(１２)申请人", "subitem", 12, "申请人"),
        ("⑴申请人", "subitem", 1, "申请人"),
    ],
)
def test_numbering_as_documents_write_it(text: str, level: str, value: int, rest: str) -> None:
    assert parse_numbering(text) == Numbering(level, value, rest)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "政府信息",
        "2023年，本局",
        "1.5万元",
        "2023.12.31",
        "一是加强组织领导",
        "十二月三十一日",
        "零、无",
        "（）空",
        "（二〇二三）",
        "百、奇怪",
        "一二、不是",
    ],
)
def test_no_numbering(text: str) -> None:
    assert parse_numbering(text) is None


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from(list("一二十百（）()、.．１2 零abc")), max_size=10) | st.text(max_size=10))
def test_any_text_gives_a_number_or_none(text: str) -> None:
    found = parse_numbering(text)
    assert found is None or (found.value >= 1 and text.endswith(found.rest))
