"""Stage 5: the report's JSON data — an empty report of the format, the table cells found put in their places
(each table in the layout it was printed in), and the rows not found reported."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from disclosure_report.authoring.skeleton import new_report
from disclosure_report.formats import Format
from disclosure_report.jsonio.convert import dumps
from disclosure_report.model import Blank
from disclosure_report.model.paths import use_layout
from disclosure_report.read.notes import Notes
from disclosure_report.read.table_cells import CellValue, TableCells, layout_of, row_paths, unread

_SKELETONS: dict[str, str] = {}


def skeleton(fmt: Format, agency: str, year: int) -> dict[str, Any]:
    """The JSON data of an empty report in ``fmt`` (every cell 0), for ``agency`` and ``year``."""
    text = _SKELETONS.get(fmt.version)
    if text is None:
        text = _SKELETONS[fmt.version] = dumps(new_report("", fmt.first_year))
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


def place_cells(fmt: Format, found: TableCells, notes: Notes, data: dict[str, Any]) -> None:
    """Every table cell of ``data`` set from ``found``; a cell not found is :func:`unread`, and rows none of whose
    cells were found are reported."""
    cells, units = found.cells, found.units
    for table in fmt.tables:
        alt = layout_of(table, found)
        if alt is not None:
            use_layout(data, table, alt)
        missing_rows = []
        for row in table.rows_with(alt):
            node = data[table.key]
            for key in row.path:
                node = node[key]
            found_any = False
            for column, path in row_paths(table, row):
                key = column.key
                value = cells.get(path)
                if value is None:
                    node[key] = cell_data(unread())
                    continue
                node[key] = cell_data(value)
                found_any = True
                unit = units.get(path)
                if unit is not None and f"{key}_unit" in node:
                    node[f"{key}_unit"] = unit
            if not found_any:
                missing_rows.append((" › ".join(row.labels), row_paths(table, row)[0][1]))
        if missing_rows:
            names = [name for name, _ in missing_rows]
            notes.unplaced(
                f"rows not found (their cells are left unread): {'；'.join(names[:6])}"
                + (f" and {len(names) - 6} more" if len(names) > 6 else ""),
                cell_path=missing_rows[0][1],
            )
