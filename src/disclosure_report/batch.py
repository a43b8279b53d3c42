"""Checking a corpus: many documents, streamed, in parallel, with summaries and machine output.

:func:`validate_file` is a pure function of one document (picklable in and out), so the same work runs serially,
across local processes (:func:`validate_paths`) or on a Dask cluster (:func:`validate_bag`).
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

import attrs

from disclosure_report.convert import load
from disclosure_report.errors import DisclosureReportError
from disclosure_report.model import AnnualReport, Blank
from disclosure_report.paths import iter_cells
from disclosure_report.read.base import ReadResult
from disclosure_report.rules import validate

DOCUMENT_SUFFIXES = (".json", ".txt", ".md", ".html", ".htm", ".docx")


@attrs.frozen
class FileResult:
    """What checking one document gave: its identity, its counts and findings (as stable dicts), or its error."""

    file: str
    agency: str | None = None
    year: int | None = None
    format: str | None = None
    ok: bool = False
    counts: dict[str, int] = attrs.field(factory=dict)
    findings: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    read_warnings: tuple[str, ...] = ()
    """What the reader of a published document had to interpret (none for a JSON document)."""
    rules: tuple[tuple[str, str], ...] = ()
    """The rule id and severity of each finding, in order: what the summary counts. Set even when ``findings``
    is left out (``validate_file(..., details=False)``)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-lines record of a file (see docs/batch.md)."""
        return {
            "file": self.file,
            "agency": self.agency,
            "year": self.year,
            "format": self.format,
            "ok": self.ok,
            "counts": self.counts,
            "findings": list(self.findings),
            "error": self.error,
            "read_warnings": list(self.read_warnings),
        }


def iter_document_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Every document under ``paths``, lazily, as path strings: files as given; folders walked recursively in the
    order the file system lists them (:func:`os.scandir`), so a folder of any size is never held in memory."""
    for entry in paths:
        name = os.fspath(entry)
        if os.path.isdir(name):
            yield from _walk(name)
        else:
            yield name


def _walk(folder: str) -> Iterator[str]:
    try:
        entries = os.scandir(folder)
    except OSError as e:
        raise DisclosureReportError(f"{folder}: the folder cannot be listed: {e.strerror or e}") from None
    with entries:
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():  # a link to a folder is not followed (no cycles), as os.walk does
                    yield from _walk(entry.path)
            elif entry.name.lower().endswith(DOCUMENT_SUFFIXES):
                yield entry.path


def iter_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Every document under ``paths`` (see :func:`iter_document_paths`) as a :class:`~pathlib.Path`, lazily."""
    return map(Path, iter_document_paths(paths))


def missing_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """What is wrong with the paths a corpus command was given, one message each naming the path: a path that does
    not exist or cannot be read, a folder that holds no report document. Empty when all is well."""
    problems = []
    for entry in paths:
        name = os.fspath(entry)
        if not os.path.lexists(name):
            problems.append(f"{name}: no such file or folder")
        elif os.path.isdir(name):
            try:
                found = next(iter_document_paths([name]), None)
            except DisclosureReportError as e:
                problems.append(str(e))
                continue
            if found is None:
                suffixes = ", ".join(DOCUMENT_SUFFIXES)
                problems.append(f"{name}: the folder holds no report document (no file ending in {suffixes})")
        elif not os.access(name, os.R_OK):
            problems.append(f"{name}: cannot be read (permission denied)")
    return problems


def read_document(path: str | Path) -> ReadResult:
    """A report from a JSON document (no warnings), or through the readers for a published one (with theirs)."""
    if os.fspath(path).lower().endswith(".json"):
        return ReadResult(load(path))
    from disclosure_report.read import read

    return read(Path(path))


def load_document(path: str | Path) -> AnnualReport:
    """A report from a JSON document, or through the readers for a published one."""
    return read_document(path).report


def validate_file(path: str | Path, disable: tuple[str, ...] = (), *, details: bool = True) -> FileResult:
    """Load and check one document; never raises for a bad document (its error is in the result).

    ``details=False`` leaves out the findings' JSON form (their messages and fingerprints are then never made),
    keeping their rules and severities: enough for the summary and the one-line report of ``validate DIR``."""
    name = os.fspath(path)
    try:
        document = read_document(name)
        report = document.report
        result = validate(report, disable=disable)
    except (DisclosureReportError, KeyError, OSError) as e:
        return FileResult(name, error=str(e.args[0] if isinstance(e, KeyError) else e))
    return FileResult(
        name,
        report.meta.agency,
        report.meta.year,
        report.format,
        result.ok,
        result.counts,
        tuple(f.to_dict() for f in result.findings) if details else (),
        read_warnings=tuple(map(str, document.warnings)),
        rules=tuple((f.rule, f.severity) for f in result.findings),
    )


_T = TypeVar("_T")


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of up to ``size`` items; the first ones smaller (8, 16, …), so a small corpus still reaches every
    process and large ones cost the printing process little per document."""
    batch: list[str] = []
    limit = min(8, size)
    for item in items:
        batch.append(item)
        if len(batch) == limit:
            yield batch
            batch = []
            limit = min(2 * limit, size)
    if batch:
        yield batch


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes. On Linux they are forked: they start at once with the library imported and its generated
    functions built, where a spawned worker would import everything again."""
    if sys.platform.startswith("linux"):
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=jobs)


def _ordered_map(work: Callable[[list[str]], _T], chunks: Iterator[list[str]], jobs: int, window: int) -> Iterator[_T]:
    """``work`` of each chunk, in order; with ``jobs > 1`` across processes, with at most ``window`` chunks per
    process in flight (the walk is pulled only as far as that)."""
    if jobs <= 1:
        yield from map(work, chunks)
        return
    with _pool(jobs) as pool:
        pending: deque[Future[_T]] = deque()
        for batch in chunks:
            pending.append(pool.submit(work, batch))
            if len(pending) >= window * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _validate_chunk(paths: list[str], disable: tuple[str, ...]) -> list[FileResult]:
    return [validate_file(path, disable) for path in paths]


def validate_paths(
    paths: Iterable[str | Path], *, jobs: int = 1, disable: tuple[str, ...] = (), window: int = 4, chunk: int = 128
) -> Iterator[FileResult]:
    """Check every document under ``paths``, in walk order; with ``jobs > 1`` across processes, in chunks of
    ``chunk`` documents with at most ``window`` chunks per job in flight, so memory stays flat however large the
    corpus. (The command line uses :func:`check_corpus`, which sends back only the text it prints.)"""
    work = partial(_validate_chunk, disable=disable)
    for results in _ordered_map(work, _chunks(iter_document_paths(paths), chunk), jobs, window):
        yield from results


def validate_bag(paths: Iterable[str | Path], *, disable: tuple[str, ...] = (), partitions: int | None = None) -> Any:
    """The same check as a Dask bag of :class:`FileResult` (``.compute()`` it on any Dask scheduler or cluster)."""
    try:
        import dask.bag as db
    except ImportError:
        raise DisclosureReportError("the Dask path needs: pip install 'disclosure-report[dask]'") from None
    documents = list(iter_document_paths(paths))
    npartitions = partitions or max(1, min(len(documents) // 200, 512))
    bag = db.from_sequence(documents, npartitions=npartitions)  # type: ignore[no-untyped-call]
    return bag.map(validate_file, disable=disable)


@attrs.define
class Summary:
    """Totals over a corpus: files, files with errors, unreadable files, files read with warnings, findings by rule
    and by agency."""

    files: int = 0
    failed: int = 0
    unreadable: int = 0
    read_with_warnings: int = 0
    by_rule: Counter[str] = attrs.Factory(Counter)
    by_agency: Counter[str] = attrs.Factory(Counter)

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
            return
        if result.read_warnings:
            self.read_with_warnings += 1
        if not result.ok:
            self.failed += 1
        for rule_id, severity in result.rules:
            self.by_rule[f"{rule_id} ({severity})"] += 1
            if severity == "error":
                self.by_agency[result.agency or "?"] += 1

    def merge(self, other: Summary) -> None:
        """Add the totals of another part of the corpus."""
        self.files += other.files
        self.failed += other.failed
        self.unreadable += other.unreadable
        self.read_with_warnings += other.read_with_warnings
        self.by_rule.update(other.by_rule)
        self.by_agency.update(other.by_agency)

    def table(self, top: int = 20) -> str:
        lines = [
            f"{self.files} documents: {self.files - self.failed - self.unreadable} without errors, "
            f"{self.failed} with errors, {self.unreadable} unreadable",
        ]
        if self.read_with_warnings:
            lines.append(
                f"published documents read with warnings: {self.read_with_warnings} (see read_warnings in --jsonl)"
            )
        if self.by_rule:
            lines += ["", f"{'findings by rule':<40} count"]
            lines += [f"{rule:<40} {n}" for rule, n in self.by_rule.most_common(top)]
        if self.by_agency:
            lines += ["", f"{'errors by agency':<40} count"]
            lines += [f"{agency:<40} {n}" for agency, n in self.by_agency.most_common(top)]
        return "\n".join(lines)


def human_line(result: FileResult) -> str:
    """The one line ``validate DIR`` prints for a document."""
    if result.error is not None:
        return f"{result.file}: UNREADABLE — {result.error.splitlines()[0]}"
    c = result.counts
    state = "ok" if result.ok else "ERRORS"
    read = f"; {len(result.read_warnings)} read warnings" if result.read_warnings else ""
    return f"{result.file}: {state} — {c['error']} error, {c['warning']} warning, {c['info']} info{read}"


def json_line(result: FileResult) -> str:
    """The JSON-lines record of a document, as one line of text."""
    return json.dumps(result.to_dict(), ensure_ascii=False)


@attrs.frozen
class CorpusOutput:
    """Which text a corpus run wants of each document: the human line or the JSON line on stdout (or neither, for
    the summary only), and the JSON line for a ``--jsonl`` file."""

    stdout: Literal["human", "json", "none"] = "human"
    jsonl: bool = False


@attrs.frozen
class ChunkReport:
    """What checking a chunk of documents gives the process that prints: its text, ready to write, and its totals.
    Only this crosses between processes (a few strings and counters per chunk, not a result object per file)."""

    stdout: str
    jsonl: str
    summary: Summary


def check_chunk(paths: list[str], disable: tuple[str, ...], output: CorpusOutput) -> ChunkReport:
    """Check each document of a chunk and render what ``output`` asks for (runs in a worker process)."""
    summary = Summary()
    shown: list[str] = []
    records: list[str] = []
    details = output.jsonl or output.stdout == "json"
    for path in paths:
        result = validate_file(path, disable, details=details)
        summary.add(result)
        record = json_line(result) if details else ""
        if output.jsonl:
            records.append(record)
        if output.stdout == "json":
            shown.append(record)
        elif output.stdout == "human":
            shown.append(human_line(result))
    return ChunkReport(_lines(shown), _lines(records), summary)


def _lines(lines: list[str]) -> str:
    return "\n".join(lines) + "\n" if lines else ""


def check_corpus(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    disable: tuple[str, ...] = (),
    output: CorpusOutput = CorpusOutput(),
    window: int = 4,
    chunk: int = 128,
) -> Iterator[ChunkReport]:
    """Check every document under ``paths`` and give, chunk by chunk in walk order, the text to print and the
    totals. The walk is lazy and at most ``window`` chunks of ``chunk`` documents per process are in flight, so
    memory stays flat however large the corpus; the printing process only writes what the workers rendered."""
    work = partial(check_chunk, disable=disable, output=output)
    return _ordered_map(work, _chunks(iter_document_paths(paths), chunk), jobs, window)


class Progress:
    """A one-line counter on stderr, shown only on a terminal."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self.count = 0

    def step(self, documents: int = 1) -> None:
        before, self.count = self.count, self.count + documents
        if self.active and before // 25 != self.count // 25:
            self.stream.write(f"\rchecked {self.count} documents")
            self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write(f"\rchecked {self.count} documents\n")


CSV_COLUMNS = ("file", "agency", "year", "format", "cell_path", "row_label", "column_label", "value", "blank_mark")


def write_cells_csv(
    paths: Iterable[str | Path], out: IO[str], on_unreadable: Callable[[str], None] | None = None
) -> int:
    """A tidy CSV of every cell of every document (one row per report × cell path), streamed; returns the rows.

    A document that cannot be read has no rows; its located error goes to ``on_unreadable`` (the ``export``
    command prints it and exits 2)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for path in iter_documents(paths):
        try:
            report = load_document(path)
        except DisclosureReportError as e:
            if on_unreadable is not None:
                on_unreadable(str(e))
            continue
        for cell, value in iter_cells(report):
            blank = type(value) is Blank
            writer.writerow(
                (
                    str(path),
                    report.meta.agency,
                    report.meta.year,
                    report.format,
                    cell.path,
                    " › ".join(cell.row.labels),
                    " › ".join(cell.column.headers),
                    "" if blank else str(value),
                    value.printed if isinstance(value, Blank) else "",
                )
            )
            rows += 1
    return rows


def write_jsonl(results: Iterable[FileResult], out: IO[str]) -> Iterator[FileResult]:
    """Write each result as one JSON line while passing it on."""
    for result in results:
        out.write(json_line(result) + "\n")
        yield result
