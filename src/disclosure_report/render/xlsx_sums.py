"""The 总计 cells of a table as sums of their parts, read from the format declaration, and as spreadsheet formulas.

A row whose column set declares a ``total`` has that column as the sum of the other columns; a :class:`RowSum`
(（七）总计 of 三、本年度办理结果) makes every cell of its row the column-wise sum of the rows it totals — the
row sums are applied last, as :func:`disclosure_report.authoring.totals.with_totals` applies them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl.utils import get_column_letter

from disclosure_report.formats import Row, Table


def _path(table: Table, row: Row, key: str) -> str:
    return ".".join((table.key, *row.path, key))


def declared_sums(table: Table, rows: Sequence[Row]) -> dict[str, tuple[str, ...]]:
    """``{total cell path: the cell paths it adds up}`` for the rows of ``table`` as drawn (``rows``)."""
    sums: dict[str, tuple[str, ...]] = {}
    for row in rows:
        total = row.columns.total
        if total is not None:
            sums[_path(table, row, total)] = tuple(_path(table, row, k) for k in row.columns.parts)
    drawn = tuple(rows)
    for row_sum in table.row_sums:
        total_row = next((r for r in drawn if r.path == row_sum.total), None)
        if total_row is None:
            continue
        parts = row_sum.parts(drawn)
        for key in total_row.columns.keys:
            sums[_path(table, total_row, key)] = tuple(_path(table, r, key) for r in parts)
    return sums


def _runs(cells: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Consecutive cells (along a row or down a column) grouped into (first, last) runs, in the given order."""
    runs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for cell in cells:
        if runs:
            first, last = runs[-1]
            along_row = first[0] == last[0] == cell[0] and cell[1] == last[1] + 1
            down_column = first[1] == last[1] == cell[1] and cell[0] == last[0] + 1
            if along_row or down_column:
                runs[-1] = (first, cell)
                continue
        runs.append((cell, cell))
    return runs


def coordinate(cell: tuple[int, int]) -> str:
    """``(row, column)`` (1-based) as ``B7``."""
    return f"{get_column_letter(cell[1])}{cell[0]}"


def sum_formula(parts: Sequence[tuple[int, int]]) -> str:
    """``=SUM(D7:I7)``, ``=SUM(D7:D27)`` or ``=SUM(B3,D3:E3)`` for the part cells (1-based row, column)."""
    pieces = [
        coordinate(first) if first == last else f"{coordinate(first)}:{coordinate(last)}"
        for first, last in _runs(parts)
    ]
    return f"=SUM({','.join(pieces)})"


def formulas(sums: Mapping[str, Sequence[str]], where: Mapping[str, tuple[int, int]]) -> dict[str, str]:
    """``{total cell path: formula}``, for the totals whose cells and parts are all drawn (``where``: path → cell)."""
    out: dict[str, str] = {}
    for total, parts in sums.items():
        if total in where and parts and all(p in where for p in parts):
            out[total] = sum_formula([where[p] for p in parts])
    return out
