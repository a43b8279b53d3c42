"""Tables printed without ruling lines (a Word table with its borders switched off, a web page whose CSS draws
none), rebuilt from where their words stand: the value columns from the figures aligned under one another (or from
the header above them), the label columns from the labels' left edges, a label wrapped over lines in its column
joined, and each line of figures a row holding the labels beside it.

A number wrapped over lines in a narrow cell is made whole when it stands centred on its row's label (or, cells
aligned at their top, starts at it). Only what is certain is rebuilt: a figure between two columns, two figures in
one column of a line, a line of figures no label stands beside, or a wrapped number on no row's label or beside
two leave the whole table to be read as lines of text, as before.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from pdfplumber.utils.text import extract_text

from disclosure_report.read.pdf_tables import NUMBERED
from disclosure_report.read.pdf_text import clean
from disclosure_report.read.values import BLANK_MARKS, is_number_text

_GAP = 0.6
"""A gap wider than this share of the characters' size parts two cells of a line (words of one cell stand closer)."""

_FIGURE_GAP = 0.2
"""Two figures (or blank marks) stand apart at a narrower gap: the digits and signs of one number are set without
any (tabular figures)."""

_FIGURE_MARKS = "0123456789.,+-－—–/"
_FIGURES = frozenset(a + b for a in _FIGURE_MARKS for b in _FIGURE_MARKS)

_IDEOGRAPH_GAP = 0.4
"""Chinese characters (and full-width punctuation) are set edge to edge, a tenth of their size apart when a line is
justified: two of them further apart than this stand in two cells (a narrow header's cells are close)."""

_IDEOGRAPHS = "\u2e80"
"""Where the CJK blocks start (radicals, then punctuation, kana, ideographs, full-width forms)."""

_WRAP_LINES = 3
"""Label lines of one column ending at one width: so many make it the width where the column's lines wrap."""

_SPACED_GAP = 2.0
"""Words with a space printed between them (text, not cells) stand apart only at a gap this much wider."""

_WRAPPED = 2.5
"""A label line ending within this many characters of its cell's right edge was wrapped there (see _joins)."""

_HEADER_LINES = 10
"""How many lines above a table's figures are looked at for its header."""


@attrs.frozen
class Piece:
    """A run of characters of one line standing apart from the others (a cell's text on that line)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def value(self) -> bool:
        """Whether the piece is a figure or a blank mark (what a value cell prints)."""
        return self.text in BLANK_MARKS or is_number_text(self.text)


@attrs.frozen
class PrintedLine:
    """A line of text as pdfplumber groups it (``index``: its place among them), in pieces."""

    index: int
    pieces: tuple[Piece, ...]
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(p.size for p in self.pieces)

    @property
    def values(self) -> tuple[Piece, ...]:
        """The figures ending the line, when the line is labels then figures (else none)."""
        first = next((k for k, p in enumerate(self.pieces) if p.value), None)
        if first is None or not all(p.value for p in self.pieces[first:]):
            return ()
        return self.pieces[first:]

    @property
    def labels(self) -> tuple[Piece, ...]:
        return self.pieces[: len(self.pieces) - len(self.values)]


@attrs.frozen
class UnruledTable:
    """A table rebuilt from the positions of its words: its rows of cells (labels, then one per value column),
    the value columns' spans, and where it starts."""

    rows: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[float, float], ...]
    header: tuple[str, ...]
    page: int
    top: float


def printed_lines(lines: Sequence[dict[str, Any]], chars: Sequence[dict[str, Any]]) -> list[PrintedLine]:
    """pdfplumber's text lines (with their characters) cut into pieces at the gaps between cells; ``chars``: the
    page's characters in the order printed, spaces included (a space printed after a word marks text)."""
    spaced = spaced_words(chars)
    out = []
    for index, line in enumerate(lines):
        shown = [c for c in line["chars"] if c["text"].strip()]
        if not shown:
            continue
        runs: list[list[dict[str, Any]]] = [[shown[0]]]
        for a, b in itertools.pairwise(shown):
            if b["x0"] - a["x1"] > _gap(a, b, spaced) * min(a["size"], b["size"]):
                runs.append([b])
            else:
                runs[-1].append(b)
        pieces = tuple(_piece(run) for run in runs)
        out.append(
            PrintedLine(
                index,
                tuple(p for p in pieces if p.text),
                float(line["top"]),
                float(line["bottom"]),
            )
        )
    return [line for line in out if line.pieces]


def _gap(a: dict[str, Any], b: dict[str, Any], spaced: set[int]) -> float:
    """The share of their size two characters of a line stand apart at when they are in two cells."""
    if id(a) in spaced:
        return _SPACED_GAP
    if a["text"] + b["text"] in _FIGURES:
        return _FIGURE_GAP
    if a["text"] >= _IDEOGRAPHS and b["text"] >= _IDEOGRAPHS:
        return _IDEOGRAPH_GAP
    return _GAP


def spaced_words(chars: Sequence[dict[str, Any]]) -> set[int]:
    """``id`` s of the characters followed by a printed space (words of a text: cells are set apart, not spaced)."""
    return {id(a) for a, b in itertools.pairwise(chars) if a["text"].strip() and not b["text"].strip()}


def _piece(chars: list[dict[str, Any]]) -> Piece:
    return Piece(
        clean(extract_text(chars)),
        float(min(c["x0"] for c in chars)),
        float(max(c["x1"] for c in chars)),
        float(min(c["top"] for c in chars)),
        float(max(c["bottom"] for c in chars)),
        float(max(c["size"] for c in chars)),
    )


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
        else:
            close()
            pending = [k]
    close()
    return out


@attrs.frozen
class _Label:
    """A label cell: its column, its text and how far down it reaches, and the lines it was read from."""

    column: int
    text: str
    top: float
    bottom: float
    size: float
    lines: frozenset[int]


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
    labels = _labels(lines, members, figures, min(c[0] for c in columns), _label_head(lines, header, columns))
    rows = _rows(lines, figures, labels, columns) or _stacked_rows(lines, figures, labels, columns)
    if rows is None:
        return None
    used = set(figures) | {k for label in labels for k in label.lines}
    texts = tuple(_text(lines[k]) for k in sorted(header))
    if before is not None and texts and texts == before.header and _same_columns(before.columns, columns, size):
        used |= set(header)  # the header repeated over the table's rest on this page: the rows go on
    top = min(lines[k].top for k in used)
    return UnruledTable(tuple(rows), tuple(columns), texts, page, top), used


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
        one_each = all(len(lines[k].values) == len({_column_of(spans, p) for p in lines[k].values}) for k in figures)
        if apart and one_each:
            return spans
    return None


def _column_of(spans: Sequence[tuple[float, float]], piece: Piece) -> int:
    """The column whose span holds the piece's centre, or the nearest."""
    return min(
        range(len(spans)),
        key=lambda j: (
            0.0
            if spans[j][0] <= piece.centre <= spans[j][1]
            else min(abs(spans[j][0] - piece.centre), abs(spans[j][1] - piece.centre))
        ),
    )


def _same_columns(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]], size: float) -> bool:
    return len(a) == len(b) and all(
        abs((x0 + x1) / 2 - (y0 + y1) / 2) <= size for (x0, x1), (y0, y1) in zip(a, b, strict=True)
    )


@attrs.frozen
class _Column:
    """A label column as the joining of wrapped lines sees it: where it and the next column start, its widest
    line not reaching into the next column, and whether several lines end there (its lines wrap there)."""

    left: float
    widest: float
    wraps: bool


def _label_head(
    lines: Sequence[PrintedLine], header: Sequence[int], columns: Sequence[tuple[float, float]]
) -> Piece | None:
    """The one header piece over the labels (``信息内容``), when there is one."""
    over = [p for k in header for p in lines[k].pieces if p.x1 < columns[0][0]]
    return over[0] if len(over) == 1 else None


def _labels(
    lines: Sequence[PrintedLine],
    members: Sequence[int],
    figures: Sequence[int],
    value_left: float,
    head: Piece | None,
) -> list[_Label]:
    """The label cells of the group: its label pieces by column (their left edges), a piece joined to the one above
    in its column when it starts no numbered item and that one was wrapped — it ends at its cell's right edge, or
    it and this one stand on either side of a line of figures beside neither (a label centred beside them). A
    single label column under a single header piece ends as far right of that piece's middle as its labels start
    left of it (a header is centred in its cell)."""
    fragments = [(k, p) for k in members for p in lines[k].labels]
    lefts: list[float] = []
    for x in sorted(p.x0 for _, p in fragments):
        if not lefts or x - lefts[-1] > 2.0:
            lefts.append(x)
    if len(lefts) == 1 and head is not None and lefts[0] < head.x0:
        value_left = min(value_left, 2 * head.centre - lefts[0])

    def column_of(p: Piece) -> int:
        return min(range(len(lefts)), key=lambda j: abs(lefts[j] - p.x0))

    inside = [p for _, p in fragments if p.x1 <= _edge(p, lefts, value_left)]
    columns = []
    for j, left in enumerate(lefts):
        widest = max((p.x1 for p in inside if column_of(p) == j), default=float("-inf"))
        ends = [p for p in inside if column_of(p) == j and widest - p.x1 <= p.size / 2]
        columns.append(_Column(left, widest, len(ends) >= _WRAP_LINES))
    middles = [_middle(lines[k]) for k in figures]
    cells: list[_Label] = []
    open_cell: dict[int, tuple[int, Piece, bool]] = {}  # column → (index in cells, its last piece, beside figures)
    for k, p in sorted(fragments, key=lambda f: (f[1].top, f[1].x0)):
        column = column_of(p)
        above = open_cell.get(column)
        beside = () if above is None or above[2] else middles
        if above is not None and _joins(above[1], p, columns[column], _edge(above[1], lefts, value_left), beside):
            at = above[0]
            cell = cells[at]
            cells[at] = attrs.evolve(cell, text=_join(cell.text, p.text), bottom=p.bottom, lines=cell.lines | {k})
        else:
            at = len(cells)
            cells.append(_Label(column, p.text, p.top, p.bottom, p.size, frozenset({k})))
        open_cell[column] = (at, p, bool(lines[k].values))
    return cells


def _join(left: str, right: str) -> str:
    return clean(f"{left}\n{right}")


def _joins(above: Piece, piece: Piece, column: _Column, edge: float, middles: Sequence[float]) -> bool:
    """Whether ``piece`` carries on the label ``above`` wrapped in its cell (see :func:`_labels`). ``edge``: where
    the next column starts right of ``above``; ``middles``: the middles of the lines of figures when ``above``
    stands beside none. A line ends at its cell's right edge when it ends within a few characters of where the
    next column starts, or within two of the widest line of its column when that one does or several lines end
    there (a line breaking before a character that may not start one is shorter)."""
    if NUMBERED.match(piece.text) or piece.top - above.bottom > above.size:
        return False
    size = above.size
    high, low = (above.top + above.bottom) / 2, (piece.top + piece.bottom) / 2
    if any(high < y - size / 4 and y + size / 4 < low for y in middles):
        return True
    if edge - above.x1 <= _WRAPPED * size:
        return True
    full = column.wraps or edge - column.widest <= _WRAPPED * size
    return full and column.widest - above.x1 <= 2 * size


def _edge(piece: Piece, lefts: Sequence[float], value_left: float) -> float:
    """Where the next column right of a label line starts: the next label column, or the figures."""
    edge = min((x for x in lefts if x > piece.x1 - 1.0), default=value_left)
    return min(edge, value_left) if piece.x1 < value_left else edge


def _middle(line: PrintedLine) -> float:
    values = line.values
    return sum(p.top + p.bottom for p in values) / (2 * len(values))


def _rows(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    labels: Sequence[_Label],
    columns: Sequence[tuple[float, float]],
) -> list[tuple[str, ...]] | None:
    """The rows: one per line of figures, with the labels beside it (a label spanning several rows in the first of
    them), and one for each label that stands beside no figures (a row printed empty). None when a line of figures
    has no label of its own beside it, or a label is beside two of them."""
    beside: dict[int, list[_Label]] = {k: [] for k in figures}
    for cell in labels:
        for k in figures:
            if cell.top - 1.0 <= _middle(lines[k]) <= cell.bottom + 1.0:
                beside[k].append(cell)
    if not labels and any(lines[b].top - lines[a].bottom <= lines[a].size / 2 for a, b in itertools.pairwise(figures)):
        return None  # lines of figures without labels close under one another: numbers wrapped in their cells?
    for k in figures:
        if labels and not beside[k]:
            return None
        own = max(beside[k], key=lambda c: c.column, default=None)
        if own is not None and sum(own in beside[j] for j in figures) > 1:
            return None
    anchors: list[tuple[float, tuple[str, ...]]] = []
    for k in figures:
        values = [""] * len(columns)
        for p in lines[k].values:
            values[_column_of(columns, p)] = p.text
        anchors.append((_middle(lines[k]), tuple(values)))
    for cell in labels:
        if not any(cell in found for found in beside.values()) and _leaf(cell, labels):
            anchors.append(((cell.top + cell.bottom) / 2, ("",) * len(columns)))
    return _labelled(anchors, labels)


def _leaf(cell: _Label, labels: Sequence[_Label]) -> bool:
    """Whether the cell is its row's own label, not one spanning rows: no label stands right of it beside it, nor
    both just above it and just below it (a label centred on rows of its own, between two of their labels)."""
    right = [other for other in labels if other.column > cell.column]
    if any(other.top < cell.bottom and cell.top < other.bottom for other in right):
        return False
    near = 1.5 * cell.size
    above = any(0 <= cell.top - other.bottom <= near for other in right)
    return not (above and any(0 <= other.top - cell.bottom <= near for other in right))


def _labelled(anchors: list[tuple[float, tuple[str, ...]]], labels: Sequence[_Label]) -> list[tuple[str, ...]] | None:
    """The rows from their values (each at the height of its row's middle) with the labels beside them: a label
    spanning rows in the first of them, one spanning label columns repeated in each."""
    width = 1 + max((cell.column for cell in labels), default=-1)
    anchors.sort(key=lambda a: a[0])
    given: set[int] = set()
    rows = []
    for y, values in anchors:
        texts = [""] * width
        for j, cell in enumerate(labels):
            if j not in given and cell.top - 1.0 <= y <= cell.bottom + 1.0:
                texts[cell.column] = cell.text
                given.add(j)
        for c in range(1, width):  # a label spanning the label columns right of it (as an expanded colspan)
            if not texts[c] and texts[c - 1]:
                texts[c] = texts[c - 1]
        rows.append((*texts, *values))
    for j, cell in enumerate(labels):
        if j not in given:  # a label spanning rows, beside none of their middles: it heads the rows below it
            at = next((r for r, (y, _) in enumerate(anchors) if y >= cell.top), None)
            if at is None:
                return None
            row = list(rows[at])
            row[cell.column] = cell.text
            rows[at] = tuple(row)
    return rows


@attrs.frozen
class _Stack:
    """A figure in a value column, on one line or wrapped over several."""

    column: int
    text: str
    top: float
    bottom: float
    wrapped: tuple[int, ...] = ()  # the lines it goes on over


_Anchor = Callable[[float, float], float]
"""Where a cell's text stands by the height it is aligned on: from its top and bottom."""


def _centre(top: float, bottom: float) -> float:
    return (top + bottom) / 2


def _top(top: float, _: float) -> float:
    return top


def _stacked_rows(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    labels: Sequence[_Label],
    columns: Sequence[tuple[float, float]],
) -> list[tuple[str, ...]] | None:
    """The rows when figures wrap over lines in their narrow cells (a word processor's long counts): in each value
    column, a line of digits as wide as the column's widest and the digits just under it are one number; each
    number is the row's whose own label it is centred on (or, the cells aligned at their top, starts at) — every
    number on exactly one row, one per column of it, beside no other row's label. In the middle alignment the last
    row may hold a number starting at its label's top (a word processor lays out a row cut by the page break from
    the top). None when they are not."""
    size = min(p.size for k in figures for p in lines[k].values)
    if not labels:
        return _unlabelled_rows(_stacks(lines, figures, columns, ()), len(columns), size)
    leaves = sorted((cell for cell in labels if _leaf(cell, labels)), key=lambda cell: cell.top)
    if not leaves:
        return None
    for anchor in (_centre, _top):
        # aligned at the top, a number ends where the next row's label starts
        stacks = _stacks(lines, figures, columns, () if anchor is _centre else [leaf.top for leaf in leaves])
        if anchor is _top and not _only_wrapped(lines, figures, stacks, columns):
            continue
        placed = _place_stacks(stacks, leaves, anchor, size)
        if placed is not None:
            width = len(columns)
            return _labelled(
                [
                    ((leaf.top + leaf.bottom) / 2, tuple(placed.get((r, c), "") for c in range(width)))
                    for r, leaf in enumerate(leaves)
                ],
                labels,
            )
    return None


def _place_stacks(
    stacks: Sequence[_Stack], leaves: Sequence[_Label], anchor: _Anchor, size: float
) -> dict[tuple[int, int], str] | None:
    """Each number's text by (row, column), the rows those of ``leaves``; None unless every number is certain."""
    placed: dict[tuple[int, int], str] = {}
    for stack in stacks:
        y = anchor(stack.top, stack.bottom)
        rows = [r for r, leaf in enumerate(leaves) if abs(anchor(leaf.top, leaf.bottom) - y) <= size / 3]
        if not rows and anchor is _centre and abs(leaves[-1].top - stack.top) <= size / 3:
            rows = [len(leaves) - 1]
        if len(rows) != 1 or (rows[0], stack.column) in placed:
            return None
        if any(r != rows[0] and leaf.top < stack.bottom and stack.top < leaf.bottom for r, leaf in enumerate(leaves)):
            return None  # it reaches beside another row's label: digits of two rows taken as one number?
        placed[rows[0], stack.column] = stack.text
    return placed


def _unlabelled_rows(stacks: Sequence[_Stack], width: int, size: float) -> list[tuple[str, ...]] | None:
    """The rows of a table without labels (table 四): the numbers aligned on one height, the rows apart from one
    another, one number per column of each."""
    for anchor in (_centre, _top):
        rows: list[list[_Stack]] = []
        for stack in sorted(stacks, key=lambda stack: anchor(stack.top, stack.bottom)):
            last = rows[-1][-1] if rows else None
            if last is not None and abs(anchor(last.top, last.bottom) - anchor(stack.top, stack.bottom)) <= size / 3:
                rows[-1].append(stack)
            else:
                rows.append([stack])
        extents = [(min(s.top for s in row), max(s.bottom for s in row)) for row in rows]
        if any(a[1] > b[0] for a, b in itertools.pairwise(extents)):
            continue
        if any(len({s.column for s in row}) != len(row) for row in rows):
            continue
        return [tuple(next((s.text for s in row if s.column == c), "") for c in range(width)) for row in rows]
    return None


def _stacks(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    columns: Sequence[tuple[float, float]],
    starts: Sequence[float],
) -> list[_Stack]:
    """The figures of each value column, a line of digits as wide as the column's widest joined with the digits on
    the line just under it (a number wrapped in its cell) unless a row starts there (``starts``: their tops)."""
    by_column: list[list[Piece]] = [[] for _ in columns]
    line_of: dict[int, int] = {}
    for k in figures:
        for p in lines[k].values:
            by_column[_column_of(columns, p)].append(p)
            line_of[id(p)] = k
    out: list[_Stack] = []
    for c, pieces in enumerate(by_column):
        pieces.sort(key=lambda p: p.top)
        widest = max((p.x1 - p.x0 for p in pieces), default=0.0)
        last: Piece | None = None
        for p in pieces:
            starting = any(abs(p.top - top) <= p.size / 3 for top in starts)
            if last is not None and not starting and _wrapped_number(last, p, widest):
                stack = out[-1]
                wrapped = (*stack.wrapped, line_of[id(p)])
                out[-1] = attrs.evolve(stack, text=stack.text + p.text, bottom=p.bottom, wrapped=wrapped)
            else:
                out.append(_Stack(c, p.text, p.top, p.bottom))
            last = p
    return out


def _only_wrapped(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    stacks: Sequence[_Stack],
    columns: Sequence[tuple[float, float]],
) -> bool:
    """Whether every line of figures without a label holds only the rest of numbers wrapped from the lines above,
    and, when it has a figure in every column, the end of one at least (narrower than its column) — cells aligned
    at their top: else it may be a row whose label is missing, not the rest of the row above."""
    rest = Counter(k for stack in stacks for k in stack.wrapped)
    widest: dict[int, float] = {}
    for k in figures:
        for p in lines[k].values:
            c = _column_of(columns, p)
            widest[c] = max(widest.get(c, 0.0), p.x1 - p.x0)
    for k in figures:
        values = lines[k].values
        if lines[k].labels:
            continue
        if rest[k] != len(values):
            return False
        short = any(p.x1 - p.x0 < widest[_column_of(columns, p)] - p.size / 4 for p in values)
        if len(values) == len(columns) and not short:
            return False
    return True


def _wrapped_number(above: Piece, piece: Piece, widest: float) -> bool:
    """Whether ``piece`` goes on the number ``above`` wrapped in its cell: digits both, ``above`` two or more
    filling the column's width (within half a digit) and ``piece`` on the line just under it."""
    digits = len(above.text) > 1 and above.text.isascii() and above.text.isdigit() and piece.text.isascii()
    digits = digits and piece.text.isdigit()
    half = (above.x1 - above.x0) / len(above.text) / 2
    return digits and above.x1 - above.x0 >= widest - half and piece.top - above.bottom <= above.size / 2
