"""Ruled tables in a PDF: the ruling lines (white text backgrounds are not rules; a row a browser cut at a page
break is closed), the grid of cells with merged cells expanded, and a row split by a page break made whole."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from pdfplumber.utils.text import extract_text

from disclosure_report.read.pdf.text import clean, join
from disclosure_report.read.values import BLANK_MARKS, is_number_text

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


_WHITE = frozenset({(1,), (1.0,), (1, 1, 1), (1.0, 1.0, 1.0), (0, 0, 0, 0), (0.0, 0.0, 0.0, 0.0)})


Box = tuple[float, float, float, float]


@attrs.frozen
class RuledTable:
    """A ruled table: the text of each grid position, whether the position holds a cell of its own (not the
    continuation of a cell spanning rows), and the x of the column rules."""

    rows: tuple[tuple[str, ...], ...]
    own: tuple[tuple[bool, ...], ...]
    xs: tuple[float, ...]
    page: int
    top: float

    @property
    def label_columns(self) -> tuple[bool, ...]:
        """For each column, whether it holds labels: no row has a number in it."""
        return tuple(not any(is_number_text(row[c]) for row in self.rows) for c in range(len(self.xs) - 1))


def visible(obj: dict[str, Any]) -> bool:
    """Whether an object is drawn visibly: white or unpainted rectangles (text backgrounds) are not ruling lines."""
    if obj["object_type"] != "rect":
        return True
    if obj.get("stroke"):
        return True
    if obj.get("fill"):
        colour = obj.get("non_stroking_color")
        return not (isinstance(colour, (tuple, list)) and tuple(colour) in _WHITE)
    return False


def within(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether the middle of ``obj`` lies in ``box``."""
    h, v = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return bool(box[0] <= h <= box[2] and box[1] <= v <= box[3])


def cut_edges(edges: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal rules closing a table cut by a page break: a browser draws a row split over two pages without
    the border at the cut, so where several vertical rules start (or stop) at the same height and no horizontal rule
    runs there, one is added across them."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    out: list[dict[str, Any]] = []
    for end in ("top", "bottom"):
        for y in _cluster([e[end] for e in vertical], 2.0):
            group = [e for e in vertical if abs(e[end] - y) <= 2.0]
            if len(group) < 2:
                continue
            x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
            if _covered([(h["x0"], h["x1"]) for h in horizontal if abs(h["top"] - y) <= 2.0]) < x1 - x0 - 4.0:
                out.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0})
    return out


def _covered(spans: Sequence[tuple[float, float]]) -> float:
    """The length the union of ``spans`` covers (a rule drawn in pieces, one per cell, is one rule)."""
    total, reach = 0.0, float("-inf")
    for x0, x1 in sorted(spans):
        if x1 > reach:
            total += x1 - max(x0, reach)
            reach = x1
    return total


def _cluster(values: Iterable[float], tolerance: float = 1.0) -> list[float]:
    """The distinct values, those within ``tolerance`` of the one before taken as the same."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(points: Sequence[float], value: float) -> int:
    """The position in ``points`` of the point nearest ``value``."""
    return min(range(len(points)), key=lambda i: abs(points[i] - value))


def grid(
    cells: Sequence[tuple[float, float, float, float]], chars: Sequence[dict[str, Any]], page: int, top: float
) -> RuledTable | None:
    """The grid of a ruled table: a cell spanning columns repeats its text in each (as an expanded HTML colspan), a
    cell spanning rows holds it in its first row only. None for a table without text."""
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    width, height = len(xs) - 1, len(ys) - 1
    grid: list[list[str]] = [[""] * width for _ in range(height)]
    own: list[list[bool]] = [[False] * width for _ in range(height)]
    texts = _cell_texts(cells, chars)
    for (x0, y0, x1, _), text in zip(cells, texts, strict=True):
        c0, c1, r0 = _index(xs, x0), _index(xs, x1), _index(ys, y0)
        for c in range(c0, max(c1, c0 + 1)):
            grid[r0][c] = text
            own[r0][c] = True
    kept = [r for r in range(height) if any(grid[r])]
    if not kept:
        return None
    return RuledTable(tuple(tuple(grid[r]) for r in kept), tuple(tuple(own[r]) for r in kept), tuple(xs), page, top)


def _cell_texts(cells: Sequence[tuple[float, float, float, float]], chars: Sequence[dict[str, Any]]) -> list[str]:
    """The text of each cell: the characters whose middle lies in it."""
    inside: list[list[dict[str, Any]]] = [[] for _ in cells]
    order = sorted(range(len(cells)), key=lambda i: cells[i][1])
    for ch in chars:
        h, v = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for i in order:
            x0, top, x1, bottom = cells[i]
            if top > v:
                break
            if x0 <= h < x1 and top <= v < bottom:
                inside[i].append(ch)
                break
    return [clean(extract_text(found)) if found else "" for found in inside]


def filled(table: RuledTable) -> list[tuple[str, ...]]:
    """The rows of ``table`` with each empty cell of a label column that stands right of a label taking that label's
    text (one printed label over two cells, like ``（六）其他处理`` beside an empty cell)."""
    labels = table.label_columns
    out = []
    for row, own in zip(table.rows, table.own, strict=True):
        cells = list(row)
        for c in range(1, len(cells)):
            left = cells[c - 1]
            if labels[c] and labels[c - 1] and own[c] and not cells[c] and left not in BLANK_MARKS:
                cells[c] = left
        out.append(tuple(cells))
    return out


NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|[0-9]+\s*[.．、])"
)


def row_runs_on(before: RuledTable, after: RuledTable) -> bool:
    """Whether the first row of ``after`` (at the top of a page) is the rest of the last row of ``before`` (at the
    foot of the page before), as a word processor splits a row of wrapped cells at a page break: the row starts no
    numbered label (every row of table 三 does), has a value cell left empty where the row before has one, and what
    values it has stand under values of the row before (the rest of a number wrapped in its cell)."""
    labels = after.label_columns
    first, last = after.rows[0], before.rows[-1]
    if not any(labels) or all(labels) or any(NUMBERED.match(first[c]) for c in range(len(first)) if labels[c]):
        return False
    columns = [c for c in range(len(first)) if not labels[c]]
    above = {c: _column_above(before, after, c) for c in columns}
    if not any(not first[c] and last[above[c]] for c in columns):
        return False
    return all(last[above[c]] for c in columns if first[c])


def _column_above(before: RuledTable, after: RuledTable, column: int) -> int:
    """The column of ``before`` that overlaps ``column`` of ``after`` most."""
    x0, x1 = after.xs[column], after.xs[column + 1]
    spans = [min(x1, before.xs[c + 1]) - max(x0, before.xs[c]) for c in range(len(before.xs) - 1)]
    return max(range(len(spans)), key=spans.__getitem__)


def ran_on(before: RuledTable, after: RuledTable) -> tuple[RuledTable, RuledTable]:
    """``before`` with its last row completed by the first row of ``after``, and ``after`` without it."""
    last = list(before.rows[-1])
    for c, text in enumerate(after.rows[0]):
        target = _column_above(before, after, c)
        if text and not (c > 0 and _column_above(before, after, c - 1) == target and after.rows[0][c - 1] == text):
            last[target] = join(last[target], text) if last[target] else text
    before = attrs.evolve(before, rows=(*before.rows[:-1], tuple(last)))
    return before, attrs.evolve(after, rows=after.rows[1:], own=after.own[1:])
