"""Where the time of reading a text goes: each stage of the reading pipeline, per document, against ``json.loads``.

    python benchmarks/read_stages.py [--n 100] [--rounds 9]

The documents are ``run.py``'s corpus, rendered as text (what ``run.py`` times as "read text, new documents":
other documents in each round). Each stage function
that ``read.text`` and ``read.assemble`` call is wrapped with a timer (a wrapper costs well under a microsecond a
call, a few microseconds a document); ``json.loads`` of the same documents' JSON runs in the same rounds, and each
stage is reported as its median time per document and as a multiple of ``json.loads`` in the same round. "other"
is the read's time outside the stages timed (the reader registry, the filters and joins in ``assemble``).

"floor" is a lower bound for any reader of this text that works line by line in Python: decode, split the lines,
find the section headings, take each table row's label and its ``header value`` pairs (kept as strings), and build
the report from its JSON data, already made — everything else a real read does (numbers, notes, title, period,
narrative, identity, the data itself) left out. "model" is that last step alone.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from run import corpus

from disclosure_report import loads, read, render
from disclosure_report.jsonio.fast import try_structure

ASSEMBLE_STAGES = (
    "looks_like_a_report",
    "find_title",
    "detect_format",
    "usable_record",
    "find_published",
    "split_sections",
    "period_data",
    "contact_data",
    "text_of",
    "skeleton",
    "read_table",
    "overview",
    "split_closing",
    "other_matters",
    "resolve_pending",
    "_identity",
    "place_cells",
    "try_structure",
)
TEXT_STAGES = ("decode", "text_lines")
_HEADING = re.compile(r"^[一二三四五六]、")


def floor(data: bytes, report_data: dict[str, Any]) -> object:
    """The least a line-by-line reader of the text layout does (see the module's docstring)."""
    section = 0
    rows: dict[str, list[str]] = {}
    label = ""
    for line in data.decode("utf-8").splitlines():
        if _HEADING.match(line):
            section += 1
            continue
        if section in (2, 3, 4) and (stripped := line.strip()):
            parts = stripped.split()
            if not len(parts) % 2 and parts[1][:1].isdigit():
                rows[label] = parts[1::2]
            else:
                label = stripped
    return try_structure(report_data)


def _wrap(module: Any, name: str, spent: dict[str, float]) -> None:
    inner: Callable[..., Any] = getattr(module, name)

    @functools.wraps(inner)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    setattr(module, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100, help="documents (distinct)")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    # other documents in each round: the reader remembers what it made of lines it met before
    all_docs = corpus(args.n * args.rounds, seed=11, variants=args.n * args.rounds)
    batches = [all_docs[k * args.n : (k + 1) * args.n] for k in range(args.rounds)]
    spent: dict[str, float] = {}
    assemble = importlib.import_module("disclosure_report.read.assemble")
    text = importlib.import_module("disclosure_report.read.text")
    for name in ASSEMBLE_STAGES:
        _wrap(assemble, name, spent)
    for name in TEXT_STAGES:
        _wrap(text, name, spent)
    for d in corpus(5, seed=3, variants=5):
        read(str(render(loads(d), "text")).encode("utf-8"), format="text")
    rounds: list[dict[str, float]] = []
    for docs in batches:
        texts = [str(render(loads(d), "text")).encode("utf-8") for d in docs]
        datas = [json.loads(d, parse_float=Decimal) for d in docs]
        start = time.perf_counter()
        for d in docs:
            json.loads(d)
        baseline = time.perf_counter() - start
        spent.clear()
        start = time.perf_counter()
        for t in texts:
            read(t, format="text")
        whole = time.perf_counter() - start
        row = {name: spent.get(name, 0.0) for name in (*TEXT_STAGES, *ASSEMBLE_STAGES)}
        row["other"] = whole - sum(row.values())
        row["read text"] = whole
        row["json.loads"] = baseline
        start = time.perf_counter()
        for t, d in zip(texts, datas, strict=True):
            floor(t, d)
        row["floor"] = time.perf_counter() - start
        start = time.perf_counter()
        for d in datas:
            try_structure(d)
        row["model"] = time.perf_counter() - start
        rounds.append(row)
    n = args.n
    print(f"{'stage':22} {'µs/doc':>8} {'× json.loads':>13}")
    for name in sorted(rounds[0], key=lambda k: -statistics.median(r[k] for r in rounds)):
        micro = statistics.median(r[name] for r in rounds) / n * 1e6
        ratio = statistics.median(r[name] / r["json.loads"] for r in rounds)
        print(f"{name:22} {micro:8.1f} {ratio:13.2f}")


if __name__ == "__main__":
    main()
