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
from disclosure_report.jsonio.convert import parse_json
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
    instances = [
        inst
        for rule in rules["rules"]
        if rule["evaluation"] == "identity"
        for inst in rule["instances"]
        if inst["layout"] in (None, layout)
    ]
    totals = {inst["lhs"][0] for inst in instances if inst["total_side"] == "lhs"}

    def side(paths: list[str]) -> tuple[Decimal, bool]:
        known, unknown = Decimal(0), False
        for p in paths:
            v = _get(doc, p)
            if not isinstance(v, dict):
                known += v
            elif v.get("unread") is True or p in totals:
                unknown = True
        return known, unknown

    found: list[str] = []
    not_assessable = 0
    for inst in instances:
        first = _get(doc, inst["lhs"][0])
        if inst["total_side"] == "lhs" and isinstance(first, dict):
            if first.get("unread") is True:
                not_assessable += 1
                continue
            blank_id = f"BLANK-TOTAL[{inst['lhs'][0]}]"
            if blank_id not in found:
                found.append(blank_id)
            continue
        (left, left_unknown), (right, right_unknown) = side(inst["lhs"]), side(inst["rhs"])
        if not (left_unknown or right_unknown):
            if left != right:
                found.append(inst["sub_id"])
        elif (not left_unknown and right > left) or (not right_unknown and left > right):
            found.append(inst["sub_id"])
        else:
            not_assessable += 1
    if not_assessable:
        found.append("NOT-ASSESSABLE")
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
@given(reports(unread=True), st.data())
def test_generated_reports(report: AnnualReport, data: st.DataObject) -> None:
    assert sorted(evaluate(parse_json(dumps(report)))) == sorted(engine(report))
