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

from disclosure_report.errors import FieldValueError

_HAS_DIGIT = re.compile(r"[0-9０-９]")
MAX_BLANK_TEXT = 16
BLANK_PATTERN = "^[^0-9０-９]{0,16}$"
BLANK_EXPECTED = "what the source printed in place of a number: a string of at most 16 characters with no digits"


def _check_printed(_inst: object, _attr: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str or len(value) > MAX_BLANK_TEXT or _HAS_DIGIT.search(value):
        raise FieldValueError("Blank", "printed", BLANK_EXPECTED, describe(value))


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

EXPECTED: dict[str, str] = {
    "count": "a whole number ≥ 0, a blank, or unread",
    "signed": "a whole number (negative for a decrease), a blank, or unread",
    "money": "an exact amount ≥ 0 (a Decimal), a blank, or unread",
}
"""What each cell kind holds, as error messages say it."""

EXPECTED_ZH: dict[str, str] = {
    "count": "≥ 0 的整数、留空或未读出",
    "signed": "整数（减少记为负数）、留空或未读出",
    "money": "≥ 0 的精确金额（Decimal）、留空或未读出",
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


def describe(value: object) -> str:
    """A short, JSON-flavoured description of a value for error messages."""
    if value is None:
        return "null"
    if type(value) is bool:
        return "true (a boolean)" if value else "false (a boolean)"
    if type(value) is str:
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'"{shown}" (a string)'
    if type(value) is float:
        return f"{value!r} (a float)"
    if type(value) is Decimal:
        return f"{value} (a decimal number)"
    if type(value) is int:
        return str(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    return f"a {type(value).__name__}"


def _check_cell(kind: CellKind) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        t = type(value)
        if t is Blank or t is Unread:
            return
        if kind == "money":
            if t is Decimal:
                assert isinstance(value, Decimal)
                if value.is_finite() and value >= 0:
                    return
            elif t is int:
                assert isinstance(value, int)
                if value >= 0:
                    return
            raise FieldValueError(type(inst).__name__, attr.name, EXPECTED[kind], describe(value))
        if t is int:
            assert isinstance(value, int)
            if kind == "signed" or value >= 0:
                return
        raise FieldValueError(type(inst).__name__, attr.name, EXPECTED[kind], describe(value))

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
