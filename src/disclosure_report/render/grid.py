"""The official table layouts as grids of cells with rowspan/colspan, computed from the format declaration.

Every renderer draws tables from these grids, so the merged cells of spec §2.4–2.6 (and of the 2019 tables) are
worked out once: a header path shared by consecutive columns merges across them, a row label shared by consecutive
rows merges down them, a label or header that ends early spans the levels below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any, Literal

import attrs

from disclosure_report.formats import Column, Row, Table, get_format
from disclosure_report.model import AnnualReport, Blank, Unread, is_number
from disclosure_report.model.paths import alternative_in_use

Role = Literal["corner", "header", "block", "label", "data"]


@attrs.frozen
class GridCell:
    """One cell of a drawn table; ``row``/``col`` is its top-left position in the physical grid."""

    text: str
    role: Role
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    path: str | None = None
    """The cell path of a data cell."""
    value: Any = None
    """The stored value of a data cell (int, Decimal or Blank)."""


@attrs.frozen
class Grid:
    """A table as drawn: its cells, its size, and how many leading rows are headers."""

    key: str
    cells: tuple[GridCell, ...]
    n_rows: int
    n_cols: int
    header_rows: int
    note: str | None = None

    def rows(self) -> list[list[GridCell]]:
        """Cells grouped by the physical row they start in."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        return out

    def matrix(self) -> list[list[str]]:
        """The physical grid with every merged cell's text repeated in each position it covers."""
        m = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    m[r][k] = c.text
        return m


def cell_text(value: object) -> str:
    """A cell value as printed: ints plainly, money exactly as stored (no exponent), a blank as its mark, an unread
    cell empty (only the JSON document can say that a cell was not read)."""
    if isinstance(value, Blank):
        return value.printed
    if isinstance(value, Unread):
        return ""
    if type(value) is Decimal:
        return format(value, "f")
    return str(value)


def _header_cells(paths: Sequence[tuple[str, ...]], depth: int, row0: int, col0: int) -> list[GridCell]:
    """Header cells for columns whose header paths are ``paths`` (merged where consecutive prefixes agree)."""
    cells: list[GridCell] = []
    for level in range(depth):
        col = 0
        while col < len(paths):
            path = paths[col]
            if len(path) <= level:
                col += 1
                continue
            end = col + 1
            while end < len(paths) and len(paths[end]) > level and paths[end][: level + 1] == path[: level + 1]:
                end += 1
            leaf = len(path) == level + 1 and all(len(p) == level + 1 for p in paths[col:end])
            rowspan = depth - level if leaf else 1
            cells.append(GridCell(path[level], "header", row0 + level, col0 + col, rowspan, end - col))
            col = end
    return cells


def _node(report: AnnualReport, table: Table, row: Row) -> Any:
    return attrgetter(".".join((table.key, *row.path)))(report)


def printed_cell(row: Any, key: str) -> str:
    """The text of the cell ``key`` of a row object, with the unit printed in it when the row has one (2019
    采购总金额: ``251000元``)."""
    value = getattr(row, key)
    text = cell_text(value)
    unit = getattr(row, f"{key}_unit", None)
    if unit and is_number(value):
        text += unit
    return text


def _data(node: Any, table: Table, row: Row, column: Column, r: int, c: int, span: int = 1) -> GridCell:
    value = getattr(node, column.key)
    path = ".".join((table.key, *row.path, column.key))
    return GridCell(printed_cell(node, column.key), "data", r, c, 1, span, path, value)


def _matrix(report: AnnualReport, table: Table, rows: tuple[Row, ...]) -> Grid:
    columns = rows[0].columns.columns
    label_depth = max(len(r.labels) for r in rows)
    header_depth = max(len(c.headers) for c in columns)
    cells = [GridCell(table.corner or "", "corner", 0, 0, header_depth, label_depth)]
    cells += _header_cells([c.headers for c in columns], header_depth, 0, label_depth)
    for i, row in enumerate(rows):
        r = header_depth + i
        for level, label in enumerate(row.labels):
            prefix = row.labels[: level + 1]
            if i > 0 and rows[i - 1].labels[: level + 1] == prefix:
                continue  # covered by the cell above
            span = 1
            while i + span < len(rows) and rows[i + span].labels[: level + 1] == prefix:
                span += 1
            colspan = label_depth - level if level == len(row.labels) - 1 else 1
            cells.append(GridCell(label, "label", r, level, span, colspan))
        node = _node(report, table, row)
        for k, column in enumerate(columns):
            cells.append(_data(node, table, row, column, r, label_depth + k))
    return Grid(table.key, tuple(cells), header_depth + len(rows), label_depth + len(columns), header_depth, None)


def _bands(report: AnnualReport, table: Table, rows: tuple[Row, ...]) -> Grid:
    paths = [row.labels + column.headers for row in rows for column in row.columns.columns]
    depth = max(len(p) for p in paths)
    cells = _header_cells(paths, depth, 0, 0)
    k = 0
    for row in rows:
        node = _node(report, table, row)
        for column in row.columns.columns:
            cells.append(_data(node, table, row, column, depth, k))
            k += 1
    return Grid(table.key, tuple(cells), depth + 1, len(paths), depth, table.corner)


def _blocks(report: AnnualReport, table: Table, rows: tuple[Row, ...]) -> Grid:
    width = 1 + max(len(r.columns.columns) for r in rows)
    cells: list[GridCell] = []
    r = 0
    i = 0
    while i < len(rows):
        block = rows[i].labels[0]
        members = []
        while i < len(rows) and rows[i].labels[0] == block:
            members.append(rows[i])
            i += 1
        cells.append(GridCell(block, "block", r, 0, 1, width))
        r += 1
        columns = members[0].columns.columns
        spans = [1] * (len(columns) - 1) + [width - len(columns)]
        cells.append(GridCell(table.corner or "", "header", r, 0))
        col = 1
        for column, span in zip(columns, spans, strict=True):
            cells.append(GridCell(column.label, "header", r, col, 1, span))
            col += span
        r += 1
        for row in members:
            cells.append(GridCell(row.label, "label", r, 0))
            col = 1
            node = _node(report, table, row)
            for column, span in zip(row.columns.columns, spans, strict=True):
                cells.append(_data(node, table, row, column, r, col, span))
                col += span
            r += 1
    return Grid(table.key, tuple(cells), r, width, 0, None)


_LAYOUTS = {"matrix": _matrix, "bands": _bands, "blocks": _blocks}


_TEMPLATES: dict[tuple[str, str, str | None], tuple[Grid, tuple[tuple[int, Any, Any], ...]]] = {}


def _template(report: AnnualReport, table: Table) -> tuple[Grid, tuple[tuple[int, Any, Any], ...]]:
    """The grid of a table for a format and layout, computed once: its labels, headers and spans never change;
    with, for each data cell, its index and getters for its value and its printed unit."""
    alt = alternative_in_use(report, table)
    key = (report.format, table.key, alt.key if alt else None)
    if key not in _TEMPLATES:
        grid = _LAYOUTS[table.layout](report, table, table.rows_with(alt))
        slots = []
        for i, c in enumerate(grid.cells):
            if c.role == "data" and c.path is not None:
                owner, _, column = c.path.rpartition(".")
                has_unit = hasattr(attrgetter(owner)(report), f"{column}_unit")
                slots.append((i, attrgetter(c.path), _unit_getter(owner, column) if has_unit else None))
        _TEMPLATES[key] = (grid, tuple(slots))
    return _TEMPLATES[key]


def _unit_getter(owner: str, column: str) -> Any:
    get_owner = attrgetter(owner)
    return lambda report: getattr(get_owner(report), f"{column}_unit", None)


def table_grid(report: AnnualReport, table_key: str) -> Grid:
    """The grid of one table of ``report``, in the layout the report uses (e.g. the single （六） row)."""
    table = get_format(report.format).table(table_key)
    template, slots = _template(report, table)
    cells = list(template.cells)
    for i, get_value, get_unit in slots:
        value = get_value(report)
        text = cell_text(value)
        unit = get_unit(report) if get_unit is not None else None
        if unit and is_number(value):
            text += unit
        c = cells[i]
        cells[i] = GridCell(text, "data", c.row, c.col, c.rowspan, c.colspan, c.path, value)
    return attrs.evolve(template, cells=tuple(cells))
