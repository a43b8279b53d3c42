"""Text from PDFs and OCR, broken the ways real conversions break it: a bundled report rendered as Markdown or text,
broken programmatically, read back. Every figure that can be placed equals the source; the rest are warned about
and never 0; the year and agency come from the document or the caller, never assumed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from disclosure_report import AnnualReport, cell_values, load, render
from disclosure_report.read import ReadError, ReadResult, read

ROOT = Path(__file__).parent.parent
SOURCE = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
TITLE = "沭阳县人民政府2025年政府信息公开工作年度报告"


def markdown(report: AnnualReport = SOURCE) -> list[str]:
    """The report as Markdown, without the metadata record a conversion would not carry."""
    return [line for line in str(render(report, "markdown")).splitlines() if not line.startswith("<!--")]


def text(report: AnnualReport = SOURCE) -> list[str]:
    return str(render(report, "text")).splitlines()


def read_lines(lines: list[str], kind: str, **given: object) -> ReadResult:
    return read("\n".join(lines).encode("utf-8"), format=kind, **given)  # type: ignore[arg-type]


def row_of(lines: list[str], label: str) -> int:
    """The index of the Markdown table row whose label cell ends with ``label``."""
    found = [i for i, line in enumerate(lines) if line.startswith("|") and line.split("|")[1].strip().endswith(label)]
    assert len(found) == 1, (label, found)
    return found[0]


def cells_of(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def assert_faithful(result: ReadResult, unplaced: frozenset[str] | set[str] = frozenset()) -> None:
    """Every cell equals the source's, except ``unplaced`` ones: not a number (never 0), and warned about."""
    got, want = cell_values(result.report), cell_values(SOURCE)
    wrong = {p: (got[p], want[p]) for p in want if p not in unplaced and got[p] != want[p]}
    assert not wrong, wrong
    for path in unplaced:
        assert type(got[path]) is not int, (path, got[path])
    assert not unplaced or result.warnings


# --- titles over two or three lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title_lines",
    [
        ["沭阳县人民政府", "2025 年政府信息公开工作年度报告"],
        ["2025 年沭阳县人民政府政府信息公开", "工作年度报告"],
        ["沭阳县人民政府", "2025 年政府信息公开", "工作年度报告"],
    ],
)
@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_a_title_over_several_lines(title_lines: list[str], kind: str) -> None:
    lines = markdown() if kind == "markdown" else text()
    at = next(i for i, line in enumerate(lines) if TITLE in line)
    lines[at : at + 1] = title_lines
    result = read_lines(lines, kind)
    meta = result.report.meta
    assert (meta.agency, meta.year) == ("沭阳县人民政府", 2025)
    assert meta.title == "".join(re.sub(r"\s+", "", t) for t in title_lines)
    assert not [w for w in result.warnings if "assumed" in w.message]
    assert_faithful(result)


def test_the_shanghai_title_names_its_agency_after_the_year() -> None:
    lines = markdown()
    at = next(i for i, line in enumerate(lines) if TITLE in line)
    lines[at : at + 1] = ["# 2025 年上海市人民政府办公厅政府信息公开", "# 工作年度报告"]
    meta = read_lines(lines, "markdown").report.meta
    assert (meta.agency, meta.year) == ("上海市人民政府办公厅", 2025)


# --- the year and agency: from the document or the caller, never assumed -----------------------------------------


def _anonymous() -> list[str]:
    """The report with no year and no agency anywhere a reader looks for them."""
    lines = markdown()
    at = next(i for i, line in enumerate(lines) if TITLE in line)
    lines[at] = "# 政府信息公开工作年度报告"
    lines = [line for line in lines if "统计期限" not in line and line not in ("沐阳县人民政府", "2026年1月23日")]
    return [line for line in lines if line != "（2026年1月23日）"]


def test_no_year_or_agency_in_the_document_asks_for_them() -> None:
    with pytest.raises(ReadError) as e:
        read_lines(_anonymous(), "markdown")
    assert "year=" in str(e.value) and "--year" in str(e.value) and "agency=" in str(e.value)
    result = read_lines(_anonymous(), "markdown", year=2025, agency="沭阳县人民政府")
    assert (result.report.meta.agency, result.report.meta.year) == ("沭阳县人民政府", 2025)
    assert_faithful(result)


def test_the_year_from_the_statistics_period_and_the_agency_from_the_signature() -> None:
    lines = markdown()
    at = next(i for i, line in enumerate(lines) if TITLE in line)
    lines[at] = "# 政府信息公开工作年度报告"
    meta = read_lines(lines, "markdown").report.meta
    assert (meta.year, meta.agency) == (2025, "沐阳县人民政府")  # the preamble names it so (an OCR slip, kept)


def test_a_caller_contradicting_the_document_is_used_with_a_warning() -> None:
    result = read_lines(markdown(), "markdown", year=2024)
    assert result.report.meta.year == 2024
    assert [w for w in result.warnings if "names the year 2025" in w.message]


def test_read_command_takes_year_and_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from disclosure_report.cli import main

    doc = tmp_path / "anon.md"
    doc.write_text("\n".join(_anonymous()), encoding="utf-8")
    assert main(["read", str(doc)]) == 2
    assert "--year" in capsys.readouterr().err
    out = tmp_path / "r.json"
    assert main(["read", str(doc), "--year", "2025", "--agency", "沭阳县人民政府", "-o", str(out)]) == 0
    assert load(out).meta.year == 2025
    assert main(["validate", str(doc), "--year", "2025", "--agency", "沭阳县人民政府"]) in (0, 1)


# --- table 四 as one run of 15 numbers under a broken header -------------------------------------------------------

_FOUR = [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]


def _replace_table_four(lines: list[str], new: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith("## 四、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("## 五、"))
    return [*lines[: start + 1], "", *new, "", *lines[end:]]


@pytest.mark.parametrize(
    "block",
    [
        [
            pipe(["行政复议", *[""] * 4, "行政诉讼", *[""] * 9]),
            pipe(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", *[""] * 4, "复议后起诉"]),
            pipe([str(v) for v in _FOUR]),
        ],
        ["| 行政复议 | 行政诉讼 |", "| --- | --- |", pipe([str(v) for v in _FOUR])],
        ["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计", " ".join(map(str, _FOUR))],
        [pipe(["行政复议", *[str(v) for v in _FOUR]])],
        ["| (数据项目) | 数量 |", "|---|---|", pipe(["(数据项目)", *[str(v) for v in _FOUR]])],
    ],
)
def test_table_four_as_one_run_of_fifteen_numbers(block: list[str]) -> None:
    result = read_lines(_replace_table_four(markdown(), block), "markdown")
    assert_faithful(result)


# --- table rows split into a label line and a value line -----------------------------------------------------------


def _applications_rows(lines: list[str]) -> list[int]:
    start = next(i for i, line in enumerate(lines) if line.startswith("## 三、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("## 四、"))
    return [i for i in range(start, end) if lines[i].startswith("| ") and cells_of(lines[i])[1].isdigit()]


def _split_rows(lines: list[str], rows: list[int]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in rows:
            cells = cells_of(line)
            out += [pipe([cells[0]]), pipe(cells[1:])]
        else:
            out.append(line)
    return out


def test_rows_split_into_a_label_line_and_a_value_line() -> None:
    lines = markdown()
    result = read_lines(_split_rows(lines, _applications_rows(lines)), "markdown")
    assert_faithful(result)


def test_labels_first_then_their_values_in_the_same_order() -> None:
    lines = markdown()
    rows = _applications_rows(lines)[:2]  # 一、二: both labels, then both value rows
    cells = [cells_of(lines[i]) for i in rows]
    lines[rows[0] : rows[1] + 1] = [pipe([cells[0][0]]), pipe([cells[1][0]]), pipe(cells[0][1:]), pipe(cells[1][1:])]
    result = read_lines(lines, "markdown")
    assert_faithful(result)
    assert [w for w in result.warnings if "by the order of rows" in w.message]


def test_values_of_two_rows_in_one_pipe_row() -> None:
    lines = markdown()
    rows = _applications_rows(lines)
    first, second = cells_of(lines[rows[2]]), cells_of(lines[rows[3]])  # （一）予以公开, （二）部分公开
    lines[rows[2]] = pipe([first[0], *first[1:], *second[1:]])
    lines[rows[3]] = pipe([second[0]])
    assert_faithful(read_lines(lines, "markdown"))


def test_a_value_row_whose_label_was_lost_between_two_rows_found() -> None:
    lines = markdown()
    rows = _applications_rows(lines)
    cells = cells_of(lines[rows[2]])
    lines[rows[2]] = pipe(["", *cells[1:]])
    result = read_lines(lines, "markdown")
    assert_faithful(result)
    assert [w for w in result.warnings if "by the order of rows" in w.message]


def test_values_the_order_cannot_place_are_warned_about_never_zero() -> None:
    lines = markdown()
    rows = _applications_rows(lines)
    a, b = cells_of(lines[rows[2]]), cells_of(lines[rows[3]])
    lines[rows[2]] = pipe(["", *a[1:]])
    lines[rows[3]] = pipe(["", *b[1:-1]])  # two rows without labels, one of them short: no order decides
    result = read_lines(lines, "markdown")
    lost = {
        p
        for p in cell_values(SOURCE)
        if p.startswith(("applications.results.granted.", "applications.results.partially_granted."))
    }
    assert len(lost) == 14
    assert_faithful(result, lost)
    assert [w for w in result.warnings if "without a row" in w.message]


# --- text: the same breakages in plain text --------------------------------------------------------------------------


def _bare_values(lines: list[str]) -> list[str]:
    """The text renderer's ``header value`` pairs reduced to the values, as extractions print them."""
    heads = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) == 14 and parts[0] == heads[0]:
            out.append("    " + " ".join(parts[1::2]))
        else:
            out.append(line)
    return out


def test_text_rows_with_bare_values_and_two_rows_on_one_line() -> None:
    lines = _bare_values(text())
    a = next(i for i, line in enumerate(lines) if line.strip() == "一、本年新收政府信息公开申请数量")
    label1, values1, label2, values2 = lines[a : a + 4]
    assert label2.strip() == "二、上年结转政府信息公开申请数量"
    lines[a : a + 4] = [label1, label2, f"{values1} {values2.strip()}"]
    result = read_lines(lines, "text")
    assert_faithful(result)


def test_text_rows_with_bare_values() -> None:
    assert_faithful(read_lines(_bare_values(text()), "text"))


# --- section headings as conversions break them ---------------------------------------------------------------------


def _headings(lines: list[str], change: Callable[[str], list[str]]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += change(line[3:]) if line.startswith("## ") else [line]
    return out


@pytest.mark.parametrize(
    "change",
    [
        lambda h: [pipe([h])],  # the heading in a table row of its own
        lambda h: [h[:8], h[8:]] if len(h) > 12 else [h],  # over two lines
        lambda h: [h.replace("、", "，", 1)],  # OCR read 、 as ，
    ],
    ids=["in-a-pipe-row", "over-two-lines", "comma"],
)
def test_section_headings_as_conversions_break_them(change: Callable[[str], list[str]]) -> None:
    lines = markdown()
    broken = _headings(_split_rows(lines, _applications_rows(lines)), change)
    result = read_lines(broken, "markdown")
    assert_faithful(result)
    assert not [w for w in result.warnings if "headings not found" in w.message]


# --- a real PDF's text ------------------------------------------------------------------------------------------------


def test_the_hongze_pdf_as_pdftotext_gives_it(tmp_path: Path) -> None:
    """洪泽 2024: a title over two lines, labels over two lines (values on a line apart), a label misprinted
    (2.其他法律行政止公开), page numbers between the rows of table 三 — every figure as published."""
    import json
    import shutil
    import subprocess

    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils (pdftotext) is needed"
    out = tmp_path / "hongze.txt"
    pdf = ROOT / "tests" / "fixtures" / "real" / "huaian-hongze-district-2024.pdf"
    subprocess.run([pdftotext, "-layout", str(pdf), str(out)], check=True, timeout=60)
    result = read(out, format="text")
    expected = next(
        e for e in json.loads((ROOT / "tests" / "fixtures" / "expected-pdf.json").read_text()) if "hongze" in e["file"]
    )
    meta = result.report.meta
    assert (meta.agency, meta.year) == ("淮安市洪泽区人民政府", expected["report_year"])
    cells = cell_values(result.report)
    applications = [v for k, v in cells.items() if k.startswith("applications.")]
    assert applications == [v for row in expected["table3_full"].values() for v in row.values()]
    four = expected["table4"]
    assert [v for k, v in cells.items() if k.startswith("review_litigation.")] == [
        *four["review"],
        *four["direct_litigation"],
        *four["post_review_litigation"],
    ]
    assert not [w for w in result.warnings if w.kind == "unplaced"]
