"""Every regex that sees document text runs in linear time: the public text functions on 100 000 characters of
their worst shapes each finish well within a second or two (the old patterns took 20 s and more: 40 000 × 一 in
find_period, 28 digits and a letter in extract_counts, 受理 and spaces in the prose check).

The fixed-shape test runs in a child process with a timeout (an exponential regression would otherwise hang the
suite) and takes about 10 s for all functions together: 100 000 characters is the point of it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bounded import run_bounded
from disclosure_report import new_report, validate, zh
from disclosure_report.errors import DisclosureReportError
from disclosure_report.published.fee_statement import stated_fees
from disclosure_report.read.markdown import MarkdownReader
from disclosure_report.read.text import TextReader

N = 100_000
UNITS = [
    "一", "1", " ", "\u3000", "1,", ".1", "-", "2023年", "2023年1月1日 ", "1月1日至", "万", "二〇二三", "（一",
    "1件", "壹佰", "信息处理费1", "收取1", "受理", "1件结转", "电话:", "| 1 ", "\\",
]  # fmt: skip
"""Repeated to 100 000 characters and followed by a letter; after a letter and before 件; or once before 100 000
spaces (the families of every slow pattern found so far)."""

FUNCTIONS = [
    "extract_counts", "find_dates", "find_period", "parse_date", "parse_period", "parse_int", "parse_amount",
    "parse_amount_capitals", "parse_numbering", "stated_fees", "text_reader", "markdown_reader", "validate",
]  # fmt: skip


RISKY = "一二十百万亿零〇1,. \u3000年月日至号件元第（）、受理结转信息处理费x-|#"
"""Characters the text patterns give a meaning to, for repeated shapes hypothesis builds."""


def _function(name: str) -> Callable[[str], Any]:
    if name == "stated_fees":
        return stated_fees
    if name in ("text_reader", "markdown_reader"):
        reader = TextReader() if name == "text_reader" else MarkdownReader()

        def read(text: str) -> Any:
            page = f"某局2023年政府信息公开工作年度报告\n一、总体情况\n{text}\n二、主动公开政府信息情况\n{text}"
            return reader.read(page.encode())

        return read
    if name == "validate":
        base = new_report("某局", 2023)

        def check(text: str) -> Any:
            overview = attrs.evolve(base.overview, intro=text)
            other = attrs.evolve(base.other_matters, text=text)
            return validate(attrs.evolve(base, overview=overview, other_matters=other))

        return check
    function: Callable[[str], Any] = getattr(zh, name)
    return function


def _shapes(units: list[str], n: int) -> list[str]:
    out: list[str] = []
    for unit in units:
        body = unit * (n // len(unit))
        out += [body + "x", "x" + body + "件", unit + " " * n]
    return out


def worst_time(name: str, units: list[str], n: int = N) -> tuple[float, str]:
    """The longest call of the function ``name`` over the shapes, and the shape's start."""
    function = _function(name)
    worst = (0.0, "")
    for text in _shapes(units, n):
        start = time.perf_counter()
        try:
            function(text)
        except (DisclosureReportError, ValueError):
            pass
        took = time.perf_counter() - start
        worst = max(worst, (took, text[:12]))
    return worst


def test_every_public_text_function_is_linear_on_its_worst_shapes() -> None:
    code = """
import json
from test_hostile_text import FUNCTIONS, UNITS, worst_time
print(json.dumps({name: worst_time(name, UNITS) for name in FUNCTIONS}))
"""
    out, _ = run_bounded(code, seconds=240, megabytes=1024, path=__file__)
    times = json.loads(out)
    slow = {name: t for name, t in times.items() if t[0] > 2.0}
    assert not slow, slow


@pytest.mark.parametrize("text", ["1" * 28 + "x", "1" * 2000 + "x", "一" * 40_000], ids=["28", "2000", "40k-yi"])
def test_the_shapes_that_took_seconds_now_take_milliseconds(text: str) -> None:
    start = time.perf_counter()
    assert zh.extract_counts(text) == []
    assert zh.find_period("统计期限" + text) is None
    assert time.perf_counter() - start < 1.0


@settings(max_examples=30, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    unit=st.text(alphabet=st.sampled_from(list(RISKY)), min_size=1, max_size=6),
    name=st.sampled_from(FUNCTIONS),
)
def test_any_repeated_shape_is_read_in_linear_time(unit: str, name: str) -> None:
    took, _ = worst_time(name, [unit], n=20_000)
    assert took < 2.0
