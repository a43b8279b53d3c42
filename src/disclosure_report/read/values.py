"""Cell values as printed → model values: 0 stays 0, a blank stays blank (with its mark), money stays exact."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from disclosure_report.errors import Phrase
from disclosure_report.formats import CellKind
from disclosure_report.model import Blank
from disclosure_report.model.cells import MAX_COUNT, money_in_range

BLANK_MARKS = frozenset({"", "-", "—", "－", "–", "——", "/", "／", "无", "×", "\\", "（空）", "(空)", "空"})
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．，－＋\u3000", "0123456789.,-+ ")
"""Full-width digits and signs as their ASCII forms — and nothing else: a superscript ¹ or a circled ① is no
number (NFKC would make them 1), so such a mark stays the blank it was printed as."""
MONEY_UNITS = ("元", "万元", "亿元")
"""The units a printed number may carry (``251000元``): kept for money where the format has a place for it."""
_NUMBER = re.compile(rf"^([+-]?)(\d[\d,]*)(?:\.(\d+))?({'|'.join(MONEY_UNITS)})?$")


class ValueProblem(ValueError):
    """A printed cell that is neither a number of its kind nor a blank mark."""


def is_number_text(text: str) -> bool:
    """True when ``text`` is a number as cells print them (``1,234``, ``4068.208``, ``251000元``)."""
    if len(text) <= 200:
        return _is_number_short(text)
    return _is_number_short.__wrapped__(text)  # not remembered: the cache keeps only short texts


@lru_cache(maxsize=65536)
def _is_number_short(text: str) -> bool:
    s = text.translate(_HALF_WIDTH).strip().replace(" ", "")
    return bool(_NUMBER.match(s))


def parse_value(text: str, kind: CellKind) -> tuple[int | Decimal | Blank, str | None, str | None]:
    """``(value, unit printed in the cell, note)`` for a printed cell (see :func:`_parse_value`)."""
    if len(text) <= 64:
        return _parse_short(text, kind)
    return _parse_value(text, kind)


def _parse_value(text: str, kind: CellKind) -> tuple[int | Decimal | Blank, str | None, str | None]:
    """``(value, unit printed in the cell, note)`` for a printed cell; the note says what had to be stripped.

    >>> parse_value("0", "count"), parse_value(" - ", "count")[0], parse_value("4068.208", "money")[0]
    ((0, None, None), Blank('-'), Decimal('4068.208'))
    >>> parse_value("251000元", "money")
    (Decimal('251000'), '元', None)
    """
    raw = text.strip()
    if raw in BLANK_MARKS:
        return Blank("" if raw in ("（空）", "(空)", "空") else raw), None, None
    s = raw.translate(_HALF_WIDTH).replace(" ", "").replace("−", "-")
    m = _NUMBER.match(s)
    raw = raw if len(raw) <= _SHOWN else f"{raw[: _SHOWN - 3]}..."  # as the messages show it
    if not m:
        raise ValueProblem(Phrase("value.not_number", text=raw))
    sign, whole, frac, unit = m.groups()
    note = Phrase("value.comma_removed") if "," in whole else None
    whole = whole.replace(",", "")
    if kind == "money":
        try:
            value = Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")
        except InvalidOperation:
            raise ValueProblem(Phrase("value.not_amount", text=raw)) from None
        if value < 0:
            raise ValueProblem(Phrase("value.negative_amount", text=raw))
        if not money_in_range(value):
            raise ValueProblem(Phrase("value.out_of_range", text=raw, expected=Phrase("expected.amount")))
        return value, unit, note
    if frac and set(frac) != {"0"}:
        raise ValueProblem(Phrase("value.not_whole", text=raw))
    if unit:
        note = Phrase("value.unit_removed", unit=unit)
    if len(whole.lstrip("0")) > _COUNT_DIGITS:  # (before int(): Python refuses to convert over 4,300 digits)
        expected = Phrase("expected.count_15" if kind == "count" else "expected.signed_15")
        raise ValueProblem(Phrase("value.out_of_range", text=raw, expected=expected))
    number = int(sign + (whole.lstrip("0") or "0"))  # (leading zeros count against int()'s 4,300 digits)
    if kind == "count" and number < 0:
        raise ValueProblem(Phrase("value.negative", text=raw))
    if abs(number) > MAX_COUNT:  # (a spreadsheet keeps 15 significant digits of a number typed longer)
        expected = Phrase("expected.count_15" if kind == "count" else "expected.signed_15")
        raise ValueProblem(Phrase("value.out_of_range", text=raw, expected=expected))
    return number, None, note


_parse_short = lru_cache(maxsize=65536)(_parse_value)


_SHOWN = 40
"""How much of a printed cell's text a message about it shows."""


_COUNT_DIGITS = len(str(MAX_COUNT))
