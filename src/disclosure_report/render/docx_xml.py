"""The body of a Word file (``w:p``, ``w:tbl``) built directly as lxml elements.

python-docx looks a cell up by walking the whole table each time (``table.cell(r, c)``); a table 三 of 280 cells
took seconds that way. Here each row is written once, left to right, from the :class:`~.grid.Grid`: a merged
cell is one ``w:tc`` with ``w:gridSpan`` and ``w:vMerge="restart"``, and the rows it covers below hold a
``w:tc`` with ``w:vMerge`` (continue) at the same place — the structure Word writes itself.

What makes a table print right is set here too: the header rows repeat on every page the table runs onto
(``w:tblHeader``), no row splits across a page (``w:cantSplit``), and every paragraph of every row but the last
keeps with the next one (``w:keepNext``), so a table that fits on a page is not split and its last row is never
left alone at the top of a page.

A figure never breaks across lines: a data cell has narrow side margins (:data:`DATA_MARGIN_TWIPS`), and a figure
still too wide for its column (a count of five digits and more in table 三's 11.7 mm columns) is set in a smaller
size that fits it (:func:`fitted_half_points`) — as a spreadsheet's "shrink to fit" does — rather than printed as
``142`` over ``8``.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Any

from lxml import etree

from disclosure_report.render.grid import Grid, GridCell
from disclosure_report.render.widths import text_ems

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TWIPS_PER_MM = 1440 / 25.4


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


_VAL, _TYPE, _W = w("val"), w("type"), w("w")
_P, _PPR, _PSTYLE, _KEEP_NEXT, _JC, _R, _T = w("p"), w("pPr"), w("pStyle"), w("keepNext"), w("jc"), w("r"), w("t")
_BR = w("br")
_TR, _TRPR, _CANT_SPLIT, _TBL_HEADER = w("tr"), w("trPr"), w("cantSplit"), w("tblHeader")
_TC, _TCPR, _TCW, _GRID_SPAN, _VMERGE, _VALIGN = w("tc"), w("tcPr"), w("tcW"), w("gridSpan"), w("vMerge"), w("vAlign")

_TCMAR, _LEFT, _RIGHT, _RPR, _SZ, _SZ_CS = w("tcMar"), w("left"), w("right"), w("rPr"), w("sz"), w("szCs")

SubElement = etree.SubElement

DATA_MARGIN_TWIPS = 28
"""The left and right margin of a data cell: 0.5 mm (Word's default is 1.9 mm, a third of table 三's columns)."""
SMALLEST_HALF_POINTS = 4
"""The smallest size a figure is shrunk to (2 pt): a figure of 15 digits still fits a column of table 三."""


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def paragraph(parent: Any, text: str, style_id: str, *, keep_next: bool = False, align: str | None = None) -> Any:
    """A ``w:p`` in the paragraph style ``style_id`` holding ``text`` in one run (no run when empty)."""
    p = SubElement(parent, _P)
    ppr = SubElement(p, _PPR)
    SubElement(ppr, _PSTYLE, {_VAL: style_id})
    if keep_next:
        SubElement(ppr, _KEEP_NEXT)
    if align is not None:
        SubElement(ppr, _JC, {_VAL: align})
    if text:
        t = SubElement(SubElement(p, _R), _T)
        t.text = text
        if text != text.strip():
            t.set(XML_SPACE, "preserve")
    return p


def broken_paragraph(parent: Any, lines: Sequence[str], style_id: str) -> Any:
    """A ``w:p`` in the paragraph style ``style_id`` holding ``lines`` in one run, a line break (``w:br``)
    between each two: the paragraph breaks there, and only there unless a line is too long for the page."""
    p = paragraph(parent, "", style_id)
    if lines:
        r = SubElement(p, _R)
        for i, line in enumerate(lines):
            if i:
                SubElement(r, _BR)
            t = SubElement(r, _T)
            t.text = line
            if line != line.strip():
                t.set(XML_SPACE, "preserve")
    return p


def fitted_half_points(text: str, width_twips: int, font_pt: float) -> int | None:
    """The size (in half-points, as ``w:sz`` holds it) at which ``text`` fits on one line of a data cell
    ``width_twips`` wide, or None when it fits at the table's ``font_pt``."""
    room_pt = (width_twips - 2 * DATA_MARGIN_TWIPS) / 20
    ems = text_ems(text)
    if ems * font_pt <= room_pt:
        return None
    return max(SMALLEST_HALF_POINTS, math.floor(2 * room_pt / ems))


def _covering(grid: Grid) -> list[list[GridCell | None]]:
    """For each position of the physical grid, the cell that covers it (None where no cell does)."""
    at: list[list[GridCell | None]] = [[None] * grid.n_cols for _ in range(grid.n_rows)]
    for c in grid.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                at[r][k] = c
    return at


_Key = tuple[Any, ...]
_Slots = tuple[tuple[int, int, int], ...]
"""For each data cell: its index in ``grid.cells``, the index of its ``w:p`` in document order, its width in
twips."""
_SKELETONS: dict[_Key, tuple[Any, _Slots]] = {}
_MAX_SKELETONS = 64


def table(
    parent: Any,
    grid: Grid,
    widths_mm: Sequence[float],
    style_id: str,
    *,
    table_style: str,
    repeat_rows: int,
    font_pt: float = 10.5,
) -> Any:
    """A ``w:tbl`` for ``grid``: fixed column widths, merged cells, the first ``repeat_rows`` rows repeated on
    each page, rows kept whole and together, every figure on one line at ``font_pt`` (the size of ``style_id``)
    or smaller (see the module's docstring).

    The table without its figures is built once for each layout (the labels, headers and spans of a format's
    table do not change) and copied; each copy gets the figures of its report."""
    shape = tuple(
        (c.row, c.col, c.rowspan, c.colspan, c.role, None if c.role == "data" else c.text) for c in grid.cells
    )
    key = (grid.n_rows, grid.n_cols, tuple(widths_mm), style_id, table_style, repeat_rows, shape)
    if key not in _SKELETONS:
        if len(_SKELETONS) >= _MAX_SKELETONS:
            _SKELETONS.clear()
        _SKELETONS[key] = _skeleton(grid, widths_mm, style_id, table_style, repeat_rows)
    skeleton, slots = _SKELETONS[key]
    tbl = copy.deepcopy(skeleton)
    paragraphs = list(tbl.iter(_P))
    cells = grid.cells
    for index, at, width in slots:
        text = cells[index].text
        if text:
            r = SubElement(paragraphs[at], _R)
            size = fitted_half_points(text, width, font_pt)
            if size is not None:
                rpr = SubElement(r, _RPR)
                SubElement(rpr, _SZ, {_VAL: str(size)})
                SubElement(rpr, _SZ_CS, {_VAL: str(size)})
            t = SubElement(r, _T)
            t.text = text
            if text != text.strip():
                t.set(XML_SPACE, "preserve")
    parent.append(tbl)
    return tbl


def _skeleton(
    grid: Grid, widths_mm: Sequence[float], style_id: str, table_style: str, repeat_rows: int
) -> tuple[Any, _Slots]:
    """The table with every data cell empty, and where each data cell's paragraph is (:data:`_Slots`)."""
    widths = [twips(mm) for mm in widths_mm]
    tbl = etree.Element(w("tbl"), nsmap={"w": W})
    tblpr = SubElement(tbl, w("tblPr"))
    SubElement(tblpr, w("tblStyle"), {_VAL: table_style})
    SubElement(tblpr, w("tblW"), {_W: str(sum(widths)), _TYPE: "dxa"})
    SubElement(tblpr, _JC, {_VAL: "center"})
    SubElement(tblpr, w("tblLayout"), {_TYPE: "fixed"})
    SubElement(tblpr, w("tblLook"), {_VAL: "04A0", w("firstRow"): "1", w("noHBand"): "0", w("noVBand"): "1"})
    tblgrid = SubElement(tbl, w("tblGrid"))
    for width in widths:
        SubElement(tblgrid, w("gridCol"), {_W: str(width)})
    index = {id(c): i for i, c in enumerate(grid.cells)}
    slots: list[tuple[int, int, int]] = []
    at = _covering(grid)
    last = grid.n_rows - 1
    count = 0
    for r in range(grid.n_rows):
        tr = SubElement(tbl, _TR)
        trpr = SubElement(tr, _TRPR)
        SubElement(trpr, _CANT_SPLIT)
        if r < repeat_rows:
            SubElement(trpr, _TBL_HEADER)
        keep = r < last
        k = 0
        while k < grid.n_cols:
            cell = at[r][k]
            span = cell.colspan if cell is not None else 1
            tc = SubElement(tr, _TC)
            tcpr = SubElement(tc, _TCPR)
            width = sum(widths[k : k + span])
            SubElement(tcpr, _TCW, {_W: str(width), _TYPE: "dxa"})
            if span > 1:
                SubElement(tcpr, _GRID_SPAN, {_VAL: str(span)})
            if cell is not None and cell.rowspan > 1:
                if cell.row == r:
                    SubElement(tcpr, _VMERGE, {_VAL: "restart"})
                else:
                    SubElement(tcpr, _VMERGE)
            starts_here = cell is not None and cell.row == r
            is_data = cell is not None and cell.role == "data"
            if is_data:
                mar = SubElement(tcpr, _TCMAR)
                for side in (_LEFT, _RIGHT):
                    SubElement(mar, side, {_W: str(DATA_MARGIN_TWIPS), _TYPE: "dxa"})
            SubElement(tcpr, _VALIGN, {_VAL: "center"})
            if starts_here and cell is not None and is_data:
                slots.append((index[id(cell)], count, width))
                text = ""
            else:
                text = cell.text if starts_here and cell is not None else ""
            align = "left" if starts_here and cell is not None and cell.role == "label" else None
            paragraph(tc, text, style_id, keep_next=keep, align=align)
            count += 1
            k += span
    return tbl, tuple(slots)
