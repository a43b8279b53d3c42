"""``xlsx``: the three tables, one sheet each (表二, 表三, 表四), merged headers, numbers as numbers.

Counts are written as integers. Money is written as an exact decimal number: openpyxl writes a ``Decimal`` with
all its digits (Excel itself keeps 15 significant digits when it computes). A blank cell stays empty; a blank that
printed a mark (``-``, ``无``) is written as that text. Every text is written as a string, never as a formula
(see :func:`_text_cell`).
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport, Blank
from disclosure_report.render.base import check_options
from disclosure_report.render.grid import Grid, table_grid


def _text_cell(cell: Any, text: str | None) -> None:
    """Write ``text`` into ``cell`` as a string, never as a formula: openpyxl makes any text beginning with ``=`` a
    formula, so a blank mark ``=cmd|'/C calc'!A`` would run when the workbook is opened. The data type is set to
    string explicitly after the value."""
    cell.value = text
    if text is not None:
        cell.data_type = "s"


_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _sheet(workbook: Any, title: str, grid: Grid, heading: str) -> None:
    ws = workbook.create_sheet(title)
    top = ws.cell(1, 1)
    _text_cell(top, heading)
    top.font = Font(bold=True)
    offset = 2
    for c in grid.cells:
        row, col = c.row + offset, c.col + 1
        cell = ws.cell(row, col)
        if c.role == "data":
            value = c.value
            if isinstance(value, (int, Decimal)):
                cell.value = value  # numbers stay numbers
            else:
                _text_cell(cell, (value.printed if isinstance(value, Blank) else str(value)) or None)
        else:
            _text_cell(cell, c.text)
        cell.alignment = Alignment(
            horizontal="left" if c.role == "label" else "center", vertical="center", wrap_text=True
        )
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + c.rowspan - 1, end_column=col + c.colspan - 1)
    for r in range(offset, offset + grid.n_rows):
        for k in range(1, grid.n_cols + 1):
            ws.cell(r, k).border = _BORDER
    for k in range(1, grid.n_cols + 1):
        ws.column_dimensions[get_column_letter(k)].width = 16 if grid.key != "review_litigation" else 10


class XlsxRenderer:
    name = "xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    suffix = ".xlsx"
    extras = "xlsx"

    def render(self, report: AnnualReport, **options: Any) -> bytes:
        check_options(self.name, options, set())
        workbook = Workbook()
        default = workbook.active
        if default is not None:
            workbook.remove(default)
        fmt = get_format(report.format)
        for section in fmt.sections:
            if section.table is not None:
                _sheet(workbook, f"表{section.number}", table_grid(report, section.table.key), section.heading)
        workbook.properties.title = report.meta.title or ""
        workbook.properties.creator = report.meta.agency
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
