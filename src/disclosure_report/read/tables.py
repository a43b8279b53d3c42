"""Stage 3: table rows placed by the declaration — a row label matched to a declared row, its values to the row's
columns, whatever the layout: one cell per line, table rows of cells, or runs whose separators were lost (split
under the table identities, never guessed)."""

from __future__ import annotations

from collections.abc import Sequence

from disclosure_report.formats import CellKind, Row, Table
from disclosure_report.read.digits import bands_rule, row_total_rule, split_runs
from disclosure_report.read.labels import normalise
from disclosure_report.read.lines import Line
from disclosure_report.read.notes import Notes
from disclosure_report.read.row_text import Token, classified, is_value, label_index, match_row
from disclosure_report.read.table_cells import PendingSplit, TableCells, cell_path, row_paths, unread
from disclosure_report.read.values import BLANK_MARKS, ValueProblem, parse_value


def read_table(table: Table, lines: Sequence[Line], cells: TableCells, notes: Notes) -> None:
    """Place the cells of ``table`` found in ``lines`` (its section) into ``cells``."""
    _TableReader(table, cells, notes).read(lines)


class _TableReader:
    """Places the cells of one table from its lines."""

    def __init__(self, table: Table, found: TableCells, notes: Notes) -> None:
        self.table = table
        self.found = found
        self.notes = notes
        self.index = label_index(table)
        self.band_values: list[Token] = []

    def read(self, lines: Sequence[Line]) -> None:
        current: Row | None = None
        values: list[Token] = []
        bands = self.table.layout == "bands"
        for line in lines:
            if line.cells is not None:
                self._flush(current, values)
                current, values = None, []
                self._cell_row(line)
                continue
            for value, row in classified(self.table, line.text):
                if value is not None:
                    if current is not None:
                        values.append(Token(value, line.number))
                    elif bands:
                        self.band_values.append(Token(value, line.number))
                elif row is not None:
                    self._flush(current, values)
                    current, values = row, []
        self._flush(current, values)
        if bands:
            self._bands()

    def _cell_row(self, line: Line) -> None:
        assert line.cells is not None
        cells = list(line.cells)
        label_at = None
        if self.table.layout != "bands":
            for k, cell in enumerate(cells):
                if not is_value(cell) and match_row(cell, self.index) is not None:
                    label_at = k
        if label_at is None:
            if self.table.layout == "bands" and cells:
                band = match_row(cells[0], self.index) if not is_value(cells[0]) else None
                rest = cells[1:] if band is not None else cells
                if band is not None and len(rest) == len(band.columns.columns) and all(is_value(c) for c in rest):
                    self._place(band, [Token(c, line.number) for c in rest], exact=True)
                elif band is None and all(is_value(c) for c in cells):
                    self.band_values += [Token(c, line.number) for c in cells]
            return
        row = match_row(cells[label_at], self.index)
        assert row is not None
        rest = cells[label_at + 1 :]
        while rest and normalise(rest[0]) == normalise(cells[label_at]):
            rest = rest[1:]  # a label repeated by an expanded colspan
        width = len(row.columns.columns)
        if len(rest) > width:
            rest = _dedupe_spans(rest, width)  # an empty cell spanning columns is one empty cell
        if not any(is_value(c) and c.strip() for c in rest) and not (
            len(rest) == width and all(c.strip() in BLANK_MARKS for c in rest)
        ):
            return  # a header row that names a row label among its headers
        self._place(row, [Token(c, line.number) for c in rest], exact=True)

    def _flush(self, row: Row | None, values: list[Token]) -> None:
        if row is not None and values:
            self._place(row, values, exact=False)

    def _place(self, row: Row, values: list[Token], *, exact: bool) -> None:
        columns = row.columns.columns
        line = values[0].line if values else None
        texts = [v.text.strip() for v in values]
        if len(texts) != len(columns):
            if not exact and all(t.isdigit() for t in texts) and len(texts) < len(columns):
                self._split(row, texts, line)
                return
            self.notes.warn(
                f"{' › '.join(row.labels)}: expected {len(columns)} cells, found {len(texts)} ({' | '.join(texts)}); "
                "the cells of this row are left blank",
                line,
                self._path(row, columns[0].key),
            )
            for column in columns:
                self.found.cells.setdefault(self._path(row, column.key), unread())
            return
        for (column, path), text in zip(row_paths(self.table, row), texts, strict=True):
            self._set(path, column.kind, text, line)
        self._note_layout(row)

    def _split(self, row: Row, runs: list[str], line: int | None) -> None:
        columns = row.columns.columns
        keys = [c.key for c in columns]
        total = keys.index(row.columns.total) if row.columns.total in keys else None
        candidates = split_runs(runs, len(columns), row_total_rule(total))
        if len(candidates) == 1:
            for column, value in zip(columns, candidates[0], strict=True):
                self.found.cells[self._path(row, column.key)] = value
            self._note_layout(row)
            return
        if len(candidates) > 1 and total is not None:
            options = tuple(tuple(c) for c in candidates)
            self.found.pending.append(PendingSplit(self.table, row, options, line or 0))
            self._note_layout(row)
            return
        shown = "; ".join(" ".join(map(str, c)) for c in candidates[:4])
        why = (
            f"it splits {len(candidates)}{'+' if len(candidates) >= 64 else ''} ways ({shown}…) and no identity "
            "decides between them"
            if candidates
            else "it cannot be split into the row's cells"
        )
        self.notes.warn(
            f"{' › '.join(row.labels)}: the digits {' '.join(runs)} ran together without separators; {why}; "
            "the cells are left blank",
            line,
            self._path(row, columns[0].key),
        )
        for column in columns:
            self.found.cells[self._path(row, column.key)] = unread()
        self._note_layout(row)

    def _bands(self) -> None:
        rows = self.table.rows
        columns = [(row, c) for row in rows for c in row.columns.columns]
        texts = [t.text.strip() for t in self.band_values]
        line = self.band_values[0].line if self.band_values else None
        if len(texts) == len(columns):
            for (row, column), text in zip(columns, texts, strict=True):
                self._set(self._path(row, column.key), column.kind, text, line)
            return
        width = len(rows[0].columns.columns)
        total_offset = [c.key for c in rows[0].columns.columns].index(rows[0].columns.total or "")
        if texts and all(t.isdigit() for t in texts) and len(texts) < len(columns):
            candidates = split_runs(texts, len(columns), bands_rule(width, total_offset))
            if len(candidates) == 1:
                for (row, column), value in zip(columns, candidates[0], strict=True):
                    self.found.cells[self._path(row, column.key)] = value
                return
            self.notes.warn(
                f"table 四: the digits {' '.join(texts)} ran together and split {len(candidates)} ways under the "
                "总计 identities; the cells are left blank",
                line,
            )
            return
        if texts:
            self.notes.warn(
                f"table 四: expected {len(columns)} cells, found {len(texts)}; the cells are left blank", line
            )

    def _set(self, path: str, kind: CellKind, text: str, line: int | None) -> None:
        try:
            value, unit, note = parse_value(text, kind)
        except ValueProblem as e:
            self.notes.warn(f"{e}; the cell is left blank", line, path)
            return
        self.found.cells[path] = value
        if unit:
            self.found.units[path] = unit
        if note:
            self.notes.warn(f"{text!r}: {note}", line, path)

    def _path(self, row: Row, key: str) -> str:
        return cell_path(self.table, row, key)

    def _note_layout(self, row: Row) -> None:
        for alt in self.table.alternatives:
            if row in alt.rows:
                self.found.layouts[self.table.key] = alt.key


def _dedupe_spans(cells: list[str], width: int) -> list[str]:
    """Expanded colspans repeat a cell's text; drop repeats (leftmost first) while there are more cells than
    ``width`` and the repeats explain the surplus."""
    out: list[str] = []
    surplus = len(cells) - width
    for cell in cells:
        if surplus > 0 and out and cell == out[-1]:
            surplus -= 1
            continue
        out.append(cell)
    return out if len(out) == width else cells
