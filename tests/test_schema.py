"""The published JSON Schema: generated from the model and declaration, agreeing with the converter."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, DocumentError, dumps, load, loads, new_report, structure
from disclosure_report.formats import FORMATS
from disclosure_report.jsonio.convert import parse_json
from disclosure_report.jsonio.publish import differences
from disclosure_report.jsonio.schema import published_files, report_schema, validate_document, validate_text
from strategies import reports

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def test_committed_files_equal_what_the_code_generates() -> None:
    assert differences(ROOT / "schemas") == []


def test_schema_check_command(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "disclosure_report", "schema"]
    assert subprocess.run([*run, "--check", str(ROOT / "schemas")], capture_output=True, check=False).returncode == 0
    assert subprocess.run([*run, "-o", str(tmp_path)], capture_output=True, check=False).returncode == 0
    (tmp_path / "2021" / "report.schema.json").write_text("{}", encoding="utf-8")
    done = subprocess.run([*run, "--check", str(tmp_path), "--lang", "en"], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "differs from what the code generates" in done.stderr
    printed = subprocess.run([*run, "--format", "2019"], capture_output=True, text=True, check=False)
    assert json.loads(printed.stdout)["$id"].endswith("/2019/report.schema.json")


def _objects(node: Any, where: str = "$") -> list[tuple[str, dict[str, Any]]]:
    out = []
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            out.append((where, node))
        for key, value in node.items():
            out += _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _objects(value, f"{where}/{i}")
    return out


@pytest.mark.parametrize("version", sorted(FORMATS))
def test_every_object_is_closed_and_every_property_titled(version: str) -> None:
    schema = report_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for where, obj in _objects(schema):
        assert obj.get("additionalProperties") is False, where
        for key, prop in obj.get("properties", {}).items():
            if where.endswith("$defs/blank"):
                continue
            assert prop.get("title") and prop.get("description"), f"{where}/{key}"


def test_cells_carry_official_labels_and_units() -> None:
    props = report_schema("2021")["properties"]
    fee = props["proactive"]["properties"]["fees"]["properties"]["amount"]
    assert fee["title"] == "本年收费金额（单位：万元）"
    assert fee["x-unit"] == "万元"
    assert fee["anyOf"][0] == {"type": "number", "minimum": 0, "exclusiveMaximum": 10**18}
    denied = props["applications"]["properties"]["results"]["properties"]["denied"]
    assert denied["title"] == "（三）不予公开"
    assert denied["properties"]["security_stability"]["title"] == "3.危及“三安全一稳定”"
    assert props["review_litigation"]["title"] == "四、政府信息公开行政复议、行政诉讼情况"
    assert props["overview"]["properties"]["platforms"]["title"] == "（四）政府信息公开平台建设"
    assert props["format"] == {**props["format"], "const": "2021"}
    delta = report_schema("2019")["properties"]["proactive"]["properties"]["licensing"]["properties"]["delta"]
    assert delta["anyOf"][0] == {"type": "integer", "minimum": -(10**15 - 1), "maximum": 10**15 - 1}


def test_optional_keys_are_nullable_and_not_required() -> None:
    meta = report_schema("2021")["properties"]["meta"]
    assert meta["required"] == ["agency", "year"]
    assert meta["properties"]["title"]["type"] == ["string", "null"]
    assert meta["properties"]["published_on"]["format"] == "date"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("backend", ["jsonschema", "jsonschema-rs"])
def test_examples_are_valid(path: Path, backend: str) -> None:
    assert validate_text(path.read_bytes(), backend=backend) == []


def test_errors_are_located() -> None:
    data = parse_json(dumps(new_report("某局", 2023)))
    data["applications"]["results"]["granted"]["research"] = "3"
    data["meta"]["extra"] = 1
    del data["problems"]
    errors = validate_document(data)
    assert [(e.json_path, e.keyword) for e in errors] == [
        ("$", "required"),
        ("$.applications.results.granted.research", "anyOf"),
        ("$.meta", "additionalProperties"),
    ]
    assert errors[1].cell_path == "applications.results.granted.research"


# --- agreement with the converter ------------------------------------------------------------------------------


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict) and set(node) != {"blank"}:
        return [p for key, value in node.items() for p in _leaves(value, (*path, key))] or [path]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _leaves(value, (*path, i))] or [path]
    return [path]


def _objects_in(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = []
    if isinstance(node, dict):
        out.append(path)
        for key, value in node.items():
            out += _objects_in(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _objects_in(value, (*path, i))
    return out


def _set(node: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _accepts(data: Any) -> tuple[bool, list[str]]:
    try:
        structure(data)
    except DocumentError as e:
        return False, [p.json_path for p in e.problems]
    return True, []


BAD_VALUES = ["12", Decimal("3.9"), True, None, -1, [], {}, {"blank": "7"}, Decimal("-0.5"), "2023/01/01"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.data())
def test_valid_documents_pass_and_mutations_agree(report: AnnualReport, data: st.DataObject) -> None:
    doc = parse_json(dumps(report))
    assert validate_document(doc) == []
    kind = data.draw(st.sampled_from(["value", "unknown_key", "missing_key"]))
    if kind == "value":
        leaf = data.draw(st.sampled_from(_leaves(doc)))
        if not leaf:
            return
        _set(doc, leaf, data.draw(st.sampled_from(BAD_VALUES)))
    elif kind == "unknown_key":
        where = data.draw(st.sampled_from([p for p in _objects_in(doc) if not _is_blank_at(doc, p)]))
        target = doc
        for key in where:
            target = target[key]
        target["unknown_key"] = 1
    else:
        where = data.draw(st.sampled_from([p for p in _objects_in(doc) if p and not _is_blank_at(doc, p)]))
        target = doc
        for key in where:
            target = target[key]
        if not target:
            return
        del target[data.draw(st.sampled_from(sorted(target)))]
    accepted, problem_paths = _accepts(doc)
    schema_errors = validate_document(doc)
    assert accepted == (schema_errors == []), (problem_paths, [str(e) for e in schema_errors])
    if not accepted:
        schema_paths = [e.json_path for e in schema_errors]
        for problem in problem_paths:
            assert any(_within(problem, s) or _within(s, problem) for s in schema_paths), (problem, schema_paths)


def _is_blank_at(doc: Any, path: tuple[Any, ...]) -> bool:
    node = doc
    for key in path:
        node = node[key]
    return isinstance(node, dict) and "blank" in node


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith(outer + ".") or inner.startswith(outer + "[")


@settings(max_examples=30, deadline=None)
@given(reports())
def test_both_backends_find_the_same_places(report: AnnualReport) -> None:
    doc = parse_json(dumps(report))
    doc["applications"]["new"]["total"] = "x"
    doc["meta"]["year"] = 1999
    doc["proactive"]["oops"] = 1
    paths = {e.json_path for e in validate_document(doc)}
    assert paths == {e.json_path for e in validate_document(doc, backend="jsonschema-rs")}
    assert {"$.applications.new.total", "$.meta.year", "$.proactive"} <= paths


def test_published_index_lists_every_format() -> None:
    index = json.loads(published_files()["index.json"])
    assert sorted(index["formats"]) == sorted(FORMATS)
    assert index["formats"]["2021"]["schema"]["path"] == "2021/report.schema.json"


def test_round_trip_documents_keep_validating() -> None:
    for path in EXAMPLES:
        assert validate_text(dumps(loads(path.read_bytes()))) == []
        assert validate_document(parse_json(dumps(load(path)))) == []
