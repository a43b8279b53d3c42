"""The rows of a table without ruling lines: one per line of figures with the labels beside it, or — figures
wrapped over lines in narrow cells — each number made whole and given to the row whose own label it is centred on
(or starts at, cells aligned at their top), only when that is certain."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence

import attrs

from disclosure_report.read.pdf.labels import Label, leaf
from disclosure_report.read.pdf.pieces import Piece, PrintedLine, column_of, middle


def rows_beside(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    labels: Sequence[Label],
    columns: Sequence[tuple[float, float]],
) -> list[tuple[str, ...]] | None:
    """The rows: one per line of figures, with the labels beside it (a label spanning several rows in the first of
    them), and one for each label that stands beside no figures (a row printed empty). None when a line of figures
    has no label of its own beside it, or a label is beside two of them."""
    beside: dict[int, list[Label]] = {k: [] for k in figures}
    for cell in labels:
        for k in figures:
            if cell.top - 1.0 <= middle(lines[k]) <= cell.bottom + 1.0:
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
            values[column_of(columns, p)] = p.text
        anchors.append((middle(lines[k]), tuple(values)))
    for cell in labels:
        if not any(cell in found for found in beside.values()) and leaf(cell, labels):
            anchors.append(((cell.top + cell.bottom) / 2, ("",) * len(columns)))
    return _labelled(anchors, labels)


def _labelled(anchors: list[tuple[float, tuple[str, ...]]], labels: Sequence[Label]) -> list[tuple[str, ...]] | None:
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


def stacked_rows(
    lines: Sequence[PrintedLine],
    figures: Sequence[int],
    labels: Sequence[Label],
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
    leaves = sorted((cell for cell in labels if leaf(cell, labels)), key=lambda cell: cell.top)
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
    stacks: Sequence[_Stack], leaves: Sequence[Label], anchor: _Anchor, size: float
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
            by_column[column_of(columns, p)].append(p)
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
            c = column_of(columns, p)
            widest[c] = max(widest.get(c, 0.0), p.x1 - p.x0)
    for k in figures:
        values = lines[k].values
        if lines[k].labels:
            continue
        if rest[k] != len(values):
            return False
        short = any(p.x1 - p.x0 < widest[column_of(columns, p)] - p.size / 4 for p in values)
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
