"""The body of a Word file (``w:p``, ``w:tbl``) built directly as lxml elements.

python-docx looks a cell up by walking the whole table each time (``table.cell(r, c)``); a table 三 of 280 cells
took seconds that way. Here each row is written once, left to right, from the :class:`~.grid.Grid`: a merged
cell is one ``w:tc`` with ``w:gridSpan`` and ``w:vMerge="restart"``, and the rows it covers below hold a
``w:tc`` with ``w:vMerge`` (continue) at the same place — the structure Word writes itself.

What makes a table print right is set here too: the header rows repeat on every page the table runs onto
(``w:tblHeader``), no row splits across a page (``w:cantSplit``), and every paragraph of every row but the last
keeps with the next one (``w:keepNext``), so a table that fits on a page is not split and its last row is never
left alone at the top of a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from disclosure_report.render.grid import Grid, GridCell

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TWIPS_PER_MM = 1440 / 25.4


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


_VAL, _TYPE, _W = w("val"), w("type"), w("w")
_P, _PPR, _PSTYLE, _KEEP_NEXT, _JC, _R, _T = w("p"), w("pPr"), w("pStyle"), w("keepNext"), w("jc"), w("r"), w("t")
_TR, _TRPR, _CANT_SPLIT, _TBL_HEADER = w("tr"), w("trPr"), w("cantSplit"), w("tblHeader")
_TC, _TCPR, _TCW, _GRID_SPAN, _VMERGE, _VALIGN = w("tc"), w("tcPr"), w("tcW"), w("gridSpan"), w("vMerge"), w("vAlign")

SubElement = etree.SubElement


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


def _covering(grid: Grid) -> list[list[GridCell | None]]:
    """For each position of the physical grid, the cell that covers it (None where no cell does)."""
    at: list[list[GridCell | None]] = [[None] * grid.n_cols for _ in range(grid.n_rows)]
    for c in grid.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                at[r][k] = c
    return at


def table(
    parent: Any, grid: Grid, widths_mm: Sequence[float], style_id: str, *, table_style: str, repeat_rows: int
) -> Any:
    """A ``w:tbl`` for ``grid``: fixed column widths, merged cells, the first ``repeat_rows`` rows repeated on
    each page, rows kept whole and together (see the module's docstring)."""
    widths = [twips(mm) for mm in widths_mm]
    tbl = SubElement(parent, w("tbl"))
    tblpr = SubElement(tbl, w("tblPr"))
    SubElement(tblpr, w("tblStyle"), {_VAL: table_style})
    SubElement(tblpr, w("tblW"), {_W: str(sum(widths)), _TYPE: "dxa"})
    SubElement(tblpr, _JC, {_VAL: "center"})
    SubElement(tblpr, w("tblLayout"), {_TYPE: "fixed"})
    SubElement(tblpr, w("tblLook"), {_VAL: "04A0", w("firstRow"): "1", w("noHBand"): "0", w("noVBand"): "1"})
    tblgrid = SubElement(tbl, w("tblGrid"))
    for width in widths:
        SubElement(tblgrid, w("gridCol"), {_W: str(width)})
    at = _covering(grid)
    last = grid.n_rows - 1
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
            SubElement(tcpr, _TCW, {_W: str(sum(widths[k : k + span])), _TYPE: "dxa"})
            if span > 1:
                SubElement(tcpr, _GRID_SPAN, {_VAL: str(span)})
            if cell is not None and cell.rowspan > 1:
                if cell.row == r:
                    SubElement(tcpr, _VMERGE, {_VAL: "restart"})
                else:
                    SubElement(tcpr, _VMERGE)
            SubElement(tcpr, _VALIGN, {_VAL: "center"})
            starts_here = cell is not None and cell.row == r
            text = cell.text if starts_here and cell is not None else ""
            align = "left" if starts_here and cell is not None and cell.role == "label" else None
            paragraph(tc, text, style_id, keep_next=keep, align=align)
            k += span
    return tbl
