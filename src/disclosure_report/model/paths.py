"""Cell paths on a report: read a cell, replace a cell, walk every cell of a report with its declaration."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, TypeVar

import attrs

from disclosure_report.errors import DisclosureReportError, FieldValueError
from disclosure_report.formats import Alternative, Cell, Row, Table, get_format
from disclosure_report.model import AnnualReport, Blank, Unread
from disclosure_report.model.cells import EXPECTED, describe

CellValue = int | Decimal | Blank | Unread
T = TypeVar("T")


class CellPathError(DisclosureReportError, KeyError):
    """A path that names no part of the report; says the closest paths that do."""

    def __init__(self, path: str, where: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.path = path
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"{path!r}: {where} has no part {key!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class CellValueError(DisclosureReportError, ValueError):
    """A value that a cell or field cannot hold, named by its path (and printed labels for a table cell)."""


def _paths_of(cls: type, prefix: str = "") -> Iterator[str]:
    """Every dotted path below an attrs class, from its field types (unions: each attrs member)."""
    attrs.resolve_types(cls)
    for f in attrs.fields(cls):
        path = f"{prefix}{f.name}"
        yield path
        members = typing.get_args(f.type) if typing.get_args(f.type) else (f.type,)
        for member in members:
            if isinstance(member, type) and attrs.has(member) and member not in (Blank, Unread):
                yield from _paths_of(member, path + ".")


@cache
def _known_paths(cls: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_paths_of(cls)))


def _missing_part(root: Any, path: str, done: list[str], key: str) -> CellPathError:
    where = ".".join(done) or "the report"
    cls: Any = type(root)
    known = _known_paths(cls) if attrs.has(cls) else ()
    return CellPathError(path, where, key, difflib.get_close_matches(path, known, n=3, cutoff=0.75))


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
            raise _missing_part(report, path, done, key)
        obj = getattr(obj, key)
        done.append(key)
    return obj


def replace_value(obj: T, path: str, value: object) -> T:
    """A copy of ``obj`` (a report or any part of it) with the value at ``path`` replaced — a table cell, a
    narrative text, a metadata field, a whole row.

    On a report, a table cell takes what its kind holds: a count an ``int`` ≥ 0, money a ``Decimal`` — given as
    ``Decimal``, ``int`` or ``str`` (``"12.5"``), stored as ``Decimal``; a float is refused, since it cannot hold
    money exactly — or :data:`~disclosure_report.BLANK` / :data:`~disclosure_report.UNREAD`. A path that names
    nothing raises :class:`CellPathError` with the closest paths; a value the place cannot hold raises
    :class:`CellValueError` naming the path and, for a cell, its printed labels.

    >>> from disclosure_report import new_report
    >>> r = replace_value(new_report("某局", 2023), "applications.new.natural_person", 5)
    >>> r.applications.new.natural_person
    5
    >>> replace_value(r, "proactive.fees.amount", "12.5").proactive.fees.amount
    Decimal('12.5')
    >>> replace_value(r, "overview.proactive", "本年主动公开政府信息……").overview.proactive[:8]
    '本年主动公开政府'
    """
    if isinstance(obj, AnnualReport):
        cell = _cells(obj).get(path)
        if cell is not None:
            value = _cell_value(cell, path, value)
    try:
        return _replace(obj, path, value, obj, [])
    except (FieldValueError, TypeError, ValueError) as e:
        if isinstance(e, DisclosureReportError) and not isinstance(e, FieldValueError):
            raise
        expected = e.expected if isinstance(e, FieldValueError) else str(e)
        raise CellValueError(f"{path}: cannot hold {describe(value)}: expected {expected}") from None


def _replace(obj: T, path: str, value: object, root: object, done: list[str]) -> T:
    head, _, rest = path.partition(".") if not done else path[len(".".join(done)) + 1 :].partition(".")
    if not attrs.has(type(obj)) or head not in attrs.fields_dict(type(obj)):  # type: ignore[arg-type]
        raise _missing_part(root, path, done, head)
    inner = value if not rest else _replace(getattr(obj, head), path, value, root, [*done, head])
    return attrs.evolve(obj, **{head: inner})  # type: ignore[misc]


def _cells(report: AnnualReport) -> dict[str, Cell]:
    """Cell path → declaration, for the layout the report uses."""
    fmt = get_format(report.format)
    key = (report.format, tuple(getattr(alternative_in_use(report, t), "key", None) for t in fmt.tables))
    cells = _CELLS.get(key)
    if cells is None:
        cells = _CELLS[key] = {cell.path: cell for cell, _ in iter_cells(report)}
    return cells


_CELLS: dict[tuple[str, tuple[str | None, ...]], dict[str, Cell]] = {}


def _cell_value(cell: Cell, path: str, value: object) -> object:
    """``value`` as the cell's kind stores it, or a :class:`CellValueError` that names the cell."""
    t = type(value)
    if t is Blank or t is Unread:
        return value
    kind = cell.kind
    if kind == "money":
        if t is Decimal or t is int or t is str:
            try:
                amount = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)  # type: ignore[arg-type]
            except InvalidOperation:
                amount = None
            if amount is not None and amount.is_finite() and amount >= 0:
                return amount
        hint = ' — a float cannot hold money exactly: pass Decimal("12.5") or "12.5"' if t is float else ""
    else:
        if t is int and (kind == "signed" or value >= 0):  # type: ignore[operator]
            return value
        hint = " — pass int(...) of it" if t is str and str(value).strip().isdigit() else ""
    labels = " › ".join(cell.labels)
    raise CellValueError(f"{path} ({labels}): expected {EXPECTED[kind]}, found {describe(value)}{hint}")


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


def unread_cells(report: AnnualReport) -> tuple[str, ...]:
    """The paths of the cells a reader could not read (:data:`~disclosure_report.model.UNREAD`), in print order: a
    report read from a published document is only as complete as these are few.

    >>> from disclosure_report import UNREAD, new_report, replace_value
    >>> unread_cells(replace_value(new_report("某局", 2023), "applications.new.natural_person", UNREAD))
    ('applications.new.natural_person',)
    """
    return tuple(cell.path for cell, value in iter_cells(report) if type(value) is Unread)


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
