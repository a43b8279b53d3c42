"""The entry schema, the annotation vocabulary and the validator commands documented in docs/schema.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from disclosure_report import dumps, new_report, unstructure
from disclosure_report.jsonio.dialect import ANNOTATIONS, ajv_keywords, entry_schema, published_files
from disclosure_report.jsonio.schema import report_schema

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from run_doc_commands import marked_commands  # noqa: E402

COMMANDS = marked_commands((ROOT / "docs" / "schema.md").read_text(encoding="utf-8"))


def _entry_validator() -> Draft202012Validator:
    files = [report_schema(v) for v in ("2021", "2019")]
    registry: Registry[Any] = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in files)
    return Draft202012Validator(entry_schema(), registry=registry)


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


@pytest.mark.parametrize(("year", "version"), [(2023, "2021"), (2020, "2019")])
def test_the_entry_schema_applies_the_documents_own_version(year: int, version: str) -> None:
    check = _entry_validator()
    data = json.loads(dumps(new_report("某局", year)))
    assert data["format"] == version
    assert list(check.iter_errors(data)) == []
    data["applications"]["new"]["total"] = -1
    (error,) = check.iter_errors(data)
    assert error.json_path == "$.applications.new.total"
    assert error.validator == "anyOf"


def test_the_index_names_the_entry_schema() -> None:
    from disclosure_report.jsonio.dialect import ENTRY_ID
    from disclosure_report.jsonio.schema import published_files as schema_files

    assert json.loads(schema_files()["index.json"])["any_version"] == {"$id": ENTRY_ID, "path": "report.schema.json"}


def test_the_entry_schema_refuses_an_unknown_or_missing_format() -> None:
    check = _entry_validator()
    data = unstructure(new_report("某局", 2023))
    data["format"] = "2018"
    assert [(e.json_path, e.validator) for e in check.iter_errors(json.loads(json.dumps(data, default=str)))] == [
        ("$.format", "enum")
    ]
    assert [e.validator for e in check.iter_errors({"meta": {}})] == ["required"]


def test_every_keyword_beyond_the_draft_is_declared_and_registered_for_ajv() -> None:
    meta = Draft202012Validator.META_SCHEMA
    used = {k for v in ("2021", "2019") for k in _keys(report_schema(v)) if k.startswith("x-")}
    assert used == set(ANNOTATIONS) == {"x-unit"}
    script = ajv_keywords()
    for keyword in used:
        assert f'ajv.addKeyword({{ keyword: "{keyword}", schemaType: "string" }});' in script
    vocabulary = json.loads(published_files()["vocab/annotations.schema.json"])
    assert vocabulary["properties"] == ANNOTATIONS
    dialect = json.loads(published_files()["dialect.schema.json"])
    assert dialect["$vocabulary"]["https://disclosure-report.github.io/schemas/vocab/annotations"] is False
    assert set(meta["$vocabulary"]) < set(dialect["$vocabulary"])


def test_the_documented_commands_cover_every_validator() -> None:
    assert [c.split()[0] for c in COMMANDS] == ["check-jsonschema"] * 3 + ["npx"]
    ajv = COMMANDS[-1]
    assert ajv.startswith("npx -y ajv-cli@5 validate --spec=draft2020 --strict=true -c ./schemas/ajv-keywords.js ")


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith("check-jsonschema")])
def test_the_documented_check_jsonschema_commands_pass_as_written(command: str) -> None:
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout
