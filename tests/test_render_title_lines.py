"""Where a long title breaks (``render/title_lines.py``): between its words — before the year, or before
政府信息公开, and after an organ's name inside an agency too long for a line — never in the middle of one; and the
HTML title in pieces reads back whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import load, read, replace_value
from disclosure_report.render import render
from disclosure_report.render.docx import TITLE_LINE_EM
from disclosure_report.render.title_lines import title_lines, width_em

SHUYANG = load(Path(__file__).parent.parent / "examples" / "shuyang-county-gov-2025.json")


def test_a_line_of_the_word_file_holds_twenty_title_characters() -> None:
    assert 20 < TITLE_LINE_EM < 20.2  # 156 mm at 22 pt


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("国务院2024年政府信息公开工作年度报告", ["国务院2024年政府信息公开工作年度报告"]),
        ("洪泽区人民政府2024年政府信息公开工作年度报告", ["洪泽区人民政府", "2024年政府信息公开工作年度报告"]),
        (
            "洪泽区人民政府2024年度政府信息公开工作年度报告",
            ["洪泽区人民政府", "2024年度政府信息公开工作年度报告"],
        ),
        (
            "中华人民共和国国家发展和改革委员会办公厅2024年政府信息公开工作年度报告",
            ["中华人民共和国国家发展和改革委员会办公厅", "2024年政府信息公开工作年度报告"],
        ),
        (
            "新疆维吾尔自治区伊犁哈萨克自治州奎屯市人民政府办公室2024年政府信息公开工作年度报告",
            ["新疆维吾尔自治区伊犁哈萨克自治州", "奎屯市人民政府办公室", "2024年政府信息公开工作年度报告"],
        ),
        (
            "2024年度洪泽区人民政府办公室政府信息公开工作年度报告",
            ["2024年度洪泽区人民政府办公室", "政府信息公开工作年度报告"],
        ),
        (
            "洪泽区人民政府二〇二四年政府信息公开工作年度报告",
            ["洪泽区人民政府", "二〇二四年政府信息公开工作年度报告"],
        ),
        (
            "洪泽区市场监督管理局洪泽分局城区市场监管所2024年政府信息公开工作年度报告",
            ["洪泽区市场监督管理局洪泽分局", "城区市场监管所", "2024年政府信息公开工作年度报告"],
        ),
    ],
)
def test_a_title_breaks_between_its_words(title: str, lines: list[str]) -> None:
    assert list(title_lines(title, TITLE_LINE_EM)) == lines


def test_a_title_with_no_place_to_break_is_left_to_the_word_processor() -> None:
    title = "关于本机关在过去一个自然年度内依法主动公开和依申请公开工作情况的报告"
    assert title_lines(title, TITLE_LINE_EM) == (title,)


def test_widths_count_wide_characters_as_one_em_and_digits_as_about_half() -> None:
    assert width_em("政府信息公开") == 6
    assert width_em("国务院2024年") == pytest.approx(4 + 4 * 0.55 + 2 * 0.25)


@settings(max_examples=50)
@given(
    agency=st.text(alphabet="洪泽区人民政府市县省局办公室委员会自治州场域发展和改革", min_size=1, max_size=40),
    year=st.integers(2008, 2099),
    line_em=st.floats(8, 40),
)
def test_the_lines_are_the_title_and_each_fits_unless_it_has_no_break(agency: str, year: int, line_em: float) -> None:
    title = f"{agency}{year}年政府信息公开工作年度报告"
    lines = title_lines(title, line_em)
    assert "".join(lines) == title
    assert all(line for line in lines)
    tails = (f"{year}年政府信息公开工作年度报告", "政府信息公开工作年度报告")
    if len(lines) > 1:
        assert lines[-1] in tails
        assert width_em(lines[-1]) <= line_em
        assert all(width_em(line) <= line_em for line in lines[:-2])  # an agency's lines broken after a name's end
    else:
        assert width_em(title) <= line_em or all(width_em(tail) > line_em for tail in tails)


@pytest.mark.parametrize("agency", ["国务院", "洪泽区人民政府", "新疆维吾尔自治区伊犁哈萨克自治州奎屯市人民政府办公室"])
def test_the_html_title_in_pieces_reads_back_whole(agency: str) -> None:
    from disclosure_report.published.embedded import MARK

    report = replace_value(replace_value(SHUYANG, "meta.agency", agency), "meta.title", None)
    page = str(render(report, "html"))
    assert '<span class="dr-unbroken">' in page or agency == "国务院"
    bare = re.sub(rf'<script type="application/json" id="{MARK}">.*?</script>', "", page, flags=re.S)
    assert MARK not in bare  # read from the page's text, not its record
    got = read(bare.encode("utf-8"), format="html").report.meta
    assert (got.agency, got.year, got.title) == (agency, 2025, f"{agency}2025年政府信息公开工作年度报告")
