"""Evaluating the sums of a spreadsheet whose formulas have no saved result.

A file written by a program (openpyxl) and never saved by Excel or LibreOffice holds its formulas without their
results. The shapes of sum the template and most agency sheets use are evaluated here — ``=SUM(B3:G3)``,
``=SUM(B3,C3)``, ``=B3+C3+D3`` and mixtures of them, on cells of the same sheet, following formulas that refer to
other formula cells (to a bounded depth). Anything else raises :class:`FormulaError`: the cell is left unread,
never taken as 0.

>>> values = {(1, 1): 2, (1, 2): 3, (1, 3): "-"}
>>> evaluate("=SUM(A1:C1)", lambda r, c: values.get((r, c)))
Decimal('5')
>>> evaluate("=A1+B1", lambda r, c: values.get((r, c)))
Decimal('5')
>>> evaluate("=VLOOKUP(1,A1:B1,2)", lambda r, c: None)
Traceback (most recent call last):
...
disclosure_report.read.xlsx.formulas.FormulaError: only sums of cells (=SUM(B3:G3), =B3+C3) are evaluated
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from openpyxl.utils.cell import column_index_from_string, get_column_letter

from disclosure_report.errors import Phrase

MAX_DEPTH = 16
"""How deep a formula may refer to formula cells that refer to formula cells…"""
MAX_CELLS = 20_000
"""How many cells one formula may add up."""

CellValue = Decimal | int | float | str | None
"""What a cell holds as far as a sum is concerned: a number, a text (ignored by SUM) or nothing."""

_REF = r"\$?[A-Z]{1,3}\$?[0-9]{1,7}"
_ARG = rf"{_REF}(?::{_REF})?"
_TERM = re.compile(rf"SUM\(({_ARG}(?:,{_ARG})*)\)|({_REF})")
_PARTS = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")


class FormulaError(ValueError):
    """A formula this module does not evaluate, or one whose cells cannot be added up."""


class CellError(str):
    """An error value a spreadsheet saved in a cell (``#DIV/0!``): a sum over it is that error, not a sum."""

    __slots__ = ()


def _position(ref: str) -> tuple[int, int]:
    m = _PARTS.fullmatch(ref)
    assert m is not None
    return int(m.group(2)), column_index_from_string(m.group(1))


def _cells(arg: str) -> list[tuple[int, int]]:
    first, _, last = arg.partition(":")
    top = _position(first)
    if not last:
        return [top]
    bottom = _position(last)
    r0, r1 = sorted((top[0], bottom[0]))
    c0, c1 = sorted((top[1], bottom[1]))
    if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS:
        raise FormulaError(Phrase("formula.range", range=arg, limit=MAX_CELLS))
    return [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


def _number(value: CellValue) -> Decimal | None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, float):
        return Decimal(format(value, ".15g"))
    return Decimal(value)


def terms(formula: str) -> list[tuple[bool, list[tuple[int, int]]]]:
    """The terms of a sum formula: ``(is a SUM(...), its cells)`` each; :class:`FormulaError` for another shape."""
    body = "".join(formula.split()).upper()
    if not body.startswith("="):
        raise FormulaError(Phrase("formula.not_formula"))
    body = body[1:].lstrip("+")
    out: list[tuple[bool, list[tuple[int, int]]]] = []
    pos = 0
    while True:
        m = _TERM.match(body, pos)
        if m is None:
            raise FormulaError(Phrase("formula.only_sums"))
        if m.group(1) is not None:
            cells = [cell for arg in m.group(1).split(",") for cell in _cells(arg)]
            out.append((True, cells))
        else:
            out.append((False, [_position(m.group(2))]))
        pos = m.end()
        if pos == len(body):
            return out
        if body[pos] != "+":
            raise FormulaError(Phrase("formula.only_sums"))
        pos += 1


def evaluate(formula: str, value_of: Callable[[int, int], CellValue]) -> Decimal | None:
    """The sum ``formula`` stands for, the cells' values given by ``value_of(row, column)`` (1-based); None when
    none of its cells holds a number (a sum of nothing read is not a read 0). ``SUM`` ignores text, as spreadsheets
    do; a text in a ``+`` term is an error (Excel's ``#VALUE!``)."""
    total = Decimal(0)
    found = False
    for in_sum, cells in terms(formula):
        for row, column in cells:
            value = value_of(row, column)
            if isinstance(value, CellError):
                raise FormulaError(Phrase("formula.error_cell", value=value))
            number = _number(value)
            if number is None:
                if not in_sum and isinstance(value, str) and value.strip():
                    raise FormulaError(Phrase("formula.text_added", value=value))
                continue
            total += number
            found = True
    return total if found else None


class SheetFormulas:
    """The formulas of one sheet that have no saved result, evaluated on demand (each once), following formula
    cells they refer to up to :data:`MAX_DEPTH` deep."""

    def __init__(self, unsaved: dict[tuple[int, int], str], saved: Callable[[int, int], CellValue]) -> None:
        self.unsaved = unsaved
        self.saved = saved
        self._done: dict[tuple[int, int], Decimal | None] = {}
        self._busy: list[tuple[int, int]] = []

    def value(self, row: int, column: int) -> Decimal | None:
        """The result of the formula at (row, column); :class:`FormulaError` when it cannot be evaluated."""
        key = (row, column)
        if key in self._done:
            return self._done[key]
        if key in self._busy:
            raise FormulaError(Phrase("formula.circular"))
        if len(self._busy) >= MAX_DEPTH:
            raise FormulaError(Phrase("formula.too_deep", limit=MAX_DEPTH))
        self._busy.append(key)
        try:
            result = evaluate(self.unsaved[key], self._cell)
        finally:
            self._busy.pop()
        self._done[key] = result
        return result

    def _cell(self, row: int, column: int) -> CellValue:
        if (row, column) in self.unsaved:
            try:
                return self.value(row, column)
            except FormulaError as e:
                if str(e).startswith("it refers to"):
                    raise
                where = f"{get_column_letter(column)}{row}"
                raise FormulaError(
                    Phrase("formula.refers", cell=where, formula=self.unsaved[(row, column)], why=e.args[0])
                ) from None
        return self.saved(row, column)
