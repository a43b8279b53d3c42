"""What the strict converter and its fast path share: the checks of leaf values and how a union of classes is
told apart. Both build on this module; neither imports the other's internals.

A handler takes a JSON-shaped value and returns what the model stores, or raises :class:`Invalid` with the
problems found (each with its path below the current point, what was expected and what was found).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Union

import attrs

from disclosure_report.errors import FieldValueError, Phrase
from disclosure_report.model import UNREAD, Blank, Unread
from disclosure_report.model.cells import (
    MAX_MONEY,
    NOT_TEXT,
    CellKind,
    count_in_range,
    describe,
    money_in_range,
    signed_in_range,
)

Segment = str | int
Raw = tuple[list[Segment], str, str]
"""(path segments below the current point, expected, found)"""


MAX_PROBLEMS = 100
"""Problems a document's error lists at most; past that it only counts them (a million unknown keys are one error
message with 100 lines, not a million)."""


class Invalid(Exception):
    """Raised inside hooks; the segments of each problem are prefixed as it travels up. ``more`` counts the
    problems found beyond :data:`MAX_PROBLEMS`, which are not kept."""

    def __init__(self, problems: list[Raw], more: int = 0) -> None:
        self.problems = problems
        self.more = more

    @classmethod
    def bounded(cls, problems: list[Raw], more: int) -> Invalid:
        excess = len(problems) - MAX_PROBLEMS
        if excess > 0:
            return cls(problems[:MAX_PROBLEMS], more + excess)
        return cls(problems, more)

    @classmethod
    def one(cls, expected: str, value: object) -> Invalid:
        return cls([([], expected, describe(value))])

    def under(self, segment: Segment) -> Invalid:
        for path, _, _ in self.problems:
            path.insert(0, segment)
        return self


Handler = Callable[[Any], Any]

# ---------------------------------------------------------------------------------------------------------------
# Leaf handlers


_MAX_DIGITS = 30


def _integral(v: Any) -> int | None:
    """The int a float/Decimal stands for when it is integral and of sane size (``12.0``), else None."""
    if type(v) is float:
        v = Decimal(repr(v)) if v == v and v not in (float("inf"), float("-inf")) else None
    if v is None or not v.is_finite() or v.adjusted() >= _MAX_DIGITS or v != v.to_integral_value():
        return None
    return int(v)


def _whole(kind: CellKind, in_range: Callable[[int], bool]) -> Handler:
    """The handler of a whole-number cell of ``kind`` (``count``, ``signed``): an int in range, an integral number
    written with a fraction (``12.0``), or a blank/unread object."""

    def handle(v: Any) -> Any:
        t = type(v)
        if t is int:
            if in_range(v):
                return v
        elif t is dict:
            return _blank(v, kind)
        elif t is Decimal or t is float:
            n = _integral(v)
            if n is not None and in_range(n):
                return n
        raise Invalid.one(Phrase(f"expected.{kind}"), v)

    return handle


_count = _whole("count", count_in_range)
_signed = _whole("signed", signed_in_range)


def _money(v: Any) -> Any:
    t = type(v)
    if t is Decimal:
        if money_in_range(v):
            return v
    elif t is int:
        if 0 <= v < MAX_MONEY:
            return Decimal(v)
    elif t is dict:
        return _blank(v, "money")
    elif t is float:
        raise Invalid.one(Phrase("expected.money_float_json"), v)
    raise Invalid.one(Phrase("expected.money"), v)


def _blank(v: dict[str, Any], kind: CellKind) -> Blank | Unread:
    """A cell written as an object: ``{"blank": "<mark>"}`` or ``{"unread": true}``."""
    if v.keys() == {"unread"}:
        if v["unread"] is True:
            return UNREAD
        raise Invalid.one(Phrase("expected.unread_true"), v["unread"]).under("unread")
    if v.keys() == {"blank"}:
        printed = v["blank"]
        try:
            return Blank(printed)
        except FieldValueError:
            raise Invalid.one(Phrase("expected.blank"), printed).under("blank") from None
    raise Invalid.one(Phrase(f"expected.{kind}_written"), v)


CELL_HANDLERS: dict[CellKind, Handler] = {"count": _count, "signed": _signed, "money": _money}


def _str(v: Any) -> Any:
    if type(v) is str:
        if NOT_TEXT.search(v) is None:
            return v
        raise Invalid.one(Phrase("expected.text"), v)
    raise Invalid.one(Phrase("expected.string"), v)


def _bool(v: Any) -> Any:
    if type(v) is bool:
        return v
    raise Invalid.one(Phrase("expected.boolean"), v)


def _int(v: Any) -> Any:
    t = type(v)
    if t is int:
        if count_in_range(v):
            return v
    elif t is Decimal or t is float:
        n = _integral(v)
        if n is not None and count_in_range(n):
            return n
    raise Invalid.one(Phrase("expected.count_15"), v)


def _decimal(v: Any) -> Any:
    t = type(v)
    if (t is Decimal and money_in_range(v)) or (t is int and 0 <= v < MAX_MONEY):
        return Decimal(v)
    if t is float:
        raise Invalid.one(Phrase("expected.amount_float"), v)
    raise Invalid.one(Phrase("expected.amount"), v)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _date(v: Any) -> Any:
    if type(v) is str and _DATE.match(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    raise Invalid.one(Phrase("expected.iso_date"), v)


def literal(allowed: tuple[Any, ...]) -> Handler:
    shown = ", ".join(json.dumps(a, ensure_ascii=False) for a in allowed)

    def handle(v: Any) -> Any:
        if type(v) is str and v in allowed:
            return v
        raise Invalid.one(Phrase("expected.one_of", choices=shown), v)

    return handle


def optional(inner: Handler) -> Handler:
    def handle(v: Any) -> Any:
        return None if v is None else inner(v)

    return handle


def tuple_of(inner: Handler) -> Handler:
    def handle(v: Any) -> Any:
        if type(v) is not list:
            raise Invalid.one(Phrase("expected.array"), v)
        out: list[Any] = []
        problems: list[Raw] = []
        more = 0
        for i, item in enumerate(v):
            try:
                out.append(inner(item))
            except Invalid as e:
                more += e.more
                if len(problems) < MAX_PROBLEMS:
                    problems += e.under(i).problems
                else:
                    more += len(e.problems)
        if problems:
            raise Invalid.bounded(problems, more)
        return tuple(out)

    return handle


# ---------------------------------------------------------------------------------------------------------------
# attrs classes


def admits_none(tp: Any) -> bool:
    return tp is type(None) or (is_union(tp) and type(None) in typing.get_args(tp))


def is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType)


def closest_class(data: dict[str, Any], names: list[frozenset[str]]) -> int:
    """The index of the field-name set that shares most keys with ``data`` (how a union of classes is told apart)."""
    keys = data.keys()
    return max(range(len(names)), key=lambda i: len(keys & names[i]))


_REPLICATED_VALIDATORS = frozenset(
    {
        "_check_cell.<locals>.check",
        "of_type.<locals>.check",
        "one_of.<locals>.check",
        "non_negative_int.<locals>.check",
        "non_negative_money.<locals>.check",
    }
)
"""Model validators whose checks the converter's handlers make too (so a checked value may skip them)."""


def checked_by_handler(field: attrs.Attribute[Any]) -> bool:
    v = field.validator
    return v is None or getattr(v, "__qualname__", "") in _REPLICATED_VALIDATORS


def no_constant(name: str) -> Any:
    raise ValueError(Phrase("found.constant", name=name))


def json_decimal(text: str) -> Decimal:
    """A JSON number with a fraction or an exponent as the :class:`~decimal.Decimal` of the digits written (what
    both parsers are given for ``parse_float``/``float_hook``); a ValueError (what the parsers report, the strict
    path with its place) for one whose exponent no Decimal holds, ``1E1000000000000000000`` — where ``Decimal``
    itself raises ``decimal.InvalidOperation``, which no caller expects from a parser."""
    try:
        return Decimal(text)
    except InvalidOperation:
        shown = text if len(text) <= 40 else f"{text[:20]}…{text[-12:]}"
        raise ValueError(Phrase("found.number_range", number=shown)) from None


SIMPLE: dict[Any, Handler] = {str: _str, bool: _bool, int: _int, Decimal: _decimal, dt.date: _date}
"""The handlers of the plain value types."""


def leaf_handler(tp: Any) -> Handler:
    """The handler of a plain value type (``str``, ``bool``, ``int``, ``Decimal``, ``date``)."""
    try:
        return SIMPLE[tp]
    except KeyError:
        raise TypeError(f"the converter has no hook for {tp!r}") from None  # a model change without a converter change
