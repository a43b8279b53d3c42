"""Round trips through JSON, property-tested over generated reports (issue 2's done-criteria)."""

from __future__ import annotations

from hypothesis import given, settings

from disclosure_report import AnnualReport, dumps, loads, structure, unstructure
from disclosure_report.convert import parse_json
from strategies import reports


@settings(max_examples=150, deadline=None)
@given(reports())
def test_report_to_json_to_report_is_equal(report: AnnualReport) -> None:
    assert loads(dumps(report)) == report


@settings(max_examples=150, deadline=None)
@given(reports())
def test_json_to_report_to_json_is_byte_stable(report: AnnualReport) -> None:
    text = dumps(report)
    assert dumps(loads(text)) == text
    assert dumps(loads(text.encode("utf-8"))) == text


@settings(max_examples=100, deadline=None)
@given(reports())
def test_unstructure_structure_round_trip(report: AnnualReport) -> None:
    data = unstructure(report)
    assert structure(data) == report
    assert structure(parse_json(dumps(report))) == report
