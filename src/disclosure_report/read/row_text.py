"""A line of a table as text → its pieces: values (numbers, blank marks) and row labels matched to the
declaration. Headers and other words are dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import NamedTuple

from disclosure_report.formats import Row, Table
from disclosure_report.model.cells import MAX_COUNT
from disclosure_report.read.labels import REMEMBERED_LENGTH, normalise, strip_numbering
from disclosure_report.read.sections import REMEMBERED_LINES
from disclosure_report.read.values import BLANK_MARKS, is_number_text


class Token(NamedTuple):
    """A piece of a line: label text or a value's text, with the line it stood on (a named tuple: tables make
    tens of thousands of them)."""

    text: str
    line: int
    own_cell: bool = False
    """The text stood in a place of its own (after its column header), so any short text without digits there is
    what was printed instead of a number."""


def rows_with_alternatives(table: Table) -> list[Row]:
    return list(table.rows) + [r for alt in table.alternatives for r in alt.rows]


_INDEXES: dict[int, list[tuple[str, Row]]] = {}


def label_index(table: Table) -> list[tuple[str, Row]]:
    """(normalised label, row) for every row's innermost label, with and without its number, longest first."""
    if id(table) not in _INDEXES:
        index = _build_label_index(table)
        _INDEXES[id(table)] = index
        known = headers(table)
        _ENDINGS[id(index)] = [(label, row) for label, row in index if len(label) >= 2 and label not in known]
    return _INDEXES[id(table)]


_ENDINGS: dict[int, list[tuple[str, Row]]] = {}
"""The entries of each label index that a text may end with to name their row: all but the labels that are also
column headers (``其他``, ``总计`` of table 三) — a header line wrapped in its cells (``公益 服务 其他``) names no
row."""


def _build_label_index(table: Table) -> list[tuple[str, Row]]:
    out: list[tuple[str, Row]] = []
    for row in rows_with_alternatives(table):
        for label in (row.label, *row.aliases):
            out.append((normalise(label), row))
            bare = strip_numbering(label)
            if bare and bare != normalise(label):
                out.append((bare, row))
    return sorted(out, key=lambda x: -len(x[0]))


def match_row(text: str, index: list[tuple[str, Row]]) -> Row | None:
    """The row whose label the text ends with (run-together labels keep earlier headers in front)."""
    norm = normalise(text)
    if not norm or is_number_text(text):
        return None
    for label, row in index:
        if norm == label:
            return row
    endings = _ENDINGS.get(id(index))
    for label, row in index if endings is None else endings:
        if len(label) >= 2 and norm.endswith(label):
            return row
    return None


_ITEM = re.compile(r"^\s*([0-9]+)\s*[.．、]")


def misprinted_row(text: str, table: Table) -> Row | None:
    """The row a numbered item label stands for when it was printed with characters left out (洪泽 2024 prints
    ``2.其他法律行政止公开`` for ``2.其他法律行政法规禁止公开``): the only row of ``table`` with the same item number
    whose label holds the printed characters in order, at least two thirds of them. Never a guess between rows."""
    m = _ITEM.match(text)
    printed = strip_numbering(text) if m else ""
    if len(printed) < 4:
        return None
    found = []
    for row in rows_with_alternatives(table):
        number = _ITEM.match(row.label)
        declared = strip_numbering(row.label)
        if number and m and number.group(1) == m.group(1) and 3 * len(printed) >= 2 * len(declared):
            rest = iter(declared)
            if all(c in rest for c in printed):
                found.append(row)
    return found[0] if len(found) == 1 else None


_HEADERS: dict[int, set[str]] = {}


def headers(table: Table) -> set[str]:
    """The normalised column headers (and the corner text) of ``table``."""
    if id(table) not in _HEADERS:
        rows = rows_with_alternatives(table)
        found = {normalise(h) for row in rows for c in row.columns.columns for h in c.headers}
        _HEADERS[id(table)] = found | {normalise(table.corner or "")}
    return _HEADERS[id(table)]


_SEQUENCES: dict[int, set[tuple[str, ...]]] = {}


def column_sequences(table: Table) -> set[tuple[str, ...]]:
    """The last headers of each row's columns, in order, normalised (how a row prints its ``header value`` pairs)."""
    if id(table) not in _SEQUENCES:
        _SEQUENCES[id(table)] = {
            tuple(normalise(c.headers[-1]) for c in row.columns.columns if c.headers)
            for row in rows_with_alternatives(table)
        }
    return _SEQUENCES[id(table)]


def is_value(text: str) -> bool:
    """Whether a piece of text is a cell value: a number or a blank mark."""
    stripped = text.strip()
    return stripped in BLANK_MARKS or is_number_text(stripped)


_DIGIT = re.compile(r"[0-9０-９]")
_RUN = re.compile(r"(?:(?<![^\s|])[-+−－])?[0-9０-９][0-9０-９,，.．]*")
_TRAILING_MARK = re.compile(
    r"^(.*\S)\s+(" + "|".join(re.escape(m) for m in sorted(BLANK_MARKS, key=len, reverse=True) if m) + r")$"
)


def tokens(text: str, line: int) -> Iterator[Token]:
    """Split text into label pieces and number pieces: at runs of two or more spaces, before a blank mark that ends
    a piece, and around digit runs (a digit glued to ``.`` + text is the item number of the next label)."""
    for chunk in re.split(r"\s{2,}", text):
        m = _TRAILING_MARK.match(chunk.strip())
        if m:
            yield from _runs(m.group(1), line)
            yield Token(m.group(2), line)
        else:
            yield from _runs(chunk, line)


def _runs(text: str, line: int) -> Iterator[Token]:
    pos = 0
    for m in _RUN.finditer(text):
        start, end = m.span()
        run = m.group(0)
        after = text[end : end + 1]
        if run[-1] in ".．" and after and not after.isdigit():
            # "00000002.其他…": the last digit is the item number of the next label
            digits = run[:-1]
            if digits and start > 0 and text[start - 1] not in "（(第":
                if len(digits) > 1:
                    before = text[pos:start]
                    if before.strip():
                        yield Token(before, line)
                    yield Token(digits[:-1], line)
                    pos = start + len(digits) - 1
                continue
            continue
        if (start > 0 and text[start - 1] in "第（(") or (after and after in "项条）)月年日"):
            continue
        before = text[pos:start]
        if before.strip():
            yield Token(before, line)
        yield Token(run.rstrip(".．"), line)
        pos = end
    rest = text[pos:]
    if rest.strip():
        yield Token(rest, line)


Piece = tuple[str | None, Row | None, bool]
"""``(value text, None, own place)`` for a value, ``(None, row, False)`` for a row label."""
Values = tuple[tuple[str, ...], tuple[bool, ...], tuple[str, ...] | None]
"""Values that stand together on a line: their texts, whether each stood in a place of its own, and the texts
stripped when every one is plain ASCII digits (None otherwise; see :func:`plain_digits`)."""
LineItem = Row | Values
"""What a line of a table holds that matters: a row label, or a run of values."""

_ITEMS: dict[tuple[int, str], tuple[LineItem, ...]] = {}


def line_items(table: Table, text: str) -> tuple[LineItem, ...]:
    """The row labels and runs of values of a line of ``table``, in order (the pieces of :func:`classified`, the
    values that follow each other taken together). Lines repeat across reports (every label line, every row of
    zeros), so the answer is remembered — but for a line of plain numbers after their headers, which is made again
    as fast as it is remembered, and whose figures seldom recur."""
    if len(text) > REMEMBERED_LENGTH:
        return _line_items(table, text)
    key = (id(table), text)
    found = _ITEMS.get(key)
    if found is None:
        found = _line_items(table, text)
        if len(found) != 1 or type(found[0]) is not tuple or found[0][2] is None:
            if len(_ITEMS) >= REMEMBERED_LINES:
                _ITEMS.clear()
            _ITEMS[key] = found
    return found


def classified(table: Table, text: str) -> tuple[Piece, ...]:
    """The pieces of a line of ``table`` that matter, in order: each value, and each row label."""
    return tuple(_classify(table, text))


def _line_items(table: Table, text: str) -> tuple[LineItem, ...]:
    known = headers(table)
    parts = text.split()
    if parts and not len(parts) % 2 and _all_headers(tuple(parts[::2]), known):
        values = tuple(parts[1::2])
        joined = "".join(values)
        if joined.isascii() and joined.isdigit():  # header-number pairs (most value lines), split() stripped them
            return ((values, (False,) * len(values), values if max(map(len, values)) <= PLAIN_DIGITS else None),)
    pairs = _header_value_pairs(text, known, column_sequences(table))
    if pairs:  # a line of header-value pairs (most value lines): one run of values
        texts = tuple(v for v, _ in pairs)
        return ((texts, tuple(own for _, own in pairs), plain_digits(texts)),)
    return _items(_classify(table, text))


PLAIN_DIGITS = len(str(MAX_COUNT))
"""The most digits a plain cell may have to be read as it stands (a longer one goes through
:func:`~.values.parse_value`, which says it is out of range)."""


def plain_digits(texts: Sequence[str]) -> tuple[str, ...] | None:
    """``texts`` stripped when each is plain ASCII digits (what a cell of most rows prints), no more than
    :data:`PLAIN_DIGITS` of them, else None."""
    stripped = tuple(t.strip() for t in texts)
    joined = "".join(stripped)
    plain = all(stripped) and joined.isascii() and joined.isdigit()
    return stripped if plain and max(map(len, stripped)) <= PLAIN_DIGITS else None


def _items(pieces: Iterable[Piece]) -> tuple[LineItem, ...]:
    out: list[LineItem] = []
    texts: list[str] = []
    own: list[bool] = []
    for value, row, own_cell in pieces:
        if value is not None:
            texts.append(value)
            own.append(own_cell)
        elif row is not None:
            if texts:
                out.append((tuple(texts), tuple(own), plain_digits(texts)))
                texts, own = [], []
            out.append(row)
    if texts:
        out.append((tuple(texts), tuple(own), plain_digits(texts)))
    return tuple(out)


def make_tokens(texts: Sequence[str], line: int, own: Iterable[bool]) -> Iterator[Token]:
    """A :class:`Token` for each of ``texts`` on ``line``, made without a Python call per token (a table's values
    make most of the tokens)."""
    return map(tuple.__new__, repeat(Token), zip(texts, repeat(line), own))


def _classify(table: Table, text: str) -> Iterator[Piece]:
    known = headers(table)
    pairs = _header_value_pairs(text, known, column_sequences(table))
    if pairs is not None:
        for value, own_cell in pairs:
            yield value, None, own_cell
        return
    index = label_index(table)
    bands = table.layout == "bands"
    pieces = [t.text for t in tokens(text, 0) if t.text.strip()]
    for k, piece in enumerate(pieces):
        if is_value(piece):
            yield piece, None, False
            continue
        if _mark_between_values(pieces, k, known) and match_row(piece, index) is None:
            yield piece.strip(), None, True
            continue
        if bands or normalise(piece) in known:
            continue
        row = match_row(piece, index)
        if row is not None:
            yield None, row, False


MARK_IN_TEXT = 6
"""The longest mark the text reader takes for a blank between numbers (``--``, ``n/a``, ``无数据``)."""


def _mark_between_values(pieces: list[str], k: int, known: set[str]) -> bool:
    """Whether ``pieces[k]`` is a mark printed in place of a number: short, one word without digits, no header,
    apart from a number right before it and a number (or the end of the line) right after it."""
    raw = pieces[k]
    mark = raw.strip()
    if not (0 < len(mark) <= MARK_IN_TEXT) or any(c.isspace() for c in mark) or _DIGIT.search(mark):
        return False
    if "|" in mark or "｜" in mark:
        return False  # a pipe between figures separates them (a pipe row's remains in text): it is no cell
    if not raw[0].isspace() or not (raw[-1].isspace() or k + 1 == len(pieces)):
        return False  # glued to the numbers around it: a label in run-together text (行政处罚1282行政强制42)
    if normalise(mark) in known or k == 0 or not is_number_text(pieces[k - 1].strip()):
        return False
    return k + 1 == len(pieces) or is_value(pieces[k + 1])


def _header_value_pairs(text: str, known: set[str], rows: set[tuple[str, ...]]) -> list[tuple[str, bool]] | None:
    """The values of a line that is only ``header value`` pairs (``自然人 705  商业企业 3 …``, as the text renderer
    and many extractions print a row), or None for any other line. Pairs apart by two spaces may hold any mark in
    place of a number (``其他结果 n/a``): it stands after its header, so it is that column's cell."""
    parts = text.split()
    if parts and not len(parts) % 2 and _all_headers(tuple(parts[::2]), known):
        values = parts[1::2]
        joined = "".join(values)  # (split() gives no empty value)
        if (joined.isascii() and joined.isdigit()) or all((v.isascii() and v.isdigit()) or is_value(v) for v in values):
            return [(v, False) for v in values]
    return _row_pairs(text, known, rows)


_HEADS: dict[tuple[tuple[str, ...], int], bool] = {}


def _all_headers(heads: tuple[str, ...], known: set[str]) -> bool:
    """Whether every one of ``heads`` is a column header (normalised) of the table whose headers are ``known``;
    remembered: a table's rows print the same headers in every report."""
    key = (heads, id(known))
    found = _HEADS.get(key)
    if found is None:
        if len(_HEADS) >= REMEMBERED_LINES:
            _HEADS.clear()
        found = all(normalise(h) in known for h in heads)
        if sum(map(len, heads)) <= REMEMBERED_LENGTH:
            _HEADS[key] = found
    return found


def _row_pairs(text: str, known: set[str], rows: set[tuple[str, ...]]) -> list[tuple[str, bool]] | None:
    """The values of a line of ``header value`` pairs two spaces apart whose headers are exactly a row's columns
    in order (``结果维持 27  结果纠正 n/a  …``): each value stands in its column, whatever mark it is."""
    chunks = re.split(r"\s{2,}", text.strip())
    heads, values = [], []
    for chunk in chunks:
        head, space, value = chunk.partition(" ")
        value = value.strip()
        if not space or not value:
            return None
        heads.append(normalise(head))
        values.append(value)
    if tuple(heads) not in rows:
        return None
    out = []
    for value in values:
        if is_value(value):
            out.append((value, False))
        elif not _DIGIT.search(value) and normalise(value) not in known:
            out.append((value, True))  # a mark in its column's place
        else:
            return None
    return out
