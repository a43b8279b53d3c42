"""Stage 5: the report's JSON data — an empty report of the format, the table cells found put in their places
(each table in the layout it was printed in), and the rows not found reported."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import attrs

from disclosure_report.authoring.skeleton import new_report
from disclosure_report.errors import Phrase
from disclosure_report.formats import Alternative, Format, Table
from disclosure_report.jsonio.convert import dumps
from disclosure_report.model import Blank
from disclosure_report.model.paths import use_layout
from disclosure_report.read.notes import Notes
from disclosure_report.read.table_cells import CellValue, TableCells, layout_of, row_paths, unread

_EMPTY: dict[str, dict[str, Any]] = {}
"""format version → the JSON data of its empty report (every cell 0); never handed out"""
_SKELETONS: dict[str, str] = {}
"""format version → the JSON text of its empty report without the tables (:func:`place_cells` builds those)"""


def _empty(fmt: Format) -> dict[str, Any]:
    found = _EMPTY.get(fmt.version)
    if found is None:
        found = _EMPTY[fmt.version] = json.loads(dumps(new_report("", fmt.first_year)), parse_float=Decimal)
    return found


def skeleton(fmt: Format, agency: str, year: int) -> dict[str, Any]:
    """The JSON data of an empty report in ``fmt`` for ``agency`` and ``year``, without its tables: every part but
    the tables, which :func:`place_cells` puts in from the cells read."""
    text = _SKELETONS.get(fmt.version)
    if text is None:
        tables = {t.key for t in fmt.tables}
        rest = {k: v for k, v in _empty(fmt).items() if k not in tables}
        text = _SKELETONS[fmt.version] = json.dumps(rest, ensure_ascii=False)
    data: dict[str, Any] = json.loads(text, parse_float=Decimal)  # a fresh deep copy, at C speed
    data["meta"] |= {"agency": agency, "year": year, "title": None, "period": None}
    return data


def cell_data(value: CellValue) -> Any:
    """A cell value as the report's JSON data (numbers as they are; a blank or an unread cell as its object)."""
    if type(value) is int or type(value) is Decimal:
        return value
    if type(value) is Blank:
        return {"blank": value.printed}
    return {"unread": True}


@attrs.frozen
class _RowPlan:
    """How one row goes into a table's JSON data: the keys down to its object, its cells (column key, cell path,
    the key of the unit its object holds for it or None), what else its object holds (``amount_unit``: null), and
    its name and first cell path for the warning when none of its cells was found."""

    path: tuple[str, ...]
    cells: tuple[tuple[str, str, str | None], ...]
    others: tuple[tuple[str, Any], ...]
    name: str
    first: str
    keys: tuple[str, ...] = attrs.field(init=False)
    paths: tuple[str, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(key for key, _, _ in self.cells))
        object.__setattr__(self, "paths", tuple(path for _, path, _ in self.cells))


_PLANS: dict[tuple[str, str, str | None], tuple[_RowPlan, ...]] = {}


def _plan(fmt: Format, table: Table, alt: Alternative | None) -> tuple[_RowPlan, ...]:
    """The rows of ``table`` printed in ``alt``, each as the empty report's data holds it, remembered."""
    key = (fmt.version, table.key, alt.key if alt is not None else None)
    found = _PLANS.get(key)
    if found is not None:
        return found
    data = {table.key: copy.deepcopy(_empty(fmt)[table.key])}
    if alt is not None:
        use_layout(data, table, alt)
    plans = []
    for row in table.rows_with(alt):
        node = data[table.key]
        for k in row.path:
            node = node[k]
        columns = {c.key for c in row.columns.columns}
        cells = tuple(
            (c.key, path, f"{c.key}_unit" if f"{c.key}_unit" in node else None) for c, path in row_paths(table, row)
        )
        others = tuple((k, v) for k, v in node.items() if k not in columns)
        plans.append(_RowPlan(row.path, cells, others, " › ".join(row.labels), row_paths(table, row)[0][1]))
    found = _PLANS[key] = tuple(plans)
    rebuilt, _ = _table_data(found, {p: 0 for plan in found for _, p, _ in plan.cells}, {})
    scalars = all(type(v) in (type(None), str, int) for plan in found for _, v in plan.others)
    if rebuilt != data[table.key] or not scalars:  # the rows are the whole table, as the model declares it
        raise AssertionError(f"the rows of {table.key} do not make up its data")
    return found


_NUMBERS = {int, Decimal}


def _table_data(
    plans: tuple[_RowPlan, ...], cells: dict[str, CellValue], units: dict[str, str]
) -> tuple[dict[str, Any], list[_RowPlan]]:
    """A table's JSON data from the cells found (a cell not found: :func:`unread`), and the rows none of whose
    cells were found."""
    table: dict[str, Any] = {}
    missing = []
    for plan in plans:
        node = table
        for k in plan.path:
            node = node.setdefault(k, {})
        values = list(map(cells.get, plan.paths))
        found_any = True
        if values and set(map(type, values)) <= _NUMBERS:  # every cell found, and a number (most rows)
            node.update(zip(plan.keys, values, strict=True))
        else:
            found_any = False
            for key, value in zip(plan.keys, values, strict=True):
                if value is None:
                    node[key] = cell_data(unread())
                    continue
                node[key] = cell_data(value)
                found_any = True
        if plan.others:
            node.update(plan.others)
            if units:
                for _, path, unit_key in plan.cells:
                    unit = units.get(path)
                    if unit is not None and unit_key is not None:
                        node[unit_key] = unit
        if not found_any:
            missing.append(plan)
    return table, missing


def place_cells(fmt: Format, found: TableCells, notes: Notes, data: dict[str, Any]) -> None:
    """Every table of ``data`` built from the cells in ``found``; a cell not found is :func:`unread`, and rows none
    of whose cells were found are reported."""
    for table in fmt.tables:
        data[table.key], missing_rows = _table_data(
            _plan(fmt, table, layout_of(table, found)), found.cells, found.units
        )
        if missing_rows:
            names = [row.name for row in missing_rows]
            shown = "；".join(names[:6])
            notes.unplaced(
                Phrase("warn.rows_missing_more", rows=shown, more=len(names) - 6)
                if len(names) > 6
                else Phrase("warn.rows_missing", rows=shown),
                cell_path=missing_rows[0].first,
            )
