"""A document with a flood of problems gives a bounded error: at most 100 problems listed, the rest counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bounded import run_bounded
from disclosure_report import DocumentError, dumps, new_report, structure
from disclosure_report.cli import main
from disclosure_report.jsonio.convert import MAX_PROBLEMS


def _doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(new_report("某局", 2023)))
    return data


def test_unknown_keys_beyond_the_bound_are_counted_not_listed() -> None:
    data = _doc()
    data["meta"] |= {f"k{i}": 1 for i in range(250)}
    with pytest.raises(DocumentError) as info:
        structure(data)
    e = info.value
    assert len(e.problems) == MAX_PROBLEMS == 100
    assert (e.more, e.count) == (150, 250)
    assert e.problems[0].json_path == "$.meta.k0" and e.problems[-1].json_path == "$.meta.k99"
    lines = str(e).splitlines()
    assert lines[0] == "not a valid annual report document: 250 problems"
    assert lines[-1] == "  … and 200 more" and len(lines) == 52


def test_problems_from_many_places_share_one_bound() -> None:
    data = _doc()
    for row in data["applications"]["results"]["denied"].values():
        for column in row:
            row[column] = "x"
    data["overview"]["extra"] = [{"heading": 1, "text": 2}] * 80
    data["junk"] = 1
    with pytest.raises(DocumentError) as info:
        structure(data)
    e = info.value
    assert len(e.problems) == 100
    assert e.count == 8 * 7 + 80 * 2 + 1
    assert e.with_source("a.json").count == e.count


def test_a_few_problems_are_all_listed() -> None:
    data = _doc()
    data["meta"]["agency"] = 1
    with pytest.raises(DocumentError) as info:
        structure(data)
    assert (len(info.value.problems), info.value.more) == (1, 0)


def test_validate_prints_a_bounded_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _doc()
    data |= {f"k{i}": i for i in range(20_000)}
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "20000 problems" in err and "… and 19950 more" in err
    assert len(err.splitlines()) < 60


def test_a_million_unknown_keys_are_refused_in_bounded_time_and_memory() -> None:
    text = dumps(new_report("某局", 2023))
    code = f"""
from disclosure_report import DocumentError, loads
text = {text!r}
extra = ",".join(f'"k{{i}}": 1' for i in range(1_000_000))
try:
    loads(text.rstrip().rstrip("}}") + "," + extra + "}}")
except DocumentError as e:
    print(len(e.problems), e.more, len(str(e).splitlines()))
"""
    out, _ = run_bounded(code, seconds=60, megabytes=1024)
    assert out.split() == ["100", "999900", "52"]
