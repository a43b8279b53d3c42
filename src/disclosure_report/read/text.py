"""``text``: plain text as real extractions produce it — one cell per line, tab-separated rows, pipe rows, or
runs whose separators were lost — and the text renderer's own output."""

from __future__ import annotations

import re

from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import ReadResult
from disclosure_report.read.decode import decode
from disclosure_report.read.kinds import BuiltInReader
from disclosure_report.read.lines import Line

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*[0-9０-９]{1,3}\s*[-—–－]|第\s*[0-9０-９]{1,3}\s*页(?:\s*[，,]?\s*共\s*[0-9０-９]{1,3}\s*页)?)\s*$"
)
"""A page's number as extractions from PDF keep it between the lines (``-3-``, ``第 3 页``)."""
_PAGE_NUMBER_LAST = frozenset("-—–－页")
"""What a page number ends with when it does not end with spaces (most lines, ending with a number, a full stop or
a label, are not tried)."""


def _is_page_number(raw: str) -> bool:
    last = raw[-1:]  # (a layout extraction indents it far)
    return (last in _PAGE_NUMBER_LAST or last.isspace()) and len(raw) <= 160 and _PAGE_NUMBER.match(raw) is not None


_EMPTY_CELL = "\xa0"
"""What LibreOffice's text export (``--convert-to txt``) prints for an empty table cell: a line of a no-break space."""
_VALUE = re.compile(r"[-+−－]?[0-9０-９][0-9０-９,，.．]*(?:万?元)?|[-—－–/／无×]|——")
"""A line that is one figure or blank mark (a cell of a table printed one cell a line)."""


def _rows_one_cell_a_line(raws: list[str]) -> dict[int, tuple[str, ...]]:
    """Tables printed one cell a line with their empty cells as no-break spaces (LibreOffice's text export of a
    page or a Word file): each run of figure, blank-mark and empty-cell lines, with the text line just before it
    (its row's label), as one row of cells, keyed by the 0-based index of its first line. Only runs holding an
    empty cell are taken: without one, the run reads as it always has."""
    rows: dict[int, tuple[str, ...]] = {}
    k = 0
    while k < len(raws):
        end = k
        while end < len(raws) and (_is_empty_cell(raws[end]) or _VALUE.fullmatch(raws[end].strip()) is not None):
            end += 1
        if end > k and any(_is_empty_cell(r) for r in raws[k:end]):
            start = k - 1 if k > 0 and raws[k - 1].strip() and k - 1 not in rows else k
            label = (raws[start].strip(),) if start < k else ()
            rows[start] = (*label, *("" if _is_empty_cell(r) else r.strip() for r in raws[k:end]))
            for skipped in range(start + 1, end):
                rows[skipped] = ()
        k = max(end, k + 1)
    return rows


def _is_empty_cell(raw: str) -> bool:
    return _EMPTY_CELL in raw and not raw.strip()


_WRAPPED_LINES = 10
"""How many lines of one same length, none longer, make a text one wrapped at that width (an e-mail client's)."""


def _wrap_width(raws: list[str]) -> int:
    """The width a text was wrapped at — the length of at least :data:`_WRAPPED_LINES` lines, and of most lines of
    half that length or more, with no line longer — or 0 for a text not wrapped so."""
    lengths = [len(raw) for raw in raws if raw and not raw.isspace()]
    if not lengths:
        return 0
    width = max(lengths)
    full = lengths.count(width)
    if full < _WRAPPED_LINES:  # most texts: decided without counting the long lines
        return 0
    long = sum(1 for n in lengths if 2 * n >= width)
    return width if width >= 20 and full >= _WRAPPED_LINES and 2 * full >= long else 0


def _unwrapped(raws: list[str]) -> tuple[list[str], list[int]]:
    """The lines of a text wrapped at a fixed width (:func:`_wrap_width`) joined again — a line as long as the width,
    or ending with the space a soft break leaves (format=flowed), goes on on the next line — each with the number
    of its first line; the lines as they are (numbered from 1) when the text is not wrapped so."""
    width = _wrap_width(raws)
    if not width:
        return raws, list(range(1, len(raws) + 1))
    joined: list[str] = []
    numbers: list[int] = []
    going_on = False
    for number, raw in enumerate(raws, start=1):
        if going_on and raw.strip():
            joined[-1] += raw
        else:
            joined.append(raw)
            numbers.append(number)
        after = raws[number] if number < len(raws) else ""
        going_on = (
            bool(raw.strip())
            and (len(raw) == width or raw[-1:] == " " or _broken_after_hyphen(raw, after, width))
            and not _starts_paragraph(raw, after)
        )
    return joined, numbers


_NUMBERED = re.compile(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]")
_SENTENCE_END = frozenset("。！？；")


def _starts_paragraph(raw: str, after: str) -> bool:
    """Whether ``after`` starts a paragraph of its own even though ``raw`` fills the width: ``raw`` ends a sentence
    and ``after`` starts a numbered heading (``（三）政府信息管理``, ``三、``), spaces aside."""
    return raw.rstrip()[-1:] in _SENTENCE_END and _NUMBERED.match(after.lstrip()) is not None


_NUMBER_HYPHEN = re.compile(r"[0-9０-９][-－]$")
_FIRST_CHUNK = re.compile(r"[^\s\-－]*[-－]?")


def _broken_after_hyphen(raw: str, after: str, width: int) -> bool:
    """Whether a wrapper broke a number at its hyphen (``0858-`` / ``3106316``, as Python's ``textwrap`` and e-mail
    clients break): the line ends with a digit and a hyphen, the next starts with a digit, and the next line's
    first word would not have fitted on the line — a line that short at the end of a number is otherwise kept, and
    a page number (``-3-``) is no number broken."""
    if _NUMBER_HYPHEN.search(raw) is None or not after[:1].isdigit() or _is_page_number(raw):
        return False  # (a page number ``-3-`` ends so too)
    chunk = _FIRST_CHUNK.match(after)
    return chunk is not None and len(raw) + len(chunk.group()) > width


def text_lines(text: str) -> list[Line]:
    """The lines of a text (tab- or pipe-separated ones as table rows), without the page numbers of a PDF."""
    raws, numbers = _unwrapped(text.splitlines())
    rows = _rows_one_cell_a_line(raws) if _EMPTY_CELL in text else {}
    if not rows and "\t" not in text and "|" not in text:  # no row of cells: every line a paragraph, a heading…
        return [
            Line(raw.rstrip(), number)
            for number, raw in zip(numbers, raws, strict=True)
            if raw
            and not raw.isspace()
            and not (((last := raw[-1:]) in _PAGE_NUMBER_LAST or last.isspace()) and _is_page_number(raw))
        ]
    out = []
    for k, (number, raw) in enumerate(zip(numbers, raws, strict=True)):
        row = rows.get(k)
        if row is not None:
            if row:  # a row printed one cell a line (its other lines: ``()``)
                out.append(Line("  ".join(c or _EMPTY_CELL for c in row), number, row))
            continue
        if _is_page_number(raw):
            continue
        if "\t" not in raw and "|" not in raw:  # most lines: a paragraph, a heading, or cells run together
            if raw and not raw.isspace():  # a blank line is no line of the report (the assembler drops it)
                out.append(Line(raw.rstrip(), number))
            continue
        stripped = raw.strip()
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
            cells = tuple(c.strip() for c in stripped.strip("|").split("|"))
            if not all(set(c) <= set("-: ") for c in cells):
                out.append(Line(stripped, number, cells))
            continue
        parts = [p.strip() for p in raw.split("\t")]
        filled = [p for p in parts if p]
        if len(filled) > 1:
            out.append(Line(raw.strip(), number, tuple(filled)))
        else:
            out.append(Line(raw.rstrip(), number))
    return out


class TextReader(BuiltInReader, kind="text"):
    def sniff(self, head: bytes) -> bool:
        return b"\x00" not in head[:4096]

    def read(
        self, data: bytes, *, source: str | None = None, year: int | None = None, agency: str | None = None
    ) -> ReadResult:
        text = decode(data, source=source).replace("\u3000", " ")
        return assemble(text_lines(text), source=source, year=year, agency=agency)
