"""The value of one table cell: a number as printed, an explicit blank, or unread.

A published table may leave a cell empty or print ``-``, ``/`` or ``无`` in it. That is not the same as ``0``:
the validator must be able to say "the 总计 of （一）予以公开 is blank", and a renderer must print what the
author gave. So a cell holds either a number or a :class:`Blank` that remembers what was printed.

A third state belongs to reading: a reader that could not place a cell (a row not found, a figure that could be
read several ways, a formula without a saved value) leaves it :data:`UNREAD`. Unread is not blank and not 0:
nothing is known about it, and every rule treats it as unknown.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from disclosure_report.errors import FieldValueError, Phrase

_HAS_DIGIT = re.compile(r"[0-9０-９]")
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters no document text may hold: control characters other than tab and line breaks, lone surrogates (not
characters at all: no UTF-8 encodes them), U+FFFE and U+FFFF. XML (Word, Excel) cannot hold any of them."""
TEXT_EXPECTED = "text without control characters (other than tab and line breaks) or lone surrogates"
MAX_BLANK_TEXT = 16
BLANK_PATTERN = "^[^0-9０-９]{0,16}$"
BLANK_EXPECTED = "what the source printed in place of a number: a string of at most 16 characters with no digits"


def _check_printed(_inst: object, _attr: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str or len(value) > MAX_BLANK_TEXT or _HAS_DIGIT.search(value) or NOT_TEXT.search(value):
        raise FieldValueError("Blank", "printed", Phrase("expected.blank"), describe(value))


@attrs.frozen(repr=False)
class Blank:
    """A cell left without a number in the source; ``printed`` is what stood there (``""``, ``"-"``, ``"无"``…).

    >>> Blank()
    Blank()
    >>> Blank("-")
    Blank('-')
    >>> Blank() == Blank("")
    True
    """

    printed: str = attrs.field(default="", validator=_check_printed)

    def __repr__(self) -> str:
        return f"Blank({self.printed!r})" if self.printed else "Blank()"

    def __str__(self) -> str:
        return self.printed


BLANK = Blank()
"""The blank cell with nothing printed in it."""


@attrs.frozen(repr=False)
class Unread:
    """A cell a reader could not read: its value is unknown (not blank, not 0). JSON: ``{"unread": true}``.

    There is one instance, :data:`UNREAD`; the reader's warnings say why each cell was left unread.

    >>> UNREAD
    UNREAD
    >>> Unread() is UNREAD, Unread() == UNREAD
    (False, True)
    """

    def __repr__(self) -> str:
        return "UNREAD"

    def __str__(self) -> str:
        return ""


UNREAD = Unread()
"""The unread cell."""

Count: TypeAlias = int | Blank | Unread
"""A count cell: an int >= 0, a :class:`Blank`, or :data:`UNREAD`."""
Signed: TypeAlias = int | Blank | Unread
"""A signed cell (the 2019 format's 本年增/减): any int, a :class:`Blank`, or :data:`UNREAD`."""
Money: TypeAlias = Decimal | Blank | Unread
"""A money cell: a Decimal >= 0 in the column's unit, a :class:`Blank`, or :data:`UNREAD`."""

CellKind = Literal["count", "signed", "money"]

MAX_COUNT = 10**15 - 1
"""The largest count (and the largest size of a signed cell): 15 digits, far above any agency's figures."""
MAX_MONEY_DIGITS = 18
"""Integer digits an amount may have at most (an amount is below ``10**18``)."""
MAX_MONEY_PLACES = 6
"""Decimal places an amount may have at most (万元 to the yuan cent needs 6)."""
MAX_MONEY = Decimal(10) ** MAX_MONEY_DIGITS

EXPECTED: dict[str, str] = {
    "count": "a whole number ≥ 0 of at most 15 digits, a blank, or unread",
    "signed": "a whole number of at most 15 digits (negative for a decrease), a blank, or unread",
    "money": "an exact amount ≥ 0 (a Decimal) of at most 18 integer digits and 6 decimal places, a blank, or unread",
}
"""What each cell kind holds, as error messages say it."""

EXPECTED_ZH: dict[str, str] = {
    "count": "至多 15 位的 ≥ 0 整数、留空或未读出",
    "signed": "至多 15 位的整数（减少记为负数）、留空或未读出",
    "money": "整数部分至多 18 位、小数至多 6 位的 ≥ 0 精确金额（Decimal）、留空或未读出",
}
"""The same in Chinese (``--lang zh``)."""

WRITTEN_AS = ' written {"blank": "<what was printed>"} or {"unread": true}'
"""How a cell without a number is written in JSON, as error messages say it."""


def is_blank(value: object) -> bool:
    """True when ``value`` is a :class:`Blank` cell."""
    return type(value) is Blank


def is_unread(value: object) -> bool:
    """True when ``value`` is the :data:`UNREAD` cell."""
    return type(value) is Unread


def is_number(value: object) -> bool:
    """True when a cell holds a number (not a blank, not unread)."""
    t = type(value)
    return t is int or t is Decimal


def number(value: int | Decimal | Blank | Unread) -> int | Decimal:
    """The value of a cell for arithmetic by authors' helpers: a blank (or unread) cell counts as 0.

    Only helpers that *fill* data use this; the validator treats a blank as blank and unread as unknown.
    """
    return value if type(value) is int or type(value) is Decimal else 0


def count_in_range(value: int) -> bool:
    """Whether the int ``value`` is a count the model holds (0 to :data:`MAX_COUNT`)."""
    return 0 <= value <= MAX_COUNT


def signed_in_range(value: int) -> bool:
    """Whether the int ``value`` fits a signed cell (at most 15 digits either side of 0)."""
    return -MAX_COUNT <= value <= MAX_COUNT


def money_in_range(value: Decimal) -> bool:
    """Whether the Decimal ``value`` is an amount the model holds: finite, ≥ 0, below ``10**18``, at most 6 decimal
    places as written (``1.0000000`` has 7). Cheap for any exponent: nothing is expanded."""
    if not value.is_finite() or value < 0 or value >= MAX_MONEY:
        return False
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -MAX_MONEY_PLACES


def describe(value: object) -> str:
    """A short, JSON-flavoured description of a value for error messages."""
    if value is None:
        return "null"
    if type(value) is bool:
        return Phrase("found.boolean", value="true" if value else "false")
    if type(value) is str:
        shown = value if len(value) <= 40 else value[:37] + "..."
        if NOT_TEXT.search(shown):  # shown escaped, so that the message itself can be printed
            shown = NOT_TEXT.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)
        return Phrase("found.string", text=f'"{shown}"')
    if type(value) is float:
        return Phrase("found.float", value=repr(value))
    if type(value) is Decimal:
        return _describe_decimal(value)
    if type(value) is int:
        assert isinstance(value, int)
        return _describe_int(value)
    if isinstance(value, dict):
        return Phrase("found.object")
    if isinstance(value, (list, tuple)):
        return Phrase("found.array")
    return Phrase("found.type", name=type(value).__name__)


_SHOWN_DIGITS = 40


def _describe_int(value: int) -> str:
    if value.bit_length() <= 128:
        return str(value)
    digits = int(value.bit_length() * 0.30103) + 1  # str() of a huge int is slow, and refused past 4300 digits
    return Phrase("found.about_digits", sign="-" if value < 0 else "", digits=digits)


def _describe_decimal(value: Decimal) -> str:
    if value.is_finite():
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        if len(digits) > _SHOWN_DIGITS or not -_SHOWN_DIGITS <= exponent <= _SHOWN_DIGITS:
            integer = max(0, len(digits) + exponent)
            places = max(0, -exponent)
            if not places:
                return Phrase("found.whole_digits", sign="-" if sign else "", digits=integer)
            return Phrase("found.number_digits", sign="-" if sign else "", integer=integer, places=places)
    return Phrase("found.decimal", value=str(value))


def _check_cell(kind: CellKind) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        t = type(value)
        if t is Blank or t is Unread:
            return
        if kind == "money":
            if t is Decimal:
                assert isinstance(value, Decimal)
                if money_in_range(value):
                    return
            elif t is int:
                assert isinstance(value, int)
                if 0 <= value < MAX_MONEY:
                    return
            raise FieldValueError(type(inst).__name__, attr.name, Phrase(f"expected.{kind}"), describe(value))
        if t is int:
            assert isinstance(value, int)
            if signed_in_range(value) if kind == "signed" else count_in_range(value):
                return
        raise FieldValueError(type(inst).__name__, attr.name, Phrase(f"expected.{kind}"), describe(value))

    return check


_CHECK = {k: _check_cell(k) for k in ("count", "signed", "money")}


def cell(kind: CellKind = "count") -> Any:
    """An attrs field for a table cell of ``kind``, defaulting to 0; the kind is kept in the field's metadata."""
    default: int | Decimal = Decimal(0) if kind == "money" else 0
    return attrs.field(default=default, validator=_CHECK[kind], metadata={"cell": kind})


def cell_kind(field: attrs.Attribute[Any]) -> CellKind | None:
    """The cell kind of a model field, or None when the field is not a table cell."""
    kind: CellKind | None = field.metadata.get("cell")
    return kind
