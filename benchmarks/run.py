"""Measure, in one run, the library's throughput against ``json.loads`` and against its peers.

    python benchmarks/run.py [--n 300] [--rounds 11] [--files 20000] [--big]

Per-document steps run on one core, on ``--n`` distinct documents, in ``--rounds`` interleaved rounds: each round
times every step once, in the same order, so a burst of load on the machine hits all steps alike. Each step is
reported as the median time per document with its spread (lowest–highest round), and as the median over rounds of
its ratio to ``json.loads`` *in the same round*. Times are CPU time of this process (``time.process_time``), so
other processes on the machine disturb them less than wall time would.

Peers, for the same document shape, generated at run time from ``schemas/2021/report.schema.json``
(``benchmarks/peers.py``): a strict pydantic v2 model, msgspec typed Structs, and schema validation with
``jsonschema`` and ``jsonschema-rs`` (each after ``json.loads``).

The folder step writes ``--files`` documents (the same distinct documents, repeated) to a temporary folder and runs
``disclosure-report validate DIR`` in a fresh process with ``--jobs 1`` and ``--jobs 2``, measuring its wall time,
CPU time (the command and its workers) and peak resident memory (the command: its ``VmHWM``, as Linux keeps
``ru_maxrss`` across ``exec``; the largest worker: ``RUSAGE_CHILDREN``); ``--big`` adds 100,000 files (minutes).
Numbers go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
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
from disclosure_report.examples import example_path
from disclosure_report.jsonio.fast import PARSERS, try_loads

HERE = Path(__file__).parent
SCHEMA = HERE.parent / "schemas" / "2021" / "report.schema.json"


def corpus(n: int, seed: int = 7, variants: int = 50) -> list[str]:
    """``n`` documents: ``variants`` variants of the bundled 2021 examples with random figures, repeated. Nine in
    ten are consistent (totals filled, 上年结转 set so that the balance holds), as most published reports are;
    one in ten keeps its random figures and has 30–40 findings. The prose is the examples' own, so its figures
    mostly disagree with the random tables (a PROSE-T3 finding or two in most documents)."""
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


@attrs.frozen
class Step:
    name: str
    run: Callable[[Any], Any]
    items: list[Any]
    target: str = ""
    baseline: str = "json.loads"
    """The step its ratio is taken to, within each round (json.loads of the same documents)."""
    each_round: list[list[Any]] | None = None
    """Other items in each round (documents the step has not met before), instead of ``items`` every round."""

    def items_of(self, round_number: int) -> list[Any]:
        return self.items if self.each_round is None else self.each_round[round_number]


def _peers(docs: list[str], few: list[str]) -> list[Step]:
    sys.path.insert(0, str(HERE))
    import jsonschema
    import jsonschema_rs
    import msgspec
    from peers import msgspec_struct, strict_pydantic

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    pydantic_model = strict_pydantic(schema)
    structs = msgspec.json.Decoder(msgspec_struct(schema))
    rs = jsonschema_rs.validator_for(schema)
    py = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for doc in docs[:20]:  # the peers accept the documents the library accepts
        pydantic_model.model_validate_json(doc)
        structs.decode(doc)
        assert rs.is_valid(json.loads(doc)) and py.is_valid(json.loads(doc))
    return [
        Step("pydantic v2 strict model", pydantic_model.model_validate_json, docs),
        Step("msgspec typed structs", structs.decode, docs),
        Step("json.loads + jsonschema-rs", lambda d: rs.is_valid(json.loads(d)), docs),
        Step(f"json.loads + jsonschema ({len(few)} docs)", lambda d: py.is_valid(json.loads(d)), few),
    ]


def _time(step: Step, round_number: int) -> float:
    """CPU seconds per item of one pass over the step's items of this round."""
    items = step.items_of(round_number)
    start = time.process_time()
    for item in items:
        step.run(item)
    return (time.process_time() - start) / len(items)


SAME = "json.loads (the documents rendered/read)"
FRESH = "json.loads (the documents read fresh)"


def per_document(n: int, rounds: int, texts: int) -> dict[str, dict[str, float]]:
    docs = corpus(n, variants=n)
    reports = [loads(d) for d in docs]
    flawed = [d for d, r in zip(docs, reports, strict=True) if validate(r, identities_only=True).findings]
    # every text read is a different document (label lines and rows of zeros still repeat, as in real corpora)
    published = [str(render(r, "text")).encode("utf-8") for r in reports[:texts]]
    # the reader remembers what it made of lines it met before (up to 50,000 of them): reading the same documents
    # again every round is cheaper than reading new ones, so "read text, new documents" reads other documents in
    # each round, which no step has met before
    fresh_docs = corpus(texts * rounds, seed=11, variants=texts * rounds)
    fresh_json = [fresh_docs[k * texts : (k + 1) * texts] for k in range(rounds)]
    fresh_texts = [[str(render(loads(d), "text")).encode("utf-8") for d in batch] for batch in fresh_json]
    steps = [
        Step("json.loads", json.loads, docs),
        Step("load", loads, docs),
        Step("load + validate (all rules: the default)", lambda d: validate(loads(d)), docs, "≤ 2.5 × json.loads"),
        Step("load + validate (identity rules)", lambda d: validate(loads(d), identities_only=True), docs),
        Step("  standard json parser only", lambda d: validate(_standard(d), identities_only=True), docs),
        Step("  only the documents with findings", lambda d: validate(loads(d)), flawed),
        Step("validate alone (all rules)", validate, reports),
        Step("validate alone (identity rules)", lambda r: validate(r, identities_only=True), reports),
        *_peers(docs, docs[:: max(1, n // 20)]),
        Step(SAME, json.loads, docs[:texts]),
        Step("render html", lambda r: render(r, "html"), reports[:texts], "≥ 2,000/s at 23,000 json.loads/s", SAME),
        Step("read text", lambda t: read(t, format="text"), published, "≤ 5 × json.loads (issue #18)", SAME),
        Step(FRESH, json.loads, fresh_json[0], each_round=fresh_json),
        Step(
            "read text, new documents",
            lambda t: read(t, format="text"),
            fresh_texts[0],
            "≤ 5 × json.loads (issue #18)",
            FRESH,
            each_round=fresh_texts,
        ),
    ]
    baseline = {s.name: s.baseline for s in steps}
    seconds: dict[str, list[float]] = {s.name: [] for s in steps}
    ratios: dict[str, list[float]] = {s.name: [] for s in steps}
    for round_number in range(rounds):
        this_round = {s.name: _time(s, round_number) for s in steps}
        for name, t in this_round.items():
            seconds[name].append(t)
            ratios[name].append(t / this_round[baseline[name]])
    print(f"{n} distinct documents (average {sum(map(len, docs)) / n / 1000:.1f} KB), {rounds} interleaved rounds;")
    print(f"JSON parsers of loads: {', '.join(PARSERS)}; CPU time per document, median (lowest–highest round)")
    print(f"{'step':<44} {'µs/doc':>8} {'spread':>15} {'docs/s':>8} {'× json.loads time':>18}  target")
    results = {}
    for s in steps:
        t = statistics.median(seconds[s.name])
        low, high = min(seconds[s.name]) * 1e6, max(seconds[s.name]) * 1e6
        r = statistics.median(ratios[s.name])
        results[s.name] = {"us": t * 1e6, "ratio": r}
        print(f"{s.name:<44} {t * 1e6:>8.1f} {f'{low:.0f}–{high:.0f}':>15} {1 / t:>8,.0f} {r:>18.2f}  {s.target}")
    pyd = [a / b for a, b in zip(seconds["load"], seconds["pydantic v2 strict model"], strict=True)]
    print(f"load ÷ pydantic v2 strict, per round: median {statistics.median(pyd):.2f} ({min(pyd):.2f}–{max(pyd):.2f})")
    results["load / pydantic"] = {"ratio": statistics.median(pyd)}
    return results


_DRIVER = """
import json, resource, sys, time
from disclosure_report.cli import main
start = time.perf_counter()
code = main(sys.argv[2:])
wall = time.perf_counter() - start
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
try:  # Linux keeps ru_maxrss across exec: RUSAGE_SELF would report the benchmark's own peak, not the command's
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak_kb = me.ru_maxrss
with open(sys.argv[1], "w") as out:
    json.dump({"exit": code, "wall": wall, "cpu_command": me.ru_utime + me.ru_stime,
               "cpu_workers": workers.ru_utime + workers.ru_stime,
               "rss_parent_mb": peak_kb / 1024, "rss_worker_mb": workers.ru_maxrss / 1024}, out)
"""


def folder_run(folder: Path, jobs: int) -> dict[str, float]:
    """``disclosure-report validate FOLDER --jobs N`` (one line per document, to /dev/null) in a fresh process."""
    return folder_runs_at_once([folder], jobs)


def folder_runs_at_once(folders: list[Path], jobs: int) -> dict[str, float]:
    """One ``validate FOLDER --jobs N`` process per folder, all started at once: their wall time (first start to
    last end), summed CPU time, and the largest peak memory. With two folders of half the files each and
    ``--jobs 1``, the control for ``--jobs 2``: the same work split between two independent processes."""
    reports = []
    for _ in folders:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
            reports.append(Path(f.name))
    try:
        start = time.perf_counter()
        running = [
            subprocess.Popen(
                [sys.executable, "-c", _DRIVER, str(report), "validate", str(folder), "--jobs", str(jobs)],
                stdout=subprocess.DEVNULL,
                env=os.environ,
            )
            for folder, report in zip(folders, reports, strict=True)
        ]
        for process in running:
            process.wait()
        wall = time.perf_counter() - start
        each = [json.loads(report.read_text(encoding="utf-8")) for report in reports]
    finally:
        for report in reports:
            report.unlink()
    measured: dict[str, float] = {
        "wall": wall if len(folders) > 1 else each[0]["wall"],
        "cpu_command": sum(m["cpu_command"] for m in each),
        "cpu_workers": sum(m["cpu_workers"] for m in each),
        "rss_parent_mb": max(m["rss_parent_mb"] for m in each),
        "rss_worker_mb": max(m["rss_worker_mb"] for m in each),
    }
    measured["cpu"] = measured["cpu_command"] + measured["cpu_workers"]
    return measured


def folder_runs(sizes: list[int], n: int, rounds: int) -> None:
    docs = corpus(n, variants=n)
    print(f"\nvalidate DIR (all rules; {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f})")
    print(
        f"{'files':>7} {'jobs':>4} {'wall s':>7} {'CPU s':>7} {'of which command':>17} {'files/s':>8} "
        f"{'RSS command':>12} {'RSS worker':>11}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        halves = [folder / "a", folder / "b"]
        for half in halves:
            half.mkdir()
        written = 0
        for size in sizes:
            for i in range(written, size):  # in two halves (a/, b/): the folder is walked whole, or each half
                (halves[i % 2] / f"{i:06d}.json").write_text(docs[i % n], encoding="utf-8")
            written = size
            runs: dict[str, list[dict[str, float]]] = {"1": [], "2": [], "1+1": []}
            for _ in range(rounds if size < 100_000 else 1):  # the big folder is checked once
                for jobs in runs:
                    m = folder_runs_at_once(halves, 1) if jobs == "1+1" else folder_run(folder, int(jobs))
                    runs[jobs].append(m)
                    print(
                        f"{size:>7,} {jobs:>4} {m['wall']:>7.1f} {m['cpu']:>7.1f} {m['cpu_command']:>17.1f} "
                        f"{size / m['wall']:>8,.0f} "
                        f"{m['rss_parent_mb']:>9.0f} MB {m['rss_worker_mb']:>8.0f} MB"
                    )
            wall = {j: statistics.median(r["wall"] for r in runs[j]) for j in runs}
            cpu = {j: statistics.median(r["cpu"] for r in runs[j]) for j in runs}
            print(
                f"{size:>7,} files: --jobs 2 is {wall['1'] / wall['2']:.2f}× as fast as --jobs 1 (wall), CPU "
                f"{cpu['2'] / cpu['1']:.2f}×; two --jobs 1 processes on the halves at once (the control): "
                f"{wall['1'] / wall['1+1']:.2f}× as fast, CPU {cpu['1+1'] / cpu['1']:.2f}×"
            )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="disclosure_report throughput, as ratios to json.loads and peers")
    parser.add_argument("--n", type=int, default=300, help="distinct documents (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=11, help="interleaved rounds (default %(default)s)")
    parser.add_argument("--texts", type=int, default=100, help="documents rendered and read per round")
    parser.add_argument("--files", type=int, default=20_000, help="files for the folder step (0: skip it)")
    parser.add_argument("--folder-rounds", type=int, default=2, help="runs of each --jobs (the --big folder: one)")
    parser.add_argument("--big", action="store_true", help="also check a folder of 100,000 files (minutes)")
    parser.add_argument("--only-folder", action="store_true", help="skip the per-document steps")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stopped: the temporary folder is still removed
    if not args.only_folder:
        per_document(args.n, args.rounds, args.texts)
    sizes = [s for s in (args.files, 100_000 if args.big else 0) if s]
    if sizes:
        folder_runs(sorted(set(sizes)), args.n, args.folder_rounds)


if __name__ == "__main__":
    main()
