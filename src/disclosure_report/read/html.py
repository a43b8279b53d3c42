"""``html`` (extra ``[html]``, lxml): published web pages — rowspan/colspan tables (expanded into rows), GBK/GB18030
pages, tables nested in layout tables — and the HTML renderer's own pages."""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml import html as lxml_html

from disclosure_report.published.embedded import MARK, parse_record
from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import UNNAMED, ReadError, ReadResult
from disclosure_report.read.decode import decode
from disclosure_report.read.kinds import BuiltInReader
from disclosure_report.read.lines import Line

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "title", "caption"}
CONTAINERS = {"div", "table", "section", "article", "ul", "ol", "tr", "td"}
MAX_GRID = 200_000
"""Grid cells all the tables of one page may expand to together (rowspan/colspan bombs stop here); a real report's
tables hold a few thousand."""


class _GridBudget:
    """The grid cells a page has left: each table's spans and its final rectangle are charged before they are
    built, so no page expands beyond :data:`MAX_GRID` cells however its tables split the work."""

    def __init__(self, cells: int = MAX_GRID) -> None:
        self.left = cells

    def charge(self, cells: int, table: int) -> None:
        self.left -= cells
        if self.left < 0:
            raise ReadError.keyed("read.html.grid", limit=MAX_GRID, table=table)


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).replace("\xa0", " ").split())


def _span(el: Any, name: str) -> int:
    try:
        return max(1, min(int(el.get(name, "1")), 1000))
    except ValueError:
        return 1


def _table_rows(table: Any, budget: _GridBudget, number: int) -> list[tuple[tuple[str, ...], tuple[bool, ...]]]:
    """The rows of a table on its grid: a cell spanning rows or columns repeats its text over them, and for each
    place whether it continues the cell on its left (a ``colspan``), so the assembler can take the row as printed."""
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    rows = [tr for tr in table.iter("tr") if tr.getparent() is not None and _owner(tr) is table]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = _text(cell)
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            budget.charge(rs * cs, number)
            for i in range(rs):
                for j in range(cs):
                    grid[(r + i, c + j)] = (text, j > 0)
            c += cs
    if not grid:
        return []
    n_rows = max(r for r, _ in grid) + 1
    n_cols = max(c for _, c in grid) + 1
    budget.charge(n_rows * n_cols - len(grid), number)  # the empty places the rectangle fills in
    empty = ("", False)
    out = []
    for r in range(n_rows):
        places = [grid.get((r, c), empty) for c in range(n_cols)]
        out.append((tuple(text for text, _ in places), tuple(more for _, more in places)))
    return out


def _owner(tr: Any) -> Any:
    el = tr.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el


def html_lines(text: str) -> tuple[list[Line], dict[str, Any] | None]:
    """The lines of a page, and the embedded metadata record if the page carries one."""
    try:
        parser = lxml_html.HTMLParser(huge_tree=False, recover=True, no_network=True)  # no entity, no fetch
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise ReadError.keyed("read.html.not_html", detail=str(e)) from None
    found = None
    for bad in list(root.iter("script", "style", "noscript", "template")):
        if bad.tag == "script" and bad.get("id") == MARK and found is None:
            found = parse_record(bad.text or "")
        bad.drop_tree()
    out: list[Line] = []
    counter = 0
    budget = _GridBudget()
    tables = 0

    def walk(el: Any) -> None:
        nonlocal counter, tables
        if not isinstance(el.tag, str):
            return
        if el.tag == "table":
            if any(True for _ in el.iterdescendants("table")):
                for child in el:
                    walk(child)
                return
            tables += 1
            for cells, continued in _table_rows(el, budget, tables):
                counter += 1
                out.append(Line(" ".join(cells), counter, cells, continued))
            return
        has_block_child = any(
            isinstance(c.tag, str)
            and (c.tag in BLOCKS or c.tag in ("div", "table", "section", "article", "ul", "ol", "tr", "td"))
            for c in el
        )
        if el.tag in BLOCKS or (el.tag in ("div", "td", "section", "article", "body") and not has_block_child):
            if el.tag not in BLOCKS and has_block_child:
                pass
            text = _text(el)
            if text and not has_block_child:
                counter += 1
                for part in text.split("\n"):
                    out.append(Line(part, counter))
                return
        if el.text and el.text.strip() and has_block_child and el.tag not in ("html", "head"):
            counter += 1
            out.append(Line(el.text.strip(), counter))
        for child in el:
            walk(child)
            if child.tail and child.tail.strip() and el.tag not in ("tr", "table", "html", "head"):
                counter += 1
                out.append(Line(child.tail.strip(), counter))

    walk(root)
    return out, found


class HtmlReader(BuiltInReader, kind="html"):
    def sniff(self, head: bytes) -> bool:
        low = head[:4096].lower()
        return b"<table" in low or b"<html" in low or b"<!doctype html" in low or (b"<p" in low and b"</p>" in low)

    def read(
        self, data: bytes, *, source: str | None = None, year: int | None = None, agency: str | None = None
    ) -> ReadResult:
        try:
            lines, found = html_lines(decode(data, source=source, html=True))
        except ReadError as e:
            raise ReadError.keyed("read.in_source", source=source or UNNAMED, error=e) from None
        return assemble(lines, source=source, record=found, year=year, agency=agency)
