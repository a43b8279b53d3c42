"""The all-or-nothing fast path of :func:`~disclosure_report.convert.loads`.

Most documents are valid. For them, ``loads`` parses with the plain C parser (no Python hook per JSON object) and
builds the model with generated functions that only know the happy path. Any deviation — a wrong type, a missing
or unknown key, a blank mark the model refuses, anything the strict path would report — abandons the attempt as a
whole, and the strict path (:mod:`disclosure_report.convert`) runs from the start and reports every problem. So the
fast path never changes what ``loads`` accepts or what it says; it only skips work on documents that pass.

Duplicate keys. The plain parser keeps the last of two equal keys, so the fast path proves there were none: in
JSON text every ``:`` outside a string separates a key from its value, so ``text.count(":")`` equals the number of
object members plus the colons inside strings. While building the model the fast path counts both (a tally kept
per call, added to only when an object has been fully built, so nothing is counted twice). Keys are the model's
field names (or ``blank``) and hold no colon. Equal counts prove that the parsed objects hold every member of the
text — no key was dropped. Any difference (a duplicate, or a colon written as ``\\u003a``) sends the document down
the strict path, which decides.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, TypeVar

import attrs

from disclosure_report.convert import (
    _checked_by_handler,
    _closest_class,
    _handler_for,
    _Invalid,
    _is_union,
    _no_constant,
)
from disclosure_report.errors import FieldValueError
from disclosure_report.formats import FORMATS
from disclosure_report.model import PROACTIVE_CLASSES, AnnualReport, Blank
from disclosure_report.model.cells import cell_kind

__all__ = ["try_loads", "try_structure", "try_structure_as"]

Tally = list[int]
"""[object members, colons inside strings] seen so far in one document"""
Fast = Callable[[Any, Tally], Any]
T = TypeVar("T")


class _Fallback(Exception):
    """The document leaves the happy path: run the strict path."""


_GIVE_UP = (_Fallback, _Invalid, FieldValueError, KeyError)


def _blank(x: dict[str, Any], t: Tally) -> Blank:
    if len(x) != 1:
        raise _Fallback
    printed = x["blank"]
    if type(printed) is not str:
        raise _Fallback
    blank = Blank(printed)  # checks the mark
    t[0] += 1
    if ":" in printed:
        t[1] += printed.count(":")
    return blank


def _string(x: Any, t: Tally) -> str:
    if type(x) is not str:
        raise _Fallback
    if ":" in x:
        t[1] += x.count(":")
    return x


_CELL_CODE = {
    "count": [
        "    if type(x) is int and x >= 0: v{i} = x",
        "    elif type(x) is dict: v{i} = blank(x, t)",
        "    else: raise Fallback",
    ],
    "signed": [
        "    if type(x) is int: v{i} = x",
        "    elif type(x) is dict: v{i} = blank(x, t)",
        "    else: raise Fallback",
    ],
    "money": [
        "    if type(x) is Decimal and x.is_finite() and x >= 0: v{i} = x",
        "    elif type(x) is int and x >= 0: v{i} = Decimal(x)",
        "    elif type(x) is dict: v{i} = blank(x, t)",
        "    else: raise Fallback",
    ],
}

_STR_CODE = [
    "    if type(x) is not str: raise Fallback",
    "    if ':' in x: t[1] += x.count(':')",
    "    v{i} = x",
]
_OPTIONAL_STR_CODE = [
    "    if x is None: v{i} = None",
    "    elif type(x) is str:",
    "        v{i} = x",
    "        if ':' in x: t[1] += x.count(':')",
    "    else: raise Fallback",
]


def _value_fn(tp: Any) -> Fast:
    """The fast function of a value of type ``tp`` (not a table cell, which is generated inline)."""
    if _is_union(tp):
        args = tuple(a for a in typing.get_args(tp) if a is not type(None))
        inner = _value_fn(args[0]) if len(args) == 1 else _union(args)
        if len(args) == len(typing.get_args(tp)):
            return inner

        def optional(x: Any, t: Tally) -> Any:
            return None if x is None else inner(x, t)

        return optional
    origin = typing.get_origin(tp)
    if origin is Literal:
        allowed = typing.get_args(tp)

        def literal(x: Any, t: Tally) -> Any:
            if type(x) is str and x in allowed:
                return _string(x, t)
            raise _Fallback

        return literal
    if origin is tuple:
        item = _value_fn(typing.get_args(tp)[0])

        def array(x: Any, t: Tally) -> Any:
            if type(x) is not list:
                raise _Fallback
            return tuple([item(e, t) for e in x])

        return array
    if attrs.has(tp):
        return fast_hook(tp)
    if tp is str:
        return _string
    strict = _handler_for(tp)  # bool, int, Decimal, date: no strings with colons among them

    def leaf(x: Any, _t: Tally) -> Any:
        return strict(x)

    return leaf


def _union(classes: tuple[type, ...]) -> Fast:
    """A union of attrs classes, told apart by their keys (as the strict path does)."""
    names = [frozenset(attrs.fields_dict(cls)) for cls in classes]
    hooks = [fast_hook(cls) for cls in classes]

    def union(x: Any, t: Tally) -> Any:
        if type(x) is not dict:
            raise _Fallback
        return hooks[_closest_class(x, names)](x, t)

    return union


_HOOKS: dict[tuple[type, tuple[tuple[str, Any], ...]], Fast] = {}


def fast_hook(cls: type, overrides: dict[str, Any] | None = None) -> Fast:
    """The generated fast function of an attrs class (``overrides`` gives some fields another type)."""
    key = (cls, tuple(sorted((overrides or {}).items())))
    hook = _HOOKS.get(key)
    if hook is None:
        hook = _HOOKS[key] = _generate(cls, overrides or {})
    return hook


def _generate(cls: type, overrides: dict[str, Any]) -> Fast:
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    n = len(fields)
    namespace: dict[str, Any] = {
        "Fallback": _Fallback,
        "Decimal": Decimal,
        "blank": _blank,
        "new": object.__new__,
        "setattr": object.__setattr__,
        "cls": cls,
    }
    lines = ["def fast(data, t):", f"    if type(data) is not dict or len(data) != {n}: raise Fallback"]
    for i, f in enumerate(fields):
        tp = overrides.get(f.name, f.type)
        lines.append(f"    x = data[{f.name!r}]")
        kind = cell_kind(f)
        if kind is not None:
            code = _CELL_CODE[kind]
        elif tp is str:
            code = _STR_CODE
        elif tp == (str | None):
            code = _OPTIONAL_STR_CODE
        else:
            namespace[f"g{i}"] = _value_fn(tp)
            code = ["    v{i} = g{i}(x, t)"]
        lines += [c.format(i=i) for c in code]
    if all(_checked_by_handler(f) for f in fields) and not any(f.converter for f in fields):
        lines.append("    inst = new(cls)")
        lines += [f"    setattr(inst, {f.name!r}, v{i})" for i, f in enumerate(fields)]
    else:  # validators across fields (e.g. a period's end not before its start): let the class check
        lines.append("    inst = cls(" + ", ".join(f"{f.alias}=v{i}" for i, f in enumerate(fields)) + ")")
    lines += [f"    t[0] += {n}", "    return inst"]
    exec("\n".join(lines), namespace)
    fast: Fast = namespace["fast"]
    return fast


def _report_hooks() -> dict[str, Fast]:
    return {v: fast_hook(AnnualReport, {"proactive": PROACTIVE_CLASSES[v]}) for v in FORMATS}


_REPORTS: dict[str, Fast] = {}


def try_loads(text: str) -> AnnualReport | None:
    """The report in ``text`` when it is a valid document (proved without a duplicate key), else None: the strict
    path must decide and explain."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return None
    tally = [0, 0]
    report = _build(data, tally)
    if report is None or text.count(":") != tally[0] + tally[1]:
        return None
    return report


def try_structure(data: Any) -> AnnualReport | None:
    """The report built from JSON-shaped ``data`` when it is valid, else None (the strict
    :func:`~disclosure_report.convert.structure` explains)."""
    return _build(data, [0, 0])


def try_structure_as(cls: type[T], data: Any) -> T | None:
    """An instance of the model class ``cls`` built from ``data`` when it is valid as it stands, else None."""
    try:
        built: T = fast_hook(cls)(data, [0, 0])
    except _GIVE_UP:
        return None
    return built


def _build(data: Any, tally: Tally) -> AnnualReport | None:
    if type(data) is not dict:
        return None
    if not _REPORTS:
        _REPORTS.update(_report_hooks())
    version = data.get("format")
    hook = _REPORTS.get(version) if type(version) is str else None
    if hook is None:
        return None
    try:
        report: AnnualReport = hook(data, tally)
    except _GIVE_UP:
        return None
    return report
