"""Rollups: sums of units equal the region; coverage; check mode; the aggregate command."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import (
    BLANK,
    UNREAD,
    AnnualReport,
    ApplicantRow,
    cell_values,
    dump,
    iter_cells,
    load,
    new_report,
    replace_value,
)
from disclosure_report.cli import main
from disclosure_report.corpus.rollup import AggregateError, aggregate, check_rollup

ROOT = Path(__file__).parent.parent
SHUYANG = load(ROOT / "examples" / "shuyang-county-gov-2025.json")


def partition(report: AnnualReport, k: int, seed: int) -> list[AnnualReport]:
    """``k`` unit reports whose cells add up to ``report``'s (money split exactly too)."""
    rng = random.Random(seed)
    units = [new_report(f"单位{i}", report.meta.year) for i in range(k)]
    values: list[dict[str, object]] = [{} for _ in range(k)]
    for cell, value in iter_cells(report):
        remaining = value
        for i in range(k - 1):
            part = rng.randint(0, int(remaining)) if isinstance(value, int) else type(value)(0)  # type: ignore[arg-type]
            values[i][cell.path] = part
            remaining = remaining - part  # type: ignore[operator]
        values[k - 1][cell.path] = remaining
    out = []
    for unit, cells in zip(units, values, strict=True):
        for path, v in cells.items():
            unit = replace_value(unit, path, v)
        out.append(unit)
    return out


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 5), st.integers(0, 10**6))
def test_units_sum_to_the_region(k: int, seed: int) -> None:
    units = partition(SHUYANG, k, seed)
    rollup = aggregate(units, agency="沭阳县人民政府")
    assert cell_values(rollup.report) == cell_values(SHUYANG)
    assert rollup.report.meta.scope == "region_aggregate"
    assert rollup.report.overview.intro == "" and rollup.coverage.complete
    differences, _ = check_rollup(SHUYANG, units)
    assert differences == []
    bumped = replace_value(units[0], "review_litigation.review.pending", units[0].review_litigation.review.pending + 1)
    differences, _ = check_rollup(SHUYANG, [bumped, *units[1:]])
    assert [d.cell_path for d in differences] == ["review_litigation.review.pending"]


def test_coverage_missing_duplicated_other_year() -> None:
    units = partition(SHUYANG, 2, 1)
    stray = new_report("单位9", 2024)
    rollup = aggregate([*units, stray], agency="县", expected_units=["单位0", "单位 1", "单位2"])
    c = rollup.coverage
    assert c.missing == ("单位2",) and c.other_year == (("单位9", 2024),) and not c.complete
    with pytest.raises(AggregateError, match="more than one report"):
        aggregate([units[0], units[0]], agency="县")
    assert aggregate([units[0], units[0]], agency="县", on_duplicate="first").coverage.duplicated == ("单位0",)


def test_a_blank_unit_cell_is_not_zero() -> None:
    a, b = new_report("甲", 2023), new_report("乙", 2023)
    a = replace_value(a, "applications.new.natural_person", 3)
    b = replace_value(b, "applications.new.natural_person", BLANK)
    rollup = aggregate([a, b], agency="区")
    assert rollup.report.applications.new.natural_person == BLANK
    assert rollup.coverage.blanks == (("乙", "applications.new.natural_person"),)
    zeroed = aggregate([a, b], agency="区", blank_as_zero=True)
    assert zeroed.report.applications.new.natural_person == 3
    assert zeroed.coverage.zeroed == (("乙", "applications.new.natural_person"),)


def test_an_unread_unit_cell_makes_the_sum_unread_even_with_blanks_as_zero() -> None:
    a, b = new_report("甲", 2023), new_report("乙", 2023)
    a = replace_value(a, "applications.new.natural_person", 3)
    b = replace_value(b, "applications.new.natural_person", UNREAD)
    for blank_as_zero in (False, True):
        rollup = aggregate([a, b], agency="区", blank_as_zero=blank_as_zero)
        assert rollup.report.applications.new.natural_person == UNREAD
        assert rollup.coverage.unread == (("乙", "applications.new.natural_person"),)
        assert not rollup.coverage.complete


def test_mixed_layouts_sum_into_the_single_other_row() -> None:
    a = replace_value(new_report("甲", 2023), "applications.results.other.unpaid_fee.natural_person", 2)
    b = replace_value(new_report("乙", 2023), "applications.results.other", ApplicantRow(natural_person=5))
    rollup = aggregate([a, b], agency="区")
    assert rollup.report.applications.results.other == ApplicantRow(natural_person=7)
    assert rollup.coverage.layout is not None


def test_formats_must_agree() -> None:
    with pytest.raises(AggregateError, match="different format versions"):
        old_format = replace_value(load(ROOT / "examples" / "shanghai-gov-office-2019.json"), "meta.year", 2023)
        aggregate([new_report("甲", 2023), old_format], agency="区")


def test_aggregate_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    for unit in partition(SHUYANG, 3, 7):
        dump(unit, folder / f"{unit.meta.agency}.json")
    out = tmp_path / "rollup.json"
    assert (
        main(
            [
                "aggregate",
                str(folder),
                "--agency",
                "沭阳县人民政府",
                "--expect",
                "单位0,单位1,单位2,单位3",
                "-o",
                str(out),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert "missing (not counted as zero): 单位3" in text
    assert cell_values(load(out)) == cell_values(SHUYANG)
    published = tmp_path / "published.json"
    dump(replace_value(SHUYANG, "applications.new.total", 714), published)
    assert main(["aggregate", str(folder), "--check", str(published)]) == 1
    assert "applications.new.total" in capsys.readouterr().out


def test_the_aggregate_command_says_what_unread_unit_cells_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = replace_value(new_report("甲", 2023), "applications.new.natural_person", UNREAD)
    dump(a, tmp_path / "a.json")
    dump(new_report("乙", 2023), tmp_path / "b.json")
    main(["aggregate", str(tmp_path), "--agency", "区", "-o", str(tmp_path / "out.json"), "--lang", "en"])
    out = capsys.readouterr()
    assert "unread unit cells made 1 summed cell unread" in out.out + out.err
