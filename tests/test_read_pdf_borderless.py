"""Tables printed without ruling lines: reports printed to PDF by Chromium (CSS without borders) and LibreOffice
(a Word file whose tables lost their borders) read back cell for cell; a ruled PDF reads as before; text with
figures is not taken for a table; what is not certain is left unread, never read wrong."""

from __future__ import annotations

import io
import random
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, Blank, cell_values, iter_cells, load, new_report, replace_value
from disclosure_report.read import pdf as pdf_module
from disclosure_report.read import read
from disclosure_report.read.pdf import PdfReader, pdf_lines
from disclosure_report.read.row_text import is_value
from disclosure_report.read.values import is_number_text
from disclosure_report.render import render
from test_read_pdf import COURIER, HONGZE, _generated, _handmade, _same_report, _text
from tools import office_convert, print_to_pdf

ROOT = Path(__file__).parent.parent

NO_BORDERS = "<style>.dr-report th, .dr-report td { border: none !important; }</style></head>"
"""CSS printing the report's tables without any rule (added after the page's own style)."""

LAYOUTS = {
    "right-aligned": ".dr-report td.dr-data { text-align: right !important; }",
    "top-aligned": ".dr-report th, .dr-report td { vertical-align: top !important; }",
}
"""Other ways a borderless table is laid out: figures at their cells' right edge, every cell aligned at its top."""


def _modest(agency: str, year: int, seed: int) -> AnnualReport:
    """A report with small counts (a narrow Word cell holds three digits on a line), every blank mark (the empty
    one too) and money with decimals."""
    rng = random.Random(seed)
    report = new_report(agency, year)
    for cell, _ in list(iter_cells(report)):
        roll = rng.random()
        if roll < 0.12:
            value: Any = Blank(rng.choice(["", "", "-", "—", "/", "无"]))
        elif cell.kind == "money":
            value = Decimal(rng.randrange(0, 10**6)).scaleb(-rng.randrange(0, 3))
        elif cell.kind == "signed":
            value = rng.randrange(-99, 999)
        else:
            value = rng.choice([0, rng.randrange(1, 10), rng.randrange(10, 1000)])
        report = replace_value(report, cell.path, value)
    return report


def _sources() -> dict[str, AnnualReport]:
    reports = {p.stem: load(p) for p in sorted((ROOT / "examples").glob("*.json"))}
    reports["modest-2021"] = _modest("某市测试局", 2023, seed=3)
    reports["modest-2019"] = _modest("某区人民政府办公室", 2019, seed=11)
    return reports


NAMES = sorted(_sources())


def _edited(docx: bytes, *edits: tuple[str, str]) -> bytes:
    """The Word file with each ``(pattern, replacement)`` substituted in its ``word/document.xml``."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                for pattern, replacement in edits:
                    text = re.sub(pattern, replacement, text)
                data = text.encode("utf-8")
            out.writestr(item, data)
    return buffer.getvalue()


def _without_borders(docx: bytes) -> bytes:
    """The Word file with its tables' style (which draws their borders) and any border of their own removed."""
    return _edited(docx, (r"<w:tblStyle [^>]*/>", ""), (r"<w:(tbl|tc)Borders>.*?</w:\1Borders>", ""))


def _word_default_cells(docx: bytes) -> bytes:
    """The Word file with its figures at the table's size and Word's default cell margins, as agencies' own Word
    files have them — so that a count too wide for its column wraps over lines, as published files print it (the
    renderer itself sets such a figure smaller, on one line)."""
    return _edited(docx, (r"<w:tcMar>.*?</w:tcMar>", ""), (r"<w:rPr><w:sz [^>]*/><w:szCs [^>]*/></w:rPr>", ""))


def _top_aligned(docx: bytes) -> bytes:
    """The Word file with every table cell aligned at its top instead of its middle."""
    return _edited(docx, (r'<w:vAlign w:val="center"/>', '<w:vAlign w:val="top"/>'))


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[AnnualReport, bytes]]:
    """Each report rendered to Word, its table borders removed, printed to PDF by LibreOffice (one run)."""
    folder = tmp_path_factory.mktemp("borderless-office")
    reports = _sources()
    reports["large-numbers"] = _generated("某市测试局", 2022, seed=18)  # 7-digit counts wrap in their cells
    reports["large-numbers-top-aligned"] = _generated("某县人民政府", 2019, seed=102)
    for name, report in reports.items():
        docx = bytes(render(report, "docx"))
        if name.startswith("large-numbers"):
            docx = _word_default_cells(docx)
        borderless = _without_borders(docx)
        (folder / f"{name}.docx").write_bytes(_top_aligned(borderless) if name.endswith("top-aligned") else borderless)
        (folder / f"ruled-{name}.docx").write_bytes(docx)
    profile = tmp_path_factory.mktemp("borderless-libreoffice")
    office_convert(
        profile, "pdf", folder / "pdf", [folder / f"{stem}{name}.docx" for name in reports for stem in ("", "ruled-")]
    )
    return {
        f"{stem}{name}": (report, (folder / "pdf" / f"{stem}{name}.pdf").read_bytes())
        for name, report in reports.items()
        for stem in ("", "ruled-")
    }


@pytest.fixture(scope="module")
def browser_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[AnnualReport, bytes]]:
    """Each report's web page with CSS that draws no table border, printed to PDF by headless Chromium."""
    folder = tmp_path_factory.mktemp("borderless-browser")
    reports = _sources()
    reports["large-numbers"] = _generated("某区人民政府办公室", 2019, seed=5)
    for layout in LAYOUTS:
        reports[layout] = _generated("某市测试局", 2021, seed=1)
    out = {}
    for name, report in reports.items():
        page = folder / f"{name}.html"
        css = NO_BORDERS.replace("</style>", LAYOUTS.get(name, "") + "</style>")
        page.write_text(str(render(report, "html")).replace("</head>", css, 1), encoding="utf-8")
        out[name] = (report, print_to_pdf(page, folder))
    return out


def _no_rules(pdf: bytes) -> None:
    """The PDF draws no line or rectangle: its tables can only be read from where their words stand."""
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        assert all(not page.edges for page in opened.pages)


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_borderless_web_page_printed_by_chromium_reads_back(
    name: str, browser_pdfs: dict[str, tuple[AnnualReport, bytes]]
) -> None:
    source, pdf = browser_pdfs[name]
    _no_rules(pdf)
    _same_report(source, pdf)


@pytest.mark.browser
def test_large_numbers_in_a_borderless_web_page(browser_pdfs: dict[str, tuple[AnnualReport, bytes]]) -> None:
    """Chromium keeps a number on one line (it overflows its cell): 7-digit counts close to each other in table 四's
    fifteen narrow columns are still told apart."""
    _same_report(*browser_pdfs["large-numbers"])


@pytest.mark.office
@pytest.mark.parametrize("name", NAMES)
def test_borderless_word_table_printed_by_libreoffice_reads_back(
    name: str, office_pdfs: dict[str, tuple[AnnualReport, bytes]]
) -> None:
    source, pdf = office_pdfs[name]
    _no_rules(pdf)
    _same_report(source, pdf)


@pytest.mark.office
@pytest.mark.parametrize("name", NAMES)
def test_a_borderless_print_reads_as_the_ruled_one(
    name: str, office_pdfs: dict[str, tuple[AnnualReport, bytes]]
) -> None:
    """The whole report, its text too: no paragraph is taken into a table, no table row left out of one."""
    borderless = PdfReader().read(office_pdfs[name][1]).report
    assert borderless == PdfReader().read(office_pdfs[f"ruled-{name}"][1]).report


@pytest.mark.office
def test_the_tables_come_as_rows_of_cells(office_pdfs: dict[str, tuple[AnnualReport, bytes]]) -> None:
    """What the assembler gets: rows of cells, a label wrapped in its cell joined, an empty cell kept in its place,
    a label spanning columns repeated in each (as an expanded colspan)."""
    source, pdf = office_pdfs["modest-2021"]
    lines, _ = pdf_lines(pdf)
    rows = {cells[2]: cells for cells in (line.cells for line in lines) if cells and len(cells) == 3 + 7}  # 三
    partial = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert rows[partial][1:3] == (partial, partial)
    assert "2.其他法律行政法规禁止公开" in rows and "5.要求行政机关确认或重新出具已获取信息" in rows
    new = rows["一、本年新收政府信息公开申请数量"]
    assert new[:2] == (new[2], new[2])
    values = cell_values(source)
    printed = [
        v.printed if isinstance(v, Blank) else str(v) for k, v in values.items() if k.startswith("applications.new.")
    ]
    assert list(new[3:]) == printed
    assert "" in [v.printed for v in values.values() if isinstance(v, Blank)]  # an empty cell is among them


@pytest.mark.office
def test_numbers_wrapped_in_borderless_cells_are_read_whole(
    office_pdfs: dict[str, tuple[AnnualReport, bytes]],
) -> None:
    """7-digit counts wrap over three lines in Word's narrow cells (and rows cut by the page break start at their
    top): each is the number centred on its row's label — in table 四, without labels, on its one row."""
    source, pdf = office_pdfs["large-numbers"]
    assert any(len(re.sub(r"\D", "", str(v))) == 7 for v in cell_values(source).values())
    _same_report(source, pdf)


@pytest.mark.office
def test_numbers_wrapped_in_borderless_cells_aligned_at_their_top(
    office_pdfs: dict[str, tuple[AnnualReport, bytes]],
) -> None:
    """Cells aligned at their top: a wrapped number starts at its row's label and ends where the next row's label
    starts; a label wrapped beside a single label column's header is joined."""
    _same_report(*office_pdfs["large-numbers-top-aligned"])


@pytest.mark.browser
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_borderless_web_page_laid_out_otherwise(
    layout: str, browser_pdfs: dict[str, tuple[AnnualReport, bytes]]
) -> None:
    """Figures at their cells' right edge (the columns from their right edges; a label column wrapping at one width
    joins its lines), cells aligned at their top (figures beside a label's first line)."""
    _same_report(*browser_pdfs[layout])


def test_a_ruled_pdf_reads_exactly_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The published ruled PDF gives the same lines whether tables without rules are looked for or not."""
    data = HONGZE.read_bytes()
    lines, _ = pdf_lines(data)
    monkeypatch.setattr(pdf_module, "unruled_tables", lambda *args: ([], set()))
    assert pdf_lines(data)[0] == lines
    assert read(HONGZE).report == PdfReader().read(data).report


def test_text_with_figures_is_not_a_table() -> None:
    """Paragraphs whose lines hold figures, even standing at the same places line after line, stay paragraphs."""
    body = [
        (72, 760, "In 2023 the Bureau received 12 requests and answered 10 of them in time, 2 late."),
        (72, 745, "Of these 10 were granted, 1 in part and 1 refused; fees came to 35.50 in all."),
        (72, 730, "Rules made   3"),
        (72, 715, "Rules repealed   0"),
        (72, 700, "Total   3"),
        (72, 685, "Requests received"),
        (300, 685, "12"),  # figures aligned, but under no header
        (72, 670, "Requests answered"),
        (300, 670, "10"),
    ]
    lines, _ = pdf_lines(_handmade([b" ".join(_text([shown]) for shown in body)], COURIER))
    assert all(line.cells is None for line in lines)
    assert [line.text for line in lines][-3:] == ["Total 3", "Requests received 12", "Requests answered 10"]


def test_a_handmade_borderless_table() -> None:
    """Cells shown one by one (as word processors do), no rules: a header, a label wrapped over two lines beside
    figures centred on them, an empty cell, a figure with decimals."""
    cells = [
        (72, 760, "Item"),
        (250, 760, "Made"),
        (330, 760, "Repealed"),
        (430, 760, "In force"),
        (72, 745, "Rules"),
        (256, 745, "3"),
        (350, 745, "0"),
        (448, 745, "12"),
        (72, 730, "Normative"),
        (72, 718, "documents"),
        (250, 724, "10.5"),
        (448, 724, "7"),
        (72, 700, "Fees"),
        (256, 700, "-"),
        (350, 700, "1"),
        (448, 700, "2"),
    ]
    lines, _ = pdf_lines(_handmade([b" ".join(_text([c]) for c in cells)], COURIER))
    assert [line.cells for line in lines if line.cells] == [
        ("Rules", "3", "0", "12"),
        ("Normative documents", "10.5", "", "7"),
        ("Fees", "-", "1", "2"),
    ]
    assert [line.text for line in lines if not line.cells] == ["Item Made Repealed In force"]


@pytest.mark.parametrize(
    ("first", "second"),
    [(("3", "0", "12"), ("4", "5", "6")), (("123", "450", "712"), ("456", "789", "340"))],
    ids=["figures", "figures-as-wide-as-their-column"],
)
def test_an_uncertain_borderless_table_stays_text(first: tuple[str, ...], second: tuple[str, ...]) -> None:
    """Figures beside no label of their own in a table with labels: a row whose label is missing, or the rest of
    numbers wrapped in their cells (in every column, each as wide as its column: which, cannot be told)? The table
    is not rebuilt; its lines reach the assembler as text, as before."""
    cells = [
        *[(72, 760, "Item"), (250, 760, "Made"), (330, 760, "Repealed"), (430, 760, "In force")],
        *[(72, 745, "Rules"), (256, 745, first[0]), (350, 745, first[1]), (448, 745, first[2])],
        *[(256, 730, second[0]), (350, 730, second[1]), (448, 730, second[2])],
        *[(72, 715, "Fees"), (256, 715, "-"), (350, 715, "1"), (448, 715, "2")],
    ]
    lines, _ = pdf_lines(_handmade([b" ".join(_text([c]) for c in cells)], COURIER))
    assert all(line.cells is None for line in lines)
    printed = f"Rules {' '.join(first)} {' '.join(second)} Fees - 1 2"
    assert " ".join(line.text for line in lines) == f"Item Made Repealed In force {printed}"


_WORDS = ["1.Secret", "Rules", "Item", "Total", "Fees", "lower", "12", "0", "-", "/", "3.5", "4068", "999", "77"]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(_WORDS), st.integers(0, 7)), min_size=1, max_size=6, unique_by=lambda w: w[1]
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([0, 3, 15]),
)
def test_any_layout_gives_cells_made_of_its_own_words(rows: list[list[tuple[str, int]]], pitch: int) -> None:
    """Words set anywhere on lines (lines close under one another or apart, words in columns or not): the reader
    never fails, and every cell of a table it rebuilds is made of what is printed there — a figure is printed
    figures, nothing invented."""
    shown = [
        (60 + 72 * column, 780 - (12 + pitch) * line, word) for line, words in enumerate(rows) for word, column in words
    ]
    lines, _ = pdf_lines(_handmade([b" ".join(_text([s]) for s in shown)], COURIER))
    figures = sorted({word for _, _, word in shown if is_value(word)}, key=len, reverse=True)
    whole = re.compile("(?:" + "|".join(map(re.escape, figures)) + ")+") if figures else None
    letters = {ch for _, _, word in shown for ch in word}
    for line in lines:
        for cell in line.cells or ():
            if is_number_text(cell):  # printed figures, or a number wrapped over lines: their digits in order
                assert whole is not None and whole.fullmatch(cell), cell
            else:
                assert set(cell) <= letters | {" "}, cell
