"""The label cells of a table without ruling lines: label pieces in columns by their left edges, a label wrapped
over lines in its cell joined (its line ends at the cell's right edge, or the figures stand centred between its
lines), and which labels are their rows' own (not spanning rows)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from disclosure_report.read.pdf.pieces import Piece, PrintedLine, middle
from disclosure_report.read.pdf.ruled import NUMBERED
from disclosure_report.read.pdf.text import clean

_WRAP_LINES = 3
"""Label lines of one column ending at one width: so many make it the width where the column's lines wrap."""


_WRAPPED = 2.5
"""A label line ending within this many characters of its cell's right edge was wrapped there (see _joins)."""


@attrs.frozen
class Label:
    """A label cell: its column, its text and how far down it reaches, the lines it was read from, and whether its
    last line ends at the cell's right edge (a row cut by a page break goes on on the next page)."""

    column: int
    text: str
    top: float
    bottom: float
    size: float
    lines: frozenset[int]
    left: float  # where its column starts
    wrapped: bool  # its last line ends at its cell's right edge: its text may go on below


@attrs.frozen
class _Column:
    """A label column as the joining of wrapped lines sees it: where it and the next column start, its widest
    line not reaching into the next column, and whether several lines end there (its lines wrap there)."""

    left: float
    widest: float
    wraps: bool


def label_head(
    lines: Sequence[PrintedLine], header: Sequence[int], columns: Sequence[tuple[float, float]]
) -> Piece | None:
    """The one header piece over the labels (``信息内容``), when there is one."""
    over = [p for k in header for p in lines[k].pieces if p.x1 < columns[0][0]]
    return over[0] if len(over) == 1 else None


def label_cells(
    lines: Sequence[PrintedLine],
    members: Sequence[int],
    figures: Sequence[int],
    value_left: float,
    head: Piece | None,
) -> list[Label]:
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
    middles = [middle(lines[k]) for k in figures]
    cells: list[Label] = []
    open_cell: dict[int, tuple[int, Piece, bool]] = {}  # column → (index in cells, its last piece, beside figures)
    for k, p in sorted(fragments, key=lambda f: (f[1].top, f[1].x0)):
        column = column_of(p)
        above = open_cell.get(column)
        beside = () if above is None or above[2] else middles
        wrapped = _wrapped(p, columns[column], _edge(p, lefts, value_left))
        if above is not None and _joins(above[1], p, columns[column], _edge(above[1], lefts, value_left), beside):
            at = above[0]
            cell = cells[at]
            text = _join(cell.text, p.text)
            cells[at] = attrs.evolve(cell, text=text, bottom=p.bottom, lines=cell.lines | {k}, wrapped=wrapped)
        else:
            at = len(cells)
            cells.append(Label(column, p.text, p.top, p.bottom, p.size, frozenset({k}), lefts[column], wrapped))
        open_cell[column] = (at, p, bool(lines[k].values))
    return cells


def _join(left: str, right: str) -> str:
    return clean(f"{left}\n{right}")


def _joins(above: Piece, piece: Piece, column: _Column, edge: float, middles: Sequence[float]) -> bool:
    """Whether ``piece`` carries on the label ``above`` wrapped in its cell (see :func:`label_cells`). ``edge``: where
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
    return _wrapped(above, column, edge)


def _wrapped(line: Piece, column: _Column, edge: float) -> bool:
    """Whether a label line ends at its cell's right edge (see :func:`_joins`)."""
    size = line.size
    if edge - line.x1 <= _WRAPPED * size:
        return True
    full = column.wraps or edge - column.widest <= _WRAPPED * size
    return full and column.widest - line.x1 <= 2 * size


def _edge(piece: Piece, lefts: Sequence[float], value_left: float) -> float:
    """Where the next column right of a label line starts: the next label column, or the figures."""
    edge = min((x for x in lefts if x > piece.x1 - 1.0), default=value_left)
    return min(edge, value_left) if piece.x1 < value_left else edge


def leaf(cell: Label, labels: Sequence[Label]) -> bool:
    """Whether the cell is its row's own label, not one spanning rows: no label stands right of it beside it, nor
    both just above it and just below it (a label centred on rows of its own, between two of their labels)."""
    right = [other for other in labels if other.column > cell.column]
    if any(other.top < cell.bottom and cell.top < other.bottom for other in right):
        return False
    near = 1.5 * cell.size
    above = any(0 <= cell.top - other.bottom <= near for other in right)
    return not (above and any(0 <= other.top - cell.bottom <= near for other in right))
