"""The reading pipeline: Word files as office suites save them again, blank marks the readers do not know, the
kinds of read warnings, and the stages used on their own."""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from disclosure_report import UNREAD, Blank, cell_values, load, render, validate
from disclosure_report.formats import get_format
from disclosure_report.model.paths import replace_value as replace_cell
from disclosure_report.read import read
from disclosure_report.read.base import UNPLACED
from disclosure_report.read.docx import DocxReader
from disclosure_report.read.labels import normalise
from disclosure_report.read.lines import Line
from disclosure_report.read.title import find_title

ROOT = Path(__file__).parent.parent
SOURCE = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# --- Word files as they come back ---------------------------------------------------------------------------------


@functools.cache
def source_docx() -> bytes:
    """The example as a Word file, rendered once for the tests that edit it."""
    out = render(SOURCE, "docx")
    assert isinstance(out, bytes)
    return out


def edit_docx(data: bytes, change: Callable[[Any], None]) -> bytes:
    """``data`` with ``change`` applied to the root of its word/document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(content)
                change(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, content)
    return out.getvalue()


def _table_with(root: Any, text: str) -> Any:
    for tbl in root.iter(q("tbl")):
        if text in "".join(t.text or "" for t in tbl.iter(q("t"))):
            return tbl
    raise AssertionError(text)


def _span(tc: Any) -> int:
    gs = tc.find(f"{q('tcPr')}/{q('gridSpan')}")
    return int(gs.get(q("val"))) if gs is not None else 1


def _set_span(tc: Any, span: int) -> None:
    props = tc.find(q("tcPr"))
    if props is None:
        props = etree.SubElement(tc, q("tcPr"))
        tc.insert(0, props)
    gs = props.find(q("gridSpan"))
    if gs is None:
        gs = etree.SubElement(props, q("gridSpan"))
    gs.set(q("val"), str(span))


def phantom_column(at: int) -> Callable[[Any], None]:
    """Insert a 1-twip grid column before grid column ``at`` of table 四, widening the cell before it over it (as
    LibreOffice does: a ``gridSpan=2`` 总计 cell)."""

    def change(root: Any) -> None:
        tbl = _table_with(root, "行政复议")
        grid = tbl.find(q("tblGrid"))
        col = etree.Element(q("gridCol"))
        col.set(q("w"), "1")
        grid.insert(at, col)
        for tr in tbl.iter(q("tr")):
            pos = 0
            for tc in tr.iterchildren(q("tc")):
                span = _span(tc)
                if pos < at <= pos + span:
                    _set_span(tc, span + 1)
                    break
                pos += span

    return change


def explicit_continue(root: Any) -> None:
    for vm in root.iter(q("vMerge")):
        if vm.get(q("val")) is None:
            vm.set(q("val"), "continue")


def empty_paragraphs(root: Any) -> None:
    for tc in root.iter(q("tc")):
        for p in list(tc.iterchildren(q("p"))):
            p.addprevious(etree.Element(q("p")))
            p.addnext(etree.Element(q("p")))


def grid_before(root: Any) -> None:
    """Every row of table 三 starts with an empty grid column (``w:gridBefore``), as WPS writes an indent."""
    tbl = _table_with(root, "本年新收政府信息公开申请数量")
    grid = tbl.find(q("tblGrid"))
    col = etree.Element(q("gridCol"))
    col.set(q("w"), "1")
    grid.insert(0, col)
    for tr in tbl.iter(q("tr")):
        props = tr.find(q("trPr"))
        if props is None:
            props = etree.Element(q("trPr"))
            tr.insert(0, props)
        before = etree.SubElement(props, q("gridBefore"))
        before.set(q("val"), "1")


@pytest.mark.parametrize(
    "change",
    [phantom_column(5), phantom_column(10), explicit_continue, empty_paragraphs, grid_before],
    ids=[
        "phantom-after-review-total",
        "phantom-after-direct-total",
        "vmerge-continue",
        "empty-paragraphs",
        "gridBefore",
    ],
)
def test_word_quirks_of_files_saved_again(change: Callable[[Any], None]) -> None:
    data = edit_docx(source_docx(), change)
    result = read(data, format="docx")
    assert cell_values(result.report) == cell_values(SOURCE)
    assert result.report == SOURCE
    assert result.warnings == ()
    assert DocxReader().read(data).report == SOURCE


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is needed for the office tests"
    return found


@pytest.mark.office
def test_a_word_file_saved_again_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    source = tmp_path / "in.docx"
    source.write_bytes(render(SOURCE, "docx"))  # type: ignore[arg-type]
    out = tmp_path / "out"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file:///tmp/lo-read-{os.getpid()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = read(out / "in.docx")
    assert cell_values(result.report) == cell_values(SOURCE)
    assert result.warnings == ()


def test_a_table_the_reader_cannot_place_is_an_unplaced_warning() -> None:
    def extra_cell(root: Any) -> None:  # one more value in table 四's row than it has columns
        tbl = _table_with(root, "行政复议")
        last = list(tbl.iter(q("tr")))[-1]
        last.append(etree.fromstring(etree.tostring(list(last.iterchildren(q("tc")))[-1])))

    result = read(edit_docx(source_docx(), extra_cell), format="docx")
    unplaced = [w for w in result.warnings if w.kind == UNPLACED]
    assert unplaced
    assert all(v is UNREAD for p, v in cell_values(result.report).items() if p.startswith("review_litigation"))
    assert not validate(result.report).ok  # a table the reader could not place never passes as ok


# --- blank marks the readers do not know ----------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["--", "n/a", "—", "／", "无数据"])
@pytest.mark.parametrize("kind", ["text", "markdown", "html", "docx"])
def test_an_unknown_blank_mark_keeps_every_number_around_it(mark: str, kind: str) -> None:
    report = replace_cell(SOURCE, "review_litigation.review.other", Blank(mark))
    report = replace_cell(report, "applications.results.granted.commercial", Blank(mark))
    out = render(report, kind)
    result = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=kind)
    assert cell_values(result.report) == cell_values(report)


_FORMAT = get_format("2021")
_WORDS = {
    normalise(w)
    for table in _FORMAT.tables
    for row in table.rows
    for w in (*row.labels, *row.aliases, *(h for c in row.columns.columns for h in c.headers))
}
marks = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Nd")), min_size=1, max_size=16).filter(
    # what the readers keep of whitespace: no mark begins or ends with it; inside, single plain spaces (pages show
    # no-break spaces as spaces, and text separates columns by two)
    lambda m: m == m.strip() and "  " not in m and all(c == " " or not c.isspace() for c in m)
)
cells = st.sampled_from(sorted(p for p in cell_values(SOURCE) if not p.startswith("proactive.fees")))


@pytest.mark.parametrize("kind", ["text", "markdown", "html", "docx"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mark=marks, path=cells)
def test_any_blank_mark_in_any_cell_survives_render_and_read(kind: str, mark: str, path: str) -> None:
    """Each example renders and reads a whole report (a Word file takes about a second): 15 examples a format."""
    # a mark that is, or ends with, a label or header of the declaration reads as that label (``:总计``); 空, (空)
    # and （空） say the cell is empty, and read so (values.py)
    assume(mark not in ("（空）", "(空)", "空") and not any(normalise(mark).endswith(w) for w in _WORDS if len(w) >= 2))
    assume(normalise(mark) not in _WORDS)
    report = replace_cell(SOURCE, path, Blank(mark))
    out = render(report, kind)
    result = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=kind)
    assert cell_values(result.report) == cell_values(report)


# --- stages on their own ---------------------------------------------------------------------------------------------


def test_title_block_over_two_lines() -> None:
    lines = [Line("洪泽区人民政府", 1), Line("2024 年政府信息公开工作年度报告", 2), Line("（2025年1月20日）", 3)]
    block = find_title(lines)
    assert (block.title, block.at, block.year, block.agency) == (
        "洪泽区人民政府2024年政府信息公开工作年度报告",
        (0, 1),
        2024,
        "洪泽区人民政府",
    )


def test_a_title_over_three_lines_names_the_whole_agency() -> None:
    printed = [
        "新疆维吾尔自治区伊犁哈萨克自治州",
        "奎屯市人民政府办公室",
        "2025年政府信息公开工作年度报告",
        "（2026年1月23日）",
    ]
    block = find_title([Line(text, i + 1) for i, text in enumerate(printed)])
    assert (block.title, block.at, block.year, block.agency) == (
        "".join(printed[:3]),
        (0, 1, 2),
        2025,
        "新疆维吾尔自治区伊犁哈萨克自治州奎屯市人民政府办公室",
    )


def test_a_line_naming_an_organ_before_a_whole_title_is_not_part_of_it() -> None:
    printed = ["洪泽区人民政府办公室", "洪泽区人民政府", "2025年政府信息公开工作年度报告"]
    block = find_title([Line(text, i + 1) for i, text in enumerate(printed)])
    assert (block.at, block.agency) == ((1, 2), "洪泽区人民政府")


def test_a_title_without_a_year_names_no_agency() -> None:
    block = find_title([Line("工作年度报告", 1)])
    assert (block.year, block.agency) == (None, None)


def test_warnings_say_their_kind_in_the_read_command_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from disclosure_report.cli import main

    assert main(["read", str(ROOT / "tests" / "fixtures" / "real" / "pingtan-2021.txt"), "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert {w["kind"] for w in warnings} <= {"interpreted", "unplaced"}
    assert [w for w in warnings if w["kind"] == "unplaced" and "693665" in w["message"]]


@pytest.mark.parametrize("mark", ["--", "n/a", "—", "／", "无数据"])
def test_an_unknown_mark_between_numbers_in_extracted_text(mark: str) -> None:
    lines = str(render(SOURCE, "text")).splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().endswith("（一）予以公开"))
    lines[at + 1] = f"    290 {mark} 0 0 3 0 294"  # an extraction: values one space apart, a mark among them
    at = next(i for i, line in enumerate(lines) if line.strip() == "行政复议")
    lines[at + 1] = f"    27 10 9 15 {mark}"
    result = read("\n".join(lines).encode("utf-8"), format="text")
    got, want = cell_values(result.report), cell_values(SOURCE)
    changed = {"applications.results.granted.commercial", "review_litigation.review.total"}
    assert {p: got[p] for p in changed} == dict.fromkeys(changed, Blank(mark))
    assert {p: v for p, v in got.items() if p not in changed} == {p: v for p, v in want.items() if p not in changed}


def test_a_reader_that_takes_no_year_still_gets_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader written before ``year``/``agency`` (its ``read`` takes only ``source``) still reads a document that
    names neither, with the caller's: the assembler finds them all the same."""
    from disclosure_report.read import ReadError, ReadResult, registry
    from disclosure_report.read.markdown import MarkdownReader

    class OldReader:
        name = "old"
        suffixes = (".old",)
        media_types = ()
        extras = None

        def sniff(self, head: bytes) -> bool:
            return False

        def read(self, data: bytes, *, source: str | None = None) -> ReadResult:
            return MarkdownReader().read(data, source=source)

    monkeypatch.setitem(registry._LOADED, "old", OldReader())
    anonymous = str(render(SOURCE, "markdown")).replace("沭阳县人民政府", "").replace("沐阳县人民政府", "")
    kept = [x for x in anonymous.splitlines() if not x.startswith("<!--") and "统计期限" not in x and "2025年" not in x]
    anonymous = "\n".join(kept)  # no record, no title, no period: nothing names the year or the agency
    with pytest.raises(ReadError, match="year="):
        read(anonymous.encode(), format="old")
    result = read(anonymous.encode(), format="old", year=2025, agency="沭阳县人民政府")
    assert (result.report.meta.year, result.report.meta.agency) == (2025, "沭阳县人民政府")
