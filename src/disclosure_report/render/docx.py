"""``docx``: an A4 Word document in the customary official style, with the tables' real merged cells, that prints
right.

Named styles: 标题 (方正小标宋简体/宋体, 二号 22pt, centred), 一级标题 (黑体, 三号 16pt), 二级标题 (楷体, 三号, bold),
正文 (仿宋_GB2312, 三号 16pt, first-line indent 2 characters), 表格 (宋体, 五号 10.5pt, 小五 9pt for table 三),
margins 37/35/28/26 mm (top/bottom/left/right, after GB/T 9704), fixed 28.95 pt lines, page numbers ``— N —``.
Table 三 is set in 小五 so its ten columns fit on A4 portrait.

The page, the styles and the footers are made once (:mod:`.docx_package`); each report writes only its body,
built as XML (:mod:`.docx_xml`).
"""

from __future__ import annotations

import re
from typing import Any

from disclosure_report.errors import Phrase
from disclosure_report.jsonio.convert import unstructure
from disclosure_report.model import AnnualReport
from disclosure_report.published.embedded import record
from disclosure_report.render.base import RenderError, check_options
from disclosure_report.render.docx_package import (
    SMALL_TABLE_PT,
    TABLE_PT,
    TEXT_WIDTH_MM,
    TITLE_PT,
    new_document,
    package,
    template,
)
from disclosure_report.render.docx_xml import broken_paragraph, paragraph, table
from disclosure_report.render.grid import Grid
from disclosure_report.render.outline import Heading, Paragraph, TableBlock, is_heading_line, outline
from disclosure_report.render.title_lines import title_lines

PT_PER_MM = 72 / 25.4
TITLE_LINE_EM = TEXT_WIDTH_MM * PT_PER_MM / TITLE_PT
"""How many ems of the title (标题, 二号) a line of the text block holds: 20.1."""

CORE_PROPERTY_LIMIT = 255
"""Characters a Word core property (title, author) holds at most (Word and python-docx refuse more)."""


def _core_property(text: str) -> str:
    """``text`` cut to fit a core property, marked with … when cut."""
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"


def column_widths(grid: Grid) -> list[float]:
    """Column widths in mm: label columns wide enough for their labels, data columns share the rest."""
    data_columns = {c.col for c in grid.cells if c.role == "data"}
    labels = sorted({c.col for c in grid.cells if c.role in ("label", "corner")} - data_columns)
    label_mm = {1: [40.0], 2: [16.0, 34.0], 3: [14.0, 20.0, 40.0]}.get(len(labels), [])
    rest = (TEXT_WIDTH_MM - sum(label_mm)) / max(1, grid.n_cols - len(label_mm))
    return label_mm + [rest] * (grid.n_cols - len(label_mm))


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _check_text(report: AnnualReport) -> None:
    """Word files are XML: a control character in any text cannot be written. Say where, before writing."""
    found: list[Phrase] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            m = _NOT_IN_XML.search(value)
            if m:
                found.append(Phrase("render.control_at", path=path, code=f"{ord(m.group()):04X}", position=m.start()))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(unstructure(report), "")
    if found:
        places = tuple(found[:10])
        if len(found) > 10:
            raise RenderError.keyed("render.docx_control_more", places=places, more=len(found) - 10)
        raise RenderError.keyed("render.docx_control", places=places)


class DocxRenderer:
    name = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffix = ".docx"
    extras = "docx"

    def render(self, report: AnnualReport, **options: Any) -> bytes:
        check_options(self.name, options, {"date_style"})
        _check_text(report)
        doc = outline(report, date_style=options.get("date_style", "arabic"))
        ids = template().style_ids
        styles = {"body": "正文", "note": "表格", "date": "日期", "closing": "落款"}
        root, body = new_document()
        broken_paragraph(body, title_lines(doc.title, TITLE_LINE_EM), ids["标题"])
        for block in doc.blocks:
            if isinstance(block, Heading):
                paragraph(body, block.text, ids["一级标题" if block.level == 1 else "二级标题"])
            elif isinstance(block, Paragraph):
                keep = block.role == "body" and is_heading_line(block.text)  # never alone at the foot of a page
                paragraph(body, block.text, ids[styles[block.role]], keep_next=keep)
            elif isinstance(block, TableBlock):
                grid = block.grid
                small = grid.n_cols > 8
                style = ids["表格小" if small else "表格"]
                widths = column_widths(grid)
                table(
                    body,
                    grid,
                    widths,
                    style,
                    table_style=ids["Table Grid"],
                    repeat_rows=grid.header_rows,
                    font_pt=SMALL_TABLE_PT if small else TABLE_PT,
                )
                paragraph(body, "", ids["正文"])
        title, author = _core_property(doc.title), _core_property(report.meta.agency)  # the body keeps the full text
        return package(root, title=title, author=author, record=record(report))
