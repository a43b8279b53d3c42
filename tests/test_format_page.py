"""docs/format-spec.md is generated from the format declaration and is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_report.cli import main
from disclosure_report.formats import FORMATS
from disclosure_report.formats.page import format_markdown

PAGE = Path(__file__).parent.parent / "docs" / "format-spec.md"


def test_the_page_is_current() -> None:
    assert PAGE.read_text(encoding="utf-8") == format_markdown()


@pytest.mark.parametrize("version", sorted(FORMATS))
def test_every_cell_is_on_the_page_with_its_printed_labels(version: str) -> None:
    page = format_markdown()
    for cell in FORMATS[version].cells():
        row = " › ".join(cell.row.labels)
        column = " › ".join(cell.column.headers)
        assert f"| `{cell.path}` | {row} | {column} |" in page


def test_the_page_names_both_notices_and_the_printed_note() -> None:
    page = format_markdown()
    assert "| `2021` | 国办公开办函〔2021〕30号 | 《中华人民共和国政府信息公开工作年度报告格式》 | 2021– |" in page
    title_2019 = "《中华人民共和国政府信息公开工作年度报告格式（试行）》"
    assert f"| `2019` | 国办公开办函〔2019〕60号 | {title_2019} | 2019–2020 |" in page
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page
    assert "## Still unconfirmed" in page


def test_the_command_prints_the_page_and_the_cells(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats", "--markdown"]) == 0
    assert capsys.readouterr().out == format_markdown()
    assert main(["formats", "--format", "2019"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2019: 《中华人民共和国政府信息公开工作年度报告格式（试行）》 国办公开办函〔2019〕60号"
    assert "proactive.fees.delta\t第二十条第（八）项 › 行政事业性收费 › 本年增/减" in lines
    assert len(lines) == 1 + len(FORMATS["2019"].cells())


def test_the_page_lists_what_changed_between_the_formats() -> None:
    page = format_markdown()
    assert "| 二 | 第二十条第（九）项 › 政府集中采购 | 采购项目数量 / 采购总金额 | — |" in page
    fees = "| 二 | 第二十条第（八）项 › 行政事业性收费 |"
    assert f"{fees} 上一年项目数量 / 本年增/减 | 本年收费金额（单位：万元） |" in page
    changed = page.split("## What changed", 1)[1].split("\n## ", 1)[0]
    assert "四、结转下年度继续办理" not in changed and "行政复议" not in changed  # the same in both
