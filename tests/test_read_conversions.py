"""Readers on real reports as researchers' conversions deliver them: ``pdftotext`` without ``-layout``, text
re-encoded or re-wrapped, pages and Word files saved again by LibreOffice. A figure read is the printed one or the
cell is unread with a warning naming it — never a figure from another cell."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from disclosure_report import UNREAD, AnnualReport, cell_values, load, validate
from disclosure_report.read import read
from disclosure_report.read.text import text_lines
from disclosure_report.render import render
from test_read_fixtures import _expected_cells
from test_read_pdf import _table2_cells
from tools import office_convert

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"
HONGZE = FIXTURES / "real" / "huaian-hongze-district-2024.pdf"
HONGZE_EXPECTED = json.loads((FIXTURES / "expected-pdf.json").read_text(encoding="utf-8"))[0]


def _rendered(name: str, kind: str) -> str:
    out = render(load(EXAMPLES / f"{name}.json"), kind)
    return out if isinstance(out, str) else bytes(out).decode("utf-8")


def _faithful(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The cells of ``expected`` read as something else than their figure or UNREAD, and the cells of tables 三 and
    四 read in another layout than ``expected``'s (其他处理 as one row or three) that are not UNREAD: must be none."""
    tables = ("applications.", "review_litigation.")
    wrong = [k for k, v in expected.items() if k in got and got[k] not in (v, UNREAD)]
    return wrong + [k for k, v in got.items() if k.startswith(tables) and k not in expected and v != UNREAD]


def _error_ids(report: AnnualReport) -> set[str]:
    return {f.sub_id for f in validate(report).findings if f.severity == "error"}


# --- pdftotext without -layout: a table printed column by column -------------------------------------------------


@pytest.fixture(scope="module")
def hongze_plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdftotext") / "hongze.txt"
    subprocess.run(["pdftotext", str(HONGZE), str(out)], check=True, timeout=60)
    return out


def test_pdftotext_without_layout_reads_no_figure_of_another_cell(hongze_plain: Path) -> None:
    result = read(hongze_plain)
    r = result.report
    assert (r.meta.year, r.format) == (2024, "2021")
    expected = _expected_cells(HONGZE_EXPECTED) | _table2_cells(HONGZE_EXPECTED)
    got = cell_values(r)
    assert _faithful(got, expected) == []
    # what the text still says with certainty is read: table 二, 本年新收 (by the order of rows, with a warning)
    assert {k: got[k] for k in _table2_cells(HONGZE_EXPECTED)} == _table2_cells(HONGZE_EXPECTED)
    assert (r.applications.new.natural_person, r.applications.new.total) == (95, 95)
    # 总计 and 结转 printed column by column (0 95 0 0 …): 14 figures after 总计 are not 总计's and 结转's
    assert r.applications.results.total.natural_person == UNREAD
    warning = next(w for w in result.warnings if w.cell_path == "applications.results.total.natural_person")
    assert warning.kind == "unplaced" and "found 14" in warning.message
    assert _error_ids(r) <= _error_ids(read(HONGZE).report)  # no finding the published PDF does not have


def test_a_run_is_not_split_with_the_next_row_when_that_row_has_values_of_its_own() -> None:
    text = _rendered("shuyang-county-gov-2025", "text").splitlines()
    at = next(k for k, line in enumerate(text) if line.strip().endswith("（七）总计"))
    assert text[at + 2].strip() == "四、结转下年度继续办理"
    # 总计 (710 3 0 0 5 0 718) and 结转 (31 0 0 0 0 0 31) printed column by column, then 结转 with its own figures
    columns = [f for pair in zip(text[at + 1].split()[1::2], text[at + 3].split()[1::2], strict=True) for f in pair]
    text[at + 1 : at + 2] = columns
    result = read("\n".join(text).encode(), format="text")
    got = result.report.applications
    assert got.results.total.natural_person == UNREAD and got.results.total.total == UNREAD
    assert (got.carried_forward.natural_person, got.carried_forward.total) == (31, 31)
    assert any(w.cell_path == "applications.results.total.natural_person" for w in result.warnings)


# --- a header wrapped in its cells is no row label -------------------------------------------------------------


def test_a_header_line_ending_in_a_column_header_names_no_row() -> None:
    text = _rendered("shuyang-county-gov-2025", "text").splitlines()
    at = next(k for k, line in enumerate(text) if line.strip() == "一、本年新收政府信息公开申请数量")
    text[at] = "    公益 服务 其他"  # the label lost, the header's wrapped words on the line before the figures
    result = read("\n".join(text).encode(), format="text")
    apps = result.report.applications
    assert apps.results.other.other.natural_person == 142  # not 本年新收's 705
    assert (apps.new.natural_person, apps.new.total) == (705, 713)  # by the order of rows, with a warning
    assert any(w.cell_path == "applications.new.natural_person" and w.kind == "interpreted" for w in result.warnings)


# --- a figure fallen into a label cell ----------------------------------------------------------------------------


def test_a_row_with_text_among_its_cells_is_not_shifted() -> None:
    page = _rendered("shuyang-county-gov-2025", "markdown")
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    row = f"| 三、本年度办理结果 / （六）其他处理 / {label} | 9 |"
    assert row in page
    # as LibreOffice's PDF of the page puts it: the 9 inside the sub-row's label cell, its own cell empty
    broken = "| （六）其他处理 | 1.申请人无正当 9理由逾期不补正、行政机关不再处理其政府信息公开申请 |  |"
    result = read(page.replace(row, broken).encode(), format="markdown")
    got = cell_values(result.report)
    source = cell_values(load(EXAMPLES / "shuyang-county-gov-2025.json"))
    assert _faithful(got, source) == []
    assert [k for k in source if got[k] == UNREAD] == [
        f"applications.results.other.overdue_correction.{c}"
        for c in ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total")
    ]


# --- full-width digits --------------------------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    "name", ["panzhou-rural-revitalization-2023.txt", "pingtan-2021.txt", "shuyang-county-gov-2025.md"]
)
def test_full_width_digits_read_as_the_ascii_ones(name: str) -> None:
    source = FIXTURES / "real" / name
    printed = read(source).report
    result = read(
        source.read_text(encoding="utf-8").translate(FULL_WIDTH).encode(),
        format={".txt": "text", ".md": "markdown"}[source.suffix],
    )
    r = result.report
    assert cell_values(r) == cell_values(printed)
    assert (r.meta.agency, r.meta.year, r.meta.period) == (printed.meta.agency, printed.meta.year, printed.meta.period)
    assert r.meta.published_on == printed.meta.published_on
    assert r.meta.title == (printed.meta.title or "").translate(FULL_WIDTH)  # the title kept as printed


def test_a_full_width_page_number_between_rows_is_dropped() -> None:
    text = _rendered("shuyang-county-gov-2025", "text").splitlines()
    at = next(k for k, line in enumerate(text) if line.strip().endswith("1.本机关不掌握相关政府信息"))
    text.insert(at + 1, "                    -３-")  # pdftotext -layout of a PDF printing full-width page numbers
    result = read("\n".join(text).translate(FULL_WIDTH).encode(), format="text")
    assert result.warnings == ()
    assert cell_values(result.report) == cell_values(load(EXAMPLES / "shuyang-county-gov-2025.json"))


# --- the title line -----------------------------------------------------------------------------------------------

PANZHOU = FIXTURES / "real" / "panzhou-rural-revitalization-2023.txt"


def test_a_title_whose_agency_and_year_a_tab_sets_apart() -> None:
    text = PANZHOU.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.endswith("年度报告"))
    tabbed = text.replace(title, "\t".join(title.split()))  # a converter's tab for the spaces between them
    r = read(tabbed.encode(), format="text").report
    printed = read(PANZHOU).report
    assert (r.meta.title, r.meta.agency) == (printed.meta.title, "盘州市乡村振兴局")
    assert cell_values(r) == cell_values(printed) and r.overview == printed.overview


def test_a_sentence_naming_the_annual_report_is_no_title() -> None:
    text = PANZHOU.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.endswith("年度报告"))
    r = read(text.replace(title, "").encode(), format="text").report  # no title: the preamble names the report
    assert (r.meta.agency, r.meta.year) == ("盘州市乡村振兴局", 2023)  # not the preamble's sentence before 2023


# --- LibreOffice's text export: one cell a line, an empty cell a no-break space -----------------------------------


@pytest.mark.office
def test_the_page_saved_as_text_by_libreoffice(tmp_path: Path) -> None:
    page = FIXTURES / "real" / "shanghai-gov-office-2019.html"
    text = office_convert(tmp_path / "profile", "txt:Text", tmp_path, [page])[0]
    assert "\n\xa0\n" in text.read_text(encoding="utf-8-sig")  # its empty cells
    result = read(text)
    printed = read(page).report
    assert result.warnings == ()
    assert cell_values(result.report) == cell_values(printed)
    assert (result.report.meta.agency, result.report.meta.year) == (printed.meta.agency, printed.meta.year)
    assert _error_ids(result.report) == _error_ids(printed)


def test_a_row_printed_one_cell_a_line_with_empty_cells() -> None:
    text = (
        "一、本年新收政府信息公开申请数量\n821\n35\n\xa0\n\xa0\n2\n1\n859\n\n二、上年结转政府信息公开申请数量\n18\n0\n"
    )
    lines = text_lines(text)
    assert [(line.number, line.cells) for line in lines] == [
        (1, ("一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859")),
        (10, None),  # no empty cell in the run: read as it always was, a label and its figures apart
        (11, None),
        (12, None),
    ]


# --- lines wrapped at a fixed width (an e-mail client) ------------------------------------------------------------


def _wrapped(text: str, width: int) -> str:
    """``text`` with its lines broken at spaces so that none is longer than ``width`` (the spaces kept, as an
    e-mail client sending format=flowed does); a word longer than the width is broken too."""
    return "\n".join(
        piece
        for line in text.split("\n")
        for piece in (
            textwrap.wrap(line, width, drop_whitespace=False, replace_whitespace=False, break_on_hyphens=False) or [""]
        )
    )


def test_markdown_rows_wrapped_at_40_characters() -> None:
    source = FIXTURES / "real" / "shuyang-county-gov-2025.md"
    wrapped = _wrapped(source.read_text(encoding="utf-8"), 40)
    assert "| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 |\n 0 | 713 |" in wrapped
    result = read(wrapped.encode(), format="markdown")
    assert cell_values(result.report) == cell_values(read(source).report)
    assert result.warnings == ()


@pytest.mark.parametrize("name", ["pingtan-2021.txt", "panzhou-rural-revitalization-2023.txt"])
def test_text_wrapped_at_40_characters(name: str) -> None:
    source = FIXTURES / "real" / name
    printed = read(source)
    wrapped = _wrapped(source.read_text(encoding="utf-8"), 40)
    if name == "pingtan-2021.txt":  # rows run together: runs of digits cut by the wrap
        assert "其政府信息公开申请000\n00003.其他1000" in wrapped
    result = read(wrapped.encode(), format="text")
    r = result.report
    assert cell_values(r) == cell_values(printed.report)
    assert (r.meta, r.overview, r.other_matters) == (
        printed.report.meta,
        printed.report.overview,
        printed.report.other_matters,
    )
    assert [w.message for w in result.warnings] == [w.message for w in printed.warnings]


@pytest.mark.parametrize("width", [25, 35, 44])
def test_a_heading_after_a_full_line_ending_a_sentence_starts_its_own_paragraph(width: int) -> None:
    """盘州 2023 wrapped at these widths has a paragraph whose last line fills the width exactly, followed by the
    next subsection's heading (``…未收到政府信息公开申请。`` / ``（三）政府信息管理。…``): they were joined, and
    （三） went into （二）'s text."""
    source = FIXTURES / "real" / "panzhou-rural-revitalization-2023.txt"
    wrapped = "\n".join(
        textwrap.fill(line, width) if line.strip() else line for line in source.read_text("utf-8").split("\n")
    )
    report = read(wrapped.encode(), format="text").report
    printed = read(source).report
    assert (report.meta, report.overview, cell_values(report)) == (printed.meta, printed.overview, cell_values(printed))


def test_a_short_pipe_row_is_not_joined_with_the_next_row() -> None:
    page = _rendered("shuyang-county-gov-2025", "markdown")
    row = next(line for line in page.splitlines() if line.startswith("| 一、本年新收"))
    short = row.rsplit("|", 3)[0]  # the last two cells lost, and no closing pipe
    result = read(page.replace(row, short).encode(), format="markdown")
    apps = result.report.applications
    assert apps.new.natural_person == UNREAD  # a row too short: unread, never completed from the next row
    assert (apps.carried_over.natural_person, apps.carried_over.total) == (36, 36)


def test_a_pipe_between_figures_in_text_is_no_blank_mark() -> None:
    text = _rendered("shuyang-county-gov-2025", "text").splitlines()
    at = next(k for k, line in enumerate(text) if line.strip() == "一、本年新收政府信息公开申请数量")
    text[at + 1] = "    705 | 3 | 0 | 0 | 5 | 0 | 713"  # a pipe row's figures in a text extraction
    result = read("\n".join(text).encode(), format="text")
    apps = result.report.applications
    assert (apps.new.natural_person, apps.new.commercial, apps.new.total) == (705, 3, 713)
    assert result.warnings == ()


# --- a statistics period cut by a line break ----------------------------------------------------------------------


def test_a_period_cut_by_a_line_break_is_the_period() -> None:
    text = PANZHOU.read_text(encoding="utf-8")
    printed = read(PANZHOU).report
    assert "统计时限为2023年1月1日至2023年12月31日" in text
    cut = text.replace("统计时限为2023年1月1日至2023年12月31日", "统计时限为2023年1月1日\n至2023年12月31日")
    cut = cut.replace("2023年1月1日起至2023年12月31日止", "2023年1月1日\n起至2023年12月31日止")  # (六 states it too)
    r = read(cut.encode(), format="text").report
    assert r.meta.period == printed.meta.period and r.meta.period is not None
    assert (r.meta.period.start.isoformat(), r.meta.period.end.isoformat()) == ("2023-01-01", "2023-12-31")


def test_pdftotext_keeps_the_period_of_the_published_pdf(hongze_plain: Path) -> None:
    assert read(hongze_plain).report.meta.period == read(HONGZE).report.meta.period
    assert "统计期限自 2024 年 1 月 1 日\n起至" in hongze_plain.read_text(encoding="utf-8")


# --- LibreOffice's PDF of a page (its tables without borders) -----------------------------------------------------


@pytest.mark.office
def test_a_rendered_page_printed_by_libreoffice(tmp_path: Path) -> None:
    page = tmp_path / "shuyang.html"
    page.write_text(_rendered("shuyang-county-gov-2025", "html"), encoding="utf-8")
    result = read(office_convert(tmp_path / "profile", "pdf", tmp_path, [page])[0])
    got = cell_values(result.report)
    source = cell_values(load(EXAMPLES / "shuyang-county-gov-2025.json"))
    assert _faithful(got, source) == []  # every figure read is the printed one
    # a label overflowing its column stands half a character before the figure: two cells, not one
    r = result.report.proactive.normative_documents
    assert (r.issued, r.repealed, r.in_force) == (6, 1, 32)
    # every cell, also the row whose label wraps over the lines above its figures at the top of a page
    assert got == source
