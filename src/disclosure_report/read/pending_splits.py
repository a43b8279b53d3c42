"""Stage 3b: rows whose digit runs split several ways, decided by the column identities of their table (the 总计
row = the sum of the rows it totals), or left unread with the candidates in a warning. Never guessed."""

from __future__ import annotations

import itertools
import math

from disclosure_report.errors import Phrase
from disclosure_report.formats import Row, Table
from disclosure_report.read.notes import Notes
from disclosure_report.read.table_cells import PendingSplit, TableCells, cell_path, layout_of, unread

MAX_COMBINATIONS = 4096
"""Beyond this many combinations of candidate splits, a table's undecided rows stay undecided."""


def resolve_pending(found: TableCells, notes: Notes) -> None:
    """Decide every pending split in ``found`` (trying the combinations of every undecided row of a table)."""
    by_table: dict[str, list[PendingSplit]] = {}
    for item in found.pending:
        by_table.setdefault(item.table.key, []).append(item)
    for items in by_table.values():
        table = items[0].table
        chosen = _choose(found, table, items)
        for item in items:
            row = item.row
            pick = chosen.get(row.path)
            path0 = cell_path(table, row, row.columns.columns[0].key)
            if pick is not None:
                for column, value in zip(row.columns.columns, pick, strict=True):
                    found.cells[cell_path(table, row, column.key)] = value
                notes.warn(
                    Phrase(
                        "warn.split_by_totals",
                        row=" › ".join(row.labels),
                        splits=len(item.candidates),
                        pick=" ".join(map(str, pick)),
                    ),
                    item.line,
                    path0,
                )
            else:
                for column in row.columns.columns:
                    found.cells[cell_path(table, row, column.key)] = unread()
                shown = "; ".join(" ".join(map(str, c)) for c in item.candidates[:4])
                notes.unplaced(
                    Phrase(
                        "warn.split_undecided", row=" › ".join(row.labels), splits=len(item.candidates), shown=shown
                    ),
                    item.line,
                    path0,
                )
    found.pending.clear()


def _choose(found: TableCells, table: Table, items: list[PendingSplit]) -> dict[tuple[str, ...], tuple[int, ...]]:
    rows = table.rows_with(layout_of(table, found))
    options = [item.candidates for item in items]
    if math.prod(len(o) for o in options) > MAX_COMBINATIONS:
        return {}
    width = len(items[0].row.columns.columns)

    def value(row: Row, pick: dict[tuple[str, ...], tuple[int, ...]]) -> tuple[int, ...] | None:
        if row.path in pick:
            return pick[row.path]
        vals = [found.cells.get(cell_path(table, row, c.key)) for c in row.columns.columns]
        ints = [v for v in vals if type(v) is int]
        return tuple(ints) if len(ints) == len(vals) else None

    def holds(pick: dict[tuple[str, ...], tuple[int, ...]]) -> bool:
        checked = False
        for row_sum in table.row_sums:
            total_row = next(r for r in rows if r.path == row_sum.total)
            total = value(total_row, pick)
            parts = [value(r, pick) for r in row_sum.parts(rows)]
            if total is None or any(p is None for p in parts):
                continue
            checked = True
            if any(total[k] != sum(p[k] for p in parts if p is not None) for k in range(width)):
                return False
        return checked

    solutions = []
    for combo in itertools.product(*options):
        pick = {item.row.path: c for item, c in zip(items, combo, strict=True)}
        if holds(pick):
            solutions.append(pick)
            if len(solutions) > 1:
                return {}
    return solutions[0] if solutions else {}
