"""The fast path of loads: same reports as the strict path, and a duplicate key anywhere is still refused."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, DocumentError, dumps, load, loads, structure
from disclosure_report.convert import parse_json
from disclosure_report.convert_fast import try_loads
from disclosure_report.examples import example_names, example_path
from strategies import reports


@pytest.mark.parametrize("name", example_names())
def test_examples_take_the_fast_path(name: str) -> None:
    text = example_path(name).read_text(encoding="utf-8")
    fast = try_loads(text)
    assert fast is not None
    assert fast == structure(parse_json(text)) == load(example_path(name))


@settings(max_examples=150, deadline=None)
@given(reports())
def test_fast_and_strict_paths_build_the_same_report(report: AnnualReport) -> None:
    text = dumps(report)
    assert try_loads(text) == report == structure(parse_json(text))


def _objects(text: str) -> list[int]:
    """Offsets just after every ``{`` that opens a non-empty object (outside strings) in canonical JSON."""
    return [m.end() for m in re.finditer(r'\{\n\s*"', text)]


@settings(max_examples=100, deadline=None)
@given(reports(), st.data())
def test_a_duplicate_key_anywhere_is_refused(report: AnnualReport, data: st.DataObject) -> None:
    text = dumps(report)
    at = data.draw(st.sampled_from(_objects(text)))
    # repeat the object's first member (with the same value or another) right after it
    key = text[at:].split('"', 1)[0]
    value = data.draw(st.sampled_from(['"x"', "0", "null", "{}"]))
    doubled = text[: at - 1] + f'"{key}": {value}, ' + text[at - 1 :]
    assert try_loads(doubled) is None
    with pytest.raises(DocumentError) as info:
        loads(doubled)
    assert info.value.problems[0].found == f'the key "{key}" twice in one object'


@pytest.mark.parametrize(
    ("key", "written_twice"),
    [
        ("natural_person", '"natural_person": 0, "natural_person": '),  # the same value again
        ("preamble", '"pre\\u0061mble": "", "preamble": '),  # the key written with an escape
    ],
)
def test_duplicates_the_parsed_data_cannot_show_are_refused(key: str, written_twice: str) -> None:
    text = dumps(load(example_path("panzhou-rural-revitalization-2023")))
    doubled = text.replace(f'"{key}": ', written_twice, 1)
    assert try_loads(doubled) is None
    with pytest.raises(DocumentError, match=f'the key "{key}" twice'):
        loads(doubled)


@pytest.mark.parametrize(
    "narrative",
    ["门户网站：http://www.gov.cn:8080/xxgk", "时间 9:00—17:00", ":", "::::", "a\\u003ab", '引号\\":\\"里'],
)
def test_colons_inside_strings_are_counted(narrative: str) -> None:
    data = json.loads(dumps(load(example_path("panzhou-rural-revitalization-2023"))))
    text = json.dumps(data, ensure_ascii=False).replace('"preamble": "', f'"preamble": "{narrative}', 1)
    report = loads(text)
    assert report.preamble.startswith(json.loads(f'"{narrative}"'))
    if "\\u003a" not in narrative:  # a colon written as an escape is not in the text: the strict path decides
        assert try_loads(text) == report


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["applications"]["new"].update(total="12"),
        lambda d: d["applications"]["new"].update(total={"blank": "12"}),
        lambda d: d["meta"].update(year=1999),
        lambda d: d["meta"].update(period={"start": "2023-12-31", "end": "2023-01-01"}),
        lambda d: d["overview"].update(extra=[{"heading": 1, "text": ""}]),
        lambda d: d.update(unknown=1),
        lambda d: d.pop("closing"),
    ],
)
def test_invalid_documents_get_the_strict_paths_errors(change: object) -> None:
    data = json.loads(dumps(load(example_path("panzhou-rural-revitalization-2023"))))
    change(data)  # type: ignore[operator]
    text = json.dumps(data, ensure_ascii=False)
    assert try_loads(text) is None
    with pytest.raises(DocumentError) as fast:
        loads(text)
    with pytest.raises(DocumentError) as strict:
        structure(parse_json(text))
    assert fast.value.problems == strict.value.problems
