"""Hostile web pages: the rowspan/colspan budget is one for the whole page, and reading stays bounded."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import run_bounded
from disclosure_report.read.base import ReadError
from disclosure_report.read.html import MAX_GRID, HtmlReader

SPAN_BOMB = "<html><body>" + '<table><tr><td colspan="1000" rowspan="199">x</td></tr></table>' * 200 + "</body></html>"
WIDE_THEN_EMPTY = (
    "<html><body><table><tr>"
    + '<td colspan="1000">x</td>' * 20
    + "</tr>"
    + "<tr></tr>" * 10_000
    + "<tr><td>y</td></tr></table></body></html>"
)


@pytest.mark.parametrize("page", [SPAN_BOMB, WIDE_THEN_EMPTY], ids=["200-span-tables", "wide-row-empty-rows"])
def test_a_page_expanding_beyond_the_grid_budget_is_refused(page: str) -> None:
    with pytest.raises(ReadError, match=f"more than {MAX_GRID} cells") as info:
        HtmlReader().read(page.encode(), source="bomb.html")
    assert str(info.value).startswith("bomb.html: ")


def test_many_small_tables_share_one_budget() -> None:
    page = "<html><body>" + '<table><tr><td colspan="1000">x</td></tr></table>' * 201 + "</body></html>"
    with pytest.raises(ReadError, match="by table 201"):
        HtmlReader().read(page.encode())


@pytest.mark.parametrize("page", [SPAN_BOMB, WIDE_THEN_EMPTY], ids=["200-span-tables", "wide-row-empty-rows"])
def test_span_bombs_are_refused_in_bounded_time_and_memory(page: str) -> None:
    assert len(page) < 100_000
    code = f"""
from disclosure_report.read.base import ReadError
from disclosure_report.read.html import HtmlReader
try:
    HtmlReader().read({page!r}.encode())
except ReadError as e:
    print("refused")
"""
    out, elapsed = run_bounded(code, seconds=10, megabytes=600)
    assert out.strip() == "refused"
    assert elapsed < 10


_SPANS = st.lists(
    st.lists(st.tuples(st.integers(1, 1000), st.integers(1, 1000)), min_size=1, max_size=4), min_size=1, max_size=30
)


@settings(max_examples=40, deadline=None)
@given(tables=_SPANS, empty_rows=st.integers(0, 3000))
def test_any_span_layout_is_read_or_refused_quickly(tables: list[list[tuple[int, int]]], empty_rows: int) -> None:
    page = "".join(
        "<table><tr>" + "".join(f'<td rowspan="{r}" colspan="{c}">x</td>' for r, c in row) + "</tr>"
        + "<tr></tr>" * empty_rows + "<tr><td>y</td></tr></table>"
        for row in tables
    )  # fmt: skip
    start = time.perf_counter()
    try:
        HtmlReader().read(f"<html><body>{page}</body></html>".encode())
    except ReadError:
        pass
    assert time.perf_counter() - start < 5.0
