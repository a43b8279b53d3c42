"""JSON documents <-> the typed model, through one cattrs converter.

Strict where cattrs' default hooks are lenient: an unknown key, ``"12"``, ``3.9``, ``true`` or ``null`` where a
count belongs is an error, and money never passes through a float. Every error names the JSON path (and the cell
path and printed labels for a table cell), what was expected and what was found; all problems of a document are
reported together.

The JSON text is canonical: keys in model order, two-space indent, UTF-8 without escapes, money as exact JSON
numbers. ``dumps(loads(text))`` is byte-stable.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import typing
from collections.abc import Callable
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import IO, Any, Literal

import attrs
import cattrs

from disclosure_report.errors import DocumentError, FieldValueError, Phrase, Problem
from disclosure_report.files import read_regular_file
from disclosure_report.formats import FORMATS, Format
from disclosure_report.jsonio import unchecked
from disclosure_report.jsonio.fast import try_loads, try_loads_utf8
from disclosure_report.jsonio.handlers import (
    CELL_HANDLERS,
    MAX_PROBLEMS,
    Handler,
    Invalid,
    Raw,
    Segment,
    admits_none,
    checked_by_handler,
    closest_class,
    is_union,
    json_decimal,
    leaf_handler,
    literal,
    no_constant,
    optional,
    tuple_of,
)
from disclosure_report.model import PROACTIVE_CLASSES, AnnualReport, Blank, Unread
from disclosure_report.model.cells import (
    MAX_COUNT,
    NOT_TEXT,
    cell_kind,
    describe,
)
from disclosure_report.zh.linear import compile_linear

__all__ = ["converter", "dump", "dumps", "load", "loads", "structure", "unstructure"]


def _handler_for(tp: Any, field: attrs.Attribute[Any] | None = None) -> Handler:
    kind = cell_kind(field) if field is not None else None
    if kind is not None:
        return CELL_HANDLERS[kind]
    if is_union(tp):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _handler_for(args[0]) if len(args) == 1 else _union(tuple(args))
        return optional(inner) if len(args) < len(typing.get_args(tp)) else inner
    origin = typing.get_origin(tp)
    if origin is Literal:
        return literal(typing.get_args(tp))
    if origin is tuple:
        return tuple_of(_handler_for(typing.get_args(tp)[0]))
    if attrs.has(tp):
        return _lazy(tp)
    return leaf_handler(tp)


def _lazy(cls: type) -> Handler:
    """The structure hook of a nested model class (our generated hooks take the data alone; the model has no
    cycles, so the hook can be built now)."""
    hook: Handler = converter.get_structure_hook(cls)  # type: ignore[assignment]  # ours take (data, _=None)
    return hook


def _union(classes: tuple[type, ...]) -> Handler:
    """A union of attrs classes, told apart by their keys (e.g. （六）其他处理 as three rows or as one row)."""
    names = [frozenset(attrs.fields_dict(cls)) for cls in classes]
    hooks = [_lazy(cls) for cls in classes]

    def handle(v: Any) -> Any:
        if type(v) is not dict:
            raise Invalid.one(Phrase("expected.object"), v)
        return hooks[closest_class(v, names)](v)

    return handle


def _structure_attrs_factory(cls: type, overrides: dict[str, Any] | None = None) -> Callable[[Any, Any], Any]:
    """The structure hook of an attrs class; ``overrides`` gives some fields another type than annotated."""
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    types_ = {f.name: (overrides or {}).get(f.name, f.type) for f in fields}
    specs = [(f.name, _handler_for(types_[f.name], f), not admits_none(types_[f.name])) for f in fields]
    keyset = frozenset(f.name for f in fields)
    known = ", ".join(f.name for f in fields)

    def slow(data: Any) -> Any:
        if type(data) is not dict:
            raise Invalid.one(Phrase("expected.object_with_keys", keys=known), data)
        problems: list[Raw] = []
        more = 0
        kwargs: dict[str, Any] = {}
        for name, handle, required in specs:
            if name in data:
                try:
                    kwargs[name] = handle(data[name])
                except Invalid as e:
                    problems += e.under(name).problems
                    more += e.more
            elif required:
                problems.append(([name], Phrase("expected.required"), Phrase("found.nothing")))
        if len(data) > len(kwargs):
            for key in data:
                if key not in keyset:
                    if len(problems) < MAX_PROBLEMS:
                        problems.append(([key], Phrase("expected.no_such_key", keys=known), Phrase("found.this_key")))
                    else:
                        more += 1
        if problems:
            raise Invalid.bounded(problems, more)
        try:
            return cls(**kwargs)
        except FieldValueError as e:
            seg: list[Segment] = [e.field] if e.field in keyset else []
            raise Invalid([(seg, e.expected, e.found)]) from None

    if all(cell_kind(f) == "count" for f in fields):
        return _count_row_hook(cls, [f.name for f in fields], slow)
    if all(checked_by_handler(f) for f in fields):
        return _checked_fields_hook(cls, [(name, handle) for name, handle, _ in specs], slow)

    def structure(data: Any, _: Any = None) -> Any:
        if type(data) is dict and data.keys() == keyset:
            try:
                return cls(**{name: handle(data[name]) for name, handle, _ in specs})
            except (Invalid, FieldValueError):
                pass
        return slow(data)

    return structure


def _checked_fields_hook(cls: type, specs: list[tuple[str, Handler]], slow: Handler) -> Callable[[Any, Any], Any]:
    """A generated fast path for a class whose every field is fully checked by its handler."""
    n = len(specs)
    lines = ["def structure(data, _=None):", f"    if type(data) is dict and len(data) == {n}:", "        try:"]
    lines += [f"            v{i} = h{i}(data[{name!r}])" for i, (name, _) in enumerate(specs)]
    lines += ["        except (KeyError, Invalid):", "            return slow(data)"]
    lines += ["        return construct(" + ", ".join(f"v{i}" for i in range(n)) + ")", "    return slow(data)"]
    namespace: dict[str, Any] = {"slow": slow, "construct": unchecked.constructor(cls)}
    namespace |= {f"h{i}": handle for i, (_, handle) in enumerate(specs)}
    namespace["Invalid"] = Invalid
    exec("\n".join(lines), namespace)
    hook: Callable[[Any, Any], Any] = namespace["structure"]
    return hook


def _count_row_hook(cls: type, names: list[str], slow: Handler) -> Callable[[Any, Any], Any]:
    """A generated fast path for a row of count cells (most of a report): when every value is a plain int >= 0
    the instance is built directly, its checks already done here; anything else takes the checked slow path."""
    n = len(names)
    lines = ["def structure(data, _=None):", f"    if type(data) is dict and len(data) == {n}:", "        try:"]
    lines += [f"            v{i} = data[{name!r}]" for i, name in enumerate(names)]
    lines += ["        except KeyError:", "            return slow(data)"]
    checks = " and ".join(f"type(v{i}) is int and 0 <= v{i} <= {MAX_COUNT}" for i in range(n))
    lines += [f"        if {checks}:", "            return construct(" + ", ".join(f"v{i}" for i in range(n)) + ")"]
    lines += ["    return slow(data)"]
    namespace: dict[str, Any] = {"slow": slow, "construct": unchecked.constructor(cls)}
    exec("\n".join(lines), namespace)
    hook: Callable[[Any, Any], Any] = namespace["structure"]
    return hook


def _unstructure_attrs_factory(cls: type) -> Callable[[Any], dict[str, Any]]:
    attrs.resolve_types(cls)
    names = [f.name for f in attrs.fields(cls)]

    def unstructure(obj: Any) -> dict[str, Any]:
        return {name: _unstructure_value(getattr(obj, name)) for name in names}

    return unstructure


def _unstructure_value(v: Any) -> Any:
    t = type(v)
    if t is int or t is str or t is bool or t is Decimal or v is None:
        return v
    if t is Blank:
        return {"blank": v.printed}
    if t is Unread:
        return {"unread": True}
    if t is dt.date:
        return v.isoformat()
    if t is tuple or t is list:
        return [_unstructure_value(x) for x in v]
    return converter.unstructure(v)


converter = cattrs.Converter()
"""The one converter between JSON-shaped data and the model (strict structuring, canonical unstructuring)."""
converter.register_structure_hook_factory(attrs.has, _structure_attrs_factory)
converter.register_unstructure_hook_factory(attrs.has, _unstructure_attrs_factory)


# ---------------------------------------------------------------------------------------------------------------
# Public API


def _json_path(segments: list[Segment]) -> str:
    out = "$"
    for s in segments:
        if isinstance(s, int):
            out += f"[{s}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", s):
            out += f".{s}"
        else:
            out += "[" + json.dumps(s, ensure_ascii=NOT_TEXT.search(s) is not None) + "]"
    return out


def _cell_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for fmt in FORMATS.values():
        for table in fmt.tables:
            rows = list(table.rows)
            for alt in table.alternatives:
                rows += alt.rows
            for row in rows:
                for col in row.columns.columns:
                    path = ".".join((table.key, *row.path, col.key))
                    index.setdefault(path, " › ".join(row.labels + col.headers))
    return index


_CELL_LABELS = _cell_index()


def _problem(raw: Raw) -> Problem:
    segments, expected, found = raw
    dotted = ".".join(str(s) for s in segments)
    if segments and segments[-1] == "blank" and dotted not in _CELL_LABELS:  # inside a cell's {"blank": …}
        dotted = dotted.removesuffix(".blank")
    label = _CELL_LABELS.get(dotted)
    return Problem(
        json_path=_json_path(segments),
        expected=expected,
        found=found,
        cell_path=dotted if label else None,
        label=label,
    )


_REPORT_HOOKS: dict[str, Callable[[Any, Any], Any]] = {}


def _report_hook(version: str) -> Callable[[Any, Any], Any]:
    """The structure hook of a report in format ``version``: table 二 is that format's class."""
    hook = _REPORT_HOOKS.get(version)
    if hook is None:
        hook = _structure_attrs_factory(AnnualReport, {"proactive": PROACTIVE_CLASSES[version]})
        _REPORT_HOOKS[version] = hook
    return hook


def _report_format(data: Any) -> Format:
    if type(data) is not dict:
        raise Invalid.one(Phrase("expected.document"), data)
    version = data.get("format")
    if version is None:
        versions = ", ".join(map(repr, FORMATS))
        raise Invalid([(["format"], Phrase("expected.format_key", versions=versions), Phrase("found.nothing"))])
    if type(version) is not str or version not in FORMATS:  # (a list or an object is not even hashable)
        shown = ", ".join(f'"{v}"' for v in FORMATS)
        raise Invalid([(["format"], Phrase("expected.format_version", versions=shown), describe(version))])
    return FORMATS[version]


def structure(data: Any, *, source: str | None = None) -> AnnualReport:
    """Build a report from JSON-shaped data (dicts, lists, str, int, Decimal, bool, None).

    Raises :class:`DocumentError` listing every problem, each with its JSON path.

    >>> structure({"format": "2021"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    disclosure_report.errors.DocumentError: not a valid annual report document: 9 problems
      - $.meta: expected this key (it is required), found nothing
    ...
    """
    try:
        fmt = _report_format(data)
        report: AnnualReport = _report_hook(fmt.version)(data, AnnualReport)
        return report
    except Invalid as e:
        raise DocumentError([_problem(p) for p in e.problems], source=source, more=e.more) from None


def unstructure(report: AnnualReport) -> dict[str, Any]:
    """The report as JSON-shaped data (money stays Decimal; dates become YYYY-MM-DD strings)."""
    data: dict[str, Any] = converter.unstructure(report)
    return data


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _DuplicateKey(k)
            seen.add(k)
    return d


MAX_NESTING = 32
"""How deep the place of a too-deeply nested value is reported (a report is 6 levels deep)."""
_LONG_INTEGER = 40
"""Integers written with more digits than this are parsed as Decimals, so that the converter reports them at their
place (Python refuses ``int()`` of more than 4300 digits, with a message about its internals)."""
_TOKENS = compile_linear(r'"(?:[^"\\]|\\.)*+"|[\[\]{},]')
_KEY_COLON = compile_linear(r"\s*+:")


def _parse_int(digits: str) -> int | Decimal:
    return int(digits) if len(digits) <= _LONG_INTEGER else Decimal(digits)


def _nesting_problem(text: str) -> Problem:
    """Where ``text`` first nests deeper than :data:`MAX_NESTING`: its JSON path, line and column (one linear scan
    of strings and brackets, no recursion)."""
    stack: list[list[Any]] = []  # [opening bracket, key or index] per level
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            if len(stack) == MAX_NESTING:
                line = text.count("\n", 0, m.start()) + 1
                column = m.start() - text.rfind("\n", 0, m.start())
                segments: list[Segment] = [seg for _, seg in stack if seg is not None]
                return Problem(
                    _json_path(segments),
                    Phrase("expected.nesting", levels=MAX_NESTING),
                    Phrase("found.nesting", levels=MAX_NESTING),
                    line=line,
                    column=column,
                )
            stack.append([token, 0 if token == "[" else None])
        elif token in "]}":
            if stack:
                stack.pop()
        elif token == ",":
            if stack and stack[-1][0] == "[":
                stack[-1][1] += 1
        elif stack and stack[-1][0] == "{" and _KEY_COLON.match(text, m.end()):
            try:
                stack[-1][1] = json.loads(token)
            except ValueError:
                stack[-1][1] = token[1:-1]
    return Problem("$", Phrase("expected.json"), Phrase("found.too_deep"))


def parse_json(text: str | bytes, *, source: str | None = None) -> Any:
    """Parse JSON text exactly: decimals as :class:`~decimal.Decimal`, duplicate keys and NaN rejected."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise DocumentError(
                [Problem("$", Phrase("expected.utf8"), Phrase("found.not_utf8", offset=e.start))], source
            ) from None
    try:
        return json.loads(
            text, parse_float=json_decimal, parse_int=_parse_int, parse_constant=no_constant, object_pairs_hook=_pairs
        )
    except json.JSONDecodeError as e:
        raise DocumentError(
            [
                Problem(
                    "$",
                    Phrase("expected.json"),
                    Phrase("found.syntax", json_error=e.msg),
                    line=e.lineno,
                    column=e.colno,
                )
            ],
            source,
        ) from None
    except _DuplicateKey as e:
        raise DocumentError(
            [Problem("$", Phrase("expected.unique_keys"), Phrase("found.key_twice", key=f'"{e.key}"'))], source
        ) from None
    except RecursionError:
        raise DocumentError([_nesting_problem(text)], source) from None
    except ValueError as e:  # NaN or Infinity, a number out of range (a Phrase), or what else the parser refuses
        found = e.args[0] if e.args and isinstance(e.args[0], Phrase) else str(e) or type(e).__name__
        line, column = _place_of(text, found)
        raise DocumentError([Problem("$", Phrase("expected.json"), found, line=line, column=column)], source) from None


def _place_of(text: str, found: str) -> tuple[int | None, int | None]:
    """The line and column of the number a refusal names (the first such number in ``text``); None otherwise."""
    number = found.fields.get("number") if isinstance(found, Phrase) else None
    at = text.find(number) if isinstance(number, str) and "…" not in number else -1
    if at == -1:
        return None, None
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def loads(text: str | bytes, *, source: str | None = None) -> AnnualReport:
    """Read a report from JSON text.

    >>> r = loads('{"format": "2021", "meta": {"agency": "某局", "year": 2023}}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    disclosure_report.errors.DocumentError: not a valid annual report document: 8 problems
    ...
    """

    if isinstance(text, bytes):  # the typed decoder reads UTF-8 as it is; anything else is decoded first
        report = try_loads_utf8(text[3:] if text.startswith(codecs.BOM_UTF8) else text)
        if report is not None:
            return report
    try:
        decoded = text.decode("utf-8-sig") if isinstance(text, bytes) else text
    except UnicodeDecodeError:
        decoded = None
    if decoded is not None:
        report = try_loads(decoded)  # valid documents: fast; anything else: the strict path, which explains
        if report is not None:
            return report
    return structure(parse_json(text, source=source), source=source)


MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
"""The largest JSON file :func:`load` reads (as the readers of published documents)."""


def load(file: str | PathLike[str] | IO[str] | IO[bytes]) -> AnnualReport:
    """Read a report from a JSON file (a path or an open file)."""
    if isinstance(file, (str, PathLike)):
        path = Path(file)
        try:
            data = read_regular_file(path, MAX_DOCUMENT_BYTES)
        except OSError as e:
            raise DocumentError(
                [Problem("$", Phrase("expected.readable_file"), e.strerror or str(e))], str(path)
            ) from None
        if len(data) > MAX_DOCUMENT_BYTES:
            found = Phrase("found.too_large", limit=MAX_DOCUMENT_BYTES)
            raise DocumentError([Problem("$", Phrase("expected.at_most_64_mib"), found)], str(path))
        return loads(data, source=str(path))
    name = getattr(file, "name", None)
    return loads(file.read(), source=str(name) if name else None)


def dumps(report: AnnualReport) -> str:
    """The canonical JSON text of a report (ends with a newline)."""
    out: list[str] = []
    _encode(unstructure(report), "", out)
    out.append("\n")
    return "".join(out)


def dumps_data(data: Any) -> str:
    """JSON text of JSON-shaped data (dicts, lists, str, int, ``Decimal``, bool, None) in the canonical layout;
    a ``Decimal`` is written as the exact JSON number it is.

    >>> print(dumps_data({"amount": Decimal("4068.208"), "cases": 3}), end="")
    {
      "amount": 4068.208,
      "cases": 3
    }
    """
    out: list[str] = []
    _encode(data, "", out)
    out.append("\n")
    return "".join(out)


def dump(report: AnnualReport, file: str | PathLike[str] | IO[str]) -> None:
    """Write the canonical JSON text of a report to a path or an open text file."""
    text = dumps(report)
    if isinstance(file, (str, PathLike)):
        Path(file).write_text(text, encoding="utf-8")
    else:
        file.write(text)


_encode_str: Callable[[str], str] = json.encoder.encode_basestring


def _encode(v: Any, indent: str, out: list[str]) -> None:
    t = type(v)
    if t is str:
        out.append(_encode_str(v))
    elif v is None:
        out.append("null")
    elif t is bool:
        out.append("true" if v else "false")
    elif t is int or t is Decimal:
        out.append(str(v))
    elif t is dict:
        if not v:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{")
        first = True
        for k, x in v.items():
            out.append("\n" + inner if first else ",\n" + inner)
            first = False
            out.append(_encode_str(k))
            out.append(": ")
            _encode(x, inner, out)
        out.append("\n" + indent + "}")
    elif t is list or t is tuple:
        if not v:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for i, x in enumerate(v):
            out.append(("\n" if i == 0 else ",\n") + inner)
            _encode(x, inner, out)
        out.append("\n" + indent + "]")
    else:
        raise TypeError(f"cannot write {type(v).__name__} as JSON")
