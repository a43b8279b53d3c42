"""The identity engine's two ways agree: the generated screen with findings made from prepared parts (reports whose
cells all hold numbers) and the careful evaluation of every instance (which also knows blanks and unread cells)."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, iter_cells, replace_value, with_totals
from disclosure_report.rules.engine import _evaluate, _screen, compiled, evaluate_identities, layout_of
from strategies import reports


def _with_numbers(report: AnnualReport, seed: int) -> AnnualReport:
    """The report with every cell a number (some consistent totals, some off)."""
    rng = random.Random(seed)
    for cell, value in list(iter_cells(report)):
        if not isinstance(value, (int, Decimal)):
            number = rng.randrange(0, 50)
            report = replace_value(report, cell.path, Decimal(number) if cell.kind == "money" else number)
    return with_totals(report) if rng.random() < 0.5 else report


@settings(max_examples=40, deadline=None)
@given(reports(), st.integers(0, 10**6), st.sampled_from([frozenset(), frozenset({"T3-ROWSUM"})]))
def test_the_screen_and_the_careful_evaluation_find_the_same(
    report: AnnualReport, seed: int, disabled: frozenset[str]
) -> None:
    report = _with_numbers(report, seed)
    assert _screen(report.format, layout_of(report))(report) is not None  # the screen decides
    fast = evaluate_identities(report, disabled)
    careful = _evaluate(report, compiled(report.format, layout_of(report)), disabled)
    assert [f.to_dict() for f in fast] == [f.to_dict() for f in careful]
    assert [(f.templates, f.params, f.agency, f.year) for f in fast] == [
        (f.templates, f.params, f.agency, f.year) for f in careful
    ]
