"""Round trips through JSON, property-tested over generated reports (issue 2's done-criteria)."""

from __future__ import annotations

from hypothesis import given, settings

from disclosure_report import AnnualReport, dumps, loads, structure, unstructure
from disclosure_report.jsonio.convert import parse_json
from strategies import reports


@settings(max_examples=150, deadline=None)
@given(reports(unread=True))
def test_report_to_json_to_report_is_equal(report: AnnualReport) -> None:
    """Blanks and unread cells too: each keeps its state (an unread cell is {"unread": true}, never 0 or blank)."""
    assert loads(dumps(report)) == report


def test_unread_is_its_own_state_in_json() -> None:
    from disclosure_report import BLANK, UNREAD, new_report, replace_value

    report = replace_value(new_report("某局", 2023), "applications.new.natural_person", UNREAD)
    report = replace_value(report, "applications.new.commercial", BLANK)
    data = unstructure(report)["applications"]["new"]
    assert (data["natural_person"], data["commercial"], data["research"]) == ({"unread": True}, {"blank": ""}, 0)
    assert loads(dumps(report)).applications.new.natural_person == UNREAD


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
