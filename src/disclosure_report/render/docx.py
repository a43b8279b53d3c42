"""``docx``: an A4 Word document in the customary official style, with the tables' real merged cells.

Named styles: 标题 (方正小标宋简体/宋体, 二号 22pt, centred), 一级标题 (黑体, 三号 16pt), 二级标题 (楷体, 三号, bold),
正文 (仿宋_GB2312, 三号 16pt, first-line indent 2 characters), 表格 (宋体, 五号 10.5pt, 小五 9pt for table 三),
margins 37/35/28/26 mm (top/bottom/left/right, after GB/T 9704). Table 三 is set in 小五 so its ten columns fit
on A4 portrait.
"""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from disclosure_report.convert import unstructure
from disclosure_report.embedded import MARK, record
from disclosure_report.model import AnnualReport
from disclosure_report.render.base import RenderError, check_options
from disclosure_report.render.grid import Grid
from disclosure_report.render.outline import Heading, Paragraph, TableBlock, outline

FONTS = {"title": "方正小标宋简体", "h1": "黑体", "h2": "楷体", "body": "仿宋_GB2312", "table": "宋体"}
LATIN = "Times New Roman"


def _font(style_or_run: Any, east_asian: str, size: float, bold: bool = False) -> None:
    font = style_or_run.font
    font.name = LATIN
    font.size = Pt(size)
    font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)


def _styles(document: Any) -> None:
    styles = document.styles
    specs = [
        ("标题", FONTS["title"], 22, True, WD_ALIGN_PARAGRAPH.CENTER, 0),
        ("一级标题", FONTS["h1"], 16, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
        ("二级标题", FONTS["h2"], 16, True, WD_ALIGN_PARAGRAPH.LEFT, 0),
        ("正文", FONTS["body"], 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
        ("日期", FONTS["body"], 16, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
        ("落款", FONTS["body"], 16, False, WD_ALIGN_PARAGRAPH.RIGHT, 0),
        ("表格", FONTS["table"], 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
        ("表格小", FONTS["table"], 9, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    ]
    for name, east, size, bold, align, indent in specs:
        style = styles.add_style(name, 1)  # 1 = paragraph style
        style.base_style = styles["Normal"]
        _font(style, east, size, bold)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(size * indent)


TEXT_WIDTH_MM = 210 - 28 - 26


def _widths(grid: Grid) -> list[float]:
    """Column widths in mm: label columns wide enough for their labels, data columns share the rest."""
    data_columns = {c.col for c in grid.cells if c.role == "data"}
    labels = sorted({c.col for c in grid.cells if c.role in ("label", "corner")} - data_columns)
    label_mm = {1: [40.0], 2: [16.0, 34.0], 3: [14.0, 20.0, 40.0]}.get(len(labels), [])
    rest = (TEXT_WIDTH_MM - sum(label_mm)) / max(1, grid.n_cols - len(label_mm))
    return label_mm + [rest] * (grid.n_cols - len(label_mm))


def _table(document: Any, grid: Grid) -> None:
    style = "表格小" if grid.n_cols > 8 else "表格"
    table = document.add_table(rows=grid.n_rows, cols=grid.n_cols)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    widths = _widths(grid)
    for k, column in enumerate(table.columns):
        column.width = Mm(widths[k])
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            cell.width = Mm(widths[k])
    for c in grid.cells:
        cell = table.cell(c.row, c.col)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.style = document.styles[style]
        if c.role == "label":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.add_run(c.text)


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _check_text(report: AnnualReport) -> None:
    """Word files are XML: a control character in any text cannot be written. Say where, before writing."""
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            m = _NOT_IN_XML.search(value)
            if m:
                found.append(f"{path} (U+{ord(m.group()):04X} at position {m.start()})")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(unstructure(report), "")
    if found:
        raise RenderError(
            "a Word file cannot hold control characters; remove them from: "
            + "; ".join(found[:10])
            + (f" and {len(found) - 10} more" if len(found) > 10 else "")
        )


CORE_PROPERTY_LIMIT = 255
"""Characters a Word core property (title, author) holds at most (python-docx refuses more)."""


def _core_property(text: str) -> str:
    """``text`` cut to fit a core property, marked with … when cut."""
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"


CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def _embed_record(document: Any, report: AnnualReport) -> None:
    """The metadata record as a custom document property (File › Properties › Custom in Word)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_PROPERTIES}" xmlns:vt="{VT}">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{MARK}">'
        f"<vt:lpwstr>{xml_escape(record(report))}</vt:lpwstr></property></Properties>"
    )
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


class DocxRenderer:
    name = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffix = ".docx"
    extras = "docx"

    def render(self, report: AnnualReport, **options: Any) -> bytes:
        check_options(self.name, options, {"date_style"})
        _check_text(report)
        doc = outline(report, date_style=options.get("date_style", "arabic"))
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        _styles(document)
        document.core_properties.title = _core_property(doc.title)  # the body keeps the full text
        document.core_properties.author = _core_property(report.meta.agency)
        _embed_record(document, report)
        document.add_paragraph(doc.title, style="标题")
        styles = {"body": "正文", "note": "表格", "date": "日期", "closing": "落款"}
        for block in doc.blocks:
            if isinstance(block, Heading):
                document.add_paragraph(block.text, style="一级标题" if block.level == 1 else "二级标题")
            elif isinstance(block, Paragraph):
                document.add_paragraph(block.text, style=styles[block.role])
            elif isinstance(block, TableBlock):
                _table(document, block.grid)
                document.add_paragraph("", style="正文")
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
