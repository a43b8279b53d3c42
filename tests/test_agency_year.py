"""An agency's year as a clerk lives it, checked where it went wrong: from last year's report to a filled
workbook, read back, and printed as a Word file, a PDF and a web page.

Each test here is the regression test of something found by walking ``docs/tutorial.md`` and ``docs/render.md``
as a clerk would; the layout ones read the files' content (the Word file's XML, the PDF's words with pdfplumber).
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from lxml import etree

from disclosure_report import AnnualReport, iter_cells, new_report, replace_value, with_totals
from disclosure_report.render import render
from disclosure_report.render.docx_package import SMALL_TABLE_PT
from disclosure_report.render.docx_xml import DATA_MARGIN_TWIPS, LATIN_EM

ROOT = Path(__file__).parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


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
