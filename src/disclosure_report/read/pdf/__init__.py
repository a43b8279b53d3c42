"""``pdf`` (extra ``[pdf]``, pdfplumber): published PDFs with a text layer — ruled tables rebuilt from their ruling
lines (merged cells, cell text wrapped over lines, a table continued on the next page), tables without rules from
where their words stand (:mod:`.columns`), page numbers and running headers dropped, paragraphs broken at line
ends joined again, text and tables in reading order.

PDFs are read through pdfplumber (on pdfminer.six); nothing here parses PDF syntax. A scan without a text layer, an
encrypted file, a damaged file or one of more than :data:`MAX_PAGES` pages gives a :class:`ReadError` naming the
file and what failed.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
from pdfplumber.page import Page

from disclosure_report.errors import Phrase
from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import ReadError, ReadResult, ReadWarning
from disclosure_report.read.kinds import BuiltInReader
from disclosure_report.read.lines import Line
from disclosure_report.read.pdf import breaks
from disclosure_report.read.pdf.columns import UnruledTable, unruled_tables
from disclosure_report.read.pdf.guard import (
    MAX_CONTENT,
    MAX_PAGES,
    check_expansion,
    count_pages,
    describe,
    open_pdf,
    undecodable,
)
from disclosure_report.read.pdf.pieces import printed_lines
from disclosure_report.read.pdf.ruled import (
    TABLE_SETTINGS,
    Box,
    RuledTable,
    cut_edges,
    filled,
    grid,
    ran_on,
    row_runs_on,
    visible,
    within,
)
from disclosure_report.read.pdf.text import TextLine, clean, is_page_number, line_text, overprinted, paragraphs

__all__ = ["MAX_CONTENT", "MAX_PAGES", "NO_TEXT_LAYER", "PdfReader", "pdf_lines"]

NO_TEXT_LAYER = "this PDF has no text layer (a scan?); run OCR first or give the Word/HTML version"


_SCANNED_TEXT = 20
"""Characters per page below which a PDF with images is a scan (a page number or a stamp is all its text)."""

_MARGIN = 0.12
"""The top and bottom share of a page where page numbers and running headers stand."""


_Block = TextLine | RuledTable | UnruledTable


@attrs.frozen
class _Page:
    """A page as first seen: its drawn objects and text, its ruled tables, and the text lines in its top and bottom
    margins (where page numbers and running heads stand)."""

    page: Page
    number: int
    tables: tuple[Any, ...]
    margins: tuple[dict[str, Any], ...]


def _first_look(page: Page, number: int) -> _Page:
    """The page without invisible rectangles and overprinted characters, its ruled tables and its margin lines."""
    doubled = overprinted(page.chars)
    page = page.filter(lambda obj: visible(obj) and id(obj) not in doubled)
    tables = page.find_tables(TABLE_SETTINGS | {"explicit_horizontal_lines": cut_edges(page.edges)})
    height = float(page.height)

    def marginal(obj: dict[str, Any]) -> bool:
        middle = (obj["top"] + obj["bottom"]) / 2
        return bool(obj["object_type"] == "char" and (middle < height * _MARGIN or middle > height * (1 - _MARGIN)))

    margins = page.filter(marginal).extract_text_lines(return_chars=False)
    return _Page(page, number, tuple(tables), tuple(margins))


def _furniture(pages: Sequence[_Page]) -> dict[int, list[Box]]:
    """Where the page numbers and running heads stand, by page: lines in a page's top or bottom margin that are a
    page number (outside the tables), or whose words (digits aside) stand in the margin of more than one page — also
    over a table, as a browser prints its header and footer over a table cut by the page break."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_furniture_key(line["text"]) for line in page.margins})
    out: dict[int, list[Box]] = {}
    for page in pages:
        boxes = [t.bbox for t in page.tables]
        for line in page.margins:
            box = (float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"]))
            key = _furniture_key(line["text"])
            repeated = seen[key] > 1 and any(c.isalpha() for c in key)
            numbered = is_page_number(line["text"]) and not any(within(line, b) for b in boxes)
            if repeated or numbered:
                out.setdefault(page.number, []).append(box)
    return out


def _furniture_key(text: str) -> str:
    """A margin line's text compared across pages: no spaces, every number the same."""
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", text))


def _page_blocks(page: _Page, furniture: Sequence[Box], before: _Block | None) -> tuple[list[_Block], int]:
    """The text lines and tables of a page in reading order (top to bottom), without its furniture, and how many
    characters it has. ``before``: the last block of the page before (a table without ruling lines there may go on
    at the top of this page)."""
    number = page.number
    shown = [c for c in page.page.chars if c["text"].strip()]
    chars = [c for c in shown if not any(within(c, box) for box in furniture)] if furniture else shown
    blocks: list[_Block] = []
    boxes: list[Box] = []
    for table in page.tables:
        x0, top, x1, _ = table.bbox
        ruled = grid(table.cells, [c for c in chars if within(c, table.bbox)], number, top)
        if ruled is None:
            continue
        boxes.append(table.bbox)
        if len(ruled.xs) == 2:  # a framed paragraph, not a table
            blocks += [TextLine(r[0], number, x0, x1, top + k, 0.0) for k, r in enumerate(ruled.rows)]
        else:
            blocks.append(ruled)
    kept = {id(c) for c in chars if not any(within(c, b) for b in boxes)}
    lines = page.page.filter(lambda obj: id(obj) in kept).extract_text_lines(return_chars=True)
    printed = printed_lines(lines, page.page.chars)
    unruled, taken = unruled_tables(printed, number, before if isinstance(before, UnruledTable) else None)
    blocks += unruled
    spaces = [c for c in page.page.chars if not c["text"].strip()]
    rows = {p.index for p in printed if len(p.values) > 1 and p.labels}
    for k, line in enumerate(lines):
        text = clean(line_text(line["text"], line["chars"], spaces)) if k not in taken else ""
        if text:
            size = float(line["bottom"] - line["top"])
            x0, x1, top = float(line["x0"]), float(line["x1"]), float(line["top"])
            blocks.append(TextLine(text, number, x0, x1, top, size, k in rows))
    blocks.sort(key=lambda b: b.top)
    return blocks, len(shown)


def _lines(blocks: Sequence[_Block]) -> list[Line]:
    """The lines for the assembler: text lines joined into paragraphs, tables as rows of cells, in reading order."""
    out: list[Line] = []
    run: list[TextLine] = []

    def flush() -> None:
        for text in paragraphs(run):
            out.append(Line(text, len(out) + 1))
        run.clear()

    for b in _tables_run_on(blocks):
        if isinstance(b, TextLine):
            run.append(b)
            continue
        flush()
        for cells in filled(b) if isinstance(b, RuledTable) else b.rows:
            out.append(Line(" ".join(c for c in cells if c), len(out) + 1, cells))
    flush()
    return out


@contextmanager
def _quiet() -> Iterator[None]:
    """pdfminer logs a warning for every glyph of a font it finds odd (``Could not get FontBBox …``); what matters
    to the reader is reported as errors, so its warnings are silenced while reading."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def pdf_lines(data: bytes, source: str | None = None) -> tuple[list[Line], list[ReadWarning]]:
    """The lines of a PDF — paragraphs and table rows in reading order, without page numbers and running heads —
    and a warning for each page whose damaged content could not be read."""
    with _quiet():
        return _pdf_lines(data, source)


def _pdf_lines(data: bytes, source: str | None) -> tuple[list[Line], list[ReadWarning]]:
    """See :func:`pdf_lines` (pdfminer's warnings silenced by the caller)."""
    name = source or "the document"
    pdf = open_pdf(data, name)
    step: dict[str, object] = {"key": "read.pdf.damaged_tree"}  # what was being done, for the message if it fails
    damaged: list[tuple[int, int]] = []
    try:
        with pdf:
            count_pages(pdf, name)
            step = {"key": "read.pdf.damaged_streams"}
            check_expansion(pdf, name)
            pages = []
            for number, page in enumerate(pdf.pages, start=1):
                step = {"key": "read.pdf.damaged_page", "page": number}
                pages.append(_first_look(page, number))
            furniture = _furniture(pages)
            blocks: list[_Block] = []
            chars = 0
            for seen in pages:
                step = {"key": "read.pdf.damaged_page", "page": seen.number}
                found, count = _page_blocks(seen, furniture.get(seen.number, []), blocks[-1] if blocks else None)
                carrying = next((b for b in found if isinstance(b, UnruledTable) and b.carried), None)
                if carrying is not None and blocks and isinstance(blocks[-1], UnruledTable):
                    blocks[-1] = breaks.numbers_ran_on(blocks[-1], carrying)  # the table this page's goes on
                blocks += found
                chars += count
                lost = undecodable(seen.page) if not count else 0
                if lost:
                    damaged.append((seen.number, lost))
    except ReadError:
        raise
    except Exception as e:  # pdfminer's errors on damaged content streams, fonts and object trees
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        key, fields = str(step["key"]), {k: v for k, v in step.items() if k != "key"}
        raise ReadError.keyed(key, source=name, detail=describe(cause), **fields) from None
    if chars == 0 and damaged:
        number, lost = damaged[0]
        raise ReadError.keyed("read.pdf.undecodable", source=name, page=number, lost=lost)
    if chars == 0:
        raise ReadError.keyed("read.pdf.no_text", source=name)
    if chars < _SCANNED_TEXT * len(pages) and any(seen.page.images for seen in pages):
        raise ReadError.keyed("read.pdf.scanned", source=name, chars=chars)
    warnings = [ReadWarning(Phrase("warn.pdf_damaged_page", page=number, lost=lost)) for number, lost in damaged]
    return _lines(blocks), warnings


class PdfReader(BuiltInReader, kind="pdf"):
    """Published PDFs with a text layer (see the module)."""

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, *, source: str | None = None) -> ReadResult:
        lines, damaged = pdf_lines(data, source)
        result = assemble(lines, source=source)
        return attrs.evolve(result, warnings=(*damaged, *result.warnings)) if damaged else result


def _tables_run_on(blocks: Sequence[_Block]) -> list[_Block]:
    """The blocks with each row split by a page break whole again (see :func:`.ruled.row_runs_on` and
    :mod:`.breaks`). A table continued on the next page needs nothing more: its rows there are just more rows."""
    out: list[_Block] = []
    for b in blocks:
        before = out[-1] if out else None
        if (
            isinstance(b, RuledTable)
            and isinstance(before, RuledTable)
            and b.page == before.page + 1
            and row_runs_on(before, b)
        ):
            out[-1], b = ran_on(before, b)
            if not b.rows:
                continue
        elif isinstance(b, UnruledTable) and isinstance(before, UnruledTable) and b.page == before.page + 1:
            if breaks.runs_on(before, b):
                out[-1], b = breaks.ran_on(before, b)
            if not b.rows:
                continue
        out.append(b)
    return out
