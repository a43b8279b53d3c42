"""Reader gaps found by QA passes over researchers' conversions, each closed without inventing a value: LibreOffice's
HTML export of a Word file (a cell spanning two grid columns a header row shares out differently), a number
broken at its hyphen by a fixed-width wrap, and a count too long for a spreadsheet typed into the template."""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from disclosure_report import UNREAD, AnnualReport, cell_values, load
from disclosure_report.cli import main
from disclosure_report.read import ReadResult, read
from disclosure_report.read.html import HtmlReader
from disclosure_report.read.lines import Line
from disclosure_report.read.text import text_lines
from disclosure_report.render import render
from tools import office_convert

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
FIXTURES = Path(__file__).parent / "fixtures"

# --- LibreOffice's HTML export of a Word file -----------------------------------------------------------------------


def _soffice(folder: Path, target: str, files: list[Path]) -> list[Path]:
    """``files`` converted by LibreOffice to ``target`` in ``folder``'s subfolder named after it (with a profile of
    its own in ``folder``)."""
    return office_convert(folder / "profile", target, folder / target.split(":")[0], files)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each example rendered to Word, exported to HTML by LibreOffice and that page saved as Word again; the real
    page of 上海 2019 saved as Word and that exported to HTML (folders ``html``, ``docx``, ``real/html``)."""
    folder = tmp_path_factory.mktemp("word-html")
    words = []
    for path in EXAMPLES:
        words.append(folder / f"{path.stem}.docx")
        words[-1].write_bytes(bytes(render(load(path), "docx")))
    pages = _soffice(folder, "html", words)
    _soffice(folder, "docx:MS Word 2007 XML", [*pages, SHANGHAI_PAGE])
    _soffice(folder / "real", "html", [folder / "docx" / f"{SHANGHAI_PAGE.stem}.docx"])
    return folder


SHANGHAI_PAGE = FIXTURES / "real" / "shanghai-gov-office-2019.html"


def _reads_every_cell(result: ReadResult, source: AnnualReport) -> None:
    r = result.report
    assert (r.format, r.meta.agency, r.meta.year) == (source.format, source.meta.agency, source.meta.year)
    assert cell_values(r) == cell_values(source)
    assert [w for w in result.warnings if w.kind == "unplaced"] == []


@pytest.mark.office
@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_a_word_file_exported_to_html_by_libreoffice_reads_every_cell(name: str, office: Path) -> None:
    source, page = load(ROOT / "examples" / f"{name}.json"), office / "html" / f"{name}.html"
    html = page.read_text(encoding="utf-8")
    assert 'rowspan="2" colspan="2"' in html  # table 四's 总计 over two grid columns, as LibreOffice writes it
    _reads_every_cell(read(page), source)
    _reads_every_cell(HtmlReader().read(page.read_bytes(), source=page.name), source)


@pytest.mark.office
@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_that_page_saved_as_word_again_reads_every_cell(name: str, office: Path) -> None:
    """LibreOffice splits 行政复议's 总计 column of the Word file into two grid columns of 225 twips (no sliver to
    drop), the figure a ``w:gridSpan`` of 2 over them that the header row above shares out differently."""
    _reads_every_cell(read(office / "docx" / f"{name}.docx"), load(ROOT / "examples" / f"{name}.json"))


@pytest.mark.office
def test_a_real_page_saved_as_word_then_exported_to_html_reads_every_cell(office: Path) -> None:
    printed = read(SHANGHAI_PAGE).report
    _reads_every_cell(read(office / "real" / "html" / f"{SHANGHAI_PAGE.stem}.html"), printed)


SHUYANG = load(ROOT / "examples" / "shuyang-county-gov-2025.json")


def _with_table_four(row: Callable[[list[str]], str]) -> tuple[bytes, list[str]]:
    """沭阳 2025's page with table 四 as LibreOffice exports a Word table: a sliver grid column (the sixth) that the
    first header row gives to 行政诉讼 and the rows below to 行政复议's 总计; its figures row made by ``row`` from
    the printed figures. Also the figures."""
    page = str(render(SHUYANG, "html"))
    start = page.index("<table", page.index("四、政府信息公开行政复议"))
    end = page.index("</table>", start) + len("</table>")
    figures = re.findall(r'data-cell="review_litigation[^"]*">([^<]*)<', page[start:end])
    header = "".join(f"<td>{h}</td>" for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
    table = f"""<table>
<tr><td colspan="5">行政复议</td><td colspan="11">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>
<td rowspan="2" colspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>{header}{header}</tr>
<tr>{row(figures)}</tr>
</table>"""
    return (page[:start] + table + page[end:]).encode(), figures


def test_a_cell_spanning_a_sliver_column_is_one_cell() -> None:
    page, figures = _with_table_four(
        lambda figures: "".join(
            f'<td colspan="2">{f}</td>' if k == 4 else f"<td>{f}</td>" for k, f in enumerate(figures)
        )
    )
    assert len(figures) == 15
    result = read(page, format="html")
    assert cell_values(result.report) == cell_values(SHUYANG)
    assert [w for w in result.warnings if w.kind == "unplaced"] == []


def test_sixteen_printed_cells_are_not_made_fifteen_by_dropping_an_equal_figure() -> None:
    page, _ = _with_table_four(lambda f: "".join(f"<td>{c}</td>" for c in (*f[:5], f[4], *f[5:])))
    result = read(page, format="html")  # 16 cells, 行政复议's 总计 twice but no colspan says it is one cell
    got, source = cell_values(result.report), cell_values(SHUYANG)
    four = {path for path in source if path.startswith("review_litigation.")}
    assert len(four) == 15 and all(got[path] == UNREAD for path in four)
    assert {path: got[path] for path in source if path not in four} == {
        p: v for p, v in source.items() if p not in four
    }
    assert next(str(w.message) for w in result.warnings if w.kind == "unplaced").endswith(
        "table 四: expected 15 cells, found 16; the cells are left unread"
    )


def test_a_line_gives_its_cells_as_printed() -> None:
    line = Line("a a b c c c", 1, ("a", "a", "b", "c", "c", "c"), (False, True, False, False, True, True))
    assert (line.printed(), line.printed(1), line.printed(4)) == (("a", "b", "c"), ("b", "c"), ())
    assert Line("a b", 1, ("a", "b")).printed() is None  # the reader did not say how they were printed
    assert Line("a b", 1, ("a", "b"), (False,)).continued is None  # flags not one per cell: not known


# --- a number broken at its hyphen by a fixed-width wrap -----------------------------------------------------------


def _wrapped_at_hyphens(text: str, width: int) -> str:
    """``text`` wrapped as Python's ``textwrap`` does by default: at spaces and after hyphens (spaces kept)."""
    return "\n".join(
        piece
        for line in text.split("\n")
        for piece in (textwrap.wrap(line, width, drop_whitespace=False, replace_whitespace=False) or [""])
    )


def test_a_phone_number_broken_after_its_hyphen_is_joined() -> None:
    source = FIXTURES / "real" / "panzhou-rural-revitalization-2023.txt"
    printed = read(source)
    wrapped = _wrapped_at_hyphens(source.read_text(encoding="utf-8"), 40)
    assert "电话：0858-\n3106316；" in wrapped
    result = read(wrapped.encode(), format="text")
    r = result.report
    assert r.meta.contact is not None and r.meta.contact.phone == "0858-3106316"
    assert (r.meta, r.overview, r.other_matters) == (
        printed.report.meta,
        printed.report.overview,
        printed.report.other_matters,
    )
    assert cell_values(r) == cell_values(printed.report)
    assert [w.message for w in result.warnings] == [w.message for w in printed.warnings]


def test_a_short_line_ending_in_a_hyphen_is_joined_only_where_the_wrap_broke_it() -> None:
    filler = [*["一" * 20] * 10, "一。"]  # wrapped at 20 characters (a paragraph's last line shorter)
    broken = text_lines("\n".join([*filler, "电话：0858-", "3106316一二三四五六七八九十"]))
    assert broken[-1].text == "电话：0858-3106316一二三四五六七八九十"
    fits = text_lines("\n".join([*filler, "电话：0858-", "3106316"]))  # the next word fitted: a break as written
    assert [line.text for line in fits[-2:]] == ["电话：0858-", "3106316"]
    page = text_lines("\n".join([*filler, "-3-", "1234567890123456789"]))  # a page number is no number broken
    assert page[-1].text == "1234567890123456789"  # (the page number dropped, as in any text)
    unwrapped = text_lines("电话：0858-\n3106316一二三四五六七八九十\n")  # no fixed width: the lines as they are
    assert [line.text for line in unwrapped] == ["电话：0858-", "3106316一二三四五六七八九十"]


# --- a count too long for a spreadsheet, typed into the template ---------------------------------------------------

TOO_LONG = 12345678901234567
"""17 digits: a spreadsheet saves the 15 significant digits it keeps (1.23456789012346E+16), no count holds it."""


@pytest.fixture
def template_with_a_long_count(tmp_path: Path) -> Path:
    """The template of 沭阳 2025 with 表二's 规章 › 本年制发件数 (B4) typed as :data:`TOO_LONG`."""
    book = load_workbook(io.BytesIO(bytes(render(SHUYANG, "xlsx"))))
    sheet = book["表二"]
    assert (sheet["A4"].value, sheet["B3"].value) == ("规章", "本年制发件数")
    assert sheet["B4"].value == SHUYANG.proactive.regulations.issued
    sheet["B4"] = TOO_LONG
    path = tmp_path / "t.xlsx"
    book.save(path)
    return path


def test_a_count_too_long_is_left_unread_naming_its_sheet_and_cell(template_with_a_long_count: Path) -> None:
    result = read(template_with_a_long_count)
    expected = {**cell_values(SHUYANG), "proactive.regulations.issued": UNREAD}
    assert cell_values(result.report) == expected
    assert [(str(w.message), w.cell_path, w.kind) for w in result.warnings] == [
        (
            "sheet 表二, cell B4: '12345678901234600' is out of range: expected a whole number ≥ 0 of at most 15 "
            "digits; the cell is left unread",
            "proactive.regulations.issued",
            "unplaced",
        )
    ]


def test_the_cell_is_named_in_chinese(template_with_a_long_count: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(template_with_a_long_count), "--lang", "zh"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{template_with_a_long_count}：工作表 表二 单元格 B4：'12345678901234600' 超出范围：应为至多 15 位的 ≥ 0 "
        "整数；该单元格未读出 [proactive.regulations.issued]"
    ]


@pytest.mark.parametrize(
    ("kind", "printed", "typed"),
    [
        ("text", "本年制发件数 0  本年废止件数 0", f"本年制发件数 {TOO_LONG}  本年废止件数 0"),  # the first: 规章
        ("markdown", "| 规章 | 0 | 0 | 0 |", f"| 规章 | {TOO_LONG} | 0 | 0 |"),
    ],
)
def test_a_count_too_long_in_a_text_is_left_unread_at_its_line(kind: str, printed: str, typed: str) -> None:
    page = str(render(SHUYANG, kind))
    assert SHUYANG.proactive.regulations.issued == 0 and printed in page
    result = read(page.replace(printed, typed, 1).encode(), format=kind)
    assert cell_values(result.report) == {**cell_values(SHUYANG), "proactive.regulations.issued": UNREAD}
    [warning] = [w for w in result.warnings if w.kind == "unplaced"]
    assert warning.cell_path == "proactive.regulations.issued" and warning.line is not None
    assert str(warning) == (
        f"line {warning.line}: '{TOO_LONG}' is out of range: expected a whole number ≥ 0 of at most 15 digits; "
        "the cell is left unread [proactive.regulations.issued]"
    )


def test_every_cell_an_xlsx_leaves_unread_is_an_unplaced_warning(tmp_path: Path) -> None:
    """Reported as cells left unread (``kind == "unplaced"``: the report is incomplete), like any reader's."""
    book = load_workbook(io.BytesIO(bytes(render(SHUYANG, "xlsx"))))
    book["表二"]["B4"] = "=VLOOKUP(1,A1:B2,2)"  # no saved value, not evaluated
    book["表二"]["C4"] = "约3件"  # text that is no number
    path = tmp_path / "t.xlsx"
    book.save(path)
    result = read(path)
    unread = {"proactive.regulations.issued", "proactive.regulations.repealed"}
    assert cell_values(result.report) == {**cell_values(SHUYANG), **dict.fromkeys(unread, UNREAD)}
    assert {(w.cell_path, w.kind) for w in result.warnings} == {(p, "unplaced") for p in unread}
    assert sorted(str(w.message).split(":")[0] for w in result.warnings) == [
        "sheet 表二, cell B4",
        "sheet 表二, cell C4",
    ]


def test_a_row_of_cells_with_its_label_and_figures_is_warned_about_by_its_own_label() -> None:
    """A table printed past the page's edge (one column short): the rows with nothing in them before a row with
    figures were taken for labels waiting for those figures, and the warning named the first of them
    (``2.其他法律行政法规禁止公开: expected 7 cells, found 6 (5 | …)`` for the figures of 5.属于三类内部事务信息)."""
    from disclosure_report.formats import get_format
    from disclosure_report.read.notes import Notes
    from disclosure_report.read.table_cells import TableCells
    from disclosure_report.read.tables import read_table

    def row(number: int, label: str, *figures: str) -> Line:
        cells = ("", "", label, *figures, *("",) * (6 - len(figures)))
        return Line(" ".join(c for c in cells if c), number, cells)

    lines = [
        row(1, "1.属于国家秘密", "14"),
        row(2, "2.其他法律行政法规禁止公开"),
        row(3, "3.危及“三安全一稳定”"),
        row(4, "4.保护第三方合法权益"),
        row(5, "5.属于三类内部事务信息", "5"),
    ]
    found, notes = TableCells(), Notes()
    read_table(get_format("2021").table("applications"), lines, found, notes)
    said = [(w.line, w.cell_path, str(w).split(":")[0]) for w in notes.warnings if "expected 7 cells" in str(w)]
    assert [(line, path) for line, path, _ in said] == [
        (1, "applications.results.denied.state_secret.natural_person"),
        (5, "applications.results.denied.internal_affairs.natural_person"),
    ]
    assert found.cells["applications.results.denied.internal_affairs.natural_person"] == UNREAD
