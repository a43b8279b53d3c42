"""The all-or-nothing fast path of :func:`~disclosure_report.jsonio.convert.loads`.

Most documents are valid. For them, ``loads`` parses with a plain C parser (no Python hook per JSON object; see
:func:`_parsers`) and builds the model with one generated function per format that only knows the happy path.
Any deviation — a wrong type, a missing or unknown key, a blank mark the model refuses, anything the strict path
would report — abandons the attempt as a whole, and the strict path (:mod:`disclosure_report.jsonio.convert`) runs from
the start and reports every problem. So the fast path never changes what ``loads`` accepts or what it says; it
only skips work on documents that pass.

With msgspec installed, a typed decoder goes first (:class:`_Typed`): msgspec Structs declared from the model by
the same generator, so msgspec checks keys, strings, whole numbers and their bounds in C while it parses, and the
generated function only turns Structs into the model. What it refuses goes down the plain path described here.

Duplicate keys. The plain parser keeps the last of two equal keys, so the fast path proves there were none: in
JSON text every ``:`` outside a string separates a key from its value, so ``text.count(":")`` equals the number of
object members plus the colons inside strings. While building the model the fast path counts both (a tally kept
per call; members are added once the objects holding them are built, so nothing is counted twice). Keys are the
model's field names (or ``blank``) and hold no colon. Equal counts prove that the parsed objects hold every member
of the text — no key was dropped. Any difference (a duplicate, or a colon written as ``\\u003a``) sends the
document down the strict path, which decides.
"""

from __future__ import annotations

import functools
import itertools
import json
import keyword
import operator
import re
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

import attrs

from disclosure_report.errors import FieldValueError
from disclosure_report.formats import FORMATS
from disclosure_report.jsonio import unchecked
from disclosure_report.jsonio.handlers import (
    Invalid,
    checked_by_handler,
    closest_class,
    is_union,
    json_decimal,
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

# The same checks on the fields of the Structs of the typed decoder (see :func:`_typed`): msgspec has checked the
# types and the bounds; what is left is telling a number from a cell written as an object, and counting colons.
_TYPED_CELL_CODE = "{v} = x if type(x) is int else cell_object(x, t)"
_NUMBER_CELL_CODE = "{v} = x"
"""A cell of a document that has no cell written as an object (see :meth:`_Typed.loads`)."""
_TYPED_STR_CODE = ["if ':' in x: t[1] += x.count(':')", "{v} = x"]
_TYPED_OPTIONAL_STR_CODE = ["if x is not None and ':' in x: t[1] += x.count(':')", "{v} = x"]
_CELL_BOUNDS = {"count": (0, MAX_COUNT), "signed": (-MAX_COUNT, MAX_COUNT)}
"""The whole-number cells the typed decoder checks itself, with their bounds (money cells are checked here)."""


class _Writer:
    """Writes the fast function of one model class as a single generated function: nested classes (also optional
    ones) are written inline, so building a report makes no call per object, and the object members it counts
    are added to the tally once. Unions, arrays and the like call their own fast functions.

    Given ``msgspec``, the function takes instead the Struct a typed msgspec decoder made of the document (see
    :func:`_typed`), and the writer declares those Structs as it goes (:attr:`struct`), so that the decoder checks
    what the function then need not: every key present and none unknown, strings, whole-number cells and their
    bounds. What the Structs leave untyped (``Any``) is parsed as the plain parser does and checked as on the plain
    path. ``tag`` names the member of the outermost object that selects its Struct (``format``), and its value."""

    def __init__(self, msgspec: Any = None, tag: tuple[str, str] | None = None) -> None:
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
        self.msgspec = msgspec
        self.tag = tag
        self.struct: Any = None
        """The Struct of the outermost class (typed only)."""
        self.cells: dict[int, str] = {}
        """The lines that set a whole-number cell (typed only), by index, with the line that sets it when no cell
        of the document is written as an object."""
        self.numbers_only: Fast | None = None
        """The function for documents with no cell written as an object (typed only)."""
        if msgspec:
            self.namespace["cell_object"] = _cell_object

    def function(self, cls: type, overrides: dict[str, Any]) -> Fast:
        members, self.struct = self.instance(cls, overrides, "data", "inst", "    ")
        self.lines += [f"    t[0] += {members}", "    return inst"]
        fast: Fast = self.compile(self.lines)
        if self.msgspec:
            self.numbers_only = self.compile([self.cells.get(i, line) for i, line in enumerate(self.lines)])
        return fast

    def compile(self, lines: list[str]) -> Fast:
        exec("\n".join(lines), self.namespace)
        fast: Fast = self.namespace["fast"]
        return fast

    def name(self, value: Any, stem: str) -> str:
        """A global of the generated function holding ``value``."""
        key = f"{stem}{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def instance(self, cls: type, overrides: dict[str, Any], data: str, target: str, indent: str) -> tuple[int, Any]:
        """Lines that check the dict (or Struct) in the local ``data`` and set ``target`` to the instance of ``cls``
        it holds; returns the object members counted (of this object and of those written inline in it), and the
        Struct of ``cls`` (typed only)."""
        attrs.resolve_types(cls)
        fields = attrs.fields(cls)
        self.objects += 1
        tag = self.tag if self.objects == 1 else None
        own = f"o{self.objects}_"  # the locals of this object
        members = len(fields)
        self.lines.append(f"{indent}{own}d = {data}")  # (``x`` is about to hold its fields)
        if not self.msgspec:
            self.lines.append(f"{indent}if type({own}d) is not dict or len({own}d) != {len(fields)}: raise Fallback")
        field_types = [overrides.get(f.name, f.type) for f in fields]
        shape: list[tuple[str, Any]] = []
        for i, (f, tp) in enumerate(zip(fields, field_types, strict=True)):
            if tag is not None and f.name == tag[0]:
                self.lines.append(f"{indent}x = {tag[1]!r}")  # the Struct's tag: not one of its fields
            elif self.msgspec:
                assert f.name.isidentifier() and not keyword.iskeyword(f.name)
                self.lines.append(f"{indent}x = {own}d.{f.name}")
            else:
                self.lines.append(f"{indent}x = {own}d[{f.name!r}]")
            counted, typed = self.value(f, tp, f"{own}{i}", indent)
            members += counted
            if tag is None or f.name != tag[0]:
                shape.append((f.name, typed))
        self.construct(cls, fields, field_types, target, indent, [f"{own}{i}" for i in range(len(fields))])
        if not self.msgspec:
            return members, None
        options: dict[str, Any] = {"tag_field": tag[0], "tag": tag[1]} if tag is not None else {}
        struct = self.msgspec.defstruct(cls.__name__, shape, forbid_unknown_fields=True, gc=False, **options)
        return members, struct

    def construct(
        self, cls: type, fields: Any, field_types: list[Any], target: str, indent: str, values: list[str]
    ) -> None:
        """Lines that set ``target`` to the instance of ``cls`` holding the checked ``values``."""
        built = self.name(cls, "cls")
        if any(not _converter_is_identity(f, tp) for f, tp in zip(fields, field_types, strict=True)) or hasattr(
            cls, "__attrs_post_init__"
        ):
            keywords = ", ".join(f"{f.alias}={v}" for f, v in zip(fields, values, strict=True))
            self.lines.append(f"{indent}{target} = {built}({keywords})")
            return
        # each value stored in its slot, then the validators the checks above do not make, in field order (as
        # the attrs __init__ runs them)
        self.lines.append(f"{indent}{target} = new({built})")
        self.namespace["new"] = object.__new__
        for f, v in zip(fields, values, strict=True):
            self.lines.append(f"{indent}{self.name(unchecked.store(cls, f.name), 'store')}({target}, {v})")
        for f, v in zip(fields, values, strict=True):
            if not checked_by_handler(f):
                self.lines.append(f"{indent}{self.name(f.validator, 'check')}({target}, {self.name(f, 'field')}, {v})")

    def value(self, field: attrs.Attribute[Any], tp: Any, target: str, indent: str) -> tuple[int, Any]:
        """Lines that check ``x``, the value of ``field``, and set ``target`` to what the instance holds; returns the
        object members counted inline, and the type the Struct gives the field (typed only; ``Any``: parsed as the
        plain parser does, checked here)."""
        kind = cell_kind(field)
        typed: Any = Any
        code: list[str] | None
        if self.msgspec and kind in _CELL_BOUNDS:
            low, high = _CELL_BOUNDS[kind]
            self.cells[len(self.lines)] = indent + _NUMBER_CELL_CODE.format(v=target)
            self.lines.append(indent + _TYPED_CELL_CODE.format(v=target))
            return 0, Annotated[int, self.msgspec.Meta(ge=low, le=high)] | _cell_object_struct(self.msgspec)
        if self.msgspec and not kind and tp in (str, str | None):
            code = _TYPED_STR_CODE if tp is str else _TYPED_OPTIONAL_STR_CODE
            typed = tp
        elif kind:
            code = _CELL_CODE[kind]
        else:
            code = _STR_CODE if tp is str else _OPTIONAL_STR_CODE if tp == (str | None) else None
        if code is not None:
            self.lines += [indent + line.format(v=target) for line in code]
            return 0, typed
        args = typing.get_args(tp)
        if attrs.has(tp):
            return self.instance(tp, {}, "x", target, indent)
        if typing.get_origin(tp) is Literal and all(type(a) is str and ":" not in a for a in args):
            allowed = self.name(frozenset(args), "allowed")
            self.lines += [
                f"{indent}if type(x) is not str or x not in {allowed}: raise Fallback",
                f"{indent}{target} = x",
            ]
            return 0, typed
        if is_union(tp) and len(args) == 2 and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            if attrs.has(inner):  # counted only when present
                self.lines += [f"{indent}if x is None: {target} = None", f"{indent}else:"]
                members, struct = self.instance(inner, {}, "x", target, indent + "    ")
                self.lines.append(f"{indent}    t[0] += {members}")
                return 0, (struct | None) if self.msgspec else None
            self.lines.append(f"{indent}{target} = None if x is None else {self.call(inner)}")
            return 0, typed
        self.lines.append(f"{indent}{target} = {self.call(tp)}")
        return 0, typed

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

_DECODER = json.JSONDecoder(parse_float=json_decimal, parse_constant=no_constant)
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
    decoder: Any = msgspec.json.Decoder(float_hook=json_decimal)
    return {"msgspec": decoder.decode, "json": _DECODER.decode}


PARSERS = _parsers()
"""The parsers ``loads`` tries, by name, in the order it tries them."""

_ESCAPE = re.compile(r"\\[ubf]")
"""The escapes that can write a control character or a lone surrogate."""


def _has_escape(text: str) -> bool:
    """Whether ``text`` holds an escape of :data:`_ESCAPE` (``\\u``, ``\\b`` or ``\\f``; or a backslash written as
    ``\\\\`` followed by one of those letters, which only costs the slow check). A search for one character is a
    fast scan where a regex steps through every character: a text without a backslash is cleared in about 0.3 µs,
    and the regex starts at the first backslash."""
    at = text.find("\\")
    return at != -1 and _ESCAPE.search(text, at) is not None


_REFUSE_RAW_SURROGATES = frozenset(p for name, p in PARSERS.items() if name == "msgspec")


def _may_hold_bad_text(text: str, parse: Parser) -> bool:
    """Whether the strings parsed from ``text`` may hold what no document text may (:data:`NOT_TEXT`).

    Both parsers refuse raw control characters in JSON strings, so those come only from escapes (``\\u0000``,
    ``\\b``, ``\\f``); lone surrogates from escapes too, or raw in a ``str`` (which msgspec refuses); U+FFFE and
    U+FFFF raw or escaped. Character searches and a regex over the text (a few µs on a report) clear most
    documents; the others have their strings checked one by one."""
    return parse not in _REFUSE_RAW_SURROGATES or "\ufffe" in text or "\uffff" in text or _has_escape(text)


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


class _Typed:
    """The typed msgspec decoder of the fast path (when msgspec is installed): one Struct per format, told apart by
    the document's ``format`` (a tagged union), declared by the same writer as the function that makes the report
    of each (:class:`_Writer`). msgspec checks in C what the plain path checks in Python — every key present and
    none unknown, strings, whole-number cells and their bounds — and builds Structs rather than dicts, so a valid
    document loads in about four fifths of the time of the plain path. Anything it refuses goes down the plain
    path, which decides as before; so the typed decoder changes nothing ``loads`` says, only how fast it says it."""

    def __init__(self, msgspec: Any) -> None:
        self.build: dict[type, Fast] = {}
        self.numbers_only: dict[type, Fast] = {}
        for version in FORMATS:
            writer = _Writer(msgspec, ("format", version))
            self.build[writer.struct] = writer.function(AnnualReport, {"proactive": PROACTIVE_CLASSES[version]})
            self.numbers_only[writer.struct] = typing.cast(Fast, writer.numbers_only)
        union = functools.reduce(operator.or_, self.build)  # Struct2019 | Struct2021
        self.decode: Callable[[str | bytes], Any] = msgspec.json.Decoder(union, float_hook=json_decimal).decode
        self.refused = (msgspec.DecodeError, RecursionError)

    def loads(self, text: str | bytes) -> AnnualReport | None:
        """The report in ``text`` as the plain path would give it (None where it would give None, that is where
        the strict path decides); :class:`_Fallback` when the typed decoder refuses the text (the plain path
        decides).

        A document with no cell written as an object (no blank, nothing unread: most) is built by a function that
        takes every whole-number cell as the number msgspec checked. That no cell object was made is proved by
        :data:`_CELL_OBJECTS`, which each one advances as it is made: two readings around the decoding that are
        one apart. (Another thread's decoding can only advance it too, and then the cells are told apart one by
        one.)"""
        before = next(_CELL_OBJECTS)
        try:
            struct = self.decode(text)
        except self.refused:
            raise _Fallback from None
        build = (self.numbers_only if next(_CELL_OBJECTS) == before + 1 else self.build)[type(struct)]
        tally = [0, 0]
        try:
            report: AnnualReport = build(struct, tally)
        except _GIVE_UP:
            return None
        colons = text.count(b":") if isinstance(text, bytes) else text.count(":")
        return report if colons == tally[0] + tally[1] else None


_CELL_OBJECTS = itertools.count()
"""Advanced by every cell object the typed decoder makes (see :meth:`_Typed.loads`)."""

_CELL_STRUCTS: list[Any] = []


def _cell_object_struct(msgspec: Any) -> Any:
    """The Struct a typed decoder makes of a cell written as an object (``{"blank": "-"}``, ``{"unread": true}``):
    no other member, each value as the plain parser gives it; making one advances :data:`_CELL_OBJECTS`."""
    if not _CELL_STRUCTS:

        def made(_self: Any) -> None:
            next(_CELL_OBJECTS)

        _CELL_STRUCTS.append(
            msgspec.defstruct(
                "CellObject",
                [("blank", Any, msgspec.UNSET), ("unread", Any, msgspec.UNSET)],
                forbid_unknown_fields=True,
                gc=False,
                namespace={"__post_init__": made},
            )
        )
        _CELL_STRUCTS.append(msgspec.UNSET)
    return _CELL_STRUCTS[0]


def _cell_object(x: Any, t: Tally) -> Blank | Unread:
    """A cell the typed decoder made a cell object of: a blank or unread, as :func:`_blank` reads the dict (one
    member, ``unread`` exactly true or ``blank`` a string), else the plain path decides."""
    unset = _CELL_STRUCTS[1]
    printed, unread = x.blank, x.unread
    if unread is unset and type(printed) is str:
        blank = Blank(printed)  # checks the mark
        t[0] += 1
        if ":" in printed:
            t[1] += printed.count(":")
        return blank
    if printed is unset and unread is True:
        t[0] += 1
        return UNREAD
    raise _Fallback


_TYPED: list[_Typed] = []


def _typed() -> _Typed | None:
    """The typed decoder (made on first use), or None without msgspec."""
    if not _TYPED and "msgspec" in PARSERS:
        import msgspec

        _TYPED.append(_Typed(msgspec))
    return _TYPED[0] if _TYPED else None


def try_loads(text: str, parsers: Iterable[Parser] | None = None) -> AnnualReport | None:
    """The report in ``text`` when it is a valid document (proved without a duplicate key), else None: the strict
    path must decide and explain. By default the typed decoder (:class:`_Typed`) tries first when no string may
    hold what no text may; then ``parsers`` (by default those of :data:`PARSERS`) are tried in turn until one
    accepts the text."""
    if parsers is None:
        typed = _typed()
        if typed is not None and not _may_hold_bad_text(text, PARSERS["msgspec"]):
            try:
                return typed.loads(text)
            except _Fallback:
                pass  # the plain path decides
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


def try_loads_utf8(data: bytes) -> AnnualReport | None:
    """:func:`try_loads` of UTF-8 bytes (without a byte order mark), read by the typed decoder as they are: no
    ``str`` is made of the whole document only for msgspec to encode it to UTF-8 again (about 15 µs of a 10 KB
    report read from a file). msgspec refuses bytes that are not UTF-8, lone surrogates written in them included.
    None when there is no typed decoder, or it refuses the document, or the strict path must decide: then the
    caller decodes and :func:`try_loads` decides, as for text."""
    typed = _typed()
    if typed is None or _may_hold_bad_bytes(data):
        return None
    try:
        return typed.loads(data)
    except _Fallback:
        return None


_ESCAPE_BYTES = re.compile(rb"\\[ubf]")
_NONCHARACTER_BYTES = re.compile(rb"\xef\xbf[\xbe\xbf]")
"""U+FFFE or U+FFFF in UTF-8 (one regex: a search for each 3-byte string is twice as slow in Chinese UTF-8)."""


def _may_hold_bad_bytes(data: bytes) -> bool:
    """:func:`_may_hold_bad_text` for UTF-8 bytes read by msgspec: U+FFFE or U+FFFF, or an escape that could write
    a control character or a lone surrogate."""
    if _NONCHARACTER_BYTES.search(data) is not None:
        return True
    at = data.find(b"\\")
    return at != -1 and _ESCAPE_BYTES.search(data, at) is not None


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
