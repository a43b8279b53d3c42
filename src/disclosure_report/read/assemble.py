"""One assembler for every reader: lines (some of them table rows) → an :class:`AnnualReport`, by the declaration.

Readers only turn their document into :class:`~.lines.Line` s. Here the format version is detected, the six
sections are found by their headings (and the aliases the declaration lists), narrative is kept verbatim, and table
cells are placed by matching printed row labels to the declared rows — whatever the layout: one cell per line,
table rows of cells, or runs whose separators were lost (split under the table identities, never guessed).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from disclosure_report.authoring.skeleton import customary_title, new_report
from disclosure_report.errors import DocumentError
from disclosure_report.formats import FORMATS, Column, Format, Row, Section, Table, format_for_year, get_format
from disclosure_report.jsonio.convert import converter, dumps, structure
from disclosure_report.jsonio.fast import try_structure, try_structure_as
from disclosure_report.model import BLANK, Blank, FeeCollection, Meta
from disclosure_report.model.paths import use_layout
from disclosure_report.published.fee_statement import stated_fees
from disclosure_report.read.base import NotAnAnnualReportError, ReadResult, ReadWarning, UnsupportedFormatError
from disclosure_report.read.digits import bands_rule, row_total_rule, split_runs
from disclosure_report.read.labels import REMEMBERED_LENGTH, normalise, strip_numbering
from disclosure_report.read.lines import Line
from disclosure_report.read.values import BLANK_MARKS, ValueProblem, is_number_text, parse_value
from disclosure_report.zh import ZhParseError, find_period, parse_date, parse_int

_MARKERS_2021 = ("本年制发件数", "本年收费金额")
_MARKERS_2019 = ("本年新制作数量", "上一年项目数量", "本年增/减", "第二十条第(九)项")
_CN = "一二三四五六七八九十"
_TITLE_YEAR = re.compile(r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年度?")


@attrs.define
class _Token:
    text: str
    line: int


@attrs.define
class _State:
    fmt: Format
    warnings: list[ReadWarning] = attrs.Factory(list)
    cells: dict[str, Any] = attrs.Factory(dict)
    """cell path → value read"""
    units: dict[str, str] = attrs.Factory(dict)
    pending: list[tuple[Table, Row, list[list[str]], int]] = attrs.Factory(list)
    """rows whose digit runs split in several ways: (table, row, candidates, line)"""
    layouts: dict[str, str] = attrs.Factory(dict)

    def warn(self, message: str, line: int | None = None, cell_path: str | None = None) -> None:
        self.warnings.append(ReadWarning(message, line, cell_path))


# --- format and sections ---------------------------------------------------------------------------------------


class Haystack:
    """The text of a document, searched for labels the way :func:`normalise` compares them. Labels stand on short
    lines (headings, table labels), and those lines repeat across reports, so they are searched first, each
    normalised once and remembered; the whole text is normalised only when a label is not found there."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._short = "\n".join(normalise(t) for t in lines if len(t) <= REMEMBERED_LENGTH)
        self._full: str | None = None

    def __contains__(self, label: str) -> bool:
        wanted = normalise(label)
        if wanted in self._short:
            return True
        if self._full is None:
            self._full = normalise("\n".join(self._lines))
        return wanted in self._full


_REMEMBERED_LINES = 50_000
"""How many lines each per-line cache holds before it starts again."""


def detect_format(text: str | Haystack, year: int | None) -> Format:
    """The format a document follows, by its table labels (spec §3.5), else by its year."""
    flat = text if isinstance(text, Haystack) else Haystack(text.splitlines())
    if any(m in flat for m in _MARKERS_2021):
        return _format("2021")
    if any(m in flat for m in _MARKERS_2019):
        return _format("2019")
    if year is not None and year <= 2018:
        raise UnsupportedFormatError(
            f"a report on {year}: reports before 2019 pre-date the uniform format (国办公开办函〔2019〕60号) and "
            "are not supported"
        )
    if "收到和处理政府信息公开申请情况" in flat or "本年新收政府信息公开申请数量" in flat:
        return format_for_year(year) if year is not None else _format(max(FORMATS))
    raise UnsupportedFormatError(
        "an annual report without the tables of the 2019 or 2021 format (an older format is not supported)"
    )


def _format(version: str) -> Format:
    return get_format(version)


_PATTERNS: dict[str, re.Pattern[str]] = {}
_INDEXES: dict[int, list[tuple[str, Row]]] = {}


def _heading_pattern(fmt: Format) -> re.Pattern[str]:
    if fmt.version not in _PATTERNS:
        _PATTERNS[fmt.version] = _build_heading_pattern(fmt)
    return _PATTERNS[fmt.version]


def _build_heading_pattern(fmt: Format) -> re.Pattern[str]:
    alternatives: list[str] = []
    for section in fmt.sections:
        for title in (section.title, *section.aliases):
            spaced = r"\s*".join(re.escape(c) for c in title)
            alternatives.append(rf"(?P<s_{section.key}_{len(alternatives)}>{section.number}\s*[、.．]\s*{spaced})")
    return re.compile("|".join(alternatives))


def _split_headings(lines: Sequence[Line], fmt: Format) -> list[tuple[Line, Section | None]]:
    """Lines with each section heading on a line of its own (split out of run-together text)."""
    pattern = _heading_pattern(fmt)
    numbers = "".join(s.number for s in fmt.sections)
    maybe = re.compile(rf"[{numbers}]\s*[、.．]")
    out: list[tuple[Line, Section | None]] = []
    for line in lines:
        if line.cells is not None or not maybe.search(line.text):
            out.append((line, None))
            continue
        pieces = _heading_pieces(fmt, pattern, line.text)
        if pieces is None:
            out.append((line, None))
            continue
        out += [(Line(text, line.number), section) for text, section in pieces]
    return out


_PIECES: dict[tuple[str, str], tuple[tuple[str, Section | None], ...] | None] = {}


def _heading_pieces(fmt: Format, pattern: re.Pattern[str], text: str) -> tuple[tuple[str, Section | None], ...] | None:
    """``text`` cut at the section headings in it (None: there are none). Remembered: table label lines such as
    ``三、本年度办理结果 / …`` repeat in every report."""
    key = (fmt.version, text)
    if key in _PIECES:
        return _PIECES[key]
    if len(_PIECES) >= _REMEMBERED_LINES:
        _PIECES.clear()
    remember = len(text) <= REMEMBERED_LENGTH
    pieces: list[tuple[str, Section | None]] = []
    pos = 0
    for m in pattern.finditer(text):
        before = text[pos : m.start()]
        if before.strip():
            pieces.append((before, None))
        name = next(k for k, v in m.groupdict().items() if v is not None).split("_", 1)[1].rsplit("_", 1)[0]
        pieces.append((m.group(0), fmt.section(name)))
        pos = m.end()
    rest = text[pos:]
    if rest.strip() or pos == 0:
        pieces.append((rest, None))
    found = tuple(pieces) if pos else None
    if remember:
        _PIECES[key] = found
    return found


# --- narrative ---------------------------------------------------------------------------------------------------

_SUB_KEYWORDS = (
    ("on_request", ("依申请",)),
    ("proactive", ("主动公开",)),
    ("management", ("信息管理",)),
    ("platforms", ("平台",)),
    ("oversight", ("监督", "保障")),
)
_SUB_MARK = re.compile(r"[（(]\s*([一二三四五六七八九十]+)\s*[）)]")


def _text_of(lines: Sequence[Line]) -> str:
    return "\n".join(line.text.strip() for line in lines if line.text.strip())


def _subsections(text: str) -> list[tuple[str | None, str]]:
    """Split text at （一）（二）… markers that follow each other in order.

    Returns ``[(heading, body)]``; the first heading is None (the text before the first marker)."""
    marks: list[re.Match[str]] = []
    expected = 1
    for m in _SUB_MARK.finditer(text):
        try:
            value = parse_int(m.group(1))
        except ZhParseError:
            continue
        before = text[m.start() - 1] if m.start() else "\n"
        # the next number after a sentence ends, or a later one (a subsection left out) at the start of a line
        if (value == expected and before in '\n。；;：:！!？?」”"）) \t') or (value > expected and before == "\n"):
            marks.append(m)
            expected = value + 1
    if not marks:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = [(None, text[: marks[0].start()].strip())]
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        chunk = text[m.start() : end].strip()
        first, _, rest = chunk.partition("\n")
        if len(first) > 40:  # heading and text on one line: the heading ends at the first full stop
            cut = min((first.find(p) for p in "。." if first.find(p) > 0), default=-1)
            if 0 < cut <= 40:
                first, rest = first[: cut + 1], (first[cut + 1 :] + ("\n" + rest if rest else "")).strip()
            else:
                first, rest = first[: m.end() - m.start()], (first[m.end() - m.start() :] + "\n" + rest).strip()
        pieces.append((first.strip(), rest.strip()))
    return pieces


def _overview(lines: Sequence[Line], section: Section) -> dict[str, Any]:
    data: dict[str, Any] = {"intro": "", "extra": []}
    data |= {sub.key: "" for sub in section.subsections}
    pieces = _subsections(_text_of(lines))
    data["intro"] = pieces[0][1]
    for heading, body in pieces[1:]:
        assert heading is not None
        key = _subsection_key(heading, section)
        if key is not None and not data[key]:
            data[key] = body
        else:
            data["extra"].append({"heading": heading, "text": body})
    return data


def _subsection_key(heading: str, section: Section) -> str | None:
    bare = strip_numbering(heading).rstrip("。.:：")
    for sub in section.subsections:
        if bare in {normalise(t) for t in (sub.title, *sub.aliases)}:
            return sub.key
    for key, words in _SUB_KEYWORDS:
        if any(w in bare for w in words):
            return key
    return None


def _other_matters(lines: Sequence[Line], section: Section) -> dict[str, Any]:
    pieces = _subsections(_text_of(lines))
    data: dict[str, Any] = {"text": pieces[0][1]}
    typed = {sub.key: sub for sub in section.subsections}
    extra_text: list[str] = []
    for heading, body in pieces[1:]:
        assert heading is not None
        bare = strip_numbering(heading)
        key = next((k for k, sub in typed.items() if normalise(sub.title) == bare), None)
        if key is None:
            extra_text.append(f"{heading}\n{body}".strip())
        elif key == "fees":  # a fee subsection that states no amount still says fees were collected
            data["fees"] = converter.unstructure(stated_fees(body) or FeeCollection(collected=True))
        else:
            data[key] = body
    if extra_text:
        data["text"] = "\n".join(t for t in [data["text"], *extra_text] if t)
    if "fees" not in data:
        stated = stated_fees(data["text"])
        if stated is not None:
            data["fees"] = converter.unstructure(stated)
    return data


# --- tables ------------------------------------------------------------------------------------------------------


def _rows_with_alternatives(table: Table) -> list[Row]:
    return list(table.rows) + [r for alt in table.alternatives for r in alt.rows]


def _label_index(table: Table) -> list[tuple[str, Row]]:
    """(normalised label, row) for every row's innermost label, with and without its number, longest first."""
    if id(table) not in _INDEXES:
        _INDEXES[id(table)] = _build_label_index(table)
    return _INDEXES[id(table)]


def _build_label_index(table: Table) -> list[tuple[str, Row]]:
    out: list[tuple[str, Row]] = []
    for row in _rows_with_alternatives(table):
        for label in (row.label, *row.aliases):
            out.append((normalise(label), row))
            bare = strip_numbering(label)
            if bare and bare != normalise(label):
                out.append((bare, row))
    return sorted(out, key=lambda x: -len(x[0]))


def _match_row(text: str, index: list[tuple[str, Row]]) -> Row | None:
    """The row whose label the text ends with (run-together labels keep earlier headers in front)."""
    norm = normalise(text)
    if not norm or is_number_text(text):
        return None
    for label, row in index:
        if norm == label:
            return row
    for label, row in index:
        if len(label) >= 2 and norm.endswith(label):
            return row
    return None


_ITEM = re.compile(r"^\s*([0-9]+)\s*[.．、]")


def _misprinted_row(text: str, table: Table) -> Row | None:
    """The row a numbered item label stands for when it was printed with characters left out (洪泽 2024 prints
    ``2.其他法律行政止公开`` for ``2.其他法律行政法规禁止公开``): the only row of ``table`` with the same item number
    whose label holds the printed characters in order, at least two thirds of them. Never a guess between rows."""
    m = _ITEM.match(text)
    printed = strip_numbering(text) if m else ""
    if len(printed) < 4:
        return None
    found = []
    for row in _rows_with_alternatives(table):
        number = _ITEM.match(row.label)
        declared = strip_numbering(row.label)
        if number and m and number.group(1) == m.group(1) and 3 * len(printed) >= 2 * len(declared):
            rest = iter(declared)
            if all(c in rest for c in printed):
                found.append(row)
    return found[0] if len(found) == 1 else None


_RUN = re.compile(r"(?:(?<![^\s|])[-+−－])?[0-9０-９][0-9０-９,，.．]*")


_TRAILING_MARK = re.compile(
    r"^(.*\S)\s+(" + "|".join(re.escape(m) for m in sorted(BLANK_MARKS, key=len, reverse=True) if m) + r")$"
)


def _tokens(text: str, line: int) -> Iterator[_Token]:
    """Split text into label pieces and number pieces: at runs of two or more spaces, before a blank mark that ends
    a piece, and around digit runs (a digit glued to ``.`` + text is the item number of the next label)."""
    for chunk in re.split(r"\s{2,}", text):
        m = _TRAILING_MARK.match(chunk.strip())
        if m:
            yield from _runs(m.group(1), line)
            yield _Token(m.group(2), line)
        else:
            yield from _runs(chunk, line)


def _runs(text: str, line: int) -> Iterator[_Token]:
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
                        yield _Token(before, line)
                    yield _Token(digits[:-1], line)
                    pos = start + len(digits) - 1
                continue
            continue
        if (start > 0 and text[start - 1] in "第（(") or (after and after in "项条）)月年日"):
            continue
        before = text[pos:start]
        if before.strip():
            yield _Token(before, line)
        yield _Token(run.rstrip(".．"), line)
        pos = end
    rest = text[pos:]
    if rest.strip():
        yield _Token(rest, line)


_HEADERS: dict[int, set[str]] = {}


def _headers(table: Table) -> set[str]:
    if id(table) not in _HEADERS:
        rows = _rows_with_alternatives(table)
        found = {normalise(h) for row in rows for c in row.columns.columns for h in c.headers}
        _HEADERS[id(table)] = found | {normalise(table.corner or "")}
    return _HEADERS[id(table)]


def _is_value(text: str) -> bool:
    stripped = text.strip()
    return stripped in BLANK_MARKS or is_number_text(stripped)


_CLASSIFIED: dict[tuple[int, str], tuple[tuple[str | None, Row | None], ...]] = {}


def _classified(table: Table, text: str) -> tuple[tuple[str | None, Row | None], ...]:
    """The pieces of a line of ``table`` that matter, in order: ``(value text, None)`` for a value and ``(None,
    row)`` for a row label; headers and other text are dropped. Lines repeat across reports (every label line,
    every row of zeros), so the answer is remembered."""
    if len(text) > REMEMBERED_LENGTH:
        return tuple(_classify(table, text))
    key = (id(table), text)
    found = _CLASSIFIED.get(key)
    if found is None:
        if len(_CLASSIFIED) >= _REMEMBERED_LINES:
            _CLASSIFIED.clear()
        found = _CLASSIFIED[key] = tuple(_classify(table, text))
    return found


def _classify(table: Table, text: str) -> Iterator[tuple[str | None, Row | None]]:
    headers = _headers(table)
    pairs = _header_value_pairs(text, headers)
    if pairs is not None:
        yield from ((value, None) for value in pairs)
        return
    index = _label_index(table)
    bands = table.layout == "bands"
    for token in _tokens(text, 0):
        piece = token.text
        if not piece.strip():
            continue
        if _is_value(piece):
            yield piece, None
            continue
        if bands or normalise(piece) in headers:
            continue
        row = _match_row(piece, index)
        if row is not None:
            yield None, row


def _header_value_pairs(text: str, headers: set[str]) -> list[str] | None:
    """The values of a line that is only ``header value`` pairs (``自然人 705  商业企业 3 …``, as the text renderer
    and many extractions print a row), or None for any other line. The general tokenizer would find the same
    values; this only skips its work."""
    parts = text.split()
    if not parts or len(parts) % 2:
        return None
    values = parts[1::2]
    for v in values:
        if not ((v.isascii() and v.isdigit()) or _is_value(v)):
            return None
    for h in parts[::2]:
        if normalise(h) not in headers:
            return None
    return values


class _TableReader:
    """Places the cells of one table from its lines."""

    def __init__(self, state: _State, table: Table) -> None:
        self.state = state
        self.table = table
        self.index = _label_index(table)
        self.band_values: list[_Token] = []

    def read(self, lines: Sequence[Line]) -> None:
        current: Row | None = None
        values: list[_Token] = []
        bands = self.table.layout == "bands"
        for line in lines:
            if line.cells is not None:
                self._flush(current, values)
                current, values = None, []
                self._cell_row(line)
                continue
            for value, row in _classified(self.table, line.text):
                if value is not None:
                    if current is not None:
                        values.append(_Token(value, line.number))
                    elif bands:
                        self.band_values.append(_Token(value, line.number))
                elif row is not None:
                    self._flush(current, values)
                    current, values = row, []
        self._flush(current, values)
        if bands:
            self._bands()

    def _cell_row(self, line: Line) -> None:
        assert line.cells is not None
        cells = list(line.cells)
        label_at, row = None, None
        if self.table.layout != "bands":
            for k, cell in enumerate(cells):
                if not _is_value(cell) and (found := _match_row(cell, self.index)) is not None:
                    label_at, row = k, found
            if label_at is None:
                label_at, row = self._misprinted_label(cells, line.number)
        if label_at is None or row is None:
            if self.table.layout == "bands" and cells:
                band = _match_row(cells[0], self.index) if not _is_value(cells[0]) else None
                rest = cells[1:] if band is not None else cells
                if band is not None and len(rest) == len(band.columns.columns) and all(_is_value(c) for c in rest):
                    self._place(band, [_Token(c, line.number) for c in rest], exact=True)
                elif band is None and all(_is_value(c) for c in cells):
                    self.band_values += [_Token(c, line.number) for c in cells]
            return
        rest = cells[label_at + 1 :]
        while rest and normalise(rest[0]) == normalise(cells[label_at]):
            rest = rest[1:]  # a label repeated by an expanded colspan
        width = len(row.columns.columns)
        if len(rest) > width:
            rest = _dedupe_spans(rest, width)  # an empty cell spanning columns is one empty cell
        if not any(_is_value(c) and c.strip() for c in rest) and not (
            len(rest) == width and all(c.strip() in BLANK_MARKS for c in rest)
        ):
            return  # a header row that names a row label among its headers
        self._place(row, [_Token(c, line.number) for c in rest], exact=True)

    def _misprinted_label(self, cells: list[str], line: int) -> tuple[int | None, Row | None]:
        """The last cell that is a numbered item printed with characters left out, with its row (see
        :func:`_misprinted_row`), and a warning saying how it was read."""
        for k in range(len(cells) - 1, -1, -1):
            row = _misprinted_row(cells[k], self.table) if not _is_value(cells[k]) else None
            if row is not None:
                self.state.warn(
                    f"the row label {cells[k]!r} is read as {row.label!r} (same item number, its characters in order)",
                    line,
                    self._path(row, row.columns.columns[0].key),
                )
                return k, row
        return None, None

    def _flush(self, row: Row | None, values: list[_Token]) -> None:
        if row is not None and values:
            self._place(row, values, exact=False)

    def _place(self, row: Row, values: list[_Token], *, exact: bool) -> None:
        columns = row.columns.columns
        line = values[0].line if values else None
        texts = [v.text.strip() for v in values]
        if len(texts) != len(columns):
            if not exact and all(t.isdigit() for t in texts) and len(texts) < len(columns):
                self._split(row, texts, line)
                return
            self.state.warn(
                f"{' › '.join(row.labels)}: expected {len(columns)} cells, found {len(texts)} ({' | '.join(texts)}); "
                "the cells of this row are left blank",
                line,
                self._path(row, columns[0].key),
            )
            for column in columns:
                self.state.cells.setdefault(self._path(row, column.key), BLANK)
            return
        for (column, path), text in zip(_row_paths(self.table, row), texts, strict=True):
            self._set(path, column.kind, text, line)
        self._note_layout(row)

    def _split(self, row: Row, runs: list[str], line: int | None) -> None:
        columns = row.columns.columns
        keys = [c.key for c in columns]
        total = keys.index(row.columns.total) if row.columns.total in keys else None
        candidates = split_runs(runs, len(columns), row_total_rule(total))
        if len(candidates) == 1:
            for column, value in zip(columns, candidates[0], strict=True):
                self.state.cells[self._path(row, column.key)] = value
            self._note_layout(row)
            return
        if len(candidates) > 1 and total is not None:
            self.state.pending.append((self.table, row, [[str(v) for v in c] for c in candidates], line or 0))
            self._note_layout(row)
            return
        shown = "; ".join(" ".join(map(str, c)) for c in candidates[:4])
        why = (
            f"it splits {len(candidates)}{'+' if len(candidates) >= 64 else ''} ways ({shown}…) and no identity "
            "decides between them"
            if candidates
            else "it cannot be split into the row's cells"
        )
        self.state.warn(
            f"{' › '.join(row.labels)}: the digits {' '.join(runs)} ran together without separators; {why}; "
            "the cells are left blank",
            line,
            self._path(row, columns[0].key),
        )
        for column in columns:
            self.state.cells[self._path(row, column.key)] = BLANK
        self._note_layout(row)

    def _bands(self) -> None:
        rows = self.table.rows
        columns = [(row, c) for row in rows for c in row.columns.columns]
        texts = [t.text.strip() for t in self.band_values]
        line = self.band_values[0].line if self.band_values else None
        if len(texts) == len(columns):
            for (row, column), text in zip(columns, texts, strict=True):
                self._set(self._path(row, column.key), column.kind, text, line)
            return
        width = len(rows[0].columns.columns)
        total_offset = [c.key for c in rows[0].columns.columns].index(rows[0].columns.total or "")
        if texts and all(t.isdigit() for t in texts) and len(texts) < len(columns):
            candidates = split_runs(texts, len(columns), bands_rule(width, total_offset))
            if len(candidates) == 1:
                for (row, column), value in zip(columns, candidates[0], strict=True):
                    self.state.cells[self._path(row, column.key)] = value
                return
            self.state.warn(
                f"table 四: the digits {' '.join(texts)} ran together and split {len(candidates)} ways under the "
                "总计 identities; the cells are left blank",
                line,
            )
            return
        if texts:
            self.state.warn(
                f"table 四: expected {len(columns)} cells, found {len(texts)}; the cells are left blank", line
            )

    def _set(self, path: str, kind: Any, text: str, line: int | None) -> None:
        try:
            value, unit, note = parse_value(text, kind)
        except ValueProblem as e:
            self.state.warn(f"{e}; the cell is left blank", line, path)
            return
        self.state.cells[path] = value
        if unit:
            self.state.units[path] = unit
        if note:
            self.state.warn(f"{text!r}: {note}", line, path)

    def _path(self, row: Row, key: str) -> str:
        return _cell_path(self.table, row, key)

    def _note_layout(self, row: Row) -> None:
        for alt in self.table.alternatives:
            if row in alt.rows:
                self.state.layouts[self.table.key] = alt.key


_PATHS: dict[tuple[int, int, str], str] = {}


def _cell_path(table: Table, row: Row, key: str) -> str:
    found = _PATHS.get((id(table), id(row), key))
    if found is None:
        found = _PATHS[(id(table), id(row), key)] = ".".join((table.key, *row.path, key))
    return found


_ROW_PATHS: dict[tuple[int, int], list[tuple[Column, str]]] = {}


def _row_paths(table: Table, row: Row) -> list[tuple[Column, str]]:
    """The columns of ``row`` with their cell paths."""
    found = _ROW_PATHS.get((id(table), id(row)))
    if found is None:
        found = _ROW_PATHS[(id(table), id(row))] = [(c, _cell_path(table, row, c.key)) for c in row.columns.columns]
    return found


def _dedupe_spans(cells: list[str], width: int) -> list[str]:
    """Expanded colspans repeat a cell's text; drop repeats (leftmost first) while there are more cells than
    ``width`` and the repeats explain the surplus."""
    out: list[str] = []
    surplus = len(cells) - width
    for cell in cells:
        if surplus > 0 and out and cell == out[-1]:
            surplus -= 1
            continue
        out.append(cell)
    return out if len(out) == width else cells


def _resolve_pending(state: _State, report_data: dict[str, Any]) -> None:
    """Rows whose runs split several ways: decide by the column identities of their table (trying the
    combinations of every undecided row of a 总计 group), or leave them blank with the candidates in a warning."""
    by_table: dict[str, list[tuple[Table, Row, list[list[str]], int]]] = {}
    for item in state.pending:
        by_table.setdefault(item[0].key, []).append(item)
    for items in by_table.values():
        table = items[0][0]
        chosen = _choose(state, table, items)
        for _, row, candidates, line in items:
            pick = chosen.get(row.path)
            path0 = ".".join((table.key, *row.path, row.columns.columns[0].key))
            if pick is not None:
                for column, value in zip(row.columns.columns, pick, strict=True):
                    state.cells[".".join((table.key, *row.path, column.key))] = value
                state.warn(
                    f"{' › '.join(row.labels)}: digits ran together; of {len(candidates)} splits, the table's 总计 "
                    f"identities allow only {' '.join(map(str, pick))}",
                    line,
                    path0,
                )
            else:
                for column in row.columns.columns:
                    state.cells[".".join((table.key, *row.path, column.key))] = BLANK
                state.warn(
                    f"{' › '.join(row.labels)}: digits ran together and split {len(candidates)} ways "
                    f"({'; '.join(' '.join(c) for c in candidates[:4])}); no identity decides; the cells are left "
                    "blank",
                    line,
                    path0,
                )


def _choose(
    state: _State, table: Table, items: list[tuple[Table, Row, list[list[str]], int]]
) -> dict[tuple[str, ...], list[int]]:
    layout = state.layouts.get(table.key)
    rows = table.rows_with(next((a for a in table.alternatives if a.key == layout), None))
    options = [[[int(x) for x in c] for c in item[2]] for item in items]
    if math.prod(len(o) for o in options) > 4096:
        return {}
    width = len(items[0][1].columns.columns)

    def value(row: Row, pick: dict[tuple[str, ...], list[int]]) -> list[int] | None:
        if row.path in pick:
            return pick[row.path]
        vals = [state.cells.get(".".join((table.key, *row.path, c.key))) for c in row.columns.columns]
        return None if any(type(v) is not int for v in vals) else [int(v) for v in vals]  # type: ignore[arg-type]

    def holds(pick: dict[tuple[str, ...], list[int]]) -> bool:
        checked = False
        for row_sum in table.row_sums:
            total_row = next(r for r in rows if r.path == row_sum.total)
            total = value(total_row, pick)
            parts = [value(r, pick) for r in row_sum.parts(rows)]
            if total is None or any(p is None for p in parts):
                continue
            checked = True
            if any(total[k] != sum(p[k] for p in parts if p is not None) for k in range(width)):
                return False
        return checked

    solutions = []
    for combo in itertools.product(*options):
        pick = {item[1].path: list(c) for item, c in zip(items, combo, strict=True)}
        if holds(pick):
            solutions.append(pick)
            if len(solutions) > 1:
                return {}
    return solutions[0] if solutions else {}


# --- metadata ----------------------------------------------------------------------------------------------------

_PUBLISHED = re.compile(r"(?:发布(?:时间|日期)|成文日期)\s*[:：]\s*([0-9]{4}[-./年][0-9]{1,2}[-./月][0-9]{1,2}日?)")
_DATE_LINE = re.compile(
    r"^[（(]?\s*([0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日)\s*[）)]?$"
)
_CONTACT = {
    "address": re.compile(r"(?:联系)?地址\s*[:：]\s*([^；;，,。）)\n]+)"),
    "phone": re.compile(r"(?:联系)?电话(?:/传真)?\s*[:：]\s*([0-9０-９\-－—（）() ]{6,})"),
    "postcode": re.compile(r"(?:邮政编码|邮编)\s*[:：]\s*([0-9]{6})"),
}


def _title(lines: Sequence[Line], record: dict[str, Any] | None = None) -> tuple[str | None, int]:
    expected = _record_title(record)
    if expected is not None:  # the title the embedded record gives, printed first: whatever its wording
        for i, line in enumerate(lines[:3]):
            if line.cells is None and re.sub(r"\s+", "", line.text) == expected:
                return expected, i
    for i, line in enumerate(lines[:40]):
        text = line.text.strip()
        if "年度报告" in text and len(text) < 120 and line.cells is None:
            text = re.sub(r"^(?:标题|题名)\s*[:：]\s*", "", text)
            return re.sub(r"\s+", "", text), i
    return None, -1


def _title_head(lines: Sequence[Line], title_at: int) -> int | None:
    """The line above a title that starts with its year (``洪泽区人民政府`` over ``2024年政府信息公开工作年度报告``,
    as PDFs and Word files print a long title), when that line is a short name: no table row, no sentence, no
    section heading."""
    if title_at < 1 or not _TITLE_YEAR.match(lines[title_at].text.strip()):
        return None
    above = lines[title_at - 1]
    text = re.sub(r"\s+", "", above.text)
    if above.cells is not None or not text or len(text) > 40 or re.search(r"[。，,；;：:！？!?、>|/]|[0-9]", text):
        return None
    return title_at - 1


def _year_and_agency(title: str) -> tuple[int | None, str]:
    m = _TITLE_YEAR.search(title)
    if not m:
        return None, title
    try:
        year = parse_int(m.group(1))
    except ZhParseError:
        return None, title
    agency = title[: m.start()] or re.split(r"政府信息公开", title[m.end() :])[0]
    return year, agency.strip()


def _published(lines: Sequence[Line]) -> tuple[dt.date | None, set[int]]:
    used: set[int] = set()
    for i, line in enumerate(lines[:60]):
        if line.cells is not None:
            continue
        text = line.text.strip()
        m = _PUBLISHED.search(text) or _DATE_LINE.match(text)
        if m:
            try:
                value = parse_date(re.sub(r"\s+", "", m.group(1)))
            except ZhParseError:
                continue
            if _DATE_LINE.match(text):
                used.add(i)
            return value, used
    return None, used


# --- the whole document ------------------------------------------------------------------------------------------


def _looks_like_a_report(flat: Haystack) -> bool:
    return "政府信息公开" in flat and any(
        w in flat for w in ("年度报告", "收到和处理政府信息公开申请情况", "主动公开政府信息情况")
    )


def assemble(lines: Sequence[Line], *, source: str | None = None, record: dict[str, Any] | None = None) -> ReadResult:
    """The report in ``lines``; :class:`NotAnAnnualReportError` or :class:`UnsupportedFormatError` when it is not
    one this library reads. ``record`` is the metadata record the document carries out of sight, if any (see
    :mod:`disclosure_report.published.embedded`)."""
    lines = [line for line in lines if line.text.strip() or line.cells is not None]
    flat = Haystack([line.text if line.cells is None else " ".join(line.cells) for line in lines])
    name = source or "the document"
    if not _looks_like_a_report(flat):
        raise NotAnAnnualReportError(f"{name}: not a 政府信息公开工作年度报告 (no title, headings or tables of one)")
    title, title_at = _title(lines, record)
    head_at = _title_head(lines, title_at) if title else None
    if title and head_at is not None:  # the agency on a line of its own above "2024年…年度报告"
        title = re.sub(r"\s+", "", lines[head_at].text) + title
    year, agency = _year_and_agency(title) if title else (None, "")
    try:
        fmt = detect_format(flat, year)
    except UnsupportedFormatError as e:
        raise UnsupportedFormatError(f"{name}: {e}") from None
    state = _State(fmt)
    meta = _usable_record(state, record, title)
    if meta is not None:
        agency, year = meta["agency"], meta["year"]
    if year is None:
        year = fmt.first_year
        state.warn(f"no report year found in a title; assumed {year}", None)
    published, date_lines = _published(lines)
    skip = {title_at, head_at, *date_lines, *_repeated_title(lines, title_at)}
    body = [line for i, line in enumerate(lines) if i not in skip]

    sections: dict[str, list[Line]] = {"preamble": []}
    current = "preamble"
    for line, section in _split_headings(body, fmt):
        if section is not None:
            if section.key in sections and section.key != current:
                state.warn(f"the heading {section.heading} appears again; its text is joined to the first", line.number)
            current = section.key
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    missing = [s.heading for s in fmt.sections if s.key not in sections]
    if missing:
        state.warn(f"headings not found: {'，'.join(missing)}")
    if not any(s.table is not None and s.key in sections for s in fmt.sections):
        raise NotAnAnnualReportError(f"{name}: none of the report's tables was found")

    data = _skeleton(fmt, agency or "（未识别）", year)
    data["meta"]["title"] = title
    data["meta"]["published_on"] = published.isoformat() if published else None
    preamble_lines = sections.get("preamble", [])
    preamble = _text_of(preamble_lines)
    period = find_period(preamble)
    data["meta"]["period"] = {"start": period[0].isoformat(), "end": period[1].isoformat()} if period else None
    contact = {k: (m.group(1).strip() if (m := p.search(preamble)) else None) for k, p in _CONTACT.items()}
    data["meta"]["contact"] = (contact | {"email": None, "website": None}) if any(contact.values()) else None
    data["meta"]["scope"] = None
    if meta is not None:
        shown = data["meta"]["published_on"]
        if shown is not None and shown != meta.get("published_on"):
            state.warn(
                f"the embedded record dates the report {meta.get('published_on')}; the date printed, {shown}, is kept"
            )
            meta = meta | {"published_on": shown}
        data["meta"] = meta
    data["preamble"] = preamble

    closing_lines: list[Line] = []
    for section in fmt.sections:
        lines_of = sections.get(section.key, [])
        if section.table is not None:
            reader = _TableReader(state, section.table)
            reader.read(lines_of)
        elif section.key == "overview":
            data["overview"] = _overview(lines_of, section)
        elif section.key == "problems":
            data["problems"] = _text_of(lines_of)
        elif section.key == "other_matters":
            lines_of, closing_lines = _split_closing(lines_of, agency)
            data["other_matters"] = _other_matters(lines_of, section)
    data["closing"] = _text_of(closing_lines)
    if period is None and meta is None:
        found = find_period(_text_of(sections.get("other_matters", [])))
        if found:
            data["meta"]["period"] = {"start": found[0].isoformat(), "end": found[1].isoformat()}
    _resolve_pending(state, data)
    _place_cells(state, data)
    try:
        report = try_structure(data) or structure(data, source=source)
    except DocumentError as e:  # a value the model refuses (never expected from parse_value)
        raise NotAnAnnualReportError(f"{name}: the cells read do not make a valid report: {e}") from None
    return ReadResult(report, tuple(state.warnings))


def _record_title(record: dict[str, Any] | None) -> str | None:
    """The title a record gives (or the customary one it implies), without spaces; None for no usable record."""
    if record is None:
        return None
    meta = record["meta"]
    agency, year, given = meta.get("agency"), meta.get("year"), meta.get("title")
    if type(agency) is not str or type(year) is not int or not (given is None or type(given) is str):
        return None
    return re.sub(r"\s+", "", given if given is not None else customary_title(agency, year))


def _usable_record(state: _State, record: dict[str, Any] | None, title: str | None) -> dict[str, Any] | None:
    """The record's metadata when it belongs to this document: same format, and the title it gives (or the
    customary one it implies) is the title printed. Otherwise None, with a warning when there was a record."""
    if record is None:
        return None
    meta = record["meta"]
    if record["format"] != state.fmt.version:
        state.warn(f"the embedded record is for the {record['format']} format, not this document's; it is ignored")
        return None
    expected = _record_title(record)
    if expected is None or try_structure_as(Meta, meta) is None:
        state.warn("the embedded record is not a valid metadata record; it is ignored")
        return None
    if title != expected:
        state.warn(f"the embedded record is for {expected!r}, not the title printed; it is ignored")
        return None
    return dict(meta)


def _repeated_title(lines: Sequence[Line], title_at: int) -> list[int]:
    """The lines just after the title that repeat it (a page's <title> and its <h1>, a Word title and heading)."""
    if title_at < 0:
        return []
    title = re.sub(r"\s+", "", lines[title_at].text)
    return [
        i
        for i in range(title_at + 1, min(title_at + 3, len(lines)))
        if lines[i].cells is None and re.sub(r"\s+", "", lines[i].text) == title
    ]


_SKELETONS: dict[str, str] = {}


def _skeleton(fmt: Format, agency: str, year: int) -> dict[str, Any]:
    """The JSON data of an empty report in ``fmt`` (every cell 0), for ``agency`` and ``year``."""
    text = _SKELETONS.get(fmt.version)
    if text is None:
        text = _SKELETONS[fmt.version] = dumps(new_report("", fmt.first_year))
    data: dict[str, Any] = json.loads(text, parse_float=Decimal)  # a fresh deep copy, at C speed
    data["meta"] |= {"agency": agency, "year": year, "title": None, "period": None}
    return data


def _split_closing(lines: list[Line], agency: str) -> tuple[list[Line], list[Line]]:
    """Section 六 and the signature after it (the agency's name and a date, at the very end)."""
    if len(lines) >= 2:
        last, before = lines[-1].text.strip(), lines[-2].text.strip()
        if _DATE_LINE.match(last) and (before == agency or (len(before) <= 30 and not before.endswith("。"))):
            return lines[:-2], lines[-2:]
    return lines, []


def _place_cells(state: _State, data: dict[str, Any]) -> None:
    cells, units = state.cells, state.units
    for table in state.fmt.tables:
        layout = state.layouts.get(table.key)
        alt = next((a for a in table.alternatives if a.key == layout), None)
        if alt is not None:
            use_layout(data, table, alt)
        missing_rows = []
        for row, columns in _plan(table, alt):
            node = data[table.key]
            for key in row.path:
                node = node[key]
            found_any = False
            for column, path in columns:
                key = column.key
                value = cells.get(path)
                if value is None:
                    node[key] = {"blank": BLANK.printed}
                    continue
                node[key] = {"blank": value.printed} if type(value) is Blank else value
                found_any = True
                unit = units.get(path)
                if unit is not None and f"{key}_unit" in node:
                    node[f"{key}_unit"] = unit
            if not found_any:
                missing_rows.append(" › ".join(row.labels))
        if missing_rows:
            state.warn(
                f"rows not found (their cells are left blank): {'；'.join(missing_rows[:6])}"
                + (f" and {len(missing_rows) - 6} more" if len(missing_rows) > 6 else "")
            )


def _plan(table: Table, alt: Any) -> list[tuple[Row, list[tuple[Column, str]]]]:
    """The rows of ``table`` in the layout ``alt``, each with its columns and their cell paths."""
    return [(row, _row_paths(table, row)) for row in table.rows_with(alt)]
