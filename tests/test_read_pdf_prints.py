"""PDFs LibreOffice prints of the HTML renderer's page, directly and through a Word file made from it: what the PDF
reader recovers from them (every cell, a table row cut by the page break made whole) and what it cannot (a title
LibreOffice leaves out, columns printed past the page's edge) — never a figure read wrong."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pdfplumber
import pytest

from disclosure_report import UNREAD, AnnualReport, cell_values, load
from disclosure_report.read import ReadError, read
from disclosure_report.read.pdf import PdfReader, breaks
from disclosure_report.read.pdf.columns import UnruledTable, _goes_on_numbers
from disclosure_report.read.pdf.pieces import printed_lines
from disclosure_report.read.pdf.text import TextLine, paragraphs
from disclosure_report.render import render
from tools import office_convert

EXAMPLES = Path(__file__).parent.parent / "examples"
PAGES = ("shuyang-county-gov-2025", "panzhou-rural-revitalization-2023", "shanghai-gov-office-2019")


@pytest.fixture(scope="module")
def office_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice user profile for the module: made on the first run, reused (faster) after."""
    return tmp_path_factory.mktemp("libreoffice")


@pytest.fixture(scope="module")
def page_prints(tmp_path_factory: pytest.TempPathFactory, office_profile: Path) -> dict[str, tuple[AnnualReport, Path]]:
    """Each page the HTML renderer makes of the examples, printed to PDF by LibreOffice (``--convert-to pdf`` of
    the page: its tables without borders), in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("pages")
    sources = {name: load(EXAMPLES / f"{name}.json") for name in PAGES}
    pages = []
    for name, report in sources.items():
        page = folder / f"{name}.html"
        page.write_text(str(render(report, "html")), encoding="utf-8")
        pages.append(page)
    pdfs = office_convert(office_profile, "pdf", folder / "pdf", pages)
    return {name: (sources[name], pdf) for name, pdf in zip(sources, pdfs, strict=True)}


# --- a page printed by LibreOffice -------------------------------------------------------------------------------


@pytest.mark.office
def test_a_row_whose_label_wraps_above_its_figures_at_the_top_of_a_page(
    page_prints: dict[str, tuple[AnnualReport, Path]],
) -> None:
    """沭阳: ``2.申请人逾期未按收费通知要求缴纳费用、…`` opens page 13 under the repeated header, its label
    wrapped over two lines above its figures; it was left unread. Every cell reads as printed now."""
    source, pdf = page_prints["shuyang-county-gov-2025"]
    result = read(pdf)
    assert cell_values(result.report) == cell_values(source)
    assert result.report.proactive == source.proactive
    # no title is printed (see the 上海 test); the agency is the one the report's own preamble and signature name —
    # with the typo its source has (沐阳 for 沭阳), not a name made up
    assert "现将沐阳县人民政府2025年" in source.preamble
    assert (result.report.meta.agency, result.report.meta.year) == ("沐阳县人民政府", 2025)
    assert result.report.meta.title is None


@pytest.mark.office
def test_a_row_cut_by_the_page_break_is_made_whole(page_prints: dict[str, tuple[AnnualReport, Path]]) -> None:
    """盘州: ``2.没有现成信`` and its figures end page 7, ``息需要另行制`` / ``作`` open page 8 (and
    ``1.属于国家秘`` / ``密`` over the page before): each row is made whole again, its 7 cells read."""
    source, pdf = page_prints["panzhou-rural-revitalization-2023"]
    result = read(pdf)
    got = cell_values(result.report)
    assert got == cell_values(source)
    assert [got[f"applications.results.unable.needs_creation.{c}"] for c in ("natural_person", "total")] == [0, 0]
    assert (result.report.meta.agency, result.report.meta.year) == ("盘州市乡村振兴局", 2023)
    assert not [w for w in result.warnings if w.cell_path]


@pytest.mark.office
def test_the_title_libreoffice_leaves_out(page_prints: dict[str, tuple[AnnualReport, Path]]) -> None:
    """上海: LibreOffice's PDF of a page leaves out the page's first paragraph — its title — and prints a blank first
    page instead: no character of it is in the text layer, so the reader asks for the agency (nothing else names
    it). Given it, every cell reads as printed — also ``（二）部分公开（区分处理的，只计这一情形，不计其他情`` /
    ``形）``, cut by the page break — and no paragraph is taken for the title."""
    source, pdf = page_prints["shanghai-gov-office-2019"]
    with pdfplumber.open(pdf) as doc:
        assert doc.pages[0].chars == []
        text = "".join(c["text"] for page in doc.pages for c in page.chars)
    assert source.meta.title is not None and source.meta.title not in text
    with pytest.raises(ReadError, match="pass agency="):
        read(pdf)
    result = read(pdf, agency=source.meta.agency)
    assert cell_values(result.report) == cell_values(source)
    assert result.report.meta.year == 2019
    assert result.report.meta.title is None
    assert result.report.preamble.startswith("本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）")


# --- a Word file made from the page, printed -----------------------------------------------------------------------


@pytest.mark.office
def test_a_word_file_of_the_page_prints_tables_past_the_page_edge(tmp_path: Path, office_profile: Path) -> None:
    """上海's page saved as a Word file by LibreOffice gives tables 三 and 四 a width of 200 mm on a page with 156 mm
    between its margins: printed, they run past the page's right edge, and the 总计 column of table 三 (and table
    四's last columns) is not in the PDF at all. Those tables stay unread, with warnings; table 二 and the metadata
    read as printed."""
    source = load(EXAMPLES / "shanghai-gov-office-2019.json")
    page = tmp_path / "sh.html"
    page.write_text(str(render(source, "html")), encoding="utf-8")
    (docx,) = office_convert(office_profile, "docx:MS Word 2007 XML", tmp_path, [page])
    (pdf,) = office_convert(office_profile, "pdf", tmp_path / "pdf", [docx])
    with pdfplumber.open(pdf) as doc:
        width = float(doc.pages[0].width)
        assert any(c["x1"] > width for page in doc.pages for c in page.chars)  # text past the page's edge
        rows = [line["text"] for page in doc.pages for line in page.extract_text_lines() if "本年新收" in line["text"]]
    assert rows == ["一、本年新收政府信息公开申请数量 821 35 2 1"]  # no 总计 (859): not printed
    result = PdfReader().read(pdf.read_bytes(), source="sh.pdf")
    got, expected = cell_values(result.report), cell_values(source)
    assert {k: v for k, v in got.items() if v != expected[k]} == {
        k: UNREAD for k in expected if k.startswith(("applications.", "review_litigation."))
    }
    assert {k: got[k] for k in expected if k.startswith("proactive.")} == {
        k: v for k, v in expected.items() if k.startswith("proactive.")
    }
    meta = result.report.meta
    assert (meta.agency, meta.year, meta.title) == (source.meta.agency, 2019, source.meta.title)
    assert any(w.cell_path == "applications.new.natural_person" for w in result.warnings)


_TEXT_WIDTH = 8845
"""Twips between the margins of the Word file LibreOffice makes of the page (A4, 28 mm and 26 mm margins)."""


def _fitted(docx: Path, out: Path) -> Path:
    """``docx`` with each table wider than the page scaled to the width between its margins (Word's 'AutoFit to
    window'): its narrow value columns wrap three-digit numbers."""
    with zipfile.ZipFile(docx) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    document = parts["word/document.xml"].decode("utf-8")

    def fit(table: re.Match[str]) -> str:
        xml = table.group(0)
        width = re.search(r'<w:tblW w:w="(\d+)"', xml)
        if width is None or int(width.group(1)) <= _TEXT_WIDTH:
            return xml
        scale = _TEXT_WIDTH / int(width.group(1))
        return re.sub(
            r'(<w:(?:tblW|gridCol|tcW) w:w=")(\d+)', lambda m: m.group(1) + str(int(int(m.group(2)) * scale)), xml
        )

    parts["word/document.xml"] = re.sub(r"<w:tbl>.*?</w:tbl>", fit, document, flags=re.S).encode("utf-8")
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


@pytest.mark.office
def test_a_number_wrapped_over_the_page_break_is_made_whole(tmp_path: Path, office_profile: Path) -> None:
    """The same Word file with its tables fitted to the page: table 三's 总计 column is two digits wide, and the
    page break cuts ``（七）总计``'s 805 after ``80`` — ``5`` opens the next page under the repeated header. The
    number is made whole (805, never 80), and every cell reads as printed."""
    source = load(EXAMPLES / "shanghai-gov-office-2019.json")
    page = tmp_path / "sh.html"
    page.write_text(str(render(source, "html")), encoding="utf-8")
    (docx,) = office_convert(office_profile, "docx:MS Word 2007 XML", tmp_path, [page])
    (pdf,) = office_convert(office_profile, "pdf", tmp_path / "pdf", [_fitted(docx, tmp_path / "fitted.docx")])
    with pdfplumber.open(pdf) as doc:
        lines = [[line["text"] for line in p.extract_text_lines()] for p in doc.pages]
    cut = next(n for n, texts in enumerate(lines) if any(t.startswith("（七）总计") for t in texts))
    assert [t for t in lines[cut] if t.startswith("（七）总计")] == ["（七）总计 767 35 2 1 80"]
    assert "5" in lines[cut + 1]  # the rest of 805, alone on its line at the top of the next page
    result = read(pdf)
    assert cell_values(result.report) == cell_values(source)
    assert result.report.applications.results.total.total == 805
    meta = result.report.meta
    assert (meta.agency, meta.year, meta.title) == (source.meta.agency, 2019, source.meta.title)


# --- the pieces, without LibreOffice -------------------------------------------------------------------------------


def _table(rows: list[tuple[str, ...]], page: int, **kw: Any) -> UnruledTable:
    fields: dict[str, Any] = {
        "columns": ((250.0, 260.0), (290.0, 300.0)),
        "header": ("自然人", "总计"),
        "page": page,
        "top": 100.0,
        "lefts": (129.5, 164.8),
        "open": frozenset({1}),
        "goes_on": True,
        "carried": (),
        "wide": frozenset(),
    }
    return UnruledTable(tuple(rows), **(fields | kw))


def test_a_wrapped_label_going_on_at_the_top_of_the_next_page_joins_its_row() -> None:
    before = _table([("（四）无法提供", "1.本机关不掌握相关政府信息", "1", "1"), ("", "2.没有现成信", "2", "2")], 7)
    after = _table([("", "息需要另行制作", "", ""), ("", "3.补正后申请内容仍不明确", "0", "0")], 8, open=frozenset())
    assert breaks.runs_on(before, after)
    joined, rest = breaks.ran_on(before, after)
    assert joined.rows[-1] == ("", "2.没有现成信息需要另行制作", "2", "2")
    assert rest.rows == (("", "3.补正后申请内容仍不明确", "0", "0"),)
    # the figures of the row on the next page, its label's start at the foot of the page before
    empty = _table([("", "2.没有现成信", "", "")], 7)
    figures = _table([("", "息需要另行制作", "5", "5")], 8)
    assert breaks.ran_on(empty, figures)[0].rows == (("", "2.没有现成信息需要另行制作", "5", "5"),)


def test_a_row_of_its_own_at_the_top_of_the_next_page_is_no_continuation() -> None:
    before = _table([("", "2.没有现成信", "2", "2")], 7)
    numbered = _table([("", "3.补正后申请内容仍不明确", "", "")], 8)
    both = _table([("", "息需要另行制作", "1", "1")], 8)  # figures on both pages: whose are they?
    elsewhere = _table([("息需要另行制作", "息需要另行制作", "", "")], 8, lefts=(80.0, 129.5))
    assert not any(breaks.runs_on(before, after) for after in (numbered, both, elsewhere))
    unwrapped = _table([("", "2.没有现成信", "2", "2")], 7, open=frozenset())  # its label ends short of its cell's edge
    assert not breaks.runs_on(unwrapped, _table([("", "息", "", "")], 8))
    assert not breaks.runs_on(before, _table([("", "息需要另行制作", "", "")], 9))  # not the next page
    assert not breaks.runs_on(before, _table([("", "息需要另行制作", "", "")], 8, goes_on=False))  # another table


def test_figures_opening_a_page_complete_the_numbers_filling_their_columns_at_the_foot_of_the_page_before() -> None:
    before = _table([("（七）总计", "（七）总计", "767", "80")], 14, wide=frozenset({1}))
    after = _table([("四、结转下年度继续办理", "四、结转下年度继续办理", "72", "72")], 15, carried=("", "5"))
    assert breaks.numbers_ran_on(before, after).rows == (("（七）总计", "（七）总计", "767", "805"),)
    # taken only as the rest of numbers filling their columns: digits under digits
    assert _goes_on_numbers(before, ("", "5"))
    assert not _goes_on_numbers(before, ("5", ""))  # 767 does not fill its column
    assert not _goes_on_numbers(before, ("", "—"))
    assert not _goes_on_numbers(attrs.evolve(before, rows=(("（七）总计", "（七）总计", "767", ""),)), ("", "5"))


def test_a_line_reaching_into_the_margin_does_not_end_the_paragraphs_short_of_it() -> None:
    """LibreOffice lets a line with figures or punctuation reach past the others into the right margin: the lines
    ending at the text's edge still go on on the next line."""
    lines = [
        TextLine("本年度报告根据《条例》（以下", 2, 111.5, 511.5, 100.0, 16.0),
        TextLine("简称《条例》）的要求编制，全文包括", 2, 79.5, 511.5, 126.0, 16.0),
        TextLine("总体情况。", 2, 79.5, 159.5, 152.0, 16.0),
        TextLine("府其他文件 162 件，人事任免文件 141 件。紧扣机构改", 2, 111.5, 537.4, 178.0, 16.0),
        TextLine("革进程。", 2, 79.5, 143.5, 204.0, 16.0),
    ]
    assert paragraphs(lines) == [
        "本年度报告根据《条例》（以下简称《条例》）的要求编制，全文包括总体情况。",
        "府其他文件 162 件，人事任免文件 141 件。紧扣机构改革进程。",
    ]


def test_a_line_printed_as_a_table_row_is_no_part_of_a_paragraph() -> None:
    """A row of a table not rebuilt (LibreOffice prints a table wider than the page past its edge) reaches the right
    edge of the text: joined to the label line under it, its last figure ran into that text (``2717127年度办``), and
    the row read a wrong 总计. A line printed as a table row stands alone."""
    row = TextLine("三、本 （一）予以公开 5129172 7193981 3 0 6 6 2717127", 3, 80.9, 617.7, 100.0, 12.0, figures=True)
    lines = [row, TextLine("年度办", 3, 80.9, 116.9, 117.0, 12.0)]
    assert paragraphs(lines) == [row.text, "年度办"]


def _chars(*runs: tuple[str, float]) -> list[dict[str, Any]]:
    """Characters of one line, each run ``(text, x of its first character)``, 12 points wide (digits 7.6)."""
    out = []
    for text, x in runs:
        for ch in text:
            width = 12.0 if ch >= "\u2e80" or ch == "—" else 7.6
            out.append(
                {
                    "text": ch,
                    "x0": x,
                    "x1": x + width,
                    "top": 100.0,
                    "bottom": 112.0,
                    "size": 12.0,
                    "upright": True,
                    "doctop": 100.0,
                }
            )
            x += width
    return out


def test_a_blank_mark_half_a_character_after_a_label_is_a_cell_of_its_own() -> None:
    """A label overflowing its column stands half a character before the blank mark of the next (LibreOffice's
    print of a Word file): two cells, ``其他对外管理服务事项`` and ``—``, as for a figure after a label."""
    chars = _chars(("其他对外管理服务事项", 80.9), ("—", 206.9), ("-3075", 296.2))
    (line,) = printed_lines([{"chars": chars, "top": 100.0, "bottom": 112.0}], chars)
    assert [p.text for p in line.pieces] == ["其他对外管理服务事项", "—", "-3075"]
    assert [p.text for p in line.values] == ["—", "-3075"]
