"""Small attrs validators for the model's non-cell fields (cells use :func:`.cells.cell`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, get_args

import attrs

from disclosure_report.errors import FieldValueError, Phrase
from disclosure_report.model.cells import (
    MAX_MONEY,
    NOT_TEXT,
    count_in_range,
    describe,
    money_in_range,
)

WHOLE_NUMBER = "a whole number ≥ 0 of at most 15 digits"
AMOUNT = "an exact amount ≥ 0 (a Decimal) of at most 18 integer digits and 6 decimal places"
_NAMES = {str: "expected.string", bool: "expected.boolean", int: "expected.whole_number"}
"""The message key of what a field of each type holds."""


def of_type(kind: type, *, optional: bool = False) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if type(value) is not kind:
            expected = Phrase(_NAMES[kind]) if kind in _NAMES else kind.__name__
            raise FieldValueError(type(inst).__name__, attr.name, expected, describe(value))
        if isinstance(value, str) and NOT_TEXT.search(value):
            raise FieldValueError(type(inst).__name__, attr.name, Phrase("expected.text"), describe(value))

    return check


def non_negative_int(*, optional: bool = False) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if type(value) is not int or not count_in_range(value):
            raise FieldValueError(type(inst).__name__, attr.name, Phrase("expected.count_15"), describe(value))

    return check


def non_negative_money(*, optional: bool = False) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if type(value) is int and 0 <= value < MAX_MONEY:
            return
        if type(value) is Decimal and money_in_range(value):
            return
        raise FieldValueError(type(inst).__name__, attr.name, Phrase("expected.amount"), describe(value))

    return check


def one_of(literal: Any, *, optional: bool = False) -> Any:
    """Validator for a ``Literal[...]`` field."""
    allowed = get_args(literal)

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if type(value) is not str or value not in allowed:
            shown = ", ".join(f'"{a}"' for a in allowed)
            expected = Phrase("expected.one_of", choices=shown)
            raise FieldValueError(type(inst).__name__, attr.name, expected, describe(value))

    return check
