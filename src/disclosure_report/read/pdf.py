"""``pdf`` (extra ``[pdf]``, pdfplumber): published PDFs with a text layer — ruled tables rebuilt from their ruling
lines (merged cells, cell text wrapped over lines, a table continued on the next page), page numbers and running
headers dropped, paragraphs broken at line ends joined again, text and tables in reading order.

PDFs are read through pdfplumber (on pdfminer.six); nothing here parses PDF syntax. A scan without a text layer, an
encrypted file, a damaged file or one of more than :data:`MAX_PAGES` pages gives a :class:`ReadError` naming the
file and what failed.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT, PSEOF
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.text import extract_text

from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import ReadError, ReadResult, ReadWarning
from disclosure_report.read.lines import Line
from disclosure_report.read.radicals import ideographs
from disclosure_report.read.values import BLANK_MARKS, is_number_text

MAX_PAGES = 200
"""Pages a PDF may have (annual reports have a handful); above this the file is refused before it is parsed."""

MAX_CONTENT = 64 * 1024 * 1024
"""Bytes the compressed streams of a PDF but its images may expand to, all together (page contents of some
kilobytes, embedded fonts of up to some megabytes); above this the file is refused before pdfminer expands them (a
decompression bomb)."""

NO_TEXT_LAYER = "this PDF has no text layer (a scan?); run OCR first or give the Word/HTML version"

_TABLES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_MARGIN = 0.12
"""The top and bottom share of a page where page numbers and running headers stand."""

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‒―~·•]*\d+[-—–－‒―~·•]*|第[0-9〇一二三四五六七八九十百]+页(?:[/，,]?共\d+页)?|共\d+页第\d+页|"
    r"\d+/\d+|(?i:page)\d+(?:(?i:of)\d+)?)$"
)
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节条])"
)
_SENTENCE_END = re.compile(r"[。！？!?；;：:][”’」』）)]?$")
_WHITE = frozenset({(1,), (1.0,), (1, 1, 1), (1.0, 1.0, 1.0), (0, 0, 0, 0), (0.0, 0.0, 0.0, 0.0)})


@attrs.frozen
class _Text:
    """A line of text outside the tables, where it stands on its page."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float


@attrs.frozen
class _Table:
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


_Block = _Text | _Table


# --- opening ------------------------------------------------------------------------------------------------------


def _open(data: bytes, name: str) -> PDF:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfminer raises many kinds (PSSyntaxError, KeyError, TypeError …) on damaged files
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError(
                f"{name}: this PDF is encrypted (it needs a password to open); give an unencrypted copy"
            ) from None
        raise ReadError(f"{name}: not a readable PDF: opening it failed: {_describe(cause)}") from None


def _describe(e: BaseException) -> str:
    if isinstance(e, PSEOF):
        return "the file ends too early (truncated?)"
    text = str(e).strip()
    return f"{type(e).__name__}: {text[:200]}" if text else type(e).__name__


def _page_count(pdf: PDF, name: str) -> int:
    count = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))
    if count == 0:
        raise ReadError(f"{name}: a damaged PDF: no page can be found in it")
    if count > MAX_PAGES:
        raise ReadError(f"{name}: more than {MAX_PAGES} pages; an annual report has a handful, so it is not read")
    return count


# --- one page -----------------------------------------------------------------------------------------------------


def _visible(obj: dict[str, Any]) -> bool:
    """Whether an object is drawn visibly: white or unpainted rectangles (text backgrounds) are not ruling lines."""
    if obj["object_type"] != "rect":
        return True
    if obj.get("stroke"):
        return True
    if obj.get("fill"):
        colour = obj.get("non_stroking_color")
        return not (isinstance(colour, (tuple, list)) and tuple(colour) in _WHITE)
    return False


def _clean(text: str) -> str:
    """One line from a cell's or a paragraph's lines: CJK lines join without a space, other text with one; the
    gaps pdfminer reads as spaces between two CJK characters (justified text) are dropped."""
    out = ""
    for part in (p.strip() for p in text.split("\n")):
        if not part:
            continue
        out = _join(out, part) if out else part
    return _CJK_GAP.sub("", ideographs(out))


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph or cell: a space between words of Latin script, none in CJK text or within a
    number wrapped in a narrow cell."""
    if left[-1].isdigit() and right[0].isdigit():
        return left + right
    if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def _cluster(values: Iterable[float], tolerance: float = 1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(points: Sequence[float], value: float) -> int:
    return min(range(len(points)), key=lambda i: abs(points[i] - value))


def _grid(
    cells: Sequence[tuple[float, float, float, float]], chars: Sequence[dict[str, Any]], page: int, top: float
) -> _Table | None:
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
    return _Table(tuple(tuple(grid[r]) for r in kept), tuple(tuple(own[r]) for r in kept), tuple(xs), page, top)


def _filled(table: _Table) -> list[tuple[str, ...]]:
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


_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|[0-9]+\s*[.．、])"
)


def _row_runs_on(before: _Table, after: _Table) -> bool:
    """Whether the first row of ``after`` (at the top of a page) is the rest of the last row of ``before`` (at the
    foot of the page before), as a word processor splits a row of wrapped cells at a page break: the row starts no
    numbered label (every row of table 三 does), has a value cell left empty where the row before has one, and what
    values it has stand under values of the row before (the rest of a number wrapped in its cell)."""
    labels = after.label_columns
    first, last = after.rows[0], before.rows[-1]
    if not any(labels) or all(labels) or any(_NUMBERED.match(first[c]) for c in range(len(first)) if labels[c]):
        return False
    columns = [c for c in range(len(first)) if not labels[c]]
    above = {c: _column_above(before, after, c) for c in columns}
    if not any(not first[c] and last[above[c]] for c in columns):
        return False
    return all(last[above[c]] for c in columns if first[c])


def _column_above(before: _Table, after: _Table, column: int) -> int:
    """The column of ``before`` that overlaps ``column`` of ``after`` most."""
    x0, x1 = after.xs[column], after.xs[column + 1]
    spans = [min(x1, before.xs[c + 1]) - max(x0, before.xs[c]) for c in range(len(before.xs) - 1)]
    return max(range(len(spans)), key=spans.__getitem__)


def _ran_on(before: _Table, after: _Table) -> tuple[_Table, _Table]:
    """``before`` with its last row completed by the first row of ``after``, and ``after`` without it."""
    last = list(before.rows[-1])
    for c, text in enumerate(after.rows[0]):
        target = _column_above(before, after, c)
        if text and not (c > 0 and _column_above(before, after, c - 1) == target and after.rows[0][c - 1] == text):
            last[target] = _join(last[target], text) if last[target] else text
    before = attrs.evolve(before, rows=(*before.rows[:-1], tuple(last)))
    return before, attrs.evolve(after, rows=after.rows[1:], own=after.own[1:])


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
    return [_clean(extract_text(found)) if found else "" for found in inside]


def _within(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether the middle of ``obj`` lies in ``box``."""
    h, v = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return bool(box[0] <= h <= box[2] and box[1] <= v <= box[3])


def _cut_edges(edges: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
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


Box = tuple[float, float, float, float]


@attrs.frozen
class _Page:
    """A page as first seen: its drawn objects and text, its ruled tables, and the text lines in its top and bottom
    margins (where page numbers and running heads stand)."""

    page: Page
    number: int
    tables: tuple[Any, ...]
    margins: tuple[dict[str, Any], ...]


def _overprinted(chars: Sequence[dict[str, Any]]) -> set[int]:
    """``id`` s of characters printed again over themselves — the same character within a point of the same place,
    as word processors fake bold — so that each is read once."""
    near: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    out: set[int] = set()
    for ch in chars:
        x, y = int(ch["x0"]), int(ch["top"])
        if any(
            abs(other["x0"] - ch["x0"]) <= 1 and abs(other["top"] - ch["top"]) <= 1
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in near.get((ch["text"], x + dx, y + dy), ())
        ):
            out.add(id(ch))
        else:
            near.setdefault((ch["text"], x, y), []).append(ch)
    return out


_IMAGE = LIT("Image")
_RECOVERABLE = 128 * 1024
"""Bytes of a damaged Flate stream pdfminer may recover: it re-inflates such a stream one input byte at a time,
copying all it has so far at each step, so the time grows with the square of the output."""


def _check_expansion(pdf: PDF, name: str) -> None:
    """Refuse, before pdfminer expands anything, a PDF whose compressed streams (page contents, forms, fonts, maps —
    all but images, which are never expanded) inflate to more than :data:`MAX_CONTENT` in all (a decompression
    bomb), or one with a corrupted stream pdfminer could only recover in a time growing with the square of its
    size. Streams are inflated with a cap, in pieces, and nothing inflated is kept."""
    budget = MAX_CONTENT
    for objid in sorted({i for xref in pdf.doc.xrefs for i in xref.get_objids()}):
        try:
            stream = pdf.doc.getobj(objid)
        except Exception:  # a broken object: pdfminer says so if a page needs it
            continue
        if not isinstance(stream, PDFStream) or stream.rawdata is None or stream.get("Subtype") is _IMAGE:
            continue
        filters = [resolve1(f) for f, _ in stream.get_filters()]
        if not filters or filters[0] not in LITERALS_FLATE_DECODE:
            continue
        size, clean = _inflated(stream.rawdata, budget)
        if not clean and size > _RECOVERABLE:
            raise ReadError(
                f"{name}: a damaged PDF: its object {objid} is corrupted after {size} bytes, too much to recover"
            )
        budget -= size
        if budget < 0:
            raise ReadError(
                f"{name}: its compressed streams expand to more than {MAX_CONTENT // 2**20} MiB; an annual report's "
                "are far smaller, so it is not read (a decompression bomb?)"
            )


def _inflated(raw: bytes, cap: int) -> tuple[int, bool]:
    """Bytes a Flate stream inflates to (counted to ``cap`` + 1 at most) and whether it inflates cleanly to its
    end; fed in pieces, so that the part before a corruption is counted."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        for start in range(0, len(raw), 4096):
            data = raw[start : start + 4096]
            while data:
                size += len(inflater.decompress(data, cap + 1 - size))
                if size > cap:
                    return size, True
                data = inflater.unconsumed_tail
    except zlib.error:
        return size, False
    return size, inflater.eof


def _first_look(page: Page, number: int) -> _Page:
    doubled = _overprinted(page.chars)
    page = page.filter(lambda obj: _visible(obj) and id(obj) not in doubled)
    tables = page.find_tables(_TABLES | {"explicit_horizontal_lines": _cut_edges(page.edges)})
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
            numbered = _PAGE_NUMBER.match(re.sub(r"\s+", "", line["text"])) and not any(_within(line, b) for b in boxes)
            if repeated or numbered:
                out.setdefault(page.number, []).append(box)
    return out


def _furniture_key(text: str) -> str:
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", text))


def _page_blocks(page: _Page, furniture: Sequence[Box]) -> tuple[list[_Block], int]:
    """The text lines and tables of a page in reading order (top to bottom), without its furniture, and how many
    characters it has."""
    number = page.number
    shown = [c for c in page.page.chars if c["text"].strip()]
    chars = [c for c in shown if not any(_within(c, box) for box in furniture)] if furniture else shown
    blocks: list[_Block] = []
    boxes: list[Box] = []
    for table in page.tables:
        x0, top, x1, _ = table.bbox
        grid = _grid(table.cells, [c for c in chars if _within(c, table.bbox)], number, top)
        if grid is None:
            continue
        boxes.append(table.bbox)
        if len(grid.xs) == 2:  # a framed paragraph, not a table
            blocks += [_Text(r[0], number, x0, x1, top + k, 0.0) for k, r in enumerate(grid.rows)]
        else:
            blocks.append(grid)
    kept = {id(c) for c in chars if not any(_within(c, b) for b in boxes)}
    for line in page.page.filter(lambda obj: id(obj) in kept).extract_text_lines(return_chars=False):
        text = _clean(line["text"])
        if text:
            size = float(line["bottom"] - line["top"])
            blocks.append(_Text(text, number, float(line["x0"]), float(line["x1"]), float(line["top"]), size))
    blocks.sort(key=lambda b: b.top)
    return blocks, len(shown)


def _undecodable(page: Page) -> int:
    """Bytes of ``page`` 's content that do not decode (pdfminer reads a damaged stream as empty, silently)."""
    lost = 0
    for stream in (resolve1(s) for s in page.page_obj.contents):
        if isinstance(stream, PDFStream) and not stream.get_data():
            declared = resolve1(stream.attrs.get("Length", 0))
            lost += declared if isinstance(declared, int) and declared > 0 else 0
    return lost


# --- the document ------------------------------------------------------------------------------------------------


def _paragraphs(texts: Sequence[_Text]) -> list[str]:
    """Lines joined into paragraphs: a line reaching the right edge of the text without ending a sentence continues
    on the next line when that starts at the left edge (body text) or is centred under it (a long title), is of the
    same size and is not a heading; also across a page break."""
    if not texts:
        return []
    sized = [t for t in texts if t.size]
    left = min((t.x0 for t in sized), default=0.0)
    right = max((t.x1 for t in sized), default=0.0)
    out: list[str] = []
    previous: _Text | None = None
    for t in texts:
        if previous is not None and _continues(previous, t, left, right) and not _SENTENCE_END.search(out[-1]):
            out[-1] = _join(out[-1], t.text)
        else:
            out.append(t.text)
        previous = t
    return out


def _continues(line: _Text, after: _Text, left: float, right: float) -> bool:
    """Whether ``after`` carries on the paragraph of ``line`` (see :func:`_paragraphs`)."""
    size = line.size
    if not size or not after.size or abs(size - after.size) >= 1.5 or _HEADING.match(after.text):
        return False
    if line.x1 < right - 1.5 * size:
        return False  # the line ends short of the edge: its paragraph ends there
    if after.x0 <= left + 0.5 * after.size:
        return True
    centred = abs((line.x0 + line.x1) / 2 - (after.x0 + after.x1) / 2) <= size
    return centred and line.x0 <= left + 1.5 * size


def _lines(blocks: Sequence[_Block]) -> list[Line]:
    out: list[Line] = []
    run: list[_Text] = []

    def flush() -> None:
        for text in _paragraphs(run):
            out.append(Line(text, len(out) + 1))
        run.clear()

    for b in _tables_run_on(blocks):
        if isinstance(b, _Text):
            run.append(b)
            continue
        flush()
        for cells in _filled(b):
            out.append(Line(" ".join(c for c in cells if c), len(out) + 1, cells))
    flush()
    return out


def _tables_run_on(blocks: Sequence[_Block]) -> list[_Block]:
    """The blocks with each row split by a page break whole again (see :func:`_row_runs_on`). A table continued on
    the next page needs nothing more: its rows there are just more rows."""
    out: list[_Block] = []
    for b in blocks:
        before = out[-1] if out else None
        if (
            isinstance(b, _Table)
            and isinstance(before, _Table)
            and b.page == before.page + 1
            and _row_runs_on(before, b)
        ):
            out[-1], b = _ran_on(before, b)
            if not b.rows:
                continue
        out.append(b)
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
    name = source or "the document"
    pdf = _open(data, name)
    where = "reading its page tree"
    damaged: list[tuple[int, int]] = []
    try:
        with pdf:
            _page_count(pdf, name)
            where = "checking its compressed streams"
            _check_expansion(pdf, name)
            pages = []
            for number, page in enumerate(pdf.pages, start=1):
                where = f"reading page {number}"
                pages.append(_first_look(page, number))
            furniture = _furniture(pages)
            blocks: list[_Block] = []
            chars = 0
            for seen in pages:
                where = f"reading page {seen.number}"
                found, count = _page_blocks(seen, furniture.get(seen.number, []))
                blocks += found
                chars += count
                lost = _undecodable(seen.page) if not count else 0
                if lost:
                    damaged.append((seen.number, lost))
    except ReadError:
        raise
    except Exception as e:  # pdfminer's errors on damaged content streams, fonts and object trees
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        raise ReadError(f"{name}: a damaged PDF: {where} failed: {_describe(cause)}") from None
    if chars == 0 and damaged:
        number, lost = damaged[0]
        raise ReadError(f"{name}: a damaged PDF: the content of page {number} cannot be decoded ({lost} bytes)")
    if chars == 0:
        raise ReadError(f"{name}: {NO_TEXT_LAYER}")
    warnings = [
        ReadWarning(
            f"page {number} of the PDF is damaged: its content ({lost} bytes) cannot be decoded; what it "
            "showed is missing"
        )
        for number, lost in damaged
    ]
    return _lines(blocks), warnings


class PdfReader:
    name = "pdf"
    suffixes = (".pdf",)
    media_types = ("application/pdf",)
    extras = "pdf"

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, *, source: str | None = None) -> ReadResult:
        lines, damaged = pdf_lines(data, source)
        result = assemble(lines, source=source)
        return attrs.evolve(result, warnings=(*damaged, *result.warnings)) if damaged else result
