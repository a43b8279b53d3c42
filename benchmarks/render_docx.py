"""The Word file's render time against the web page's, for the same report, side by side.

    python benchmarks/render_docx.py [--rounds 15] [--docx 5] [--html 50]

Each round renders every bundled example as a Word file (``--docx`` times) and as a web page (``--html`` times),
one right after the other, so both see the same load on the machine; the ratio is taken per round and the median
and the spread (lowest–highest, and the middle half) over the rounds are printed. Target: the Word file takes at
most 50 × the time of the page. Numbers go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from disclosure_report import AnnualReport, load
from disclosure_report.examples import example_path
from disclosure_report.render import get_renderer

EXAMPLES = ("shuyang-county-gov-2025", "panzhou-rural-revitalization-2023", "shanghai-gov-office-2019")
TARGET = 50.0


def seconds_per_call(step: Callable[[], Any], times: int) -> float:
    start = time.perf_counter()
    for _ in range(times):
        step()
    return (time.perf_counter() - start) / times


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    if len(ordered) >= 4:
        q1, _, q3 = statistics.quantiles(ordered, n=4)
        middle = f", middle half {q1:.1f}–{q3:.1f}"
    else:
        middle = ""
    return f"median {statistics.median(ordered):.1f} (lowest {ordered[0]:.1f}, highest {ordered[-1]:.1f}{middle})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--docx", type=int, default=5, help="Word renders per report and round")
    parser.add_argument("--html", type=int, default=50, help="page renders per report and round")
    args = parser.parse_args()
    reports: dict[str, AnnualReport] = {name: load(example_path(name)) for name in EXAMPLES}
    docx, html = get_renderer("docx"), get_renderer("html")
    for report in reports.values():  # warm up: templates and grids are made once per process
        docx.render(report)
        html.render(report)
    ratios: list[float] = []
    docx_ms: list[float] = []
    html_ms: list[float] = []
    for _ in range(args.rounds):
        d = sum(seconds_per_call(lambda r=r: docx.render(r), args.docx) for r in reports.values())
        h = sum(seconds_per_call(lambda r=r: html.render(r), args.html) for r in reports.values())
        docx_ms.append(d / len(reports) * 1000)
        html_ms.append(h / len(reports) * 1000)
        ratios.append(d / h)
    print(f"{len(reports)} reports, {args.rounds} rounds, {args.docx} Word and {args.html} page renders each")
    print(f"docx ms per report   {spread(docx_ms)}")
    print(f"html ms per report   {spread(html_ms)}")
    print(f"docx / html          {spread(ratios)}   target ≤ {TARGET:g}")


if __name__ == "__main__":
    main()
