"""Measure, in one run, the library's throughput against ``json.loads`` of the same documents.

    python benchmarks/run.py [--n 3000]

Prints reports per second and the ratio to json.loads for each step; targets are stated beside them. Numbers go
into docs/performance.md. Every step runs on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from disclosure_report import (
    AnnualReport,
    dumps,
    iter_cells,
    load,
    loads,
    read,
    render,
    replace_value,
    validate,
    with_totals,
)
from disclosure_report.corpus.batch import validate_paths
from disclosure_report.examples import example_path
from disclosure_report.jsonio.fast import PARSERS, try_loads


def corpus(n: int, seed: int = 7, variants: int = 50) -> list[str]:
    """``n`` documents: ``variants`` variants of the bundled 2021 examples with random figures, repeated. Nine in
    ten are consistent (totals filled, 上年结转 set so that the balance holds), as most published reports are;
    one in ten keeps its random figures and has 30–40 findings."""
    rng = random.Random(seed)
    bases = [load(example_path(name)) for name in ("shuyang-county-gov-2025", "panzhou-rural-revitalization-2023")]
    docs = []
    for i in range(variants):
        report: AnnualReport = bases[i % len(bases)]
        for cell, value in list(iter_cells(report)):
            if cell.kind == "count" and isinstance(value, int) and rng.random() < 0.5:
                report = replace_value(report, cell.path, rng.randrange(0, 500))
        if i % 10:
            report = _balanced(with_totals(report))
        docs.append(dumps(report))
    return [docs[i % len(docs)] for i in range(n)]


def _balanced(report: AnnualReport) -> AnnualReport:
    """The report with 二、上年结转 chosen so that 一 + 二 = 三（七）总计 + 四 holds in every column."""
    apps = report.applications
    for column in attrs.fields_dict(type(apps.new)):
        out = getattr(apps.results.total, column) + getattr(apps.carried_forward, column)
        carried = max(out - getattr(apps.new, column), 0)
        report = replace_value(report, f"applications.carried_over.{column}", carried)
        report = replace_value(report, f"applications.new.{column}", out - carried)
    return report


def _standard(text: str) -> AnnualReport:
    """What ``loads`` does for a valid document without the ``fast`` extra (no msgspec)."""
    report = try_loads(text, [PARSERS["json"]])
    assert report is not None
    return report


def rate(step: Callable[[Any], Any], items: list[Any]) -> float:
    start = time.perf_counter()
    for item in items:
        step(item)
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description="disclosure_report throughput, as ratios to json.loads")
    parser.add_argument("--n", type=int, default=3000, help="documents per step (default %(default)s)")
    parser.add_argument("--corpus", type=int, default=5000, help="files for the folder step (default %(default)s)")
    args = parser.parse_args()
    docs = corpus(args.n)
    reports = [loads(d) for d in docs]
    flawed = [d for d, r in zip(docs, reports, strict=True) if validate(r, identities_only=True).findings]
    # every text read is a different document (label lines and rows of zeros still repeat, as in real corpora)
    distinct = min(args.n, 1000)
    texts = [str(render(loads(d), "text")).encode("utf-8") for d in corpus(distinct, seed=11, variants=distinct)]
    steps: list[tuple[str, Callable[[Any], Any], list[Any], str]] = [
        ("json.loads", json.loads, docs, ""),
        ("load", loads, docs, ""),
        ("load + validate (identity rules)", lambda d: validate(loads(d), identities_only=True), docs, "≥ 10,000/s"),
        ("  standard json parser only", lambda d: validate(_standard(d), identities_only=True), docs, "≥ 10,000/s"),
        ("load + validate (all rules)", lambda d: validate(loads(d)), docs, ""),
        ("  only the documents with findings", lambda d: validate(loads(d), identities_only=True), flawed, ""),
        ("validate alone (identity rules)", lambda r: validate(r, identities_only=True), reports, ""),
        ("validate alone (all rules)", validate, reports, ""),
        ("render html", lambda r: render(r, "html"), reports, "≥ 2,000/s"),
        ("read text", lambda t: read(t, format="text"), texts, "≥ 1,000/s"),
    ]
    base = 0.0
    print(f"JSON parsers of loads: {', '.join(PARSERS)}")
    print(f"{'step':<36} {'reports/s':>10} {'× json.loads':>13}  target")
    for name, step, items, target in steps:
        r = rate(step, items)
        base = base or r
        print(f"{name:<36} {r:>10,.0f} {r / base:>13.2f}  {target}")
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.corpus):
            Path(folder, f"{i:06d}.json").write_text(docs[i % len(docs)], encoding="utf-8")
        start = time.perf_counter()
        checked = sum(1 for _ in validate_paths([folder], jobs=2))
        seconds = time.perf_counter() - start
        r = checked / seconds
        print(f"{'validate DIR --jobs 2 (files)':<36} {r:>10,.0f} {r / base:>13.2f}  100,000 in < 60 s")
        print(f"  ({checked} files in {seconds:.1f} s; 100,000 files would take about {100_000 / r:.0f} s)")


if __name__ == "__main__":
    main()
