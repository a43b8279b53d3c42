"""The PDF reader: the published 洪泽 2024 PDF figure by figure, PDFs printed by LibreOffice and Chromium read back to
the report they were printed from, hostile PDFs, and the kinds of document no reader reads."""

from __future__ import annotations

import io
import json
import random
import re
import sys
import time
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from disclosure_report import (
    BLANK,
    AnnualReport,
    Blank,
    cell_values,
    get_format,
    iter_cells,
    load,
    new_report,
    replace_value,
)
from disclosure_report.read import ReadError, detect, get_reader, read
from disclosure_report.read.pdf import MAX_CONTENT, MAX_PAGES, NO_TEXT_LAYER, PdfReader, pdf_lines
from disclosure_report.read.pdf.text import line_text
from disclosure_report.render import render
from test_read_fixtures import _expected_cells
from tools import office_convert, print_to_pdf

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
HONGZE = FIXTURES / "real" / "huaian-hongze-district-2024.pdf"
EXPECTED = json.loads((FIXTURES / "expected-pdf.json").read_text(encoding="utf-8"))[0]

TABLE2_ROWS = {
    "rules": "规章",
    "licensing": "行政许可",
    "punishment": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
}
"""expected-pdf.json's names for the rows of table 二 → their printed labels (行政规范性文件: given in the entry)."""


def _table2_cells(entry: dict[str, Any]) -> dict[str, Any]:
    """The cells of table 二 in ``entry``, by the declaration's rows (found by label) and columns (by header)."""
    table = get_format(entry["format_version"]).table("proactive")
    t2 = entry["table2"]
    labels = TABLE2_ROWS | {"normative_documents": t2["normative_row_label"]}
    out: dict[str, Any] = {}
    for key, label in labels.items():
        row = next(r for r in table.rows if r.label == label)
        values = t2[key] if isinstance(t2[key], list) else [t2[key]]
        columns = (
            [next(c for c in row.columns.columns if header in c.headers) for header in t2["columns"]]
            if len(values) > 1
            else list(row.columns.columns)
        )
        for column, value in zip(columns, values, strict=True):
            number = Decimal(value) if column.kind == "money" else value
            out[".".join((table.key, *row.path, column.key))] = BLANK if value is None else number
    return out


# --- the published PDF --------------------------------------------------------------------------------------------


def _check_hongze(result: Any) -> None:
    r = result.report
    assert r.format == EXPECTED["format_version"]
    assert r.meta.year == EXPECTED["report_year"]
    assert r.meta.agency == EXPECTED["agency"].split("（")[0]  # the entry adds a note in brackets
    assert r.meta.title is not None and r.meta.title.endswith(re.sub(r"\s+", "", EXPECTED["title_as_printed"]))
    period = EXPECTED["period"]
    assert r.meta.period is not None
    assert (r.meta.period.start.isoformat(), r.meta.period.end.isoformat()) == (period["start"], period["end"])
    got = cell_values(r)
    expected = _expected_cells(EXPECTED) | _table2_cells(EXPECTED)
    assert {k: got[k] for k in expected} == expected
    t4 = EXPECTED["table4"]
    assert (r.review_litigation.review.total, r.review_litigation.litigation_direct.total) == (
        t4["review_total"],
        t4["direct_litigation_total"],
    )
    assert r.review_litigation.litigation_after_review.total == t4["post_review_litigation_total"]
    # the one defect of the PDF: a row label printed with characters left out, read with a warning saying so
    assert [w.cell_path for w in result.warnings] == ["applications.results.denied.prohibited_by_law.natural_person"]
    assert "2.其他法律行政止公开" in result.warnings[0].message


def test_every_figure_of_the_published_pdf_through_the_class() -> None:
    _check_hongze(PdfReader().read(HONGZE.read_bytes(), source=str(HONGZE)))


def test_every_figure_of_the_published_pdf_through_read() -> None:
    assert detect(HONGZE.read_bytes(), ".pdf") == "pdf"
    _check_hongze(read(HONGZE))


def test_page_furniture_dropped_and_paragraphs_joined_in_reading_order() -> None:
    lines, damaged = pdf_lines(HONGZE.read_bytes())
    texts = [line.text for line in lines]
    assert damaged == []
    assert not any(re.fullmatch(r"-\s*\d+\s*-", t) for t in texts)  # "- 1 -" … "- 5 -" at the foot of each page
    # the title's two lines stay apart; "2024年" as typed (Word only set the digits apart, no space is printed)
    assert texts[:2] == ["淮安市洪泽区人民政府", "2024年政府信息公开工作年度报告"]
    # a paragraph broken over six lines is one line again; headings stay lines of their own
    assert texts[2].startswith("本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》")
    assert texts[2].endswith("电话：0517-87290606）。")
    assert texts[3] == "一、总体情况" and texts[5].startswith("（一）主动公开情况。主要通过政府门户网站")
    # the paragraph running from page 4 onto page 5 is joined across the page break
    r = PdfReader().read(HONGZE.read_bytes()).report
    assert "答复书模板，使各行政机关答复的方式" in r.problems
    # tables in their place: 二 between its heading and 三's, table 三 continued on page 4 is just more rows
    heading_2, heading_3 = texts.index("二、主动公开政府信息情况"), texts.index("三、收到和处理政府信息公开申请情况")
    assert all(line.cells is not None for line in lines[heading_2 + 1 : heading_3])
    rows = [line.cells for line in lines[heading_3 + 1 :] if line.cells is not None]
    assert ("", "", "2.没有现成信息需要另行制作", "1", "0", "0", "0", "0", "0", "1") in rows  # first row on page 4
    # merged header cells repeat across their columns; wrapped cell text is joined
    assert rows[0][:3] == ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",) * 3
    assert rows[2][4:9] == ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    assert r.overview.on_request.endswith("均已在法定期限内予以答复。")


# --- PDFs printed from our own renderers ---------------------------------------------------------------------------


def _generated(agency: str, year: int, seed: int) -> AnnualReport:
    """A report with every cell drawn at random (counts of any size, signed and money values, blank marks)."""
    rng = random.Random(seed)
    report = new_report(agency, year)
    for cell, _ in list(iter_cells(report)):
        roll = rng.random()
        if roll < 0.1:
            value: Any = Blank(rng.choice(["", "-", "—", "/", "无"]))
        elif cell.kind == "money":
            value = Decimal(rng.randrange(0, 10**8)).scaleb(-rng.randrange(0, 4))
        elif cell.kind == "signed":
            value = rng.randrange(-5000, 5000)
        else:
            value = rng.choice([0, rng.randrange(1, 10), rng.randrange(10, 10**7)])
        report = replace_value(report, cell.path, value)
    return report


def _sources() -> dict[str, AnnualReport]:
    reports = {p.stem: load(p) for p in sorted((ROOT / "examples").glob("*.json"))}
    reports["generated-2021"] = _generated("某市测试局", 2022, seed=18)
    reports["generated-2019"] = _generated("某区人民政府办公室", 2019, seed=5)
    return reports


@pytest.fixture(scope="module")
def office_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice user profile for the module: made on the first run, reused (faster) after."""
    return tmp_path_factory.mktemp("libreoffice")


@pytest.fixture(scope="module")
def office_pdfs(
    tmp_path_factory: pytest.TempPathFactory, office_profile: Path
) -> dict[str, tuple[AnnualReport, bytes]]:
    """Each report rendered to Word and printed to PDF by LibreOffice, once per session (one LibreOffice run)."""
    folder = tmp_path_factory.mktemp("office")
    reports = _sources()
    for name, report in reports.items():
        (folder / f"{name}.docx").write_bytes(bytes(render(report, "docx")))
    office_convert(office_profile, "pdf", folder / "pdf", [folder / f"{name}.docx" for name in reports])
    return {name: (report, (folder / "pdf" / f"{name}.pdf").read_bytes()) for name, report in reports.items()}


@pytest.fixture(scope="module")
def browser_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[AnnualReport, bytes]]:
    """Each report rendered to HTML and printed to PDF by headless Chromium (with its default page header and
    footer: date, title, file URL, page numbers), once per session. One browser start per page: the slow part."""
    folder = tmp_path_factory.mktemp("browser")
    out = {}
    for name, report in _sources().items():
        page = folder / f"{name}.html"
        page.write_text(str(render(report, "html")), encoding="utf-8")
        out[name] = (report, print_to_pdf(page, folder))
    return out


def _same_report(source: AnnualReport, pdf: bytes) -> None:
    result = PdfReader().read(pdf, source="printed.pdf")
    r = result.report
    assert (r.format, r.meta.agency, r.meta.year) == (source.format, source.meta.agency, source.meta.year)
    assert cell_values(r) == cell_values(source)


NAMES = sorted(_sources())


@pytest.mark.office
@pytest.mark.parametrize("name", NAMES)
def test_word_printed_by_libreoffice_reads_back(name: str, office_pdfs: dict[str, tuple[AnnualReport, bytes]]) -> None:
    _same_report(*office_pdfs[name])


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_html_printed_by_chromium_reads_back(name: str, browser_pdfs: dict[str, tuple[AnnualReport, bytes]]) -> None:
    _same_report(*browser_pdfs[name])


@pytest.mark.office
@pytest.mark.parametrize("name", ["shuyang-county-gov-2025", "shanghai-gov-office-2019", "generated-2021"])
def test_the_text_reads_back_as_typed(name: str, office_pdfs: dict[str, tuple[AnnualReport, bytes]]) -> None:
    """LibreOffice sets Chinese apart from digits (``2025年`` prints like ``2025 年``) without printing a space:
    the text reads back as typed — ``从2025年1月1日``, ``〔2021〕30号`` — not with a space at every such gap."""
    source, pdf = office_pdfs[name]
    report = PdfReader().read(pdf, source="printed.pdf").report
    assert (report.preamble, report.problems) == (source.preamble, source.problems)


def _char(text: str, x0: float, size: float = 16.0) -> dict[str, Any]:
    width = size if text >= "\u2e80" else size * 0.6
    return {"text": text, "x0": x0, "x1": x0 + width, "top": 100.0, "bottom": 100.0 + size, "size": size}


def _spaced_out(*parts: tuple[str, float]) -> list[dict[str, Any]]:
    """Characters set one after another, each part ``(text, gap before it)``."""
    chars: list[dict[str, Any]] = []
    x = 72.0
    for text, gap in parts:
        for k, ch in enumerate(text):
            x += gap if k == 0 else 0.0
            chars.append(_char(ch, x))
            x = chars[-1]["x1"]
    return chars


def test_a_gap_between_chinese_and_figures_is_no_space_unless_one_is_printed() -> None:
    autospace = _spaced_out(("第", 0), ("711", 4.0), ("号", 4.0))  # a quarter of the size: a word processor's gap
    assert line_text("第 711 号", autospace, []) == "第711号"
    typed = autospace[3]["x1"] + 0.5  # a space printed between 711 and 号
    space = {"text": " ", "x0": typed, "x1": typed + 3.0, "top": 100.0, "bottom": 116.0, "size": 16.0}
    assert line_text("第 711 号", autospace, [space]) == "第711 号"
    wide = _spaced_out(("第", 0), ("711", 9.0), ("号", 4.0))  # over half the size apart: a space
    assert line_text("第 711 号", wide, []) == "第 711号"
    latin = _spaced_out(("ABC", 0), ("def", 4.0), ("年", 4.0))  # words of Latin script keep their space
    assert line_text("ABC def 年", latin, []) == "ABC def年"
    # characters that do not give back pdfplumber's text (a ligature it expanded): its text as it is
    assert line_text("file 2 年", _spaced_out(("ﬁle", 0), ("2", 4.0), ("年", 4.0)), []) == "file 2 年"


@pytest.mark.office
def test_the_pdf_renderer_reads_back_through_read() -> None:
    """``render(report, "pdf")`` (the Word file through LibreOffice, with page numbers ``— N —``) → ``read``."""
    source = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    result = read(bytes(render(source, "pdf")))
    assert (result.report.meta.agency, result.report.meta.year) == (source.meta.agency, source.meta.year)
    assert cell_values(result.report) == cell_values(source)


# --- hostile PDFs ----------------------------------------------------------------------------------------------


def _handmade(pages: list[bytes], resources: bytes = b"<< >>", *, flate: int | None = None) -> bytes:
    """A minimal PDF written byte by byte: one A4 page per content stream (page ``flate`` declares its stream
    Flate-compressed, whether it is or not)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for k, content in enumerate(pages, start=1):
        number = len(objects) + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources %s >>"
            % (number + 1, resources)
        )
        declared = b" /Filter /FlateDecode" if k == flate else b""
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), declared, content))
        kids.append(b"%d 0 R" % number)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


COURIER = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >>"


def _text(shown: list[tuple[float, float, str]]) -> bytes:
    """A content stream showing each text at (x, y) in 12 pt Courier (every character 7.2 pt wide)."""
    return b" ".join(b"BT /F1 12 Tf %.1f %.1f Td (%s) Tj ET" % (x, y, t.encode()) for x, y, t in shown)


def _flipped(data: bytes, *, keep_xref: bool) -> bytes:
    """Every 101st byte of the streams flipped (the cross-reference stream kept or not)."""
    out = bytearray(data)
    for m in re.finditer(rb"(?<!end)stream\r?\n", data):
        if keep_xref and b"/XRef" in data[data.rfind(b"obj", 0, m.start()) : m.start()]:
            continue
        for i in range(m.end() + 2, data.index(b"endstream", m.end()) - 2, 101):
            out[i] ^= 0x5A
    return bytes(out)


def _refused(data: bytes, match: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ReadError, match=match):
        PdfReader().read(data, source="hostile.pdf")
    assert time.perf_counter() - start < 20


def test_truncated_pdf() -> None:
    data = HONGZE.read_bytes()
    _refused(data[: len(data) // 2], r"^hostile\.pdf: not a readable PDF: .*ends too early \(truncated\?\)")


def test_damaged_streams() -> None:
    data = HONGZE.read_bytes()
    _refused(_flipped(data, keep_xref=True), r"^hostile\.pdf: a damaged PDF: the content of page 1 cannot be decoded")
    _refused(_flipped(data, keep_xref=False), r"^hostile\.pdf: a damaged PDF: ")
    _refused(b"%PDF-1.7\n" + bytes(range(256)) * 64, r"^hostile\.pdf: not a readable PDF: opening it failed: ")


def test_a_damaged_page_among_good_ones_is_a_warning() -> None:
    pages = [_text([(72, 700, "First page.")]), _text([(72, 700, "Second page.")])]
    lines, damaged = pdf_lines(_handmade(pages, COURIER, flate=2), "x.pdf")
    assert [line.text for line in lines] == ["First page."]
    assert [str(w) for w in damaged] == [
        f"page 2 of the PDF is damaged: its content ({len(pages[1])} bytes) cannot be decoded; "
        "what it showed is missing"
    ]
    with pytest.raises(ReadError, match=r"^x\.pdf: a damaged PDF: the content of page 1 cannot be decoded"):
        pdf_lines(_handmade(pages[:1], COURIER, flate=1), "x.pdf")


def _deflated(size: int) -> bytes:
    """``size`` spaces, Flate-compressed (some kilobytes per MiB), without holding them all at once."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    out = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*out, packer.compress(b" " * (size % len(chunk))), packer.flush()])


def test_decompression_bomb() -> None:
    bomb = _deflated(MAX_CONTENT + 1)
    _refused(_handmade([bomb], flate=1), rf"compressed streams expand to more than {MAX_CONTENT // 2**20} MiB")
    cut = _handmade([b"", bomb[: len(bomb) // 2], b""], flate=2)  # pdfminer would re-inflate it a byte at a time
    _refused(cut, r"^hostile\.pdf: a damaged PDF: its object \d+ is corrupted after \d+ bytes, too much to recover")


def test_many_empty_pages() -> None:
    _refused(_handmade([b""] * (MAX_PAGES + 1)), rf"more than {MAX_PAGES} pages")
    _refused(_handmade([b""] * 150), re.escape(NO_TEXT_LAYER))


def test_no_text_layer() -> None:
    drawing = b"0.5 w 72 72 m 500 700 l S 100 100 300 200 re f"
    image = b"q 200 0 0 200 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
    for pages in ([drawing], [image, drawing]):
        _refused(_handmade(pages), r"^hostile\.pdf: this PDF has no text layer \(a scan\?\); run OCR first")
    scanned = [image + b" " + _text([(280, 30, "- 1 -")]), image + b" " + _text([(280, 30, "- 2 -")])]
    _refused(
        _handmade(scanned, COURIER),
        r"^hostile\.pdf: this PDF has images and only 6 characters \(a scan\?\); run OCR first",
    )


@pytest.mark.office
def test_encrypted_pdf(tmp_path: Path, office_profile: Path) -> None:
    """LibreOffice writes the encrypted PDF (nothing else here can): about 10 s, LibreOffice starting."""
    docx = tmp_path / "report.docx"
    docx.write_bytes(bytes(render(load(ROOT / "examples" / "panzhou-rural-revitalization-2023.json"), "docx")))
    options = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}'
    office_convert(office_profile, f"pdf:writer_pdf_Export:{options}", tmp_path / "out", [docx])
    _refused(
        (tmp_path / "out" / "report.pdf").read_bytes(), r"^hostile\.pdf: this PDF is encrypted \(it needs a password"
    )


def test_furniture_and_paragraphs_of_a_handmade_pdf() -> None:
    """A running header and page numbers on three pages, a paragraph broken over lines, one running on over a page
    break, and a short line that ends its paragraph. Lines start at 72 pt, or 93.6 pt when indented; a line of 60
    characters (57 indented) reaches the right edge of the text, 504 pt."""

    def page(footer: str, body: list[tuple[float, float, str]]) -> bytes:
        return _text([(72, 810, "Annual report of the Bureau"), *body, (280, 30, footer)])

    pages = [
        page("- 1 -", [(93.6, 700, "Opening " + "x" * 49), (72, 685, "ends here."), (93.6, 670, "Second " + "y" * 50)]),
        page("- 2 -", [(72, 760, "runs on over the page."), (93.6, 745, "Short line"), (72, 730, "A new one.")]),
        page("Page 3 of 3", [(72, 760, "Last page, 3 of 3.")]),
    ]
    lines, _ = pdf_lines(_handmade(pages, COURIER))
    assert [line.text for line in lines] == [
        f"Opening {'x' * 49} ends here.",
        f"Second {'y' * 50} runs on over the page.",
        "Short line",
        "A new one.",
        "Last page, 3 of 3.",
    ]


def test_text_printed_twice_over_itself_is_read_once() -> None:
    """Word processors fake bold by printing each character again a fraction of a point aside."""
    body = "Body text, longer than the heading."
    shown = _text([(72, 700, "Heading in bold"), (72.3, 700.2, "Heading in bold"), (72, 680, body)])
    lines, _ = pdf_lines(_handmade([shown], COURIER))
    assert [line.text for line in lines] == ["Heading in bold", body]


# --- kinds of document no reader reads -------------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def _zip(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "x.doc",
            OLE2,
            r"x\.doc: this is a Word 97–2003 \(\.doc\) file; save it as \.docx .* or as PDF, then read that",
        ),
        ("x.wps", OLE2, r"x\.wps: this is a WPS Writer \(\.wps\) file; save it as \.docx"),
        ("x.xls", OLE2, r"x\.xls: this is an Excel 97–2003 \(\.xls\) file; save it as \.xlsx"),
        ("word", OLE2 + "WordDocument".encode("utf-16-le"), r"word: this is a Word 97–2003 \(\.doc\) file"),
        ("sheet", OLE2 + "Workbook".encode("utf-16-le"), r"sheet: this is an Excel 97–2003 \(\.xls\) file"),
        ("x.ofd", _zip(["OFD.xml", "Doc_0/Document.xml"]), r"x\.ofd: this is an OFD file .*export it to PDF"),
        ("ofd", _zip(["OFD.xml"]), r"ofd: this is an OFD file"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64), r"scan\.png: this is an image \(PNG\).* must be OCR'd first"),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(64), r"this is an image \(JPEG\)"),
        ("scan.gif", b"GIF89a" + bytes(64), r"this is an image \(GIF\)"),
        ("scan.tif", b"II*\x00" + bytes(64), r"this is an image \(TIFF\)"),
        ("scan.tiff", b"MM\x00*" + bytes(64), r"this is an image \(TIFF\)"),
        ("scan.bmp", b"BM" + bytes(12) + (40).to_bytes(4, "little") + bytes(64), r"this is an image \(BMP\)"),
        ("scan.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(64), r"this is an image \(WebP\)"),
    ],
)
def test_kinds_no_reader_reads_are_named(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message) as caught:
        read(path)
    assert "UTF-8" not in str(caught.value)


def test_text_that_starts_like_a_bitmap_is_still_text() -> None:
    assert detect(b"BM is a plain text line, not a bitmap\n") == "text"


def test_missing_pdfplumber_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_report.read import registry

    monkeypatch.setattr(registry, "_LOADED", {})
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber → ModuleNotFoundError
    for module in [m for m in sys.modules if m.startswith("disclosure_report.read.pdf")]:
        monkeypatch.delitem(sys.modules, module)  # imported again: from the start, without pdfplumber
    with pytest.raises(
        ReadError, match=r"needs pdfplumber, which is not installed: pip install 'disclosure-report\[pdf\]'"
    ):
        get_reader("pdf")
    with pytest.raises(ReadError, match=r"pip install 'disclosure-report\[pdf\]'"):
        read(HONGZE.read_bytes())
