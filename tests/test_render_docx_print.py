"""The Word file prints right.

Without LibreOffice: the XML says so — header rows marked to repeat (``w:tblHeader``), rows that do not split
(``w:cantSplit``), rows kept with the next (``w:keepNext``) but the last, headings kept with what follows, fixed
28.95 pt lines, ``— PAGE —`` footers, odd right and even left.

With LibreOffice (``office``): the bundled examples, a long report and a table taller than a page are converted
to PDF in one LibreOffice run (one start, about 10 s for all of them, instead of one start per document), and
every page is read back with pdfplumber: the page numbers, where the tables and headings fell.
"""

from __future__ import annotations

import functools
import io
import math
import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree

from disclosure_report import AnnualReport, load, replace_value
from disclosure_report.published.embedded import record
from disclosure_report.render import render
from disclosure_report.render.docx import column_widths
from disclosure_report.render.docx_package import new_document, package, template
from disclosure_report.render.docx_xml import paragraph, table
from disclosure_report.render.grid import Grid, table_grid
from disclosure_report.render.outline import Heading, Paragraph, TableBlock, outline

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHUYANG = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MM = 72 / 25.4


def _part(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def _val(el: Any, path: str) -> str | None:
    found = el.find(path, NS)
    return None if found is None else found.get(f"{{{W}}}val")


# --- the XML -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_tables_repeat_their_headers_keep_rows_whole_and_together(example: Path) -> None:
    report = load(example)
    grids = [b.grid for b in outline(report).blocks if isinstance(b, TableBlock)]
    tables = _part(bytes(render(report, "docx")), "word/document.xml").findall("w:body/w:tbl", NS)
    assert len(tables) == len(grids) == 3
    for grid, tbl in zip(grids, tables, strict=True):
        rows = tbl.findall("w:tr", NS)
        assert len(rows) == grid.n_rows
        headers = [tr.find("w:trPr/w:tblHeader", NS) is not None for tr in rows]
        assert headers == [r < grid.header_rows for r in range(grid.n_rows)]
        assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in rows)
        for r, tr in enumerate(rows):
            keep = {p.find("w:pPr/w:keepNext", NS) is not None for p in tr.iterfind("w:tc/w:p", NS)}
            assert keep == {r < grid.n_rows - 1}, (grid.key, r)
        assert tbl.find("w:tblPr/w:tblLayout", NS).get(f"{{{W}}}type") == "fixed"
    assert [g.header_rows for g in grids][1:] == [3, 3]  # tables 三 and 四 have three header rows


def test_styles_set_the_official_line_pitch_and_keep_headings_with_what_follows() -> None:
    data = bytes(render(SHUYANG, "docx"))
    styles = {
        s.find("w:name", NS).get(f"{{{W}}}val"): s for s in _part(data, "word/styles.xml").iterfind("w:style", NS)
    }
    for name in ("正文", "标题", "一级标题", "二级标题", "日期", "落款"):
        spacing = styles[name].find("w:pPr/w:spacing", NS)
        assert (spacing.get(f"{{{W}}}line"), spacing.get(f"{{{W}}}lineRule")) == ("579", "exact")  # 28.95 pt
    assert [styles[n].find("w:pPr/w:keepNext", NS) is not None for n in ("标题", "一级标题", "二级标题", "正文")] == [
        True,
        True,
        True,
        False,
    ]
    assert styles["正文"].find("w:rPr/w:sz", NS).get(f"{{{W}}}val") == "32"  # 三号, 16 pt in half points
    assert styles["正文"].find("w:rPr/w:rFonts", NS).get(f"{{{W}}}eastAsia") == "仿宋_GB2312"


def test_footers_number_pages_the_official_way() -> None:
    data = bytes(render(SHUYANG, "docx"))
    assert _part(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    section = _part(data, "word/document.xml").find("w:body/w:sectPr", NS)
    refs = {ref.get(f"{{{W}}}type") for ref in section.iterfind("w:footerReference", NS)}
    assert refs == {"default", "even"}
    rels = _part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for ref in section.iterfind("w:footerReference", NS):
        footer = _part(data, f"word/{targets[ref.get(rid)]}")
        text = "".join(t.text for t in footer.iter(f"{{{W}}}t", f"{{{W}}}instrText"))
        assert text == "—  PAGE 1 —"  # — {PAGE} —, 1 the field's cached value
        p = footer.find("w:p", NS)
        odd = ref.get(f"{{{W}}}type") == "default"
        assert _val(p, "w:pPr/w:jc") == ("right" if odd else "left")
    margins = section.find("w:pgMar", NS)
    assert [round(int(margins.get(f"{{{W}}}{side}")) / 1440 * 25.4) for side in ("top", "bottom", "left", "right")] == [
        37,
        35,
        28,
        26,
    ]


def test_the_file_is_a_valid_zip_and_the_same_report_gives_the_same_bytes() -> None:
    first, second = bytes(render(SHUYANG, "docx")), bytes(render(SHUYANG, "docx"))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.testzip() is None
        assert "docProps/custom.xml" in z.namelist()
        core = etree.fromstring(z.read("docProps/core.xml"))
    assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == "沭阳县人民政府"
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == "沭阳县人民政府2025年政府信息公开工作年度报告"


def _titled(agency: str) -> AnnualReport:
    """沭阳's report under another agency, with the customary title."""
    return replace_value(replace_value(SHUYANG, "meta.agency", agency), "meta.title", None)


HONGZE, NDRC, KUYTUN = (
    "洪泽区人民政府",
    "中华人民共和国国家发展和改革委员会办公厅",
    "新疆维吾尔自治区伊犁哈萨克自治州奎屯市人民政府办公室",
)
TITLE_LINES = {
    "国务院": ["国务院2025年政府信息公开工作年度报告"],
    HONGZE: [HONGZE, "2025年政府信息公开工作年度报告"],
    NDRC: [NDRC, "2025年政府信息公开工作年度报告"],
    KUYTUN: ["新疆维吾尔自治区伊犁哈萨克自治州", "奎屯市人民政府办公室", "2025年政府信息公开工作年度报告"],
}
"""How each agency's title prints: a short title on one line, a longer one broken before its year, an agency too
long for a line after one of the names in it."""


@pytest.mark.parametrize("agency", TITLE_LINES)
def test_the_title_is_one_paragraph_with_a_line_break_where_it_must_break(agency: str) -> None:
    body = _part(bytes(render(_titled(agency), "docx")), "word/document.xml").find("w:body", NS)
    title = body.find("w:p", NS)
    run = title.findall("w:r", NS)
    assert len(run) == 1
    parts = [el.text if el.tag == f"{{{W}}}t" else "\n" for el in run[0] if el.tag in (f"{{{W}}}t", f"{{{W}}}br")]
    assert "".join(parts).split("\n") == TITLE_LINES[agency]


# --- printed by LibreOffice --------------------------------------------------------------------------------------


def long_report() -> AnnualReport:
    """沭阳's report with every narrative several times longer — paragraphs of many lengths, so that tables and
    headings fall at many different places on the pages."""
    report = SHUYANG
    o = report.overview
    for key, times in (("intro", 2), ("proactive", 4), ("on_request", 3), ("platforms", 5), ("oversight", 7)):
        text = getattr(o, key)
        report = replace_value(
            report, f"overview.{key}", "\n".join(text[: len(text) * (i + 2) // (times + 1)] for i in range(times))
        )
    report = replace_value(report, "overview.management", "本机关严格执行政府信息公开属性源头认定制度。\n" * 9)
    return replace_value(report, "problems", "\n".join([report.problems] * 6))


def tall_table_document() -> tuple[bytes, Grid]:
    """Table 三 set in 三号 with 28.95 pt lines (the style of the date line): taller than a page, it must run onto
    the next pages."""
    grid = table_grid(SHUYANG, "applications")
    ids = template().style_ids
    root, body = new_document()
    paragraph(body, "三、收到和处理政府信息公开申请情况", ids["一级标题"])
    table(body, grid, column_widths(grid), ids["日期"], table_style=ids["Table Grid"], repeat_rows=grid.header_rows)
    return package(root, title="表三", author="沭阳县人民政府", record=record(SHUYANG)), grid


@attrs.frozen
class Page:
    number: int
    width: float
    lines: tuple[str, ...]
    """The text lines of the text block, spaces removed."""
    footer: str
    footer_box: tuple[float, float]
    tables: tuple[tuple[tuple[str, ...], ...], ...]
    """Each table (or part of one) on the page: its rows, each the texts of its cells (empty cells left out)."""


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(pdf: bytes) -> list[Page]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for i, page in enumerate(doc.pages):
            bottom = page.height - 35 * MM  # the text block ends 35 mm above the page's bottom edge
            block = page.crop((0, 0, page.width, bottom))
            lines = tuple(_squeeze(line) for line in (block.extract_text() or "").splitlines() if line.strip())
            footer_words = [w for w in page.extract_words() if w["top"] > bottom]
            tables = tuple(
                tuple(tuple(_squeeze(cell) for cell in row if cell) for row in t.extract()) for t in block.find_tables()
            )
            pages.append(
                Page(
                    number=i + 1,
                    width=float(page.width),
                    lines=lines,
                    footer="".join(w["text"] for w in footer_words),
                    footer_box=(min(w["x0"] for w in footer_words), max(w["x1"] for w in footer_words))
                    if footer_words
                    else (0.0, 0.0),
                    tables=tables,
                )
            )
    return pages


def _grid_rows(grid: Grid) -> list[list[tuple[str, bool, bool]]]:
    """Each row of the grid as printed: the texts of the cells over it, in column order, each with whether it must
    be there (the cell starts in this row) and whether it may be cut (a merged cell over several rows: on a table
    that runs onto the next page, LibreOffice continues its text in the part on the new page)."""
    rows: list[list[tuple[int, str, bool, bool]]] = [[] for _ in range(grid.n_rows)]
    for c in grid.cells:
        if c.text:
            for r in range(c.row, c.row + c.rowspan):
                rows[r].append((c.col, _squeeze(c.text), r == c.row, c.rowspan > 1))
    return [[(text, required, cut) for _, text, required, cut in sorted(row)] for row in rows]


def _row_matches(printed: tuple[str, ...], row: list[tuple[str, bool, bool]]) -> bool:
    """Whether the printed texts are the row's texts, each optional one there or not."""

    @functools.cache
    def match(i: int, j: int) -> bool:
        if j == len(row):
            return i == len(printed)
        text, required, cut = row[j]
        same = i < len(printed) and (printed[i] == text or (cut and printed[i] in text))
        return (same and match(i + 1, j + 1)) or (not required and match(i, j + 1))

    return match(0, 0)


def _placed(rows: tuple[tuple[str, ...], ...], grid: Grid) -> list[int] | None:
    """The grid rows a printed table (part) shows, in order; None when it is not this grid."""
    expected = _grid_rows(grid)
    out: list[int] = []
    for printed in rows:
        start = out[-1] + 1 if out else 0
        found = next((r for r in range(start, grid.n_rows) if _row_matches(printed, expected[r])), None)
        if found is None:
            return None
        out.append(found)
    return out


def _parts_of(pages: list[Page], grid: Grid) -> list[tuple[int, list[int]]]:
    """Where a table was printed: (page number, grid rows) for each part of it, in page order."""
    parts = []
    for page in pages:
        for rows in page.tables:
            placed = _placed(rows, grid)
            if placed is not None:
                parts.append((page.number, placed))
    return parts


def _check_table(pages: list[Page], grid: Grid) -> list[tuple[int, list[int]]]:
    parts = _parts_of(pages, grid)
    assert parts, f"table {grid.key} not found in the PDF"
    h = grid.header_rows
    body_rows = [r for _, rows in parts for r in rows if r >= h]
    assert body_rows == list(range(h, grid.n_rows)), f"table {grid.key}: every row printed once, in order"
    numbers = [n for n, _ in parts]
    assert numbers == list(range(numbers[0], numbers[0] + len(parts))), "its parts are on consecutive pages"
    for _, rows in parts[1:]:
        assert rows[:h] == list(range(h)), f"table {grid.key}: its header rows repeat on each page it runs onto"
    if len(parts) > 1:
        last = parts[-1][1]
        assert len([r for r in last if r >= h]) >= 2, f"table {grid.key}: its last row is not alone on a page"
    return parts


def _body_chars(report: AnnualReport) -> int:
    return sum(len(b.text) for b in outline(report).blocks if isinstance(b, Paragraph))


@pytest.fixture(scope="module")
def printed() -> dict[str, tuple[AnnualReport | None, list[Page]]]:
    from disclosure_report.render.pdf import docx_to_pdf

    reports: dict[str, AnnualReport] = {p.stem: load(p) for p in EXAMPLES}
    reports["long"] = long_report()
    names = list(reports)
    documents = [bytes(render(reports[n], "docx")) for n in names]
    tall, _ = tall_table_document()
    pdfs = docx_to_pdf([*documents, tall])
    out: dict[str, tuple[AnnualReport | None, list[Page]]] = {
        n: (reports[n], _pages(p)) for n, p in zip(names, pdfs[:-1], strict=True)
    }
    out["tall-table"] = (None, _pages(pdfs[-1]))
    return out


REPORTS = [p.stem for p in EXAMPLES] + ["long"]


@pytest.fixture(scope="module")
def titled() -> dict[str, tuple[bytes, bytes]]:
    """Each agency's Word file and its PDF (one LibreOffice run)."""
    from disclosure_report.render.pdf import docx_to_pdf

    documents = [bytes(render(_titled(agency), "docx")) for agency in TITLE_LINES]
    return dict(zip(TITLE_LINES, zip(documents, docx_to_pdf(documents), strict=True), strict=True))


@pytest.mark.office
@pytest.mark.parametrize("agency", TITLE_LINES)
def test_the_title_prints_broken_between_words(titled: Any, agency: str) -> None:
    _, pdf = titled[agency]
    first = _pages(pdf)[0].lines
    lines = TITLE_LINES[agency]
    assert list(first[: len(lines)]) == lines
    assert first[len(lines)] == "（2026年1月23日）"  # the title's last line is whole: nothing wrapped onto the next


@pytest.mark.office
def test_the_pdf_renderer_prints_the_title_broken_the_same_way() -> None:
    pdf = bytes(render(_titled(KUYTUN), "pdf"))
    assert list(_pages(pdf)[0].lines[:3]) == TITLE_LINES[KUYTUN]


@pytest.mark.office
@pytest.mark.parametrize("agency", TITLE_LINES)
def test_a_title_printed_on_several_lines_reads_back_whole(titled: Any, agency: str) -> None:
    from disclosure_report import read

    docx, pdf = titled[agency]
    with zipfile.ZipFile(io.BytesIO(docx)) as z:  # the Word file without its record: read from its text
        bare = io.BytesIO()
        with zipfile.ZipFile(bare, "w") as out:
            for name in z.namelist():
                if name != "docProps/custom.xml":
                    out.writestr(name, z.read(name))
    title = "".join(TITLE_LINES[agency])
    for data in (docx, bare.getvalue(), pdf):
        got = read(data).report.meta
        assert (got.agency, got.year) == (agency, 2025)
        assert got.title in (None, title)
    assert read(bare.getvalue()).report.meta.title == read(pdf).report.meta.title == title


@pytest.mark.office
@pytest.mark.parametrize("name", REPORTS)
def test_pages_are_numbered_outside_in_the_official_style(printed: Any, name: str) -> None:
    report, pages = printed[name]
    chars = _body_chars(report)
    full_page = 28 * 22  # characters of body text a page holds at most
    assert math.ceil(chars / full_page) + 1 <= len(pages) <= math.ceil(chars / (full_page / 2)) + 4
    for page in pages:
        assert page.footer == f"—{page.number}—"
        middle = (page.footer_box[0] + page.footer_box[1]) / 2
        if page.number % 2:
            assert middle > page.width * 0.75, f"page {page.number}: odd page numbers at the right"
        else:
            assert middle < page.width * 0.25, f"page {page.number}: even page numbers at the left"


@pytest.mark.office
@pytest.mark.parametrize("name", REPORTS)
def test_tables_are_kept_whole_on_one_page(printed: Any, name: str) -> None:
    report, pages = printed[name]
    for block in outline(report).blocks:
        if isinstance(block, TableBlock):
            parts = _check_table(pages, block.grid)
            assert len(parts) == 1, f"table {block.grid.key} fits on a page and is not split: {parts}"


@pytest.mark.office
@pytest.mark.parametrize("name", REPORTS)
def test_no_heading_ends_a_page(printed: Any, name: str) -> None:
    report, pages = printed[name]
    doc = outline(report)
    headings = {_squeeze(b.text) for b in doc.blocks if isinstance(b, Heading)} | {_squeeze(doc.title)}
    for page in pages[:-1]:
        assert page.lines[-1] not in headings, f"page {page.number} ends with the heading {page.lines[-1]}"
    table_three = next(b.grid for b in doc.blocks if isinstance(b, TableBlock) and b.grid.key == "applications")
    (number, _), *_ = _parts_of(pages, table_three)
    assert "三、收到和处理政府信息公开申请情况" in pages[number - 1].lines  # the heading is on the table's page


@pytest.mark.office
def test_a_table_taller_than_a_page_repeats_its_header_rows(printed: Any) -> None:
    _, pages = printed["tall-table"]
    _, grid = tall_table_document()
    parts = _check_table(pages, grid)
    assert len(parts) >= 2
    for number, rows in parts:
        assert "申请人情况" in pages[number - 1].tables[0][0]
        assert rows[:3] == [0, 1, 2]
