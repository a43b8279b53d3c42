"""Readers on real published reports: every figure of ``tests/fixtures/expected.json``, and their defects."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from disclosure_report import BLANK, UNREAD, cell_values, get_format, load, validate
from disclosure_report.read import read

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"
EXPECTED = {e["file"]: e for e in json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))}

COLUMNS = {
    "natural_person": "natural_person",
    "commercial": "commercial",
    "research": "research",
    "social_welfare": "public_interest",
    "legal_service": "legal_services",
    "other": "other_org",
    "total": "total",
}
GROUPS = {"3": "denied", "4": "unable", "5": "not_processed", "6": "other"}


def _row_path(key: str, version: str) -> str:
    fixed = {
        "row1_new": "new",
        "row2_carried_in": "carried_over",
        "res1_granted": "results.granted",
        "res2_partial": "results.partially_granted",
        "res7_total": "results.total",
        "row4_carried_forward": "carried_forward",
        "res6_other": "results.other",
    }
    if key in fixed:
        return fixed[key]
    group, item = key[3], int(key[5])
    table = get_format(version).table("applications")
    rows = [r for r in table.rows if r.path[:2] == ("results", GROUPS[group])] or [
        r for alt in table.alternatives for r in alt.rows if r.path[:2] == ("results", GROUPS[group])
    ]
    return ".".join(rows[item - 1].path)


def _expected_cells(entry: dict[str, Any]) -> dict[str, Any]:
    version = entry["format_version"]
    out: dict[str, Any] = {}
    for row_key, columns in entry["table3_full"].items():
        for column, value in columns.items():
            out[f"applications.{_row_path(row_key, version)}.{COLUMNS[column]}"] = BLANK if value is None else value
    t4 = entry["table4"]
    for band, key in (
        ("review", "review"),
        ("litigation_direct", "direct_litigation"),
        ("litigation_after_review", "post_review_litigation"),
    ):
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), t4[key], strict=True):
            out[f"review_litigation.{band}.{column}"] = BLANK if value is None else value
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda n: n.split("/")[-1])
def test_every_figure_of_tables_3_and_4(name: str) -> None:
    result = read(FIXTURES / name)
    assert result.report.format == EXPECTED[name]["format_version"]
    assert result.report.meta.year == EXPECTED[name]["report_year"]
    got = cell_values(result.report)
    expected = _expected_cells(EXPECTED[name])
    assert {k: got[k] for k in expected} == expected


def test_seed_text_equals_the_hand_transcribed_example() -> None:
    result = read(FIXTURES / "real" / "panzhou-rural-revitalization-2023.txt")
    example = load(EXAMPLES / "panzhou-rural-revitalization-2023.json")
    assert result.warnings == ()
    assert cell_values(result.report) == cell_values(example)
    r = result.report
    assert r.meta.title == example.meta.title and r.meta.period == example.meta.period
    assert r.meta.contact == example.meta.contact
    assert r.overview == example.overview
    assert r.problems == example.problems
    assert r.other_matters == example.other_matters
    assert [f.sub_id for f in validate(r).findings] == ["LAYOUT-OTHER-ROWS"]


def test_ocr_markdown_with_split_tables_and_stray_header() -> None:
    result = read(FIXTURES / "real" / "shuyang-county-gov-2025.md")
    example = load(EXAMPLES / "shuyang-county-gov-2025.json")
    assert result.warnings == ()
    assert cell_values(result.report) == cell_values(example)
    assert result.report.meta.agency == "沐阳县人民政府"  # as printed (OCR for 沭阳)
    assert result.report.meta.published_on is not None and result.report.meta.published_on.isoformat() == "2026-01-23"
    assert result.report.other_matters.fees is not None and result.report.other_matters.fees.amount_yuan == 380
    assert validate(result.report).ok


def test_runs_without_separators_are_split_by_identities_never_guessed() -> None:
    result = read(FIXTURES / "real" / "pingtan-2021.txt")
    r = result.report
    t2 = EXPECTED["real/pingtan-2021.txt"]["table2"]
    assert (r.proactive.licensing.decisions, r.proactive.penalty.decisions) == (t2["licensing"], t2["punishment"])
    assert r.proactive.coercion.decisions == t2["coercion"]
    assert r.proactive.fees.amount == Decimal(t2["fees"])
    assert r.proactive.regulations.issued == 0
    assert r.proactive.normative_documents.issued == UNREAD  # "693665": ambiguous, left unread (never 0)
    warning = next(w for w in result.warnings if w.cell_path == "proactive.normative_documents.issued")
    assert "693665" in warning.message and "no identity decides" in warning.message
    decided = [w for w in result.warnings if "identities allow only" in w.message]
    assert len(decided) == 2
    assert validate(r).ok


def test_the_2019_html_page() -> None:
    result = read(FIXTURES / "real" / "shanghai-gov-office-2019.html")
    r = result.report
    assert r.format == "2019" and result.warnings == ()
    assert r.proactive.procurement.projects == 6
    assert (r.proactive.procurement.amount, r.proactive.procurement.amount_unit) == (Decimal(251000), "元")
    assert (r.proactive.regulations.new_made, r.proactive.regulations.total_published) == (13, 524)
    assert r.meta.published_on is not None and r.meta.published_on.isoformat() == "2020-01-31"
    example = load(EXAMPLES / "shanghai-gov-office-2019.json")
    assert cell_values(r) == cell_values(example)
    found = [f.sub_id for f in validate(r).findings]
    assert sum(1 for f in found if f.startswith("BLANK-TOTAL[applications.results.") and f.endswith(".total]")) == 19
    assert "PROSE-T3[unable]" in found and "PROSE-T3[granted_partial]" in found


def test_gbk_pages_and_tables_nested_in_layout_tables() -> None:
    page = (FIXTURES / "real" / "shanghai-gov-office-2019.html").read_text(encoding="utf-8")
    expected = cell_values(read(FIXTURES / "real" / "shanghai-gov-office-2019.html").report)
    declared = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>'
    gbk = (declared + page + "</body></html>").encode("gb18030")
    assert cell_values(read(gbk).report) == expected
    undeclared = page.encode("gb18030")  # no charset at all: not UTF-8, so GB18030
    assert cell_values(read(undeclared, format="html").report) == expected
    nested = f"<table><tr><td>导航</td><td>{page}</td></tr></table>".encode()
    assert cell_values(read(nested, format="html").report) == expected
