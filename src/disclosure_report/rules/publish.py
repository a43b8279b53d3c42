"""The rules as published data: ``schemas/rules-<version>.json``, the conformance suite, and docs/rules.md."""

from __future__ import annotations

import json
from typing import Any

from disclosure_report.authoring.skeleton import new_report
from disclosure_report.formats import FORMATS, get_format
from disclosure_report.jsonio.convert import dumps
from disclosure_report.model import BLANK, UNREAD, AnnualReport
from disclosure_report.model.paths import get_value, replace_value
from disclosure_report.rules import RULES, validate
from disclosure_report.rules.catalogue import STANDARD, identities, layout_markers
from disclosure_report.rules.declare import Rule

RULES_FORMAT_VERSION = 1


def _rule_data(r: Rule, version: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": r.id,
        "severity": r.severity,
        "kind": r.kind,
        "evaluation": "identity" if r.kind == "identity" and r.id not in ("BLANK-TOTAL", "NOT-ASSESSABLE") else "code",
        "title": {"zh": r.title_zh, "en": r.title_en},
        "message": {"zh": r.message_zh, "en": r.message_en},
        "source": r.source,
        "since_year": r.since_year,
        "until_year": r.until_year,
    }
    if data["evaluation"] == "identity":
        data["blank"] = {"total": r.blank_total, "part": r.blank_part}
        data["instances"] = [
            {
                "sub_id": i.sub_id,
                "layout": i.layout,
                "lhs": list(i.lhs),
                "rhs": list(i.rhs),
                "total_side": i.total_side,
                "label": {"zh": i.label_zh, "en": i.label_en},
            }
            for i in identities(version)
            if i.rule == r.id
        ]
    return data


def rules_document(version: str) -> dict[str, Any]:
    """The published rules of a format version (documented in docs/rules.md)."""
    fmt = get_format(version)
    return {
        "rules_format": RULES_FORMAT_VERSION,
        "format": version,
        "format_name": fmt.name,
        "evaluation": {
            "identity": "for each instance whose layout is null or the document's layout: sum(lhs) must equal "
            'sum(rhs), exactly (tolerance 0). A blank cell is an object {"blank": …}; an unread cell (one a '
            "reader could not read) is {\"unread\": true}. If total_side is 'lhs' and the lhs cell is blank, the "
            "instance is not assessable: report BLANK-TOTAL[<lhs path>] once and skip it; if it is unread, the "
            "instance is not assessable. Other cells are unknown when unread, or when blank and the lhs cell of "
            "some instance with total_side 'lhs' (a blank total is not known to be 0); every other blank cell "
            "counts as 0. With unknown cells on one side only, the instance fails when the other side's sum is "
            "less than the known part of that side (counts are never negative); otherwise it is not assessable. "
            "Report the instances not assessable once per document as NOT-ASSESSABLE (info; actual = how many, "
            "lhs = the unknown cells). A failing instance is reported as its sub_id.",
            "layouts": "a document uses, for each table below, the layout whose marker path exists in it",
            "message_parameters": "label, label_en, expected (sum of rhs), actual (sum of lhs), delta "
            "(actual − expected); T3-BALANCE also lhs_value and rhs_value",
        },
        "layouts": layout_markers(fmt),
        "standard_layout": STANDARD,
        "rules": [_rule_data(r, version) for r in RULES],
    }


def _text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _break(report: AnnualReport, path: str) -> AnnualReport:
    value = get_value(report, path)
    return replace_value(report, path, value + 1)


def conformance_cases(version: str) -> dict[str, tuple[AnnualReport, AnnualReport]]:
    """For each identity rule: a minimal passing document and a failing one (one cell off by one)."""
    year = FORMATS[version].first_year + 1
    passing = new_report("某局", year)
    cases: dict[str, tuple[AnnualReport, AnnualReport]] = {}
    targets = {
        "T3-BALANCE": ["applications.carried_forward.natural_person", "applications.carried_forward.total"],
        "T3-ROWSUM": ["applications.results.granted.total"],
        "T3-TOTAL": ["applications.results.total.commercial", "applications.results.total.total"],
        "T4-TOTAL": ["review_litigation.review.total"],
    }
    for rule_id, paths in targets.items():
        failing = passing
        for path in paths:
            failing = _break(failing, path)
        cases[rule_id] = (passing, failing)
    blank = replace_value(passing, "review_litigation.litigation_direct.total", BLANK)
    cases["BLANK-TOTAL"] = (passing, blank)
    cases["NOT-ASSESSABLE"] = (passing, replace_value(passing, "applications.results.granted.commercial", UNREAD))
    return cases


def _identity_ids(report: AnnualReport) -> list[str]:
    return [f.sub_id for f in validate(report, identities_only=True).findings]


def published_files() -> dict[str, str]:
    """``rules-<version>.json`` and ``conformance/<version>/<RULE>/{pass,fail,expected}.json`` for every format."""
    files: dict[str, str] = {}
    for version in FORMATS:
        files[f"rules-{version}.json"] = _text(rules_document(version))
        for rule_id, (passing, failing) in conformance_cases(version).items():
            base = f"conformance/{version}/{rule_id}"
            files[f"{base}/pass.json"] = dumps(passing)
            files[f"{base}/fail.json"] = dumps(failing)
            files[f"{base}/expected.json"] = _text(
                {"pass.json": _identity_ids(passing), "fail.json": _identity_ids(failing)}
            )
    return files


def rules_markdown() -> str:
    """docs/rules.md: the catalogue, generated from the rules data."""
    lines = [
        "# Rule catalogue",
        "",
        "Generated from the rules data by `disclosure-report rules --markdown` — do not edit; a test checks it is",
        "current. The same data is published as `schemas/rules-<version>.json` (format below).",
        "",
        "| id | severity | kind | what | source | years |",
        "|---|---|---|---|---|---|",
    ]
    for r in RULES:
        years = f"{r.since_year}–{r.until_year or ''}"
        lines.append(f"| `{r.id}` | {r.severity} | {r.kind} | {r.title_zh} ({r.title_en}) | {r.source} | {years} |")
    lines += ["", "## Messages", ""]
    for r in RULES:
        lines += [f"### `{r.id}` — {r.title_zh}", "", f"* zh: `{r.message_zh}`", f"* en: `{r.message_en}`"]
        if r.kind == "identity" and r.id != "BLANK-TOTAL":
            lines.append(f"* blank total: {r.blank_total}; blank part: {r.blank_part}")
        lines.append("")
    lines += ["## Identity instances", ""]
    for version in FORMATS:
        lines += [f"### Format {version}", "", "| sub-id | layout | lhs | rhs |", "|---|---|---|---|"]
        for i in identities(version):
            rhs = " + ".join(f"`{p}`" for p in i.rhs)
            lhs = " + ".join(f"`{p}`" for p in i.lhs)
            lines.append(f"| `{i.sub_id}` | {i.layout or 'any'} | {lhs} | {rhs} |")
        lines.append("")
    lines += [
        "## The published rules file",
        "",
        "`schemas/rules-<version>.json` holds: `rules_format` (1), `format`, `evaluation` (how to evaluate, in",
        "words), `layouts` (for each table with alternative layouts: layout key → a cell path present only in that",
        "layout), and `rules`: each with `id`, `severity`, `kind`, `evaluation` (`identity`: evaluable from the",
        "file alone; `code`: needs this library or an equivalent), `title` and `message` (zh/en templates with",
        "named parameters), `source`, `since_year`, `until_year`, and for identities `blank` (`total`, `part`)",
        "and `instances` (`sub_id`, `layout`, `lhs`, `rhs`, `total_side`, `label`).",
        "",
        "`schemas/conformance/<version>/<RULE>/` holds `pass.json`, `fail.json` and `expected.json` (the identity",
        "finding sub-ids each must give) so that a validator in another language can prove it agrees.",
        "",
    ]
    return "\n".join(lines)
