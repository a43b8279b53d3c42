"""An agency's year as a clerk lives it, checked where it went wrong: from last year's report to a filled
workbook, read back, and printed as a Word file, a PDF and a web page.

Each test here is the regression test of something found by walking ``docs/tutorial.md`` and ``docs/render.md``
as a clerk would; the layout ones read the files' content (the Word file's XML, the PDF's words with pdfplumber).
"""

from __future__ import annotations

import functools
import io
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pdfplumber
import pytest
from lxml import etree
from openpyxl import load_workbook

from disclosure_report import (
    AnnualReport,
    dumps,
    iter_cells,
    load,
    new_report,
    read,
    replace_value,
    with_totals,
    write,
)
from disclosure_report.authoring.figures import with_figures
from disclosure_report.cli import main
from disclosure_report.errors import AuthoringTypeError
from disclosure_report.messages import error_text, read_warning_text
from disclosure_report.read.base import ReadResult
from disclosure_report.render import render
from disclosure_report.render.docx_package import SMALL_TABLE_PT
from disclosure_report.render.docx_xml import DATA_MARGIN_TWIPS
from disclosure_report.render.grid import table_grid
from disclosure_report.render.outline import Heading, Paragraph, is_heading_line, outline
from disclosure_report.render.widths import LATIN_EM
from disclosure_report.render.xlsx import template_cells

ROOT = Path(__file__).parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
SHUYANG = ROOT / "examples" / "shuyang-county-gov-2025.json"


def _document(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _with_counts(digits: int) -> AnnualReport:
    """A report whose every count of tables 三 and 四 has ``digits`` digits (the totals one more or so)."""
    report = new_report("某市某局", 2025)
    value = int("9" * digits) // 7
    for cell, _ in iter_cells(report):
        if cell.path.startswith(("applications.", "review_litigation.")) and not cell.path.endswith("total"):
            report = replace_value(report, cell.path, value)
    return with_totals(report)


# --- a figure never breaks across lines ----------------------------------------------------------------------------


def test_a_wide_figure_is_set_smaller_to_fit_its_column_in_the_word_file() -> None:
    """Table 三's data columns are 11.7 mm: with Word's 1.9 mm cell margins a count of four digits broke into
    ``142`` over ``8`` in LibreOffice. Data cells have 0.5 mm margins, and a figure still too wide is set smaller."""
    report = _with_counts(7)  # 1428571; totals 8571426
    tables = _document(bytes(render(report, "docx"))).findall("w:body/w:tbl", NS)
    table3 = tables[1]
    sized = {}
    for tc in table3.iter(f"{{{W}}}tc"):
        text = "".join(tc.itertext())
        if not text.isdigit():
            continue
        mar = tc.find("w:tcPr/w:tcMar", NS)
        assert mar is not None
        assert mar.find("w:left", NS).get(f"{{{W}}}w") == str(DATA_MARGIN_TWIPS)
        width = int(tc.find("w:tcPr/w:tcW", NS).get(f"{{{W}}}w"))
        sz = tc.find("w:p/w:r/w:rPr/w:sz", NS)
        assert sz is not None, f"{text} is not made to fit"
        half_points = int(sz.get(f"{{{W}}}val"))
        assert half_points < 2 * SMALL_TABLE_PT
        assert len(text) * LATIN_EM * half_points / 2 <= (width - 2 * DATA_MARGIN_TWIPS) / 20
        sized[text] = half_points
    assert set(sized) == {"1428571", "8571426", "29999991", "179999946"}  # counts, 总计s, （七）总计 (21 rows)
    assert sized["1428571"] == 13  # 6.5 pt: 7 × 0.64 em in 30.4 pt of room


def test_a_figure_that_fits_keeps_the_table_size() -> None:
    report = _with_counts(3)  # 142; totals 852
    table3 = _document(bytes(render(report, "docx"))).findall("w:body/w:tbl", NS)[1]
    assert table3.findall(".//w:r/w:rPr/w:sz", NS) == []


@functools.cache
def _printed(digits: int) -> bytes:
    return bytes(render(_with_counts(digits), "pdf"))


@pytest.mark.office
@pytest.mark.parametrize("digits", [4, 9])
def test_every_figure_prints_whole_on_one_line(digits: int) -> None:
    """Printed by LibreOffice, every count of table 三 is one word on one line: ``1428`` (it was ``142`` above
    ``8``), ``142857142`` at 9 digits; and the table and its heading stay on one page."""
    value = str(int("9" * digits) // 7)
    with pdfplumber.open(io.BytesIO(_printed(digits))) as pdf:
        pages = [(page.extract_text() or "", page.extract_words()) for page in pdf.pages]
    on = [i for i, (text, _) in enumerate(pages) if "四、结转下年度继续办理" in text]
    assert len(on) == 1
    text, words = pages[on[0]]
    assert "三、收到和处理政府信息公开申请情况" in text  # the heading is not left alone on the page before
    whole = [w for w in words if w["text"] == value]
    assert len(whole) == 6 * 26  # six columns of 26 rows of table 三 (总计 and （七）总计 are sums)
    pieces = [w for w in words if w["text"] != value and w["text"].isdigit() and value.startswith(w["text"])]
    assert pieces == []


# --- the filled workbook read back ---------------------------------------------------------------------------------


def _filled(tmp_path: Path, fill: Any, report: AnnualReport | None = None) -> ReadResult:
    """The template of ``report`` (a 2026 report started from the bundled 2025 one), changed by ``fill(book)``
    through openpyxl, saved and read back."""
    report = report if report is not None else new_report("沭阳县人民政府", 2026, previous=load(SHUYANG))
    template = write(report, tmp_path / "2026年报.xlsx")
    book = load_workbook(template)
    fill(book)
    book.save(tmp_path / "filled.xlsx")
    return read(tmp_path / "filled.xlsx")


def _meta_row(book: Any, key: str) -> Any:
    """The value cell (column B) of the 基本信息 row of ``key``."""
    return next(row[1] for row in book["基本信息"].iter_rows() if row[2].value == key)


def test_reading_the_template_does_not_warn_about_the_narrative_it_never_holds(tmp_path: Path) -> None:
    """The template holds the tables only: reading it back warned 'headings not found: 一、总体情况，五、…，六、…'
    on every read of every workbook — noise that hid the warnings that matter."""
    result = _filled(tmp_path, lambda book: None)
    assert result.warnings == ()
    assert result.report.applications.carried_over.total == 31


def test_a_workbook_without_a_table_sheet_still_says_which_heading_is_missing(tmp_path: Path) -> None:
    result = _filled(tmp_path, lambda book: book.remove(book["表四"]))
    missing = [w.message for w in result.warnings if getattr(w.message, "key", "") == "warn.headings_missing"]
    assert missing == [
        "headings not found: 一、总体情况，四、政府信息公开行政复议、行政诉讼情况，"
        "五、存在的主要问题及改进情况，六、其他需要报告的事项"
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("2026/1/20", "2026-01-20"), ("2026年1月20日", "2026-01-20"), ("二〇二六年一月二十日", "2026-01-20")],
)
def test_a_date_typed_as_a_clerk_types_it_is_read(tmp_path: Path, typed: str, stored: str) -> None:
    """A publication date typed ``2026/1/20`` threw the whole 基本信息 sheet away ('the embedded record is not a
    valid metadata record; it is ignored'): the period and the scope were lost with it."""

    def fill(book: Any) -> None:
        _meta_row(book, "published_on").value = typed
        _meta_row(book, "scope").value = "agency"

    result = _filled(tmp_path, fill)
    meta = result.report.meta
    assert meta.published_on.isoformat() == stored
    assert meta.scope == "agency"
    assert (meta.period.start.isoformat(), meta.period.end.isoformat()) == ("2026-01-01", "2026-12-31")
    assert result.warnings == ()


def test_a_wrong_date_or_scope_is_left_empty_with_its_row_and_the_rest_is_kept(tmp_path: Path) -> None:
    def fill(book: Any) -> None:
        _meta_row(book, "published_on").value = "明年一月"
        _meta_row(book, "scope").value = "本机关"
        _meta_row(book, "contact.phone").value = "0527-12345678"

    result = _filled(tmp_path, fill)
    meta = result.report.meta
    assert (meta.published_on, meta.scope, meta.contact.phone) == (None, None, "0527-12345678")
    assert meta.period.start.isoformat() == "2026-01-01"
    rows = {w.message.fields["row"]: str(w.message.fields["warning"]) for w in result.warnings}
    assert rows == {
        6: "发布日期 '明年一月' is not a date (a date like 2026-01-20 or 2026年1月20日); it is left empty",
        9: "报告范围 '本机关' is not one of the choices (agency, government_own, region_aggregate); it is left empty",
    }
    assert [read_warning_text(w, "zh") for w in result.warnings] == [
        "工作表 基本信息 第 6 行：发布日期 '明年一月' 不是日期（应为 2026-01-20 或 2026年1月20日 这样的日期）；已留空",
        "工作表 基本信息 第 9 行：报告范围 '本机关' 不是可选值之一（agency, government_own, region_aggregate）；已留空",
    ]


def test_a_year_in_chinese_numerals_is_read(tmp_path: Path) -> None:
    result = _filled(tmp_path, lambda book: setattr(_meta_row(book, "year"), "value", "二〇二六"))
    assert result.report.meta.year == 2026
    assert result.report.meta.period.start.isoformat() == "2026-01-01"
    assert result.warnings == ()


# --- the workbook's figures into the report, its narrative kept ----------------------------------------------------


def _fill_workbook(book: Any) -> None:
    where = template_cells(new_report("沭阳县人民政府", 2026, previous=load(SHUYANG)))
    for path, value in {
        "applications.new.natural_person": 40,
        "applications.results.granted.natural_person": 50,
        "applications.results.unable.not_held.natural_person": 21,
    }.items():
        sheet, cell = where[path]
        book[sheet][cell] = value


def test_fill_puts_the_figures_into_the_report_and_keeps_its_preamble(tmp_path: Path) -> None:
    """The tutorial's command line read the filled workbook back over 2026.json (``read 2026年报.xlsx -o
    2026.json``): the preamble carried from last year was lost, as the workbook does not hold it."""
    started = new_report("沭阳县人民政府", 2026, previous=load(SHUYANG))
    assert started.preamble.startswith("依据《中华人民共和国政府信息公开条例》")
    (tmp_path / "2026.json").write_text(dumps(started), encoding="utf-8")
    _filled(tmp_path, _fill_workbook, started)
    assert (
        main(["fill", str(tmp_path / "2026.json"), str(tmp_path / "filled.xlsx"), "-o", str(tmp_path / "2026.json")])
        == 0
    )
    year = load(tmp_path / "2026.json")
    assert year.preamble == started.preamble
    assert (year.applications.new.total, year.applications.results.total.total) == (40, 71)
    assert year.applications.carried_over.total == 31
    assert year.meta == started.meta


def test_fill_refuses_the_workbook_of_another_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = tmp_path / "2025.json"
    last.write_text(dumps(load(SHUYANG)), encoding="utf-8")
    _filled(tmp_path, _fill_workbook)
    assert main(["fill", str(last), str(tmp_path / "filled.xlsx")]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report fill: "
        "工作簿是 沭阳县人民政府 2026 年度的报告，不是 沭阳县人民政府 2025 年度的；其数字不属于该报告\n"
    )


def test_with_figures_keeps_a_metadata_field_the_workbook_left_empty() -> None:
    started = new_report("沭阳县人民政府", 2026, previous=load(SHUYANG))
    started = attrs.evolve(started, meta=attrs.evolve(started.meta, scope="government_own"))
    filled = attrs.evolve(started, meta=attrs.evolve(started.meta, scope=None), preamble="")
    filled = replace_value(filled, "applications.new.commercial", 3)
    year = with_figures(started, filled)
    assert (year.meta.scope, year.preamble, year.applications.new.commercial) == (
        "government_own",
        started.preamble,
        3,
    )


# --- a heading written into the text is kept with what follows -----------------------------------------------------

SHANGHAI_2019 = ROOT / "examples" / "shanghai-gov-office-2019.json"


def test_a_heading_line_of_the_text_keeps_with_the_next_paragraph_in_the_word_file() -> None:
    """上海市人民政府办公厅's 五 writes its subheadings into the text (（一）主要问题, （二）改进措施): printed by
    LibreOffice, page 10 ended with 五's heading and （一）主要问题, its text on page 11."""
    body = _document(bytes(render(load(SHANGHAI_2019), "docx"))).find("w:body", NS)
    kept = {"".join(p.itertext()): p.find("w:pPr/w:keepNext", NS) is not None for p in body.findall("w:p", NS)}
    assert kept["（一）主要问题"] and kept["（二）改进措施"]
    assert not kept["无。"]
    assert not any(keep for text, keep in kept.items() if text.endswith("。"))


@pytest.mark.office
def test_a_heading_line_of_the_text_is_printed_on_the_page_of_its_text() -> None:
    with pdfplumber.open(io.BytesIO(bytes(render(load(SHANGHAI_2019), "pdf")))) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    on = [i for i, text in enumerate(texts) if "（一）主要问题" in text]
    assert len(on) == 1
    assert "一是新《条例》实施后" in texts[on[0]]
    assert "五、存在的主要问题及改进情况" in texts[on[0]]


# --- the command line: the file named is the file written ----------------------------------------------------------


def test_render_without_to_writes_the_kind_of_file_o_names(tmp_path: Path) -> None:
    """``render 2026.json -o 2026年报.docx`` wrote the web page (the default --to html) into the .docx file, which
    Word then refused to open; the renderer is now the one -o's suffix names (html when it names none)."""
    assert main(["render", str(SHUYANG), "-o", str(tmp_path / "年报.docx")]) == 0
    assert (tmp_path / "年报.docx").read_bytes()[:2] == b"PK"
    assert main(["render", str(SHUYANG), "-o", str(tmp_path / "年报.md")]) == 0
    assert (tmp_path / "年报.md").read_text(encoding="utf-8").startswith("<!-- disclosure-report-meta ")
    assert main(["render", str(SHUYANG), "-o", str(tmp_path / "年报.htm")]) == 0
    assert (tmp_path / "年报.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_refuses_to_write_one_kind_of_file_under_another_s_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "年报.docx"
    assert main(["render", str(SHUYANG), "--to", "html", "-o", str(out)]) == 2
    assert not out.exists()
    assert capsys.readouterr().err == (
        f"disclosure-report render: --to html 写出 .html 文件，而 -o {out} 是 docx 渲染器写出的那种文件；"
        "请改正 -o 的后缀或 --to\n"
    )


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (
            ["render", str(SHUYANG), "--to", "docx"],
            "无法写入 {out}：路径中有一段不是文件夹",
            "cannot write {out}: Not a directory",
        ),
        (
            ["new", "--agency", "某局", "--year", "2025"],
            "无法写入 {out}：路径中有一段不是文件夹",
            "cannot write {out}: ",
        ),
    ],
)
def test_an_output_that_cannot_be_written_is_a_located_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], zh: str, en: str
) -> None:
    blocker = tmp_path / "年报"  # a file where the output's folder should be (a missing folder is made)
    blocker.write_text("", encoding="utf-8")
    out = blocker / ("年报.json" if argv[0] == "new" else "年报.docx")
    assert main([*argv, "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"disclosure-report {argv[0]}: {zh.format(out=out)}\n"
    assert main([*argv, "-o", str(out), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(f"disclosure-report {argv[0]}: {en.format(out=out)}")
    made = tmp_path / "没有的文件夹" / out.name
    assert main([*argv, "-o", str(made)]) == 0 and made.stat().st_size > 0


# --- the workbook's 基本信息 prints whole --------------------------------------------------------------------------

LONG_AGENCY = "新疆维吾尔自治区伊犁哈萨克自治州奎屯市人民政府办公室信息公开与政务服务数据管理中心"


def test_a_long_agency_wraps_in_the_metadata_sheet_and_the_sheet_prints_one_page_wide(tmp_path: Path) -> None:
    """A 41-character agency was cut off at column B's edge (on screen and in print: column C holds the keys), and
    the sheet printed its column C on a second page."""
    book = load_workbook(write(new_report(LONG_AGENCY, 2025), tmp_path / "年报.xlsx"))
    sheet = book["基本信息"]
    agency = _meta_row(book, "agency")
    assert agency.value == LONG_AGENCY
    assert agency.alignment.wrap_text is True
    assert sheet.row_dimensions[agency.row].height == 30  # 82 units of text in a column 48 wide: two lines
    title = _meta_row(book, "title")
    assert sheet.row_dimensions[title.row].height == 45  # 118 units: three lines
    assert sheet.row_dimensions[_meta_row(book, "year").row].height is None  # a short value keeps its row
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert read(tmp_path / "年报.xlsx").report.meta.agency == LONG_AGENCY


# --- the web page printed: a heading is on the page of what it heads ------------------------------------------------


def _browser_pages(report: AnnualReport, tmp_path: Path) -> list[list[str]]:
    """The lines of each page of the web page printed by headless Chromium (no header and footer), NFKC-folded
    (the PDF's text maps some glyphs to Kangxi radicals: ⼈ for 人)."""
    from tools import CHROMIUM, CHROMIUM_FLAGS

    page = tmp_path / "report.html"
    page.write_text(str(render(report, "html")), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    done = subprocess.run(
        [
            *(CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer"),
            *(f"--print-to-pdf={pdf}", page.as_uri()),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-2000:]
    with pdfplumber.open(pdf) as printed:
        return [
            [unicodedata.normalize("NFKC", line).replace(" ", "") for line in (p.extract_text() or "").splitlines()]
            for p in printed.pages
        ]


@pytest.mark.browser
@pytest.mark.parametrize("example", [SHUYANG, SHANGHAI_2019], ids=lambda p: p.stem)
def test_no_printed_page_of_the_web_page_ends_with_a_heading(example: Path, tmp_path: Path) -> None:
    """Printed from Chromium, 沭阳's page 6 ended with 三、收到和处理政府信息公开申请情况 (its table on page 7) and
    page 7 with 四's heading; 上海's page 8 with table 二's row 第二十条第（八）项. Headings, heading lines of a
    text and table 二's item rows keep with what follows."""
    report = load(example)
    doc = outline(report)
    heads = {b.text for b in doc.blocks if isinstance(b, Heading)}
    heads |= {b.text for b in doc.blocks if isinstance(b, Paragraph) and is_heading_line(b.text)}
    heads |= {c.text for c in table_grid(report, "proactive").cells if c.role == "block"}
    heads = {unicodedata.normalize("NFKC", h).replace(" ", "") for h in heads}
    pages = _browser_pages(report, tmp_path)
    assert len(pages) > 5
    ends = [(n, lines[-1]) for n, lines in enumerate(pages[:-1], start=1) if lines and lines[-1] in heads]
    assert ends == []
    on = [n for n, lines in enumerate(pages) if "三、收到和处理政府信息公开申请情况" in lines]
    assert len(on) == 1 and any(line.startswith("一、本年新收政府信息公开申请数量") for line in pages[on[0]])
    assert "第二十条第(八)项" in heads


# --- new_report(previous=…) given a file name -----------------------------------------------------------------------


NOT_A_FILE = "previous must be last year's report, not the file name"


@pytest.mark.parametrize(
    ("previous", "message"),
    [
        ("2025年报.pdf", f"{NOT_A_FILE} '2025年报.pdf': give read('2025年报.pdf').report"),
        (Path("2025.json"), f"{NOT_A_FILE} '2025.json': give load('2025.json')"),
        (
            {"format": "2021"},
            "previous must be last year's report (an AnnualReport, from load(…) or read(…).report); "
            "got {'format': '2021'} (dict)",
        ),
    ],
)
def test_new_report_given_a_file_name_as_previous_says_how_to_read_it(previous: Any, message: str) -> None:
    """``new_report("…", 2026, previous="2025年报.pdf")`` failed deep inside with ``AttributeError: 'str' object
    has no attribute 'meta'``."""
    with pytest.raises(AuthoringTypeError) as raised:
        new_report("沭阳县人民政府", 2026, previous=previous)
    assert str(raised.value) == message
    assert error_text(raised.value, "zh").startswith("previous 须为上一年度的报告")


def test_new_report_from_a_published_document_read_first(tmp_path: Path) -> None:
    """The tutorial's way with last year's Word file: read it, then start from its report."""
    word = write(load(SHUYANG), tmp_path / "2025年报.docx")
    started = new_report("沭阳县人民政府", 2026, previous=read(word).report)
    assert started == new_report("沭阳县人民政府", 2026, previous=load(SHUYANG))


def test_fill_takes_the_agency_and_year_from_the_report_when_the_workbook_lost_its_metadata_sheet(
    tmp_path: Path,
) -> None:
    """A workbook whose 基本信息 sheet was deleted names no agency or year: ``read`` refuses it without --year and
    --agency, ``fill`` has them from the report."""
    started = new_report("沭阳县人民政府", 2026, previous=load(SHUYANG))
    (tmp_path / "2026.json").write_text(dumps(started), encoding="utf-8")

    def fill(book: Any) -> None:
        _fill_workbook(book)
        book.remove(book["基本信息"])

    template = write(started, tmp_path / "2026年报.xlsx")
    book = load_workbook(template)
    fill(book)
    book.save(tmp_path / "filled.xlsx")
    report, workbook = str(tmp_path / "2026.json"), str(tmp_path / "filled.xlsx")
    assert main(["fill", report, workbook, "-o", report]) == 0
    year = load(tmp_path / "2026.json")
    assert (year.meta, year.preamble) == (started.meta, started.preamble)
    assert (year.applications.new.total, year.applications.results.total.total) == (40, 71)
    assert read(tmp_path / "filled.xlsx", year=2026, agency="沭阳县人民政府").warnings == ()  # a template still


# --- started for another agency name: the preamble names the new one -----------------------------------------------

PANZHOU = ROOT / "examples" / "panzhou-rural-revitalization-2023.json"


def test_a_report_started_for_a_renamed_agency_does_not_name_the_old_one_in_its_preamble() -> None:
    """``new_report("盘州市农业农村局", 2024, previous=盘州市乡村振兴局's 2023 report)`` carried the preamble as it was:
    ``现公布盘州市乡村振兴局2024年政府信息公开工作年度报告`` under the new agency's title."""
    last = load(PANZHOU)
    assert last.preamble.count("盘州市乡村振兴局") == 3
    started = new_report("盘州市农业农村局", 2024, previous=last)
    assert "盘州市乡村振兴局" not in started.preamble
    assert "现公布盘州市农业农村局2024年政府信息公开工作年度报告" in started.preamble
    assert started.preamble.count("盘州市农业农村局") == 3
    assert "统计时限为2024年1月1日至2024年12月31日" in started.preamble
    same = new_report("盘州市乡村振兴局", 2024, previous=last)
    assert same.preamble == started.preamble.replace("盘州市农业农村局", "盘州市乡村振兴局")
