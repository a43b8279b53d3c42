"""Cell paths on a report: read a cell, replace a cell, walk every cell of a report with its declaration."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from disclosure_report.formats import Alternative, Cell, Row, Table, get_format
from disclosure_report.model import AnnualReport, Blank, Unread

CellValue = int | Decimal | Blank | Unread
T = TypeVar("T")


def get_value(report: AnnualReport, path: str) -> Any:
    """The value at a dotted path of the report (a cell, a row, a table…).

    >>> from disclosure_report import new_report
    >>> get_value(new_report("某局", 2023), "applications.new.total")
    0
    """
    obj: Any = report
    done: list[str] = []
    for key in path.split("."):
        if not attrs.has(type(obj)) or key not in attrs.fields_dict(type(obj)):
            where = ".".join(done) or "the report"
            raise KeyError(f"{path!r}: {where} has no part {key!r}")
        obj = getattr(obj, key)
        done.append(key)
    return obj


def replace_value(obj: T, path: str, value: object) -> T:
    """A copy of ``obj`` (a report or any part of it) with the value at ``path`` replaced.

    >>> from disclosure_report import new_report
    >>> r = replace_value(new_report("某局", 2023), "applications.new.natural_person", 5)
    >>> r.applications.new.natural_person
    5
    """
    head, _, rest = path.partition(".")
    if not attrs.has(type(obj)) or head not in attrs.fields_dict(type(obj)):  # type: ignore[arg-type]
        raise KeyError(f"{path!r}: {type(obj).__name__} has no part {head!r}")
    inner = value if not rest else replace_value(getattr(obj, head), rest, value)
    return attrs.evolve(obj, **{head: inner})  # type: ignore[misc]


def alternative_in_use(report: AnnualReport, table: Table) -> Alternative | None:
    """The alternative row layout the report uses for ``table``, or None for the declared layout."""
    for alt in table.alternatives:
        part = get_value(report, ".".join((table.key, *alt.replaces)))
        declared = next(r for r in table.rows if r.path[: len(alt.replaces)] == alt.replaces)
        if not _has_row(part, declared, alt.replaces) and _has_row(part, alt.rows[0], alt.replaces):
            return alt
    return None


def _has_row(part: object, row: Row, under: tuple[str, ...]) -> bool:
    """Whether ``part`` (the object at ``under``) holds ``row``: is the row itself, or has it as a member."""
    if row.path == under:
        return hasattr(part, row.columns.columns[0].key)
    return hasattr(part, row.path[len(under)])


def table_cells(report: AnnualReport, table: Table) -> Iterator[tuple[Cell, CellValue]]:
    """Every cell of one table with its value, in print order, following the layout the report uses."""
    rows = table.rows_with(alternative_in_use(report, table))
    for row in rows:
        obj: Any = getattr(report, table.key)
        for key in row.path:
            obj = getattr(obj, key)
        for column in row.columns.columns:
            yield Cell(table=table, row=row, column=column), getattr(obj, column.key)


def iter_cells(report: AnnualReport) -> Iterator[tuple[Cell, CellValue]]:
    """Every cell of the report with its value, in print order.

    >>> from disclosure_report import new_report
    >>> cells = list(iter_cells(new_report("某局", 2023)))
    >>> len(cells), cells[0][0].path, cells[0][0].labels
    (200, 'proactive.regulations.issued', ('第二十条第（一）项', '规章', '本年制发件数'))
    """
    for table in get_format(report.format).tables:
        yield from table_cells(report, table)


def cell_values(report: AnnualReport) -> dict[str, CellValue]:
    """``{cell path: value}`` for every cell of the report."""
    return {cell.path: value for cell, value in iter_cells(report)}


def use_layout(data: dict[str, Any], table: Table, alternative: Alternative) -> None:
    """Reshape JSON-shaped report ``data`` so that ``table`` holds ``alternative``'s rows (cells 0) in place of
    the rows it replaces — e.g. one （六）其他处理 row instead of three."""
    node: Any = data[table.key]
    for key in alternative.replaces[:-1]:
        node = node[key]
    first = alternative.rows[0]
    node[alternative.replaces[-1]] = (
        {c.key: 0 for c in first.columns.columns}
        if first.path == alternative.replaces
        else {r.path[-1]: {c.key: 0 for c in r.columns.columns} for r in alternative.rows}
    )
