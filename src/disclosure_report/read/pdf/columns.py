"""Tables printed without ruling lines (a Word table with its borders switched off, a web page whose CSS draws
none), rebuilt from where their words stand: the value columns from the figures aligned under one another (or from
the header above them), the label columns from the labels' left edges, a label wrapped over lines in its column
joined, and each line of figures a row holding the labels beside it.

A number wrapped over lines in a narrow cell is made whole when it stands centred on its row's label (or, cells
aligned at their top, starts at it). Only what is certain is rebuilt: a figure between two columns, two figures in
one column of a line, a line of figures no label stands beside, or a wrapped number on no row's label or beside
two leave the whole table to be read as lines of text, as before.

Here: which lines make a table, its header and its value columns; the lines' pieces are :mod:`.pieces`', the
label cells :mod:`.labels`', the rows :mod:`.rows`'.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import attrs

from disclosure_report.read.pdf.labels import Label, label_cells, label_head
from disclosure_report.read.pdf.pieces import Piece, PrintedLine, column_of
from disclosure_report.read.pdf.rows import rows_beside, stacked_rows

_HEADER_LINES = 10
"""How many lines above a table's figures are looked at for its header."""


@attrs.frozen
class UnruledTable:
    """A table rebuilt from the positions of its words: its rows of cells (labels, then one per value column),
    the value columns' spans, and where it starts."""

    rows: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[float, float], ...]
    header: tuple[str, ...]
    page: int
    top: float
    lefts: tuple[float, ...]
    """Where each label column starts."""
    open: frozenset[int]
    """The label columns whose label in the last row ends at its cell's right edge: the row may go on on the next
    page (see :mod:`.breaks`)."""
    goes_on: bool
    """Whether it continues the table ending the page before (no header of its own, or that table's repeated)."""
    carried: tuple[str, ...]
    """By value column, the figures opening it without a label: the rest of the table's last row on the page
    before (``()`` for none)."""
    wide: frozenset[int]
    """The value columns where its last row has a number filling the column's width (it may go on below)."""


def unruled_tables(
    lines: Sequence[PrintedLine], page: int, before: UnruledTable | None
) -> tuple[list[UnruledTable], set[int]]:
    """The tables without ruling lines among ``lines`` (a page's text outside its ruled tables, top to bottom) and
    the ``index`` of each line they took. ``before``: the table ending the page before, which a table at the top of
    this page without a header of its own continues."""
    tables: list[UnruledTable] = []
    taken: set[int] = set()
    for group in _groups(lines):
        table = _table(lines, group, page, before if not tables else None)
        if table is not None:
            found, used = table
            tables.append(found)
            taken |= {lines[k].index for k in used}
    return tables, taken


@attrs.frozen
class _Group:
    """Lines that may be one table: lines of figures and the label lines between them; ``value_left`` the left
    edge of the figures (labels stand left of it)."""

    lines: tuple[int, ...]
    value_left: float


def _groups(lines: Sequence[PrintedLine]) -> list[_Group]:
    """Runs of lines ending in figures, with the lines holding labels only (left of the figures, in the figures'
    size) among, before and after them; a line reaching over the figures (a heading, a header, a paragraph) or in
    another size (a heading) ends a run."""
    out: list[_Group] = []
    members: list[int] = []
    pending: list[int] = []  # label-like lines since the last line of figures
    left, size = 0.0, 0.0

    def beside(pieces: Sequence[Piece]) -> bool:
        return all(p.x1 <= left + size and abs(p.size - size) <= 1.0 for p in pieces)

    def close() -> None:
        if members:
            out.append(_Group(tuple(members + pending), left))
        members.clear()

    for k, line in enumerate(lines):
        values = line.values
        if values:
            edge = min(p.x0 for p in values)
            if members and abs(values[0].size - size) <= 1.0 and beside(line.labels):
                members.extend(pending)
                left = min(left, edge)
            else:
                close()
                left, size = edge, values[0].size
                leading: list[int] = []
                for j in reversed(pending):  # label lines just above: the first rows' labels may start there
                    if not beside(lines[j].pieces):
                        break
                    leading.insert(0, j)
                members.extend(leading)
            members.append(k)
            pending = []
        elif members and beside(line.pieces):
            pending.append(k)
        elif members:
            close()
            pending = [k]
        else:  # before a table: the lines just above its first figures (a first label wrapped over them)
            pending.append(k)
    close()
    return out


def _table(
    lines: Sequence[PrintedLine], group: _Group, page: int, before: UnruledTable | None
) -> tuple[UnruledTable, set[int]] | None:
    """The table the group of lines is, or None when its columns or rows are not certain."""
    figures = [k for k in group.lines if lines[k].values]
    size = lines[figures[0]].values[0].size
    members = _anchored(lines, group.lines, figures)
    first = min(members)
    header = _header(lines, first, group.value_left, size)
    labelled = any(lines[k].labels for k in members)
    columns = _columns_from_header(lines, figures, header, labelled) or _columns_from_figures(lines, figures)
    if columns is None:
        return None
    continued = (
        not header
        and before is not None
        and _same_columns(before.columns, columns, size)
        and not any(lines[j].bottom <= lines[first].top for j in range(first))
    )
    if not continued and not any(len(lines[k].pieces) > 1 for k in header):
        return None  # a header is cells apart on a line (a paragraph above reaching over the figures is not)
    texts = tuple(_text(lines[k]) for k in sorted(header))
    used: set[int] = set()
    if before is not None and texts and texts == before.header and _same_columns(before.columns, columns, size):
        used |= set(header)  # the header repeated over the table's rest on this page: the rows go on
        continued = True
    opening = min(header, default=first)  # nothing above the table on its page: it opens the page
    goes_on = continued and before is not None and before.page == page - 1 and opening == 0
    carried = _carried(lines, members, figures) if goes_on else []
    if carried and not _goes_on_numbers(before, _values_of(lines, carried, columns)):
        carried = []  # not the rest of numbers wrapped at the foot of the page before: read as before
    figures = [k for k in figures if k not in carried]
    members = [k for k in members if k not in carried]
    used |= set(carried)
    rows: list[tuple[str, ...]] = []
    labels: list[Label] = []
    if figures:
        labels = label_cells(lines, members, figures, min(c[0] for c in columns), label_head(lines, header, columns))
        found = rows_beside(lines, figures, labels, columns) or stacked_rows(lines, figures, labels, columns)
        if found is None:
            return None
        rows = found
    used |= set(figures) | {k for label in labels for k in label.lines}
    top = min(lines[k].top for k in used)
    lefts = sorted({label.column: label.left for label in labels}.items())
    table = UnruledTable(
        tuple(rows),
        tuple(columns),
        texts,
        page,
        top,
        tuple(x for _, x in lefts),
        _open(labels, rows[-1]) if rows else frozenset(),
        continued,
        _values_of(lines, carried, columns),
        _wide(lines, figures, columns, rows[-1]) if rows else frozenset(),
    )
    return table, used


def _carried(lines: Sequence[PrintedLine], members: Sequence[int], figures: Sequence[int]) -> list[int]:
    """The lines of figures without labels opening a table that goes on from the page before, above any label: the
    rest of its last row (numbers wrapped in their cells, cut by the page break), not rows of their own."""
    out = []
    for k in sorted(members):
        if lines[k].labels or k not in figures:
            break
        out.append(k)
    return out


def _goes_on_numbers(before: UnruledTable | None, carried: Sequence[str]) -> bool:
    """Whether the figures ``carried`` (by value column) are each the rest of a number filling its column's width in
    the last row of ``before``: digits under digits, in the same columns."""
    if before is None or not before.rows or len(carried) != len(before.columns):
        return False
    last = before.rows[-1][-len(carried) :]
    return all(
        c in before.wide and last[c].isdigit() and text.isascii() and text.isdigit()
        for c, text in enumerate(carried)
        if text
    )


def _values_of(
    lines: Sequence[PrintedLine], ks: Sequence[int], columns: Sequence[tuple[float, float]]
) -> tuple[str, ...]:
    """The figures of the lines ``ks`` by value column, those of one column one under another joined; ``()`` for
    none."""
    if not ks:
        return ()
    out = [""] * len(columns)
    for k in ks:
        for p in lines[k].values:
            c = column_of(columns, p)
            out[c] += p.text
    return tuple(out)


def _wide(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    columns: Sequence[tuple[float, float]],
    last: Sequence[str],
) -> frozenset[int]:
    """The value columns where the last row (``last``) has a number of two digits or more filling the column's
    width — as wide as its widest figure, within half a digit: it may wrap on the next line (or page)."""
    widest = [0.0] * len(columns)
    for k in figures:
        for p in lines[k].values:
            c = column_of(columns, p)
            widest[c] = max(widest[c], p.x1 - p.x0)
    bottom = max(figures, key=lambda k: lines[k].top)
    out = set()
    for p in lines[bottom].values:
        c = column_of(columns, p)
        digits = len(p.text) > 1 and p.text.isascii() and p.text.isdigit()
        at = len(last) - len(columns) + c
        if digits and last[at] == p.text and p.x1 - p.x0 >= widest[c] - (p.x1 - p.x0) / len(p.text) / 2:
            out.add(c)
    return frozenset(out)


def _open(labels: Sequence[Label], last: Sequence[str]) -> frozenset[int]:
    """The label columns whose lowest label stands in the last row (``last``) and ends at its cell's right edge."""
    out = set()
    for column in {label.column for label in labels}:
        lowest = max((label for label in labels if label.column == column), key=lambda label: label.bottom)
        if lowest.wrapped and last[column] == lowest.text:
            out.add(column)
    return frozenset(out)


def _text(line: PrintedLine) -> str:
    return "".join(p.text for p in line.pieces)


def _anchored(lines: Sequence[PrintedLine], members: Sequence[int], figures: Sequence[int]) -> list[int]:
    """The group without the label lines above its first figures and below its last that are not wholly in a
    column of labels standing beside figures (a title over the table, a note under it), nor the lines beyond
    them."""
    lefts = [p.x0 for k in figures for p in lines[k].labels]

    def anchored(k: int) -> bool:
        return all(any(abs(p.x0 - x) <= 2.0 for x in lefts) for p in lines[k].pieces)

    above = [k for k in members if k < figures[0]]
    below = [k for k in members if k > figures[-1]]
    while above and not anchored(above[0]):
        above.pop(0)
    while above and not all(anchored(k) for k in above):
        above.pop(0)
    kept_below = []
    for k in below:
        if not anchored(k):
            break
        kept_below.append(k)
    return [*above, *(k for k in members if figures[0] <= k <= figures[-1]), *kept_below]


def _header(lines: Sequence[PrintedLine], first: int, value_left: float, size: float) -> list[int]:
    """The lines just above a table's first line, in its size, up to the last that prints something over its
    figures: its header (a title over the table counts too; its pieces span several columns and are passed over)."""
    out: list[int] = []
    over = 0
    below = lines[first].top
    for k in range(first - 1, max(first - 1 - _HEADER_LINES, -1), -1):
        line = lines[k]
        if line.values or below - line.bottom > 2 * size or abs(line.size - size) > 1.0:
            break
        out.append(k)
        if any(p.centre >= value_left for p in line.pieces):
            over = len(out)
        below = line.top
    return out[:over]


def _columns_from_header(
    lines: Sequence[PrintedLine], figures: Sequence[int], header: Sequence[int], labelled: bool
) -> list[tuple[float, float]] | None:
    """The value columns the header prints, bottom line first: a header piece over one column already found widens
    it, one over none adds a column, one over several (a header spanning columns) is passed over; in a table with
    labels, pieces left of the figures head the labels. None unless every figure stands under exactly one of them
    and reaches into no other, each column of a line holding one figure at most."""
    value_left = min(p.x0 for k in figures for p in lines[k].values) if labelled else float("-inf")
    spans: list[tuple[float, float]] = []
    for k in header:
        for p in lines[k].pieces:
            if p.centre < value_left:
                continue
            over = [j for j, (x0, x1) in enumerate(spans) if p.x0 < x1 and x0 < p.x1]
            if not over:
                spans.append((p.x0, p.x1))
            elif len(over) == 1:
                x0, x1 = spans[over[0]]
                spans[over[0]] = (min(x0, p.x0), max(x1, p.x1))
    spans.sort()
    if not spans or any(a[1] >= b[0] for a, b in itertools.pairwise(spans)):
        return None
    if len(spans) == 1 and all(len(lines[k].values) == 1 for k in figures):  # one column: wherever its figures are
        pieces = [lines[k].values[0] for k in figures]
        return [(min(spans[0][0], *(p.x0 for p in pieces)), max(spans[0][1], *(p.x1 for p in pieces)))]
    for k in figures:
        seen: set[int] = set()
        for p in lines[k].values:
            under = [j for j, (x0, x1) in enumerate(spans) if x0 - p.size / 2 <= p.centre <= x1 + p.size / 2]
            reaches = [j for j, (x0, x1) in enumerate(spans) if min(x1, p.x1) - max(x0, p.x0) > p.size / 2]
            if len(under) != 1 or under[0] in seen or any(j != under[0] for j in reaches):
                return None
            seen.add(under[0])
    return spans


def _columns_from_figures(lines: Sequence[PrintedLine], figures: Sequence[int]) -> list[tuple[float, float]] | None:
    """The value columns the figures of two lines or more make, aligned on their centres (or, failing that, their
    right edges): each a span from its leftmost to its rightmost figure, apart from the next. None when neither
    alignment is clean."""
    if len(figures) < 2:
        return None  # one line of figures shows no alignment
    pieces = [p for k in figures for p in lines[k].values]
    anchors: tuple[Callable[[Piece], float], ...] = (lambda p: p.centre, lambda p: p.x1)
    for anchor in anchors:
        groups: list[list[Piece]] = []
        for p in sorted(pieces, key=anchor):
            if groups and anchor(p) - anchor(groups[-1][-1]) <= p.size / 2:
                groups[-1].append(p)
            else:
                groups.append([p])
        spans = [(min(p.x0 for p in g), max(p.x1 for p in g)) for g in groups]
        apart = all(a[1] < b[0] for a, b in itertools.pairwise(spans))
        one_each = all(len(lines[k].values) == len({column_of(spans, p) for p in lines[k].values}) for k in figures)
        if apart and one_each:
            return spans
    return None


def _same_columns(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]], size: float) -> bool:
    return len(a) == len(b) and all(
        abs((x0 + x1) / 2 - (y0 + y1) / 2) <= size for (x0, x1), (y0, y1) in zip(a, b, strict=True)
    )
