"""``xlsx``: the report as a fillable spreadsheet template — the metadata on sheet 基本信息, then one sheet per
table (表二, 表三, 表四) in the official layout with its merged cells.

The sheets are protected (no password): labels and headers are locked, the number cells are unlocked and accept
only what the cell holds (counts: whole numbers ≥ 0; money: a decimal ≥ 0, shown with 4 decimals). Every 总计 the
format declares is a ``=SUM(...)`` of its parts, with the report's stated total saved as its result. Money is
written as an exact decimal number; a blank cell stays empty, a blank that printed a mark (``-``, ``无``) holds that
mark as text. Every text goes in as text, never as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from operator import attrgetter
from typing import Any, get_args

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_report.formats import Section, get_format
from disclosure_report.jsonio.convert import unstructure
from disclosure_report.model import AnnualReport, Blank
from disclosure_report.model.meta import Scope
from disclosure_report.model.paths import alternative_in_use
from disclosure_report.render import xlsx_meta
from disclosure_report.render.base import RenderError, check_options
from disclosure_report.render.grid import Grid, table_grid
from disclosure_report.render.xlsx_cache import with_results
from disclosure_report.render.xlsx_sums import coordinate, declared_sums, formulas

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT = PatternFill("solid", fgColor="FFF9E5")
_TOTAL = PatternFill("solid", fgColor="EEEEEE")
_UNLOCKED = Protection(locked=False)
GRID_TOP = 2
"""The sheet row the table's grid starts on (row 1 holds the section heading)."""
_FORMATS = {"count": "0", "signed": "0", "money": "0.0000"}
_SCOPES = get_args(Scope)


def _text(cell: Cell, text: str, where: str) -> None:
    """Put ``text`` in ``cell`` as a string, never a formula (a leading ``=`` stays text)."""
    try:
        cell.value = text
    except IllegalCharacterError:
        raise RenderError.keyed("render.xlsx_control", where=where, text=text) from None
    cell.data_type = "s"


def _validations(kind: str) -> DataValidation:
    if kind == "money":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        dv.error = "金额：大于或等于 0 的数，最多 4 位小数"
    elif kind == "signed":
        dv = DataValidation(type="whole")
        dv.operator, dv.formula1, dv.formula2 = "between", "-1000000000", "1000000000"
        dv.error = "整数（可为负数）"
    else:
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        dv.error = "件数：大于或等于 0 的整数"
    dv.allow_blank = True
    dv.showErrorMessage = True
    dv.errorTitle = "数值不符合格式"
    return dv


def _number_cell(cell: Cell, value: Any, where: str) -> None:
    if type(value) is int or type(value) is Decimal:
        cell.value = value
    elif isinstance(value, Blank):
        if value.printed:
            _text(cell, value.printed, where)
    else:  # not a number and not a blank: a cell the report could not read
        cell.value = None


def sheet_name(section: Section) -> str:
    """The sheet a table's section is drawn on: 表二, 表三, 表四."""
    return f"表{section.number}"


def template_cells(report: AnnualReport) -> dict[str, tuple[str, str]]:
    """Where each cell of ``report`` stands in its template: cell path → (sheet, coordinate) — for software that
    fills the template.

    >>> from disclosure_report import new_report
    >>> template_cells(new_report("某局", 2025))["applications.new.natural_person"]
    ('表三', 'D5')
    """
    out: dict[str, tuple[str, str]] = {}
    for section in get_format(report.format).sections:
        if section.table is not None:
            for c in table_grid(report, section.table.key).cells:
                if c.path is not None:
                    out[c.path] = (sheet_name(section), coordinate((c.row + GRID_TOP, c.col + 1)))
    return out


def _printed_unit(report: AnnualReport, path: str) -> str:
    """The unit stored beside the cell at ``path`` (2019 采购总金额's ``amount_unit``: ``元``) as a number format
    prints it after the number (``"元"``); ``""`` for none. The number stays a number; the reader takes the unit
    back from the format."""
    owner, _, column = path.rpartition(".")
    unit = getattr(attrgetter(owner)(report), f"{column}_unit", None)
    if not isinstance(unit, str) or not unit:
        return ""
    return f'"{unit}"' if '"' not in unit else "".join(f"\\{ch}" for ch in unit)


def _table_sheet(workbook: Workbook, report: AnnualReport, section: Section) -> dict[str, tuple[str, bool]]:
    """Draw one table; return the saved results of its 总计 formulas (coordinate → (text, is a number))."""
    assert section.table is not None
    table = section.table
    grid = table_grid(report, table.key)
    title = sheet_name(section)
    ws = workbook.create_sheet(title)
    _text(ws.cell(1, 1), section.heading, title)
    ws.cell(1, 1).font = Font(bold=True)
    where = {c.path: (c.row + GRID_TOP, c.col + 1) for c in grid.cells if c.path is not None}
    rows = table.rows_with(alternative_in_use(report, table))
    sums = formulas(declared_sums(table, rows), where)
    kinds = {".".join((table.key, *row.path, c.key)): c.kind for row in rows for c in row.columns.columns}
    checks: dict[str, DataValidation] = {}
    results: dict[str, tuple[str, bool]] = {}
    for c in grid.cells:
        row, col = c.row + GRID_TOP, c.col + 1
        cell = ws.cell(row, col)
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + c.rowspan - 1, end_column=col + c.colspan - 1)
        place = f"sheet {title}, cell {coordinate((row, col))}"
        if c.role != "data" or c.path is None:
            _text(cell, c.text, place)
            cell.alignment = Alignment(
                horizontal="left" if c.role == "label" else "center", vertical="center", wrap_text=True
            )
            continue
        kind = kinds[c.path]
        cell.alignment = Alignment(horizontal="right", vertical="center")
        cell.number_format = _FORMATS[kind] + _printed_unit(report, c.path)
        formula = sums.get(c.path)
        if formula is not None:
            cell.value = formula
            cell.fill = _TOTAL
            stated = c.value
            if type(stated) is int or type(stated) is Decimal:
                results[cell.coordinate] = (format(stated, "f") if type(stated) is Decimal else str(stated), True)
            elif isinstance(stated, Blank):
                results[cell.coordinate] = (stated.printed, False)  # a text result, even an empty one
            continue
        _number_cell(cell, c.value, place)
        if type(c.value) is Decimal:
            results[cell.coordinate] = (format(c.value, "f"), True)  # openpyxl would write it through a float
        cell.protection = _UNLOCKED
        cell.fill = _INPUT
        checks.setdefault(kind, _validations(kind)).add(cell.coordinate)
    for dv in checks.values():
        ws.add_data_validation(dv)
    for r in range(GRID_TOP, GRID_TOP + grid.n_rows):
        for k in range(1, grid.n_cols + 1):
            ws.cell(r, k).border = _BORDER
    _widths(ws, grid)
    _layout(ws, grid)
    _protect(ws)
    return results


def _widths(ws: Worksheet, grid: Grid) -> None:
    """Each column as wide as its longest label or header of one column (a Chinese character is two units wide),
    between 10 and 42; a row whose label wraps is made tall enough for its lines."""
    longest = dict.fromkeys(range(grid.n_cols), 0)
    for c in grid.cells:
        if c.role != "data" and c.colspan == 1:
            longest[c.col] = max(longest[c.col], len(c.text))
    widths = {k: min(42, max(10, 2 * n + 2)) for k, n in longest.items()}
    for k, width in widths.items():
        ws.column_dimensions[get_column_letter(k + 1)].width = width
    for c in grid.cells:
        if c.role == "label" and c.rowspan == 1:
            room = sum(widths[k] for k in range(c.col, c.col + c.colspan))
            lines = -(-2 * len(c.text) // room)
            if lines > 1:
                ws.row_dimensions[c.row + GRID_TOP].height = 15 * lines


def _layout(ws: Worksheet, grid: Grid) -> None:
    """Headers and row labels stay in view while the author scrolls (a table with one header, 表三); every table
    prints on A4 landscape, one page wide."""
    if grid.header_rows:
        first_data = min(c.col for c in grid.cells if c.role == "data")
        ws.freeze_panes = coordinate((GRID_TOP + grid.header_rows, first_data + 1))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _protect(ws: Worksheet) -> None:
    """Sheet protection without a password: locked cells cannot be edited, the unlocked ones can."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _meta_rows(report: AnnualReport) -> Iterable[tuple[str, Any]]:
    meta = unstructure(report)["meta"]
    return xlsx_meta.flatten(report.format, meta).items()


META_VALUE_WIDTH = 48
"""The width of 基本信息's value column (B), in the units of a Latin character; a Chinese character takes two."""


def _meta_sheet(workbook: Workbook, report: AnnualReport) -> None:
    ws = workbook.create_sheet(xlsx_meta.SHEET)
    title = xlsx_meta.SHEET
    _text(ws.cell(1, 1), "项目", title)
    _text(ws.cell(1, 2), "内容", title)
    _text(ws.cell(1, 3), "字段", title)
    for k in (1, 2, 3):
        ws.cell(1, k).font = Font(bold=True)
    scope = DataValidation(type="list", formula1=f'"{",".join(_SCOPES)}"', allow_blank=True)
    year = DataValidation(type="whole", operator="between", formula1="2000", formula2="2999", allow_blank=True)
    for i, (key, value) in enumerate(_meta_rows(report), start=2):
        place = f"sheet {title}, row {i} ({key})"
        _text(ws.cell(i, 1), xlsx_meta.label(key), place)
        _text(ws.cell(i, 3), key, place)
        cell = ws.cell(i, 2)
        shown = xlsx_meta.cell_value(value)
        if type(shown) is int:
            cell.value = shown
        elif isinstance(shown, str):
            _text(cell, shown, place)
        if key not in ("year",):
            cell.number_format = "@"  # text: dates stay as typed, not turned into serial numbers
        cell.protection = _UNLOCKED
        cell.fill = _INPUT
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        lines = -(-2 * len(str(shown or "")) // META_VALUE_WIDTH)  # a long agency or title wraps, not cut off
        if lines > 1:
            ws.row_dimensions[i].height = 15 * lines
        if key == "scope":
            scope.add(cell.coordinate)
        elif key == "year":
            year.add(cell.coordinate)
        for k in (1, 2, 3):
            ws.cell(i, k).border = _BORDER
        for k in (1, 3):
            ws.cell(i, k).alignment = Alignment(vertical="center")
    ws.add_data_validation(scope)
    ws.add_data_validation(year)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = META_VALUE_WIDTH
    ws.column_dimensions["C"].width = 18
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1  # the three columns on one page, not the keys on a page of their own
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    _protect(ws)


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
        _meta_sheet(workbook, report)
        results: dict[int, dict[str, tuple[str, bool]]] = {}
        for section in get_format(report.format).sections:
            if section.table is not None:
                position = len(workbook.worksheets)
                results[position] = _table_sheet(workbook, report, section)
        workbook.properties.title = report.meta.title or ""
        workbook.properties.creator = report.meta.agency
        out = io.BytesIO()
        workbook.save(out)
        return with_results(out.getvalue(), results)
