"""``markdown``: headings and pipe tables.

Pipe tables cannot merge cells, so headers are flattened: a column is named by its header path joined with " / "
(``法人或其他组织 / 商业企业``) and a row by its label path joined with " / " (``三、本年度办理结果 / （三）不予公开 /
1.属于国家秘密``). Table 二 is one table per 第二十条 item; table 四 one row per band. A blank cell is written as
what was printed (an empty cell for an empty blank).
"""

from __future__ import annotations

import re
from typing import Any

from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport
from disclosure_report.model.paths import alternative_in_use
from disclosure_report.published.embedded import MARK, record
from disclosure_report.render.base import check_options
from disclosure_report.render.grid import printed_cell
from disclosure_report.render.outline import Heading, Paragraph, TableBlock, outline


def _esc(text: str) -> str:
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return _no_links(out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _no_links(text: str) -> str:
    """Link and image syntax made literal: ``[x](javascript:alert(1))`` must not become a live link. Escaping the
    brackets is enough (no ``[`` … ``]`` pair, no link, image or reference definition); ``<`` is escaped as
    ``&lt;`` elsewhere, so no autolink either. (Run after backslashes are escaped.)"""
    return text.replace("[", "\\[").replace("]", "\\]")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_esc(c) for c in cells) + " |"


def _tables(report: AnnualReport, key: str) -> list[str]:
    table = get_format(report.format).table(key)
    rows = table.rows_with(alternative_in_use(report, table))
    node = getattr(report, key)
    lines: list[str] = []

    def values(row: Any) -> list[str]:
        obj = node
        for k in row.path:
            obj = getattr(obj, k)
        return [printed_cell(obj, c.key) for c in row.columns.columns]

    if table.layout == "blocks":
        i = 0
        while i < len(rows):
            block = rows[i].labels[0]
            lines += ["", f"**{_esc(block)}**", ""]
            lines.append(_row([table.corner or "", *[c.label for c in rows[i].columns.columns]]))
            lines.append(_row(["---"] * (1 + len(rows[i].columns.columns))))
            while i < len(rows) and rows[i].labels[0] == block:
                lines.append(_row([rows[i].label, *values(rows[i])]))
                i += 1
    else:
        columns = rows[0].columns.columns
        header = ["项目", *[" / ".join(c.headers[1:] if table.layout == "matrix" else c.headers) for c in columns]]
        lines += ["", _row(header), _row(["---"] * len(header))]
        for row in rows:
            lines.append(_row([" / ".join(row.labels), *values(row)]))
    return lines


class MarkdownRenderer:
    name = "markdown"
    media_type = "text/markdown"
    suffix = ".md"
    extras = None

    def render(self, report: AnnualReport, **options: Any) -> str:
        check_options(self.name, options, {"date_style"})
        doc = outline(report, date_style=options.get("date_style", "arabic"))
        lines = [f"<!-- {MARK} {record(report)} -->", "", f"# {_esc_inline(doc.title)}", ""]
        for block in doc.blocks:
            if isinstance(block, Heading):
                lines += [f"{'##' if block.level == 1 else '###'} {_esc_inline(block.text)}", ""]
            elif isinstance(block, Paragraph):
                lines += [_esc_paragraph(block.text), ""]
            elif isinstance(block, TableBlock):
                if block.grid.key == "applications":
                    corner = get_format(report.format).table("applications").corner
                    lines += [_esc_paragraph(corner or ""), ""]
                lines += [*_tables(report, block.grid.key)[1:], ""]
        return "\n".join(lines).rstrip("\n") + "\n"


def _esc_paragraph(text: str) -> str:
    """A paragraph that Markdown shows as written (no accidental headings, lists, emphasis or HTML)."""
    escaped = _esc_inline(text)
    if escaped[:1] in "#>-+|=":
        return "\\" + escaped
    return _LIST_NUMBER.sub(r"\1\\\2", escaped, count=1)  # "1. x" is a list item, "1\. x" is text


def _esc_inline(text: str) -> str:
    out = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
    return _no_links(out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
