"""Stage 3: table rows placed by the declaration — a row label matched to a declared row, its values to the row's
columns, whatever the layout: one cell per line, table rows of cells, or runs whose separators were lost (split
under the table identities, never guessed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from disclosure_report.errors import Phrase
from disclosure_report.formats import CellKind, Row, Table
from disclosure_report.model import Blank
from disclosure_report.model.cells import MAX_BLANK_TEXT
from disclosure_report.read.digits import bands_rule, row_total_rule, split_runs
from disclosure_report.read.labels import normalise
from disclosure_report.read.lines import Line
from disclosure_report.read.notes import Notes
from disclosure_report.read.row_text import (
    Token,
    Values,
    headers,
    is_value,
    label_index,
    line_items,
    make_tokens,
    match_row,
    misprinted_row,
    plain_digits,
)
from disclosure_report.read.table_cells import (
    PendingSplit,
    TableCells,
    cell_path,
    digit_readers,
    layout_of,
    layout_of_row,
    plain_row_plan,
    row_paths,
    unread,
)
from disclosure_report.read.values import BLANK_MARKS, ValueProblem, is_number_text, parse_value

_DIGIT = re.compile(r"[0-9０-９]")


def read_table(table: Table, lines: Sequence[Line], cells: TableCells, notes: Notes) -> None:
    """Place the cells of ``table`` found in ``lines`` (its section) into ``cells``."""
    _TableReader(table, cells, notes).read(lines)


class _Label(NamedTuple):
    """A row label met in the table's lines; ``alone``: nothing but the label stood in its row of cells. (Named
    tuples: a table makes one of these or a :class:`_Values` per line, and a tuple is made faster than a frozen
    attrs instance.)"""

    row: Row
    line: int
    alone: bool = False


class _Values(NamedTuple):
    """Values that came together: after one label in text, or in one row of cells (``exact``: one per cell). They
    are kept as the runs they came in, each with its line; their tokens are made only when a row does not take
    them whole as plain numbers."""

    runs: tuple[tuple[tuple[str, ...], tuple[bool, ...], tuple[str, ...] | None, int], ...]
    exact: bool

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(token for texts, own, _, line in self.runs for token in make_tokens(texts, line, own))

    @property
    def line(self) -> int:
        return self.runs[0][3]

    @property
    def size(self) -> int:
        return len(self.runs[0][0]) if len(self.runs) == 1 else sum(len(run[0]) for run in self.runs)

    @property
    def plain(self) -> tuple[str, ...] | None:
        """The values stripped when every one is plain ASCII digits, else None."""
        if len(self.runs) == 1:
            return self.runs[0][2]
        if any(run[2] is None for run in self.runs):
            return None
        return tuple(text for run in self.runs for text in run[2] or ())

    @classmethod
    def of_cells(cls, cells: Sequence[str], line: int) -> _Values:
        """The values of a row of cells, one per cell."""
        texts = tuple(cells)
        return cls(((texts, (False,) * len(texts), plain_digits(texts), line),), exact=True)


class _TableReader:
    """Places the cells of one table from its lines: first the labels and values in the order they stand, then
    each run of values given to its row — the row whose label it follows, or, when labels and values stand apart,
    the rows the declared order says (several labels, then their values; two rows' values in one row; a row
    whose label was lost between two rows found)."""

    def __init__(self, table: Table, found: TableCells, notes: Notes) -> None:
        self.table = table
        self.found = found
        self.notes = notes
        self.index = label_index(table)
        self.band_values: list[Token] = []
        self.placed: list[Row] = []

    def read(self, lines: Sequence[Line]) -> None:
        if self.table.layout == "bands":
            self._read_bands(lines)
            return
        if not self._read_row_by_row(lines):
            self._give_out(self._events(lines))

    def _read_row_by_row(self, lines: Sequence[Line]) -> bool:
        """Place the rows of a table printed as most are — each row's label on a line, then one line of its values,
        as many as the row has columns — and answer True; answer False, having placed nothing,
        at the first line that is anything else (the general reading below then reads the table whole). The rows
        are placed exactly as :meth:`_give_out` places such lines, without making its events."""
        table = self.table
        rows: list[tuple[Row, Values, int]] = []
        label: Row | None = None
        for line in lines:
            if line.cells is not None:
                return False
            items = line_items(table, line.text)
            if not items:
                continue  # a note under the table (其中 …, 本列数据的勾稽关系为 …): no label, no value
            if len(items) != 1:
                return False
            item = items[0]
            if isinstance(item, tuple):
                if label is None or len(item[0]) != len(label.columns.columns):
                    return False
                rows.append((label, item, line.number))
                label = None
            elif label is not None:
                return False  # two labels running: the general reading decides whose values follow
            else:
                label = item
        if label is not None:
            return False
        cells, placed = self.found.cells, self.placed
        for row, (texts, own, plain), number in rows:
            if plain is None:
                self._place(row, tuple(make_tokens(texts, number, own)), exact=False)
                continue
            paths, counts, layout = plain_row_plan(table, row)
            if not counts:
                self._place_plain(row, plain)
                continue
            placed.append(row)  # what _place_plain does for a row of counts, inline: most rows of every table
            cells.update(zip(paths, map(int, plain), strict=True))
            if layout is not None:
                self.found.layouts[table.key] = layout
        return True

    # -- the labels and values in order -------------------------------------------------------------------------

    def _events(self, lines: Sequence[Line]) -> list[_Label | _Values]:
        events: list[_Label | _Values] = []
        values: list[tuple[tuple[str, ...], tuple[bool, ...], tuple[str, ...] | None, int]] = []

        def flush() -> None:
            if values:
                events.append(_Values(tuple(values), exact=False))
                values.clear()

        table = self.table
        for line in lines:
            if line.cells is not None:
                flush()
                events += self._cell_row_events(line)
                continue
            for item in line_items(table, line.text):
                if isinstance(item, tuple):
                    values.append((*item, line.number))
                else:
                    flush()
                    events.append(_Label(item, line.number))
        flush()
        return events

    def _cell_row_events(self, line: Line) -> list[_Label | _Values]:
        assert line.cells is not None
        cells = list(line.cells)
        label_at, row = None, None
        for k, cell in enumerate(cells):
            if not is_value(cell) and (found := match_row(cell, self.index)) is not None:
                label_at, row = k, found
        if label_at is None:
            label_at, row = self._misprinted_label(cells, line.number)
        if label_at is None or row is None:
            filled = [c for c in cells if c.strip()]
            numbers = any(is_number_text(c.strip()) for c in filled)  # a row of marks alone: an OCR header's rule
            if numbers and all(is_value(c) or self._mark_like(c) for c in filled):
                return [_Values.of_cells(filled, line.number)]
            return []
        width = len(row.columns.columns)
        rest = _as_printed(line, label_at + 1, width)
        while rest and normalise(rest[0]) == normalise(cells[label_at]):
            rest = rest[1:]  # a label repeated by an expanded colspan
        if len(rest) > width and all(is_value(c) or not c.strip() or self._mark_like(c) for c in rest):
            # an empty cell spanning columns is one empty cell; not when a cell holds other text (a PDF's figure
            # fallen into a sub-row's label cell beside it): then the row is a cell too wide, left unread, never
            # shifted by dropping one of two equal figures
            rest = _dedupe_spans(rest, width)
        if not any(c.strip() for c in rest):
            before = cells[:label_at]
            if any(normalise(c) in headers(self.table) for c in before):
                return []  # a header row whose last header names a row (总计)
            if not rest or len(rest) != width:
                return [_Label(row, line.number, alone=True)]
        if not any(is_value(c) and c.strip() for c in rest) and not (
            len(rest) == width and all(c.strip() in BLANK_MARKS or self._mark_like(c) for c in rest)
        ):
            return []  # a header row that names a row label among its headers
        return [_Label(row, line.number), _Values.of_cells(rest, line.number)]

    def _misprinted_label(self, cells: list[str], line: int) -> tuple[int | None, Row | None]:
        """The last cell that is a numbered item printed with characters left out, with its row (see
        :func:`~.row_text.misprinted_row`), and a warning saying how it was read."""
        for k in range(len(cells) - 1, -1, -1):
            row = misprinted_row(cells[k], self.table) if not is_value(cells[k]) else None
            if row is not None:
                self.notes.warn(
                    Phrase("warn.misprinted_label", printed=cells[k], label=row.label),
                    line,
                    self._path(row, row.columns.columns[0].key),
                )
                return k, row
        return None, None

    def _mark_like(self, text: str) -> bool:
        """A cell that can only be a blank mark: short, no digits, not a header or a row label."""
        stripped = text.strip()
        return (
            0 < len(stripped) <= MAX_BLANK_TEXT
            and not _DIGIT.search(stripped)
            and normalise(stripped) not in headers(self.table)
            and match_row(stripped, self.index) is None
        )

    # -- values to rows -----------------------------------------------------------------------------------------

    def _give_out(self, events: list[_Label | _Values]) -> None:
        last_valued = {  # each row (its id) whose label stands before values: the last place it does
            id(event.row): k
            for k, event in enumerate(events[:-1])
            if isinstance(event, _Label) and isinstance(events[k + 1], _Values)
        }
        waiting: list[_Label] = []  # labels met, their values not yet: consecutive rows in the declared order
        loose: list[Token] = []  # values met before any label could take them
        loose_line = 0
        for k, event in enumerate(events):
            if isinstance(event, _Label):
                if waiting and not self._consecutive(waiting[-1].row, event.row):
                    waiting.clear()  # a heading that names a row (（六）其他处理 over its sub-rows), or a lost row
                if loose and not waiting:
                    followed = k + 1 < len(events) and isinstance(events[k + 1], _Values)
                    if self._by_order(loose, loose_line, event.row, label_alone=not followed):
                        loose = []
                        if not followed:
                            continue
                    elif loose:
                        self._stray(loose)
                        loose = []
                waiting.append(event)
                continue
            if event.exact and len(waiting) > 1 and waiting[-1].line == event.line and not waiting[-1].alone:
                # a row of cells with its label and its values: theirs alone — the labels waiting before it stood in
                # rows of cells of their own with nothing in them (a table cut at the page's edge), not its values'
                del waiting[:-1]
            if waiting and event.size == len(waiting[0].row.columns.columns):  # the next row's values (most rows)
                plain = event.plain
                if plain is not None:
                    self._place_plain(waiting[0].row, plain)
                else:
                    self._place(waiting[0].row, event.tokens, exact=event.exact)
                waiting.clear()
                continue
            tokens = list(event.tokens)
            if not waiting:
                if not loose:
                    loose_line = event.line
                loose += tokens
                continue
            rest = self._to_waiting(waiting, tokens, event, (last_valued, k + 1))
            if rest:
                loose, loose_line = rest, event.line
        if loose and not self._by_order(loose, loose_line, None, label_alone=False):
            self._stray(loose)

    def _to_waiting(
        self, waiting: list[_Label], tokens: list[Token], event: _Values, later: tuple[dict[int, int], int]
    ) -> list[Token]:
        """Give a run of values to the waiting labels, in order; what is left over (a next row's values printed
        in the same row) is returned — only when those next rows' labels do not come later with values of their own
        (then the run is not two rows' values but something else, `pdftotext` without ``-layout`` printing a table
        column by column: the row is left unread)."""
        first = waiting[0]
        width = len(first.row.columns.columns)
        separate = event.exact or len(tokens) >= width
        if len(tokens) == width or not separate:
            waiting.pop(0)
            self._place(first.row, tokens, exact=event.exact)
            waiting.clear()
            return []
        taken = 0
        rows: list[Row] = []
        for label in waiting:
            size = len(label.row.columns.columns)
            if taken + size > len(tokens):
                break
            rows.append(label.row)
            taken += size
        fits = len(rows) > 1 and taken == len(tokens)
        if fits or (rows and taken < len(tokens) and self._next_rows_take(rows[-1], len(tokens) - taken, later)):
            at = 0
            for row in rows:
                size = len(row.columns.columns)
                self._place(row, tokens[at : at + size], exact=True)
                at += size
            if len(rows) > 1:
                self.notes.warn(
                    Phrase("warn.values_apart", line=event.line, rows="、".join(r.labels[-1] for r in rows)),
                    event.line,
                    self._path(rows[0], rows[0].columns.columns[0].key),
                )
            waiting.clear()
            return tokens[taken:]
        waiting.pop(0)
        self._place(first.row, tokens, exact=event.exact)
        waiting.clear()
        return []

    def _next_rows_take(self, row: Row, count: int, later: tuple[dict[int, int], int]) -> bool:
        """Whether ``count`` values are exactly the cells of the one or more rows declared right after ``row``
        (the values of the next rows printed in ``row``'s row), none of whose labels comes later followed by values
        of its own (``later``: the last event each row's label stands before values at, and where the later events
        start)."""
        order = list(self.table.rows_with(layout_of(self.table, self.found)))
        if row not in order:
            return False
        last_valued, start = later
        total = 0
        for following in order[order.index(row) + 1 :]:
            if last_valued.get(id(following), -1) >= start:
                return False
            total += len(following.columns.columns)
            if total >= count:
                return total == count
        return False

    def _by_order(self, loose: list[Token], line: int, upto: Row | None, *, label_alone: bool) -> bool:
        """Place values whose label was not found in the rows the declared order leaves for them: the rows between
        the last row placed and ``upto`` (the label met next; None: the end of the table), or ``upto`` itself
        when its label stood alone right after the values (a next row's values printed in the row before)."""
        last = self.placed[-1] if self.placed else None
        layouts = [self.table.rows_with(layout_of(self.table, self.found)), *self._layouts()]
        order = next(
            (list(rows) for rows in layouts if (last is None or last in rows) and (upto is None or upto in rows)), None
        )
        if order is None:
            return False
        start = order.index(last) + 1 if last is not None else 0
        end = order.index(upto) if upto is not None else len(order)
        gap = order[start:end]
        if label_alone and upto is not None and not gap:
            gap = [upto]
        if not gap or any(self._has_cells(r) for r in gap):
            return False
        if sum(len(r.columns.columns) for r in gap) != len(loose):
            return False
        at = 0
        for row in gap:
            size = len(row.columns.columns)
            self._place(row, loose[at : at + size], exact=True)
            at += size
        self.notes.warn(
            Phrase("warn.values_by_order", line=line, rows="、".join(r.labels[-1] for r in gap)),
            line,
            self._path(gap[0], gap[0].columns.columns[0].key),
        )
        return True

    def _stray(self, loose: list[Token]) -> None:
        self.notes.unplaced(
            Phrase("warn.values_stray", values=" | ".join(t.text for t in loose[:16])),
            loose[0].line,
        )

    def _layouts(self) -> list[tuple[Row, ...]]:
        """The table's rows in each layout it may be printed in."""
        return [self.table.rows, *(self.table.rows_with(a) for a in self.table.alternatives)]

    def _consecutive(self, before: Row, after: Row) -> bool:
        for rows in self._layouts():
            if before in rows and after in rows and rows.index(after) == rows.index(before) + 1:
                return True
        return False

    def _has_cells(self, row: Row) -> bool:
        return any(path in self.found.cells for _, path in row_paths(self.table, row))

    # -- table 四: bands ----------------------------------------------------------------------------------------

    def _read_bands(self, lines: Sequence[Line]) -> None:
        for line in lines:
            if line.cells is not None:
                self._band_row(line)
                continue
            for item in line_items(self.table, line.text):
                if isinstance(item, tuple):
                    self.band_values.extend(make_tokens(item[0], line.number, item[1]))
        self._bands()

    def _band_row(self, line: Line) -> None:
        assert line.cells is not None
        cells = list(line.cells)
        if not cells:
            return
        band = match_row(cells[0], self.index) if not is_value(cells[0]) else None
        start = 1 if band is not None else 0
        every = sum(len(r.columns.columns) for r in self.table.rows)
        while (
            band is None
            and len(cells) - start > every
            and not is_value(cells[start])
            and not is_number_text(cells[start].strip())
        ):
            start += 1  # a heading cell before all the values (``(数据项目)``, ``数量``)
        rest = _as_printed(line, start, len(band.columns.columns) if band is not None else every)
        valued = [c for c in rest if is_value(c) or self._mark_like(c)]
        if band is not None and len(rest) == len(band.columns.columns) and len(valued) == len(rest):
            self._place(band, [Token(c, line.number) for c in rest], exact=True)
        elif len(valued) == len(rest) and any(is_value(c) and c.strip() for c in rest):
            self.band_values += [Token(c, line.number, own_cell=True) for c in rest]  # the official grid: all bands

    def _place(self, row: Row, values: Sequence[Token], *, exact: bool) -> None:
        columns = row.columns.columns
        texts = [v[0].strip() for v in values]  # (each token's text)
        if len(texts) == len(columns) and plain_digits(texts) is not None:
            self._place_plain(row, texts)
            return
        self.placed.append(row)
        line = values[0].line if values else None
        if len(texts) != len(columns):
            if not exact and all(t.isdecimal() for t in texts) and len(texts) < len(columns):
                self._split(row, texts, line)
                return
            self.notes.unplaced(
                Phrase(
                    "warn.row_width",
                    row=" › ".join(row.labels),
                    expected=len(columns),
                    found=len(texts),
                    texts=" | ".join(texts),
                ),
                line,
                self._path(row, columns[0].key),
            )
            for column in columns:
                self.found.cells.setdefault(self._path(row, column.key), unread())
            return
        for (column, path), token in zip(row_paths(self.table, row), values, strict=True):
            self._set(path, column.kind, token.text.strip(), token.line, own_cell=exact or token.own_cell)
        self._note_layout(row)

    def _place_plain(self, row: Row, texts: Sequence[str]) -> None:
        """Place a row's values that are all plain ASCII digits, one per column: read as parse_value reads them
        (int, or Decimal for money), nothing to note."""
        self.placed.append(row)
        paths, readers = digit_readers(self.table, row)
        if Decimal not in readers:  # counts
            self.found.cells.update(zip(paths, map(int, texts), strict=True))
        else:
            self.found.cells.update((p, read(t)) for p, read, t in zip(paths, readers, texts, strict=True))
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
        labels, digits = " › ".join(row.labels), " ".join(runs)
        ways = f"{len(candidates)}{'+' if len(candidates) >= 64 else ''}"
        self.notes.unplaced(
            Phrase("warn.digits_ways", row=labels, digits=digits, ways=ways, shown=shown)
            if candidates
            else Phrase("warn.digits_unsplittable", row=labels, digits=digits),
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
        if len(texts) == len(columns) and plain_digits(texts) is not None:
            at = 0  # plain numbers (most reports): read as parse_value reads them, nothing to note
            for row in rows:
                paths, readers = digit_readers(self.table, row)
                self.found.cells.update(
                    (p, read(t)) for p, read, t in zip(paths, readers, texts[at : at + len(paths)], strict=True)
                )
                at += len(paths)
            return
        if len(texts) == len(columns):
            for (row, column), token in zip(columns, self.band_values, strict=True):
                self._set(self._path(row, column.key), column.kind, token.text.strip(), line, own_cell=token.own_cell)
            return
        width = len(rows[0].columns.columns)
        total_offset = [c.key for c in rows[0].columns.columns].index(rows[0].columns.total or "")
        if texts and all(t.isdecimal() for t in texts) and len(texts) < len(columns):
            candidates = split_runs(texts, len(columns), bands_rule(width, total_offset))
            if len(candidates) == 1:
                for (row, column), value in zip(columns, candidates[0], strict=True):
                    self.found.cells[self._path(row, column.key)] = value
                return
            self.notes.unplaced(
                Phrase("warn.bands_ways", digits=" ".join(texts), ways=len(candidates)),
                line,
            )
            return
        if texts:
            self.notes.unplaced(Phrase("warn.bands_width", expected=len(columns), found=len(texts)), line)

    def _set(self, path: str, kind: CellKind, text: str, line: int | None, *, own_cell: bool) -> None:
        """Read one cell's text. ``own_cell``: the text stood in a cell (or a place) of its own, so a short text
        without digits that is no label can only be what the author printed instead of a number: a blank with
        that mark."""
        try:
            value, unit, note = parse_value(text, kind)
        except ValueProblem as e:
            if own_cell and self._mark_like(text):
                self.found.cells[path] = Blank(text.strip())
                self.notes.warn(Phrase("warn.mark_kept", mark=text.strip()), line, path)
                return
            self.notes.unplaced(Phrase("warn.cell_unread", problem=e.args[0]), line, path)
            self.found.cells[path] = unread()
            return
        self.found.cells[path] = value
        if unit:
            self.found.units[path] = unit
        if note:
            self.notes.warn(Phrase("warn.value_note", text=text, note=note), line, path)

    def _path(self, row: Row, key: str) -> str:
        return cell_path(self.table, row, key)

    def _note_layout(self, row: Row) -> None:
        alt = layout_of_row(self.table, row)
        if alt is not None:
            self.found.layouts[self.table.key] = alt


def _as_printed(line: Line, start: int, width: int) -> list[str]:
    """A row's cells from ``start`` on: one per grid column, or, when they are more than ``width`` and the reader
    said how they were printed (:meth:`.Line.printed`), one per printed cell if those are exactly ``width`` — a cell
    spanning two grid columns that a header row above shares out differently (LibreOffice's HTML of a Word table)
    is one cell, known from its ``colspan``, never guessed from two equal figures side by side."""
    assert line.cells is not None
    cells = list(line.cells[start:])
    if len(cells) > width and (printed := line.printed(start)) is not None and len(printed) == width:
        return list(printed)
    return cells


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
