"""JSON Schema (draft 2020-12) of the report document, generated from the model and the format declaration.

Walks the attrs classes of the model; takes every title from the format declaration (section headings, printed row
labels and column headers), so the schema says in the official words what each key holds. A validator in any
language can check a document's shape with it; the sums (勾稽关系) are in the published rules file.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, Union

import attrs

from disclosure_report.errors import DisclosureReportError
from disclosure_report.formats import FORMATS, Format, Table, get_format
from disclosure_report.model import PROACTIVE_CLASSES, AnnualReport
from disclosure_report.model.cells import BLANK_PATTERN, MAX_BLANK_TEXT, MAX_COUNT, MAX_MONEY_DIGITS, cell_kind
from disclosure_report.model.meta import MAX_YEAR, MIN_YEAR

__all__ = [
    "BASE_URI",
    "SchemaError",
    "published_files",
    "report_schema",
    "schema_id",
    "validate_document",
    "validate_text",
]

BASE_URI = "https://disclosure-report.github.io/schemas/"
"""Where the published schemas live; each file's ``$id`` is this plus its path under ``schemas/``."""

DRAFT = "https://json-schema.org/draft/2020-12/schema"

DIALECT_ID = f"{BASE_URI}dialect.schema.json"
"""The meta-schema declaring the annotation keywords the report schemas use beyond draft 2020-12 (``x-unit``)."""

# Titles (zh) and descriptions (en) of the keys that are not table cells and not named by the format declaration.
FIELD_DOCS: dict[tuple[str, str], tuple[str, str]] = {
    ("AnnualReport", "format"): ("格式版本", "the format version the document follows"),
    ("AnnualReport", "meta"): ("报告信息", "who reports, on which year, for which period"),
    ("AnnualReport", "preamble"): ("前言", "text before 一、总体情况 (basis, scope, contact), as printed"),
    ("AnnualReport", "closing"): ("落款", "text after section 六 (signature, date), as printed"),
    ("Meta", "agency"): ("报告机关", "the reporting body, as printed"),
    ("Meta", "year"): ("报告年度", "the report (statistics) year"),
    ("Meta", "title"): ("标题", "the title, as printed"),
    ("Meta", "published_on"): ("发布日期", "publication date, when known"),
    ("Meta", "period"): ("统计期限", "the statistics period as stated"),
    ("Meta", "scope"): (
        "报告范围",
        "agency: an agency's own report (deadline 1月31日); government_own: a government's own work; "
        "region_aggregate: a government's rollup of its region (both: deadline 3月31日)",
    ),
    ("Meta", "contact"): ("联系方式", "how the public reaches the reporting office, as stated"),
    ("Period", "start"): ("起始日期", "first day of the statistics period"),
    ("Period", "end"): ("截止日期", "last day of the statistics period (not before start)"),
    ("Contact", "address"): ("地址", "postal address"),
    ("Contact", "phone"): ("电话", "telephone"),
    ("Contact", "postcode"): ("邮政编码", "postcode"),
    ("Contact", "email"): ("电子邮箱", "e-mail address"),
    ("Contact", "website"): ("网站", "website"),
    ("Overview", "intro"): ("概述", "text under 一、总体情况 before its first subsection"),
    ("Overview", "extra"): ("其他内容", "subsections printed under other headings, in order"),
    ("TextBlock", "heading"): ("标题", "the heading as printed"),
    ("TextBlock", "text"): ("正文", "the text as printed"),
    ("OtherMatters", "text"): ("正文", "section 六 as printed"),
    ("FeeCollection", "collected"): ("是否收取", "whether any 信息处理费 was collected"),
    ("FeeCollection", "amount_yuan"): ("收取金额（元）", "amount collected, in yuan"),
    ("FeeCollection", "cases"): ("收费件数", "number of applications charged"),
    ("FeeCollection", "basis"): ("计收方式", "按件 (per request) or 按量 (per volume)"),
    ("Procurement", "amount_unit"): ("金额单位", "the unit printed with 采购总金额 (the header names none)"),
}

_CELL_EN = {
    "count": "a count (integer from 0 to 999999999999999), a blank, or unread",
    "signed": "a signed count (at most 15 digits, negative for a decrease), a blank, or unread",
    "money": "an amount ≥ 0, exact decimal, below 10^18 with at most 6 decimal places, a blank, or unread",
}
_COUNT: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
_AMOUNT: dict[str, Any] = {"type": "number", "minimum": 0, "exclusiveMaximum": 10**MAX_MONEY_DIGITS}
"""(At most 6 decimal places is said in the descriptions: ``multipleOf`` 0.000001 fails in float validators.)"""


@attrs.frozen
class SchemaError:
    """One place where a document fails the schema."""

    json_path: str
    """Location in the document, e.g. ``$.applications.new.total``."""
    keyword: str
    """The schema keyword that failed (``type``, ``minimum``, ``required``, ``additionalProperties`` …)."""
    message: str
    cell_path: str | None = None

    def __str__(self) -> str:
        return f"{self.json_path}: {self.message} ({self.keyword})"


def schema_id(version: str) -> str:
    return f"{BASE_URI}{version}/report.schema.json"


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType)


class _Builder:
    """Builds the schema of one format version, walking the model with the declaration beside it."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt

    # -- the declaration's words for a place in a table ----------------------------------------------------
    def _table_titles(self, table: Table, prefix: tuple[str, ...]) -> tuple[str, str] | None:
        rows = list(table.rows) + [r for alt in table.alternatives for r in alt.rows]
        for row in rows:
            if row.path == prefix:
                return row.label, f"{' › '.join(row.labels)} — {row.en}"
        for row in rows:
            if row.path[: len(prefix)] == prefix and len(row.labels) >= len(prefix):
                label = row.labels[len(prefix) - 1] if table.layout == "matrix" else " › ".join(prefix)
                return label, " › ".join(row.labels[: len(prefix)])
        return None

    def _cell(self, table: Table, row_path: tuple[str, ...], key: str, kind: str) -> dict[str, Any]:
        rows = list(table.rows) + [r for alt in table.alternatives for r in alt.rows]
        row = next(r for r in rows if r.path == row_path)
        column = row.columns.column(key)
        value: dict[str, Any]
        if kind == "money":
            value = dict(_AMOUNT)
        elif kind == "signed":
            value = {"type": "integer", "minimum": -MAX_COUNT, "maximum": MAX_COUNT}
        else:
            value = dict(_COUNT)
        out: dict[str, Any] = {
            "title": column.label,
            "description": f"{' › '.join(row.labels + column.headers)} — {column.en}; {_CELL_EN[kind]}",
            "anyOf": [value, {"$ref": "#/$defs/blank"}, {"$ref": "#/$defs/unread"}],
        }
        if column.unit:
            out["x-unit"] = column.unit
        return out

    # -- walking the model ----------------------------------------------------------------------------------
    def object(self, cls: type, place: tuple[str, ...], overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        attrs.resolve_types(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        for f in attrs.fields(cls):
            tp = (overrides or {}).get(f.name, f.type)
            props[f.name] = self.field(cls, f, tp, (*place, f.name))
            if not self._nullable(tp):
                required.append(f.name)
        schema: dict[str, Any] = {"type": "object"}
        schema["properties"] = props
        schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    @staticmethod
    def _nullable(tp: Any) -> bool:
        return _is_union(tp) and type(None) in typing.get_args(tp)

    def _titles(self, cls: type, name: str, place: tuple[str, ...]) -> tuple[str, str]:
        docs = FIELD_DOCS.get((cls.__name__, name))
        if docs:
            return docs
        if len(place) == 1:
            section = self.fmt.section(place[0])
            return section.heading, section.en
        section_keys = {s.key for s in self.fmt.sections}
        if place[0] in section_keys:
            section = self.fmt.section(place[0])
            for sub in section.subsections:
                if len(place) == 2 and sub.key == place[1]:
                    return sub.heading, sub.en
            if section.table is not None:
                found = self._table_titles(section.table, place[1:])
                if found:
                    return found
        raise KeyError(f"the schema has no title for {'.'.join(place)}: add it to FIELD_DOCS or the declaration")

    def field(self, cls: type, f: attrs.Attribute[Any], tp: Any, place: tuple[str, ...]) -> dict[str, Any]:
        kind = cell_kind(f)
        if kind is not None:
            table = self.fmt.table(place[0])
            return self._cell(table, place[1:-1], place[-1], kind)
        title, description = self._titles(cls, f.name, place)
        schema = self.type(tp, place)
        return {"title": title, "description": description, **schema}

    def type(self, tp: Any, place: tuple[str, ...]) -> dict[str, Any]:
        if _is_union(tp):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            nullable = len(args) < len(typing.get_args(tp))
            if len(args) == 1:
                inner = self.type(args[0], place)
                if not nullable:
                    return inner
                if set(inner) == {"type"} or (inner.get("type") in ("string", "integer", "number", "boolean")):
                    return {**inner, "type": [inner["type"], "null"]}
                if "enum" in inner:
                    return {"enum": [*inner["enum"], None]}
                return {"anyOf": [inner, {"type": "null"}]}
            options = [self.type(a, place) for a in args]
            return {"oneOf": options} if not nullable else {"oneOf": [*options, {"type": "null"}]}
        origin = typing.get_origin(tp)
        if origin is Literal:
            values = list(typing.get_args(tp))
            return {"const": values[0]} if len(values) == 1 else {"enum": values}
        if origin is tuple:
            item = typing.get_args(tp)[0]
            return {"type": "array", "items": self.type(item, place)}
        if attrs.has(tp):
            return self.object(tp, place)
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return dict(_COUNT)
        if tp is Decimal:
            return dict(_AMOUNT)
        if tp is dt.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        raise TypeError(f"the schema generator has no rule for {tp!r} at {'.'.join(place)}")

    def report(self) -> dict[str, Any]:
        overrides = {"proactive": PROACTIVE_CLASSES[self.fmt.version], "format": Literal[self.fmt.version]}
        body = self.object(AnnualReport, (), overrides)
        body["properties"]["meta"]["properties"]["year"].update({"minimum": MIN_YEAR, "maximum": MAX_YEAR})
        return {
            "$schema": DRAFT,
            "$id": schema_id(self.fmt.version),
            "$comment": f"x-unit is an annotation keyword, declared in {DIALECT_ID}; Ajv's strict mode needs it "
            "registered: ajv-keywords.js beside this file",
            "title": f"{self.fmt.name}（{self.fmt.document}）",
            "description": (
                f"A 政府信息公开工作年度报告 in the {self.fmt.version} format, as a JSON document "
                f"(report years {self.fmt.first_year}–{self.fmt.last_year or ''}). Generated by disclosure_report "
                "from its format declaration; the sums between cells are in the published rules file."
            ),
            **body,
            "$defs": {
                "blank": {
                    "title": "空白",
                    "description": "a cell left without a number in the source; `blank` is what was printed there "
                    '("", "-", "/", "无"…). A blank is not 0.',
                    "type": "object",
                    "properties": {"blank": {"type": "string", "maxLength": MAX_BLANK_TEXT, "pattern": BLANK_PATTERN}},
                    "required": ["blank"],
                    "additionalProperties": False,
                },
                "unread": {
                    "title": "未读出",
                    "description": "a cell a reader could not read from the published document: its value is unknown "
                    "(not blank, not 0). Rules treat it as unknown: an identity that involves it is not assessable.",
                    "type": "object",
                    "properties": {
                        "unread": {"title": "未读出", "description": "always true", "const": True},
                    },
                    "required": ["unread"],
                    "additionalProperties": False,
                },
            },
        }


_CACHE: dict[str, dict[str, Any]] = {}


def report_schema(version: str = "2021") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report document in format ``version``.

    >>> s = report_schema("2021")
    >>> s["$id"]
    'https://disclosure-report.github.io/schemas/2021/report.schema.json'
    >>> cell = s["properties"]["applications"]["properties"]["new"]["properties"]["total"]
    >>> cell["title"], cell["anyOf"][0]
    ('总计', {'type': 'integer', 'minimum': 0, 'maximum': 999999999999999})
    """
    if version not in _CACHE:
        _CACHE[version] = _Builder(get_format(version)).report()
    return json.loads(json.dumps(_CACHE[version]))  # type: ignore[no-any-return]


def _text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def published_files() -> dict[str, str]:
    """The schema files under ``schemas/``: one report schema per format version, and ``index.json``."""
    files = {f"{v}/report.schema.json": _text(report_schema(v)) for v in FORMATS}
    index = {
        "description": "disclosure_report published schemas: generated files, one report schema per format version",
        "any_version": {"$id": f"{BASE_URI}report.schema.json", "path": "report.schema.json"},
        "formats": {
            v: {
                "name": fmt.name,
                "document": fmt.document,
                "first_year": fmt.first_year,
                "last_year": fmt.last_year,
                "schema": {"$id": schema_id(v), "path": f"{v}/report.schema.json"},
                "rules": {"path": f"rules-{v}.json"},
            }
            for v, fmt in FORMATS.items()
        },
    }
    files["index.json"] = _text(index)
    return files


# ---------------------------------------------------------------------------------------------------------------
# Validating documents against the schema


def _floats_for_numbers(data: Any) -> Any:
    """Decimals as floats, for the schema's number/integer checks only (the document itself is not changed)."""
    if isinstance(data, Decimal):
        return float(data)
    if isinstance(data, dict):
        return {k: _floats_for_numbers(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_floats_for_numbers(v) for v in data]
    return data


def _path(parts: list[Any]) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _cell_path(parts: list[Any], version: str) -> str | None:
    dotted = ".".join(str(p) for p in parts)
    fmt = FORMATS[version]
    for table in fmt.tables:
        for alt in (None, *table.alternatives):
            for row in table.rows_with(alt):
                for column in row.columns.columns:
                    if dotted == ".".join((table.key, *row.path, column.key)):
                        return dotted
    return None


def _version_of(data: Any, version: str | None) -> str:
    if version is not None:
        get_format(version)
        return version
    found = data.get("format") if isinstance(data, dict) else None
    if isinstance(found, str) and found in FORMATS:
        return found
    return max(FORMATS)


_VALIDATORS: dict[tuple[str, str], Callable[[Any], list[tuple[list[Any], str, str]]]] = {}


def _jsonschema(version: str) -> Callable[[Any], list[tuple[list[Any], str, str]]]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(report_schema(version), format_checker=Draft202012Validator.FORMAT_CHECKER)

    def run(data: Any) -> list[tuple[list[Any], str, str]]:
        return [(list(e.absolute_path), str(e.validator), e.message) for e in validator.iter_errors(data)]

    return run


def _jsonschema_rs(version: str) -> Callable[[Any], list[tuple[list[Any], str, str]]]:
    try:
        import jsonschema_rs
    except ImportError:
        raise DisclosureReportError.keyed("schema.fast_extra") from None
    validator = jsonschema_rs.Draft202012Validator(report_schema(version), validate_formats=True)

    def run(data: Any) -> list[tuple[list[Any], str, str]]:
        out = []
        for e in validator.iter_errors(data):
            keyword = str(e.schema_path[-1]) if e.schema_path else ""
            out.append((list(e.instance_path), keyword, e.message))
        return out

    return run


_BACKENDS = {"jsonschema": _jsonschema, "jsonschema-rs": _jsonschema_rs}


def validate_document(
    data: Any, *, version: str | None = None, backend: Literal["jsonschema", "jsonschema-rs"] = "jsonschema"
) -> list[SchemaError]:
    """Check JSON-shaped data against the report schema of its format; every failing place, sorted by location.

    ``version`` defaults to the document's ``format`` (the newest format when that is missing or unknown).

    >>> from disclosure_report import new_report, unstructure
    >>> data = unstructure(new_report("某局", 2023))
    >>> validate_document(data)
    []
    >>> data["applications"]["new"]["total"] = -1
    >>> [str(e) for e in validate_document(data)]  # doctest: +ELLIPSIS
    ['$.applications.new.total: -1 is not valid under any of the given schemas (anyOf)']
    """
    v = _version_of(data, version)
    if backend not in _BACKENDS:
        raise DisclosureReportError.keyed("schema.backend", backend=backend, backends=", ".join(_BACKENDS))
    key = (backend, v)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = _BACKENDS[backend](v)
    found = _VALIDATORS[key](_floats_for_numbers(data))
    errors = {
        (_path(parts), keyword): SchemaError(_path(parts), keyword, message, _cell_path(parts, v))
        for parts, keyword, message in found
    }
    return sorted(errors.values(), key=lambda e: (e.json_path, e.keyword))


def validate_text(text: str | bytes, *, version: str | None = None, backend: str = "jsonschema") -> list[SchemaError]:
    """Parse JSON text and check it against the schema (a syntax error is a :class:`DocumentError`)."""
    from disclosure_report.jsonio.convert import parse_json

    return validate_document(parse_json(text), version=version, backend=backend)  # type: ignore[arg-type]
