"""Bad JSON input gives located errors — every problem, with its JSON path and cell path — never a traceback."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from disclosure_report import DocumentError, dumps, load, loads, new_report, structure, unstructure
from disclosure_report.jsonio.convert import parse_json

EXAMPLES = Path(__file__).parent.parent / "examples"


def _doc() -> dict[str, Any]:
    data: dict[str, Any] = parse_json(dumps(new_report("某局", 2023)))
    return data


def _problems(data: Any) -> dict[str, str]:
    with pytest.raises(DocumentError) as info:
        structure(data)
    return {p.json_path: f"expected {p.expected}, found {p.found}" for p in info.value.problems}


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("12", '"12" (a string)'),
        (Decimal("3.9"), "3.9 (a decimal number)"),
        (True, "true (a boolean)"),
        (None, "null"),
        (-1, "-1"),
        ([1], "an array"),
        ({"value": 1}, "an object"),
    ],
)
def test_wrong_count_values_are_located(value: object, found: str) -> None:
    data = _doc()
    data["applications"]["results"]["denied"]["state_secret"]["natural_person"] = value
    with pytest.raises(DocumentError) as info:
        structure(data)
    (p,) = info.value.problems
    assert p.json_path == "$.applications.results.denied.state_secret.natural_person"
    assert p.cell_path == "applications.results.denied.state_secret.natural_person"
    assert p.label == "三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 申请人情况 › 自然人"
    assert p.found == found
    assert p.expected.startswith("a whole number ≥ 0")


def test_integral_decimals_are_counts_as_in_json_schema() -> None:
    data = _doc()
    data["applications"]["new"]["total"] = Decimal("12.0")
    assert structure(data).applications.new.total == 12


def test_float_money_is_refused_with_advice() -> None:
    data = _doc()
    data["proactive"]["fees"]["amount"] = 4068.208
    problems = _problems(data)
    assert "a float cannot hold money exactly" in problems["$.proactive.fees.amount"]


def test_money_is_read_exactly_from_json_text() -> None:
    text = dumps(new_report("某局", 2023)).replace('"amount": 0', '"amount": 24252.311082')
    report = loads(text)
    assert report.proactive.fees.amount == Decimal("24252.311082")
    assert '"amount": 24252.311082' in dumps(report)


def test_unknown_and_missing_keys_are_all_reported() -> None:
    data = _doc()
    data["meta"]["agnecy"] = data["meta"].pop("agency")
    data["applications"]["new"]["totl"] = 1
    del data["review_litigation"]["review"]
    data["overview"]["proactive"] = 221
    problems = _problems(data)
    assert problems == {
        "$.meta.agency": "expected this key (it is required), found nothing",
        "$.meta.agnecy": "expected no such key here (the keys are: agency, year, title, published_on, period, "
        "scope, contact), found this key",
        "$.applications.new.totl": "expected no such key here (the keys are: natural_person, commercial, research, "
        "public_interest, legal_services, other_org, total), found this key",
        "$.review_litigation.review": "expected this key (it is required), found nothing",
        "$.overview.proactive": "expected a string, found 221",
    }


def test_blank_cells_are_explicit_objects() -> None:
    data = _doc()
    data["applications"]["new"]["total"] = {"blank": "-"}
    data["applications"]["new"]["research"] = {"blank": "12"}
    data["applications"]["new"]["commercial"] = {"blank": "", "x": 1}
    problems = _problems(data)
    assert set(problems) == {"$.applications.new.research.blank", "$.applications.new.commercial"}
    del data["applications"]["new"]["research"], data["applications"]["new"]["commercial"]
    data["applications"]["new"]["research"] = {"blank": "无"}
    data["applications"]["new"]["commercial"] = 0
    report = structure(data)
    assert str(report.applications.new.total) == "-"
    assert unstructure(report)["applications"]["new"]["research"] == {"blank": "无"}


def test_a_bad_blank_names_its_cell_and_printed_labels() -> None:
    data = _doc()
    data["applications"]["new"]["research"] = {"blank": "12"}
    data["proactive"]["fees"]["amount"] = {"blank": "一二三四五六七八九十一二三四五六七"}
    with pytest.raises(DocumentError) as info:
        structure(data)
    research, fees = sorted(info.value.problems, key=lambda p: p.json_path)
    assert research.json_path == "$.applications.new.research.blank"
    assert research.cell_path == "applications.new.research"
    assert research.label == "一、本年新收政府信息公开申请数量 › 申请人情况 › 法人或其他组织 › 科研机构"
    assert research.message == (
        f"$.applications.new.research.blank ({research.label}): "
        "expected what the source printed in place of a number: a string of at most 16 characters with no digits, "
        'found "12" (a string)'
    )
    assert (fees.cell_path, fees.label) == (
        "proactive.fees.amount",
        "第二十条第（八）项 › 行政事业性收费 › 本年收费金额（单位：万元）",
    )


def test_format_version_is_checked_first() -> None:
    assert _problems({"format": "2018"}) == {
        "$.format": 'expected a supported format version ("2021", "2019"), found "2018" (a string)'
    }
    assert set(_problems({"meta": {}})) == {"$.format"}
    assert _problems([]) == {"$": "expected an object (an annual report document), found an array"}


@pytest.mark.parametrize("written, found", [([], "an array"), ({}, "an object"), (2021, "2021")])
def test_a_format_written_as_another_kind_of_value_is_a_located_problem(written: object, found: str) -> None:
    """A list or an object cannot even be looked up among the versions: still a located problem, not a TypeError."""
    assert _problems({"format": written, "meta": {}}) == {
        "$.format": f'expected a supported format version ("2021", "2019"), found {found}'
    }


def test_dates_and_enums() -> None:
    data = _doc()
    data["meta"]["published_on"] = "2024/01/31"
    data["meta"]["period"]["end"] = "2023-02-30"
    data["meta"]["scope"] = "county"
    data["meta"]["year"] = 1800
    problems = _problems(data)
    assert problems["$.meta.published_on"] == 'expected a date written YYYY-MM-DD, found "2024/01/31" (a string)'
    assert problems["$.meta.period.end"] == 'expected a date written YYYY-MM-DD, found "2023-02-30" (a string)'
    assert problems["$.meta.scope"].startswith('expected one of "agency", "government_own", "region_aggregate"')


def test_constructor_checks_are_located_too() -> None:
    data = _doc()
    data["meta"]["year"] = 1800
    assert _problems(data) == {"$.meta.year": "expected a year from 2000 to 2999, found 1800"}
    data = _doc()
    data["meta"]["period"] = {"start": "2023-12-31", "end": "2023-01-01"}
    assert _problems(data) == {"$.meta.period.end": "expected a date not before the start 2023-12-31, found 2023-01-01"}


def test_json_syntax_error_names_line_and_column() -> None:
    with pytest.raises(DocumentError) as info:
        loads('{\n  "format": "2021",\n  "meta": {,}\n}', source="bad.json")
    (p,) = info.value.problems
    assert (p.line, p.column) == (3, 12)
    assert str(info.value).startswith("bad.json: not a valid annual report document: line 3, column 12")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('{"format": "2021", "format": "2021"}', 'the key "format" twice in one object'),
        ('{"format": NaN}', "NaN is not a number JSON allows"),
        (b'{"format": "\xff"}', "a byte that is not UTF-8 at offset 12"),
    ],
)
def test_json_text_problems(text: str | bytes, found: str) -> None:
    with pytest.raises(DocumentError) as info:
        loads(text)
    assert info.value.problems[0].found == found


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    data = _doc()
    data["applications"]["new"]["total"] = "7"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"^.*r\.json: not a valid annual report document: \$\.applications"):
        load(path)
    with pytest.raises(DocumentError, match="a readable file"):
        load(tmp_path / "missing.json")


def test_many_problems_are_all_reported() -> None:
    data = _doc()
    for key in data["applications"]["new"]:
        data["applications"]["new"][key] = "x"
    with pytest.raises(DocumentError) as info:
        structure(data)
    assert len(info.value.problems) == 7
    assert "7 problems" in str(info.value)


def test_examples_load_and_are_canonical() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert dumps(load(path)) == text, path.name


def test_bundled_examples_equal_the_repository_examples() -> None:
    bundled = Path(__file__).parent.parent / "src" / "disclosure_report" / "data"
    names = sorted(p.name for p in EXAMPLES.glob("*.json"))
    assert names == sorted(p.name for p in bundled.glob("*.json"))
    for name in names:
        assert (bundled / name).read_bytes() == (EXAMPLES / name).read_bytes()
