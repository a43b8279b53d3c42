"""The model: its fields follow the declaration; its values are checked; authors' helpers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from disclosure_report import (
    BLANK,
    AnnualReport,
    ApplicantRow,
    Blank,
    FieldValueError,
    Meta,
    Period,
    blank_totals,
    cell_values,
    get_format,
    get_value,
    iter_cells,
    new_report,
    replace_value,
    with_totals,
)
from disclosure_report.model import FeeAmount, FeeCollection, OtherOutcomes
from disclosure_report.model.cells import cell_kind

FMT = get_format("2021")


def _leaf_paths(cls: type, prefix: str = "") -> list[str]:
    out = []
    for f in attrs.fields(cls):
        if cell_kind(f) is not None:
            out.append(prefix + f.name)
        else:
            default = f.default.factory() if isinstance(f.default, attrs.Factory) else f.default  # type: ignore[misc]
            if attrs.has(type(default)):
                out += _leaf_paths(type(default), prefix + f.name + ".")
    return out


def test_model_cells_are_exactly_the_declared_cells_in_order() -> None:
    report = new_report("某局", 2023)
    model_paths = [p for t in FMT.tables for p in _leaf_paths(type(getattr(report, t.key)), t.key + ".")]
    assert model_paths == [c.path for c in FMT.cells()]


def test_model_cell_kinds_follow_the_declaration() -> None:
    report = new_report("某局", 2023)
    for cell, value in iter_cells(report):
        assert (type(value) is Decimal) == (cell.kind == "money"), cell.path


def test_row_classes_follow_column_sets() -> None:
    report = new_report("某局", 2023)
    for table in FMT.tables:
        for row in table.rows:
            obj = get_value(report, ".".join((table.key, *row.path)))
            assert [f.name for f in attrs.fields(type(obj))] == list(row.columns.keys), row.path


def test_new_report_is_empty_and_dated() -> None:
    r = new_report("盘州市乡村振兴局", 2023, scope="agency")
    assert r.format == "2021"
    assert r.meta.period == Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert r.meta.scope == "agency"
    assert set(cell_values(r).values()) == {0}


def test_new_report_rejects_years_without_a_format() -> None:
    with pytest.raises(ValueError, match="pre-date"):
        new_report("某局", 2017)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: ApplicantRow(natural_person=-1), "a whole number ≥ 0"),
        (lambda: ApplicantRow(natural_person=True), "true"),
        (lambda: ApplicantRow(natural_person="3"), '"3" (a string)'),
        (lambda: ApplicantRow(natural_person=3.0), "3.0 (a float)"),
        (lambda: FeeAmount(amount=1.5), "1.5 (a float)"),
        (lambda: FeeAmount(amount=Decimal("-1")), "-1"),
        (lambda: FeeAmount(amount=Decimal("NaN")), "NaN"),
        (lambda: Blank("12"), "no digits"),
        (lambda: Meta(agency="某局", year=1800), "a year from 2000"),
        (lambda: Period(dt.date(2023, 12, 31), dt.date(2023, 1, 1)), "not before the start"),
        (lambda: FeeCollection(collected=True, cases=-2), "a whole number ≥ 0"),
        (lambda: Meta(agency="某局", year=2023, scope="county"), '"agency"'),
    ],
)
def test_bad_values_are_refused_at_construction(make: Any, expected: str) -> None:
    with pytest.raises(FieldValueError) as info:
        make()
    assert expected in str(info.value)


def test_blank_is_not_zero() -> None:
    row = ApplicantRow(total=BLANK)
    assert row.total == Blank("") and row.total != 0
    assert repr(Blank("-")) == "Blank('-')"


def test_replace_value_and_get_value() -> None:
    r = replace_value(new_report("某局", 2023), "applications.results.denied.state_secret.research", 4)
    assert get_value(r, "applications.results.denied.state_secret.research") == 4
    with pytest.raises(KeyError, match="has no part 'nope'"):
        get_value(r, "applications.nope.total")


def test_with_totals_fills_row_and_column_totals() -> None:
    r = new_report("某局", 2023)
    r = replace_value(r, "applications.results.granted.natural_person", 5)
    r = replace_value(r, "applications.results.granted.commercial", 2)
    r = replace_value(r, "applications.results.other.unpaid_fee.research", 1)
    r = replace_value(r, "review_litigation.review.upheld", 3)
    r = replace_value(r, "review_litigation.review.total", BLANK)
    done = with_totals(r)
    assert done.applications.results.granted.total == 7
    assert done.applications.results.total == ApplicantRow(5, 2, 1, 0, 0, 0, 8)
    assert done.review_litigation.review.total == 3
    assert blank_totals(r) == ["review_litigation.review.total"]
    assert blank_totals(done) == []


def test_with_totals_leaves_a_total_with_an_unread_part_unread() -> None:
    from disclosure_report import UNREAD

    r = replace_value(new_report("某局", 2023), "applications.results.granted.natural_person", UNREAD)
    r = replace_value(r, "applications.results.granted.commercial", 2)
    done = with_totals(r)
    assert done.applications.results.granted.total == UNREAD  # never 2, never 0
    assert done.applications.results.total.natural_person == UNREAD
    assert done.applications.results.total.commercial == 2


def test_with_totals_follows_the_single_other_row_layout() -> None:
    r = new_report("某局", 2023)
    results = attrs.evolve(r.applications.results, other=ApplicantRow(natural_person=2))
    r = attrs.evolve(r, applications=attrs.evolve(r.applications, results=results))
    done = with_totals(r)
    assert done.applications.results.other == ApplicantRow(natural_person=2, total=2)
    assert done.applications.results.total.total == 2
    paths = [c.path for c, _ in iter_cells(done)]
    assert "applications.results.other.natural_person" in paths
    assert len(paths) == 10 + 23 * 7 + 15


def test_report_is_frozen_and_hashable() -> None:
    r = new_report("某局", 2023)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.meta = r.meta  # type: ignore[misc]
    assert hash(r) == hash(new_report("某局", 2023))
    assert isinstance(r.applications.results.other, OtherOutcomes)
    assert isinstance(r, AnnualReport)
