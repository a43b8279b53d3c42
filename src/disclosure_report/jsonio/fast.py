"""The all-or-nothing fast path of :func:`~disclosure_report.jsonio.convert.loads`.

Most documents are valid. For them, ``loads`` parses with a plain C parser (no Python hook per JSON object; see
:func:`_parsers`) and builds the model with one generated function per format that only knows the happy path.
Any deviation — a wrong type, a missing or unknown key, a blank mark the model refuses, anything the strict path
would report — abandons the attempt as a whole, and the strict path (:mod:`disclosure_report.jsonio.convert`) runs from
the start and reports every problem. So the fast path never changes what ``loads`` accepts or what it says; it
only skips work on documents that pass.

Duplicate keys. The plain parser keeps the last of two equal keys, so the fast path proves there were none: in
JSON text every ``:`` outside a string separates a key from its value, so ``text.count(":")`` equals the number of
object members plus the colons inside strings. While building the model the fast path counts both (a tally kept
per call; members are added once the objects holding them are built, so nothing is counted twice). Keys are the
model's field names (or ``blank``) and hold no colon. Equal counts prove that the parsed objects hold every member
of the text — no key was dropped. Any difference (a duplicate, or a colon written as ``\\u003a``) sends the
document down the strict path, which decides.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Literal, TypeVar

import attrs

from disclosure_report.errors import FieldValueError
from disclosure_report.formats import FORMATS
from disclosure_report.jsonio import unchecked
from disclosure_report.jsonio.handlers import (
    Invalid,
    checked_by_handler,
    closest_class,
    is_union,
    leaf_handler,
    no_constant,
)
from disclosure_report.model import PROACTIVE_CLASSES, UNREAD, AnnualReport, Blank, Unread
from disclosure_report.model.cells import MAX_COUNT, MAX_MONEY, NOT_TEXT, cell_kind, money_in_range

__all__ = ["try_loads", "try_structure", "try_structure_as"]

Tally = list[int]
"""[object members, colons inside strings] seen so far in one document"""
Fast = Callable[[Any, Tally], Any]
Parser = Callable[[str], Any]
T = TypeVar("T")


class _Fallback(Exception):
    """The document leaves the happy path: run the strict path."""


_GIVE_UP = (_Fallback, Invalid, FieldValueError, KeyError)


def _blank(x: dict[str, Any], t: Tally) -> Blank | Unread:
    """A cell written as an object: a blank, or unread."""
    if len(x) != 1:
        raise _Fallback
    if x.get("unread") is True:
        t[0] += 1
        return UNREAD
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


def _value_fn(tp: Any) -> Fast:
    """The fast function of a value of type ``tp`` (not a table cell, which is generated inline)."""
    if is_union(tp):
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
    strict = leaf_handler(tp)  # bool, int, Decimal, date: no strings with colons among them

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
        return hooks[closest_class(x, names)](x, t)

    return union


_HOOKS: dict[tuple[type, tuple[tuple[str, Any], ...]], Fast] = {}


def fast_hook(cls: type, overrides: dict[str, Any] | None = None) -> Fast:
    """The generated fast function of an attrs class (``overrides`` gives some fields another type)."""
    key = (cls, tuple(sorted((overrides or {}).items())))
    hook = _HOOKS.get(key)
    if hook is None:
        hook = _HOOKS[key] = _Writer().function(cls, overrides or {})
    return hook


_CELL_CODE = {
    "count": [
        f"if type(x) is int and 0 <= x <= {MAX_COUNT}: {{v}} = x",  # the bound a constant of the code
        "elif type(x) is dict: {v} = blank(x, t)",
        "else: raise Fallback",
    ],
    "signed": [
        f"if type(x) is int and -{MAX_COUNT} <= x <= {MAX_COUNT}: {{v}} = x",
        "elif type(x) is dict: {v} = blank(x, t)",
        "else: raise Fallback",
    ],
    "money": [
        "if type(x) is Decimal and money_in_range(x): {v} = x",
        f"elif type(x) is int and 0 <= x < {MAX_MONEY}: {{v}} = Decimal(x)",
        "elif type(x) is dict: {v} = blank(x, t)",
        "else: raise Fallback",
    ],
}
_STR_CODE = [
    "if type(x) is not str: raise Fallback",
    "if ':' in x: t[1] += x.count(':')",
    "{v} = x",
]
_OPTIONAL_STR_CODE = [
    "if x is None: {v} = None",
    "elif type(x) is str:",
    "    {v} = x",
    "    if ':' in x: t[1] += x.count(':')",
    "else: raise Fallback",
]


class _Writer:
    """Writes the fast function of one model class as a single generated function: nested classes (also optional
    ones) are written inline, so building a report makes no call per object, and the object members it counts
    are added to the tally once. Unions, arrays and the like call their own fast functions."""

    def __init__(self) -> None:
        self.lines = ["def fast(data, t):"]
        self.namespace: dict[str, Any] = {
            "Fallback": _Fallback,
            "Decimal": Decimal,
            "blank": _blank,
            "MAX_COUNT": MAX_COUNT,
            "MAX_MONEY": MAX_MONEY,
            "money_in_range": money_in_range,
        }
        self.objects = 0

    def function(self, cls: type, overrides: dict[str, Any]) -> Fast:
        members = self.instance(cls, overrides, "data", "inst", "    ")
        self.lines += [f"    t[0] += {members}", "    return inst"]
        exec("\n".join(self.lines), self.namespace)
        fast: Fast = self.namespace["fast"]
        return fast

    def name(self, value: Any, stem: str) -> str:
        """A global of the generated function holding ``value``."""
        key = f"{stem}{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def instance(self, cls: type, overrides: dict[str, Any], data: str, target: str, indent: str) -> int:
        """Lines that check the dict in the local ``data`` and set ``target`` to the instance of ``cls`` it holds;
        returns the object members counted (of this object and of those written inline in it)."""
        attrs.resolve_types(cls)
        fields = attrs.fields(cls)
        self.objects += 1
        own = f"o{self.objects}_"  # the locals of this object
        members = len(fields)
        self.lines.append(f"{indent}{own}d = {data}")  # (``x`` is about to hold its fields)
        self.lines.append(f"{indent}if type({own}d) is not dict or len({own}d) != {len(fields)}: raise Fallback")
        field_types = [overrides.get(f.name, f.type) for f in fields]
        for i, (f, tp) in enumerate(zip(fields, field_types, strict=True)):
            self.lines.append(f"{indent}x = {own}d[{f.name!r}]")
            members += self.value(f, tp, f"{own}{i}", indent)
        values = [f"{own}{i}" for i in range(len(fields))]
        built = self.name(cls, "cls")
        if any(not _converter_is_identity(f, tp) for f, tp in zip(fields, field_types, strict=True)) or hasattr(
            cls, "__attrs_post_init__"
        ):
            keywords = ", ".join(f"{f.alias}={v}" for f, v in zip(fields, values, strict=True))
            self.lines.append(f"{indent}{target} = {built}({keywords})")
            return members
        # each value stored in its slot, then the validators the checks above do not make, in field order (as
        # the attrs __init__ runs them)
        self.lines.append(f"{indent}{target} = new({built})")
        self.namespace["new"] = object.__new__
        for f, v in zip(fields, values, strict=True):
            self.lines.append(f"{indent}{self.name(unchecked.store(cls, f.name), 'store')}({target}, {v})")
        for f, v in zip(fields, values, strict=True):
            if not checked_by_handler(f):
                self.lines.append(f"{indent}{self.name(f.validator, 'check')}({target}, {self.name(f, 'field')}, {v})")
        return members

    def value(self, field: attrs.Attribute[Any], tp: Any, target: str, indent: str) -> int:
        """Lines that check ``x``, the value of ``field``, and set ``target`` to what the instance holds."""
        kind = cell_kind(field)
        code = (
            _CELL_CODE[kind] if kind else _STR_CODE if tp is str else _OPTIONAL_STR_CODE if tp == (str | None) else None
        )
        if code is not None:
            self.lines += [indent + line.format(v=target) for line in code]
            return 0
        args = typing.get_args(tp)
        if attrs.has(tp):
            return self.instance(tp, {}, "x", target, indent)
        if typing.get_origin(tp) is Literal and all(type(a) is str and ":" not in a for a in args):
            allowed = self.name(frozenset(args), "allowed")
            self.lines += [
                f"{indent}if type(x) is not str or x not in {allowed}: raise Fallback",
                f"{indent}{target} = x",
            ]
            return 0
        if is_union(tp) and len(args) == 2 and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            if attrs.has(inner):  # counted only when present
                self.lines += [f"{indent}if x is None: {target} = None", f"{indent}else:"]
                members = self.instance(inner, {}, "x", target, indent + "    ")
                self.lines.append(f"{indent}    t[0] += {members}")
            else:
                self.lines.append(f"{indent}{target} = None if x is None else {self.call(inner)}")
            return 0
        self.lines.append(f"{indent}{target} = {self.call(tp)}")
        return 0

    def call(self, tp: Any) -> str:
        """The expression checking ``x`` as a ``tp`` with a function of its own."""
        if _is_leaf(tp):
            return f"{self.name(leaf_handler(tp), 'handle')}(x)"
        return f"{self.name(_value_fn(tp), 'fast')}(x, t)"


def _converter_is_identity(field: attrs.Attribute[Any], tp: Any) -> bool:
    """Whether the field's converter leaves the fast value as it is (``tuple`` of the tuple an array builds)."""
    converter: Any = field.converter
    return converter is None or (converter is tuple and typing.get_origin(tp) is tuple)


def _is_leaf(tp: Any) -> bool:
    """bool, int, Decimal, date: checked by the strict handler alone, and holding no colon."""
    return not (is_union(tp) or typing.get_origin(tp) or attrs.has(tp) or tp is str)


def _report_hooks() -> dict[str, Fast]:
    return {v: fast_hook(AnnualReport, {"proactive": PROACTIVE_CLASSES[v]}) for v in FORMATS}


_REPORTS: dict[str, Fast] = {}

_DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=no_constant)
"""One decoder for every call (``json.loads`` with options makes a new decoder each time)."""


def _parsers() -> dict[str, Parser]:
    """The JSON parsers the fast path tries in turn: msgspec's first when it is installed (the ``fast`` extra; it
    parses about twice as fast), then the standard library's.

    Both give the same values for any text both accept (numbers with a fraction as Decimals of the digits written,
    the last of two equal keys, integers of any size — tested against each other); msgspec refuses a little the
    standard parser accepts (a lone surrogate escape, a byte order mark), which then goes to the standard parser.
    Only what fails with both reaches the strict path."""
    try:
        import msgspec
    except ImportError:
        return {"json": _DECODER.decode}
    decoder: Any = msgspec.json.Decoder(float_hook=Decimal)
    return {"msgspec": decoder.decode, "json": _DECODER.decode}


PARSERS = _parsers()
"""The parsers ``loads`` tries, by name, in the order it tries them."""

_ESCAPE = re.compile(r"\\[ubf]")
"""The escapes that can write a control character or a lone surrogate (about 7 µs over a report's text; ``in``
with a two-character needle takes three times as long)."""
_REFUSE_RAW_SURROGATES = frozenset(p for name, p in PARSERS.items() if name == "msgspec")


def _may_hold_bad_text(text: str, parse: Parser) -> bool:
    """Whether the strings parsed from ``text`` may hold what no document text may (:data:`NOT_TEXT`).

    Both parsers refuse raw control characters in JSON strings, so those come only from escapes (``\\u0000``,
    ``\\b``, ``\\f``); lone surrogates from escapes too, or raw in a ``str`` (which msgspec refuses); U+FFFE and
    U+FFFF raw or escaped. Two character searches and one regex over the text (under 10 µs on a report) clear
    most documents; the others have their strings checked one by one."""
    return (
        parse not in _REFUSE_RAW_SURROGATES or "\ufffe" in text or "\uffff" in text or _ESCAPE.search(text) is not None
    )


def _all_text_ok(data: Any) -> bool:
    """Whether no string in the JSON-shaped ``data`` holds a character of :data:`NOT_TEXT` (no recursion)."""
    stack = [data]
    while stack:
        value = stack.pop()
        t = type(value)
        if t is str:
            if NOT_TEXT.search(value):
                return False
        elif t is dict:
            stack.extend(value.values())
        elif t is list:
            stack.extend(value)
    return True


def try_loads(text: str, parsers: Iterable[Parser] | None = None) -> AnnualReport | None:
    """The report in ``text`` when it is a valid document (proved without a duplicate key), else None: the strict
    path must decide and explain. ``parsers`` (by default those of :data:`PARSERS`) are tried in turn until one
    accepts the text."""
    for parse in PARSERS.values() if parsers is None else parsers:
        try:
            data = parse(text)
        except (ValueError, RecursionError):
            continue  # the next parser may accept it
        tally = [0, 0]
        report = _build(data, tally)
        if report is None or text.count(":") != tally[0] + tally[1]:
            return None  # another parser would give the same values
        if _may_hold_bad_text(text, parse) and not _all_text_ok(data):
            return None  # the strict path names the string
        return report
    return None


def try_structure(data: Any, *, text_checked: bool = False) -> AnnualReport | None:
    """The report built from JSON-shaped ``data`` when it is valid, else None (the strict
    :func:`~disclosure_report.jsonio.convert.structure` explains). ``text_checked``: the caller has made sure that
    no string in ``data`` holds a character of :data:`NOT_TEXT` (a reader whose strings all come from a text it
    checked whole), so the strings are not walked again."""
    report = _build(data, [0, 0])
    return report if report is not None and (text_checked or _all_text_ok(data)) else None


def try_structure_as(cls: type[T], data: Any) -> T | None:
    """An instance of the model class ``cls`` built from ``data`` when it is valid as it stands, else None."""
    try:
        built: T = fast_hook(cls)(data, [0, 0])
    except _GIVE_UP:
        return None
    return built if _all_text_ok(data) else None


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
