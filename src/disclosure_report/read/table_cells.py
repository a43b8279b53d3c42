"""What the table stage produces: the cells read, by cell path, with the units printed in them, the rows whose
digit runs still split several ways, and the layout each table was printed in."""

from __future__ import annotations

from decimal import Decimal

import attrs

from disclosure_report.formats import Alternative, Column, Row, Table
from disclosure_report.model import UNREAD, Blank, Unread

CellValue = int | Decimal | Blank | Unread
"""A cell as read: a number, a blank with its mark, or :data:`~disclosure_report.model.UNREAD` (see :func:`unread`)."""


def unread() -> CellValue:
    """The value of a cell the reader could not read (its text was there but made no sense, or its row was not
    found): never 0, never invented. Every stage that gives up on a cell goes through here."""
    return UNREAD


@attrs.frozen
class PendingSplit:
    """A row whose digit runs split into its cells in several ways; the table's 总计 identities may decide."""

    table: Table
    row: Row
    candidates: tuple[tuple[int, ...], ...]
    line: int


@attrs.define
class TableCells:
    """The cells found in the tables of one document."""

    cells: dict[str, CellValue] = attrs.Factory(dict)
    """cell path → value read"""
    units: dict[str, str] = attrs.Factory(dict)
    """cell path → unit printed in the cell (``251000元``)"""
    pending: list[PendingSplit] = attrs.Factory(list)
    layouts: dict[str, str] = attrs.Factory(dict)
    """table key → the key of the alternative layout its rows were printed in"""


_PATHS: dict[tuple[int, int, str], str] = {}


def cell_path(table: Table, row: Row, key: str) -> str:
    """``table.row….column``, remembered."""
    found = _PATHS.get((id(table), id(row), key))
    if found is None:
        found = _PATHS[(id(table), id(row), key)] = ".".join((table.key, *row.path, key))
    return found


_ROW_PATHS: dict[tuple[int, int], list[tuple[Column, str]]] = {}


def row_paths(table: Table, row: Row) -> list[tuple[Column, str]]:
    """The columns of ``row`` with their cell paths."""
    found = _ROW_PATHS.get((id(table), id(row)))
    if found is None:
        found = _ROW_PATHS[(id(table), id(row))] = [(c, cell_path(table, row, c.key)) for c in row.columns.columns]
    return found


DigitReader = type[int] | type[Decimal]
_DIGIT_READERS: dict[tuple[int, int], tuple[tuple[str, ...], tuple[DigitReader, ...]]] = {}


def digit_readers(table: Table, row: Row) -> tuple[tuple[str, ...], tuple[DigitReader, ...]]:
    """The cell paths of ``row`` and what reads a cell of plain ASCII digits in each: ``int`` for a count (signed
    or not), ``Decimal`` for money — exactly what :func:`~.values.parse_value` makes of such a cell."""
    found = _DIGIT_READERS.get((id(table), id(row)))
    if found is None:
        pairs = row_paths(table, row)
        found = _DIGIT_READERS[(id(table), id(row))] = (
            tuple(path for _, path in pairs),
            tuple(Decimal if column.kind == "money" else int for column, _ in pairs),
        )
    return found


_PLAIN_PLANS: dict[tuple[int, int], tuple[tuple[str, ...], bool, str | None]] = {}


def plain_row_plan(table: Table, row: Row) -> tuple[tuple[str, ...], bool, str | None]:
    """What placing a row of plain ASCII digits takes, in one look-up: the row's cell paths, whether every cell is
    a count (read by ``int``; else see :func:`digit_readers`), and :func:`layout_of_row`."""
    found = _PLAIN_PLANS.get((id(table), id(row)))
    if found is None:
        paths, readers = digit_readers(table, row)
        found = _PLAIN_PLANS[(id(table), id(row))] = (paths, Decimal not in readers, layout_of_row(table, row))
    return found


_ROW_LAYOUTS: dict[tuple[int, int], str | None] = {}


def layout_of_row(table: Table, row: Row) -> str | None:
    """The key of the alternative layout of ``table`` that ``row`` belongs to (the last one, when several have it;
    None: the declared layout)."""
    key = (id(table), id(row))
    if key not in _ROW_LAYOUTS:
        _ROW_LAYOUTS[key] = next((alt.key for alt in reversed(table.alternatives) if row in alt.rows), None)
    return _ROW_LAYOUTS[key]


def layout_of(table: Table, cells: TableCells) -> Alternative | None:
    """The alternative layout ``table`` was printed in (None: the declared one)."""
    layout = cells.layouts.get(table.key)
    return next((a for a in table.alternatives if a.key == layout), None)
