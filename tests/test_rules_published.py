"""The published rules file is enough: an independent evaluator over plain JSON gives the engine's findings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, dumps, load
from disclosure_report.convert import parse_json
from disclosure_report.rules import validate
from strategies import reports

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"


def _get(doc: Any, path: str) -> Any:
    node = doc
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return _MISSING
        node = node[key]
    return node


_MISSING = object()


def evaluate(doc: dict[str, Any]) -> list[str]:
    """A validator another team could write from rules-<format>.json alone."""
    rules = json.loads((SCHEMAS / f"rules-{doc['format']}.json").read_text(encoding="utf-8"))
    layout = next(key for key, marker in rules["layouts"]["applications"].items() if _get(doc, marker) is not _MISSING)
    found: list[str] = []
    for rule in rules["rules"]:
        if rule["evaluation"] != "identity":
            continue
        for inst in rule["instances"]:
            if inst["layout"] not in (None, layout):
                continue
            lhs = [_get(doc, p) for p in inst["lhs"]]
            rhs = [_get(doc, p) for p in inst["rhs"]]
            if inst["total_side"] == "lhs" and isinstance(lhs[0], dict):
                blank_id = f"BLANK-TOTAL[{inst['lhs'][0]}]"
                if blank_id not in found:
                    found.append(blank_id)
                continue
            total = sum((v for v in lhs if not isinstance(v, dict)), Decimal(0))
            parts = sum((v for v in rhs if not isinstance(v, dict)), Decimal(0))
            if total != parts:
                found.append(inst["sub_id"])
    return found


def engine(report: AnnualReport) -> list[str]:
    return [f.sub_id for f in validate(report, identities_only=True).findings]


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.json")), ids=lambda p: p.name)
def test_examples(path: Path) -> None:
    assert sorted(evaluate(parse_json(path.read_bytes()))) == sorted(engine(load(path)))


@pytest.mark.parametrize(
    "case", sorted((SCHEMAS / "conformance").glob("*/*/")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_conformance_suite(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert expected["pass.json"] == [] and expected["fail.json"]
    for name in ("pass.json", "fail.json"):
        doc = parse_json((case / name).read_bytes())
        assert sorted(evaluate(doc)) == sorted(expected[name]) == sorted(engine(load(case / name)))
    assert any(case.name in sub_id for sub_id in expected["fail.json"])


@settings(max_examples=80, deadline=None)
@given(reports(), st.data())
def test_generated_reports(report: AnnualReport, data: st.DataObject) -> None:
    assert sorted(evaluate(parse_json(dumps(report)))) == sorted(engine(report))
