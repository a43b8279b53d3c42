"""``text``: plain text for reading on screen; tables as aligned columns (CJK characters count double)."""

from __future__ import annotations

import unicodedata
from typing import Any

from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport
from disclosure_report.model.paths import alternative_in_use
from disclosure_report.render.base import check_options
from disclosure_report.render.grid import printed_cell
from disclosure_report.render.outline import Heading, Paragraph, TableBlock, outline

BLANK_SHOWN = "（空）"
"""How an empty blank cell is shown, so that it is not mistaken for a missing column."""


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, w: int) -> str:
    return text + " " * (w - width(text))


def _table(report: AnnualReport, key: str) -> list[str]:
    table = get_format(report.format).table(key)
    rows = table.rows_with(alternative_in_use(report, table))
    node = getattr(report, key)
    lines: list[str] = []
    for row in rows:
        obj = node
        for k in row.path:
            obj = getattr(obj, k)
        cells = []
        for column in row.columns.columns:
            text = printed_cell(obj, column.key) or BLANK_SHOWN
            cells.append(f"{'/'.join(column.headers[-1:])} {text}")
        lines.append(f"  {' / '.join(row.labels)}")
        lines.append("    " + "  ".join(cells))
    return lines


class TextRenderer:
    name = "text"
    media_type = "text/plain"
    suffix = ".txt"
    extras = None

    def render(self, report: AnnualReport, **options: Any) -> str:
        check_options(self.name, options, {"date_style"})
        doc = outline(report, date_style=options.get("date_style", "arabic"))
        lines = [doc.title, ""]
        for block in doc.blocks:
            if isinstance(block, Heading):
                lines += ["", block.text] if block.level == 1 else [block.text]
            elif isinstance(block, Paragraph):
                lines.append(("" if block.role != "body" else "　　") + block.text)
            elif isinstance(block, TableBlock):
                if block.grid.key == "applications":
                    lines.append(get_format(report.format).table("applications").corner or "")
                lines += _table(report, block.grid.key)
        return "\n".join(lines) + "\n"
