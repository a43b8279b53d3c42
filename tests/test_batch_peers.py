"""The benchmark's peer models, generated from the published schema, accept and refuse what ``loads`` does for the
shapes JSON Schema can state (so the benchmark compares like with like)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import msgspec
import pydantic
import pytest

from disclosure_report import DisclosureReportError, loads
from disclosure_report.examples import example_path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from peers import msgspec_struct, strict_pydantic  # noqa: E402

SCHEMA = json.loads((ROOT / "schemas" / "2021" / "report.schema.json").read_text(encoding="utf-8"))
TEXT = example_path("shuyang-county-gov-2025").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def peers() -> list[Any]:
    model = strict_pydantic(SCHEMA)
    decoder = msgspec.json.Decoder(msgspec_struct(SCHEMA))
    return [model.model_validate_json, decoder.decode]


def test_the_peers_read_the_example_to_the_same_figures(peers: list[Any]) -> None:
    ours = loads(TEXT)
    for parse in peers:
        theirs = parse(TEXT)
        assert theirs.applications.new.total == ours.applications.new.total == 713
        assert theirs.meta.published_on == ours.meta.published_on
        assert theirs.meta.agency == ours.meta.agency


@pytest.mark.parametrize(
    "change",
    [
        ('"total": 713', '"total": -713'),  # a count below 0
        ('"total": 713', '"total": "713"'),  # a count written as a string
        ('"format": "2021",', '"format": "2021", "extra": 1,'),  # an unknown member
        ('"total": 713', '"total": {"blank": "12"}'),  # a blank mark with digits
    ],
)
def test_the_peers_refuse_what_loads_refuses(peers: list[Any], change: tuple[str, str]) -> None:
    assert change[0] in TEXT
    bad = TEXT.replace(*change, 1)
    with pytest.raises(DisclosureReportError):
        loads(bad)
    for parse in peers:
        with pytest.raises((pydantic.ValidationError, msgspec.ValidationError)):
            parse(bad)
