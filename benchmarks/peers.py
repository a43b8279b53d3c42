"""Peer models of the report, generated at run time from the published JSON Schema, for the benchmark.

    strict_pydantic(schema)  -> a pydantic v2 model class (strict mode, unknown fields forbidden)
    msgspec_struct(schema)   -> a msgspec Struct class (unknown fields forbidden)

Both are built by walking ``schemas/<version>/report.schema.json``: objects become classes, ``integer`` an int
with its bounds, ``number`` a float (msgspec bounds no Decimal), ``format: date`` a date, ``enum``/``const`` a
Literal, ``anyOf``/``oneOf`` and ``type`` lists unions, ``$ref`` the definition. So the peers check the very
document shape the library checks, and nothing is written per field. msgspec takes no union of two untagged object
types: where the schema has one (the two layouts of 三（六）其他处理) its Struct has the fields of both, all
optional, a little less checking than the schema asks. What JSON Schema cannot say (the sums between cells) no
peer checks; the library's ``loads`` does not either (that is ``validate``).
"""

from __future__ import annotations

import datetime as dt
import keyword
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional, Union

Schema = dict[str, Any]


def _class_name(path: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^0-9A-Za-z]+", path) if part) or "Report"


class _Walker:
    """Turns schema nodes into Python types; ``make_class`` builds one class for an object node."""

    def __init__(
        self,
        root: Schema,
        make_class: Callable[[str, list[tuple[str, Any, bool]]], Any],
        constrain: Callable[[Any, Schema], Any],
        object_unions: bool = True,
    ) -> None:
        self.object_unions = object_unions
        self.root = root
        self.make_class = make_class
        self.constrain = constrain
        self.refs: dict[str, Any] = {}

    def _target(self, ref: str) -> Schema:
        target = self.root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        return target

    def type_of(self, node: Schema, path: str) -> Any:
        if "$ref" in node:
            ref = node["$ref"]
            if ref not in self.refs:
                self.refs[ref] = self.type_of(self._target(ref), ref.rsplit("/", 1)[-1])
            return self.refs[ref]
        if "const" in node:
            return Literal[node["const"]]
        if "enum" in node:
            values = [v for v in node["enum"] if v is not None]
            literal = Literal[tuple(values)]
            return Optional[literal] if None in node["enum"] else literal  # noqa: UP045 (a runtime type object)
        alternatives = node.get("anyOf") or node.get("oneOf")
        if alternatives:
            if not self.object_unions:  # a referenced object (a blank, an unread cell) is an object too
                alternatives = [self._target(a["$ref"]) if "$ref" in a else a for a in alternatives]
            objects = [a for a in alternatives if a.get("type") == "object"]
            if len(objects) > 1 and not self.object_unions:
                merged = {"type": "object", "properties": {k: v for a in objects for k, v in a["properties"].items()}}
                alternatives = [a for a in alternatives if a.get("type") != "object"] + [merged]
            options = [self.type_of(option, f"{path}_{i}") for i, option in enumerate(alternatives)]
            return Union[tuple(options)]  # noqa: UP007 (a runtime type object)
        types = node.get("type")
        if isinstance(types, list):
            options = [self.type_of({**node, "type": t}, path) for t in types]
            return Union[tuple(options)]  # noqa: UP007
        if types == "null":
            return type(None)
        if types == "object":
            fields = []
            required = set(node.get("required", ()))
            for name, child in node.get("properties", {}).items():
                fields.append((name, self.type_of(child, f"{path}_{name}"), name in required))
            return self.make_class(_class_name(path), fields)
        if types == "array":
            return list[self.type_of(node.get("items", {}), f"{path}_item")]  # type: ignore[misc]
        if types == "string" and node.get("format") == "date":
            return dt.date
        base = {"string": str, "integer": int, "number": float, "boolean": bool}[types]
        return self.constrain(base, node)


def _bounds(node: Schema) -> dict[str, Any]:
    found = {}
    for key, name in (("minimum", "ge"), ("maximum", "le"), ("maxLength", "max_length"), ("pattern", "pattern")):
        if key in node:
            found[name] = node[key]
    return found


def strict_pydantic(schema: Schema) -> Any:
    """The report as a strict pydantic v2 model (``Model.model_validate_json(text)``)."""
    from pydantic import ConfigDict, Field, create_model

    config = ConfigDict(strict=True, extra="forbid")

    def make_class(name: str, fields: list[tuple[str, Any, bool]]) -> Any:
        spec: dict[str, Any] = {}
        for field, kind, required in fields:
            alias = f"{field}_" if keyword.iskeyword(field) else field
            default = ... if required else None
            spec[alias] = (kind if required else Optional[kind], Field(default, alias=field))  # noqa: UP045
        return create_model(name, __config__=config, **spec)

    def constrain(base: Any, node: Schema) -> Any:
        bounds = _bounds(node)
        return Annotated[base, Field(**bounds)] if bounds else base

    return _Walker(schema, make_class, constrain).type_of(schema, "report")


def msgspec_struct(schema: Schema) -> Any:
    """The report as msgspec Structs (``msgspec.json.Decoder(Struct).decode(text)``)."""
    import msgspec

    def make_class(name: str, fields: list[tuple[str, Any, bool]]) -> Any:
        spec: list[Any] = []
        for field, kind, required in fields:
            spec.append((field, kind) if required else (field, Optional[kind], None))  # noqa: UP045
        return msgspec.defstruct(name, spec, kw_only=True, forbid_unknown_fields=True)

    def constrain(base: Any, node: Schema) -> Any:
        bounds = _bounds(node)
        return Annotated[base, msgspec.Meta(**bounds)] if bounds else base

    return _Walker(schema, make_class, constrain, object_unions=False).type_of(schema, "report")
