"""The sheets of a workbook as the rows of texts every reader hands to the assembler.

Each sheet becomes a grid of printed texts: numbers as they print (``705``, ``4068.208``), a formula cell as its
saved result or, when it has none, as the sum :mod:`~disclosure_report.read.xlsx.formulas` evaluates; a number with
the unit its number format prints after it (``12.5万元`` for 12.5 formatted ``0.0"万元"``), as a text reader sees
it; a merged range carries its text in every position it covers (like an expanded HTML ``colspan``/``rowspan``:
the assembler drops the repeats). A row with one text that is not a number (a title, a section heading, a 第二十条
item spanning the table) is a paragraph; any other row is a table row of cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Context, Decimal
from typing import Any

import attrs

from disclosure_report.errors import Phrase
from disclosure_report.formats import FORMATS, Section
from disclosure_report.read.base import ReadError
from disclosure_report.read.labels import normalise, strip_numbering
from disclosure_report.read.sections import heading_pattern
from disclosure_report.read.values import is_number_text
from disclosure_report.read.xlsx.formulas import CellError, FormulaError, SheetFormulas
from disclosure_report.read.xlsx.parts import MAX_AREA, MAX_COLUMNS, MAX_ROWS, SheetPart
from disclosure_report.read.xlsx.units import printed_unit
from disclosure_report.render.xlsx_sums import coordinate

_SPREADSHEET = Context(prec=15)
"""Numbers keep the 15 significant digits spreadsheets keep (a program writing ``626.385965`` through a binary
float saves ``626.3859650000001``)."""


@attrs.frozen
class UnreadFormula:
    """A formula cell left unread: where it is and why."""

    sheet: str
    row: int
    column: int
    formula: str
    why: str

    def phrase(self) -> Phrase:
        """What the reader says of the cell (``str()`` of it is the English)."""
        cell = coordinate((self.row, self.column))
        return Phrase("warn.xlsx_formula", sheet=self.sheet, cell=cell, formula=self.formula, why=self.why)

    def __str__(self) -> str:
        return str(self.phrase())


@attrs.define
class Sheet:
    """One sheet's cell values (1-based positions) and texts, merged ranges expanded."""

    name: str
    values: dict[tuple[int, int], Any]
    texts: dict[tuple[int, int], str] = attrs.Factory(dict)
    unread: list[UnreadFormula] = attrs.Factory(list)
    formats: dict[tuple[int, int], str] = attrs.Factory(dict)
    """(row, column) → the number format of a number cell that may print a unit after it (``0.0"万元"``)"""

    def value(self, row: int, column: int) -> Any:
        return self.values.get((row, column))

    @property
    def n_rows(self) -> int:
        return max((r for r, _ in self.values), default=0)


def cell_text(value: Any) -> str:
    """A cell value as a report prints it: whole numbers without ``.0``, others with at most 15 significant digits
    (what a spreadsheet keeps) and never an exponent."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).upper()
    if isinstance(value, float):
        value = Decimal(format(value, ".15g"))
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return str(value)
    return str(value)


def sheet_of(name: str, rows: list[list[Any]], start: tuple[int, int] | None, part: SheetPart) -> Sheet:
    """The values of a sheet as the reading library gives them (``rows`` from ``start``, 0-based), with the
    unsaved formulas of its ``part``."""
    values: dict[tuple[int, int], Any] = {}
    if start is not None:
        r0, c0 = start
        if (r0 + len(rows)) > MAX_ROWS or (c0 + max((len(r) for r in rows), default=0)) > MAX_COLUMNS:
            raise ReadError.keyed("read.xlsx.sheet_beyond", sheet=name)
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if v != "" and v is not None:
                    at = (r0 + i + 1, c0 + j + 1)
                    exact = part.numbers.get(at) if isinstance(v, float | int) and not isinstance(v, bool) else None
                    values[at] = _SPREADSHEET.create_decimal(exact) if exact is not None else v
    values |= {at: CellError(text) for at, text in part.errors.items()}  # shown as printed: never a blank
    sheet = Sheet(name, values, formats=dict(part.formats))
    formulas = SheetFormulas(part.unsaved, sheet.value)
    for (r, c), formula in part.unsaved.items():
        try:
            result = formulas.value(r, c)
        except FormulaError as e:
            sheet.unread.append(UnreadFormula(name, r, c, formula, e.args[0]))  # a Phrase: worded in either language
            values.pop((r, c), None)
            continue
        if result is None:
            values.pop((r, c), None)
        else:
            values[(r, c)] = result
    return sheet


def expand(sheet: Sheet, merges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """The sheet's texts — each number followed by the unit its number format prints (``12.5万元``), as a
    reader of the sheet sees it — with every merged range (0-based ``(first, last)``) showing its first cell's
    text."""
    texts = {pos: cell_text(v) + _unit(sheet, pos, v) for pos, v in sheet.values.items()}
    for (r0, c0), (r1, c1) in merges:
        text = texts.get((r0 + 1, c0 + 1), "")
        if not text:
            continue
        for r in range(r0 + 1, r1 + 2):
            for c in range(c0 + 1, c1 + 2):
                texts[(r, c)] = text
    sheet.texts = texts


def _unit(sheet: Sheet, pos: tuple[int, int], value: Any) -> str:
    """The unit the number format of the cell at ``pos`` prints after ``value`` (``""`` for none)."""
    code = sheet.formats.get(pos)
    if code is None or not isinstance(value, int | float | Decimal) or isinstance(value, bool):
        return ""
    return printed_unit(code, value) or ""


def rows(sheet: Sheet) -> Iterator[tuple[int, str | None, tuple[str, ...]]]:
    """``(sheet row, paragraph text or None, cells)`` for each row with any text, in order.

    Table rows come in blocks — consecutive rows between paragraphs and empty rows — and the cells of a row span
    the columns its block uses, so a column is at the same position in every row of a table (and a narrow table
    under a wide one on the same sheet is not padded to the wide one's width)."""
    by_row: dict[int, dict[int, str]] = {}
    for (r, c), t in sheet.texts.items():
        if t.strip():
            by_row.setdefault(r, {})[c] = t
    if not by_row:
        return
    width = max(c for found in by_row.values() for c in found) - min(c for found in by_row.values() for c in found)
    if (width + 1) * max(by_row) > MAX_AREA:
        raise ReadError.keyed("read.xlsx.sheet_span", sheet=sheet.name)
    block: list[int] = []
    for r in sorted(by_row):
        distinct = {t.strip() for t in by_row[r].values()}
        only = next(iter(distinct)) if len(distinct) == 1 else None
        if only is not None and not is_number_text(only) and not (block and _is_row_label(only)):
            yield from _block(block, by_row)
            block = []
            yield r, only, ()
            continue
        if block and r != block[-1] + 1:
            yield from _block(block, by_row)
            block = []
        block.append(r)
    yield from _block(block, by_row)


def _block(block: list[int], by_row: dict[int, dict[int, str]]) -> Iterator[tuple[int, None, tuple[str, ...]]]:
    if not block:
        return
    first = min(c for r in block for c in by_row[r])
    last = max(c for r in block for c in by_row[r])
    for r in block:
        yield r, None, tuple(by_row[r].get(c, "") for c in range(first, last + 1))


def _label_sets() -> list[tuple[Section, set[str]]]:
    out = []
    for fmt in FORMATS.values():
        for section in fmt.sections:
            table = section.table
            if table is None:
                continue
            rows_ = list(table.rows) + [r for alt in table.alternatives for r in alt.rows]
            labels = {normalise(label) for row in rows_ for label in row.labels}
            labels |= {strip_numbering(label) for row in rows_ for label in row.labels}
            labels |= {normalise(h) for row in rows_ for c in row.columns.columns for h in c.headers}
            out.append((section, labels))
    return out


_LABELS: list[tuple[Section, set[str]]] = []


_ROW_LABELS: set[str] = set()


def _is_row_label(text: str) -> bool:
    """Whether ``text`` is a table row's own label: a row of a table block that prints only it has empty cells
    (a blank row), not a paragraph."""
    if not _ROW_LABELS:
        for fmt in FORMATS.values():
            for table in fmt.tables:
                for row in [*table.rows, *(r for alt in table.alternatives for r in alt.rows)]:
                    _ROW_LABELS.update(normalise(label) for label in (row.label, *row.aliases))
    return normalise(text) in _ROW_LABELS


def mentions_heading(text: str) -> bool:
    """Whether a paragraph holds a numbered section heading the assembler finds (``三、收到和处理…``, in any
    format); a title that only names a table (``收到和处理政府信息公开申请情况表``) is not one."""
    return any(heading_pattern(fmt).search(text) for fmt in FORMATS.values())


def table_of(texts: Iterable[str]) -> Section | None:
    """The section whose table the texts print most labels of (three at least), for a sheet without a heading."""
    if not _LABELS:
        _LABELS.extend(_label_sets())
    seen = {normalise(t) for t in texts if t.strip()}
    best, score = None, 2
    for section, labels in _LABELS:
        found = len(seen & labels)
        if found > score:
            best, score = section, found
    return best
