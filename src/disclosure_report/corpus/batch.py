"""Checking a corpus: many documents, streamed, in parallel, with summaries and machine output.

:func:`validate_file` is a pure function of one document (picklable in and out), so the same work runs serially,
across local processes (:func:`validate_paths`) or on a Dask cluster (:func:`validate_bag`).
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, Any

import attrs

from disclosure_report.errors import DisclosureReportError
from disclosure_report.jsonio.convert import load
from disclosure_report.messages import Lang, plural, severity
from disclosure_report.model import AnnualReport, Blank, Unread
from disclosure_report.model.paths import iter_cells
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


def iter_documents(paths: Iterable[str | Path], notes: list[str] | None = None) -> Iterator[Path]:
    """Every document under ``paths`` (files as given; folders walked recursively, sorted), lazily.

    ``notes``, when given, receives a line for each folder that holds nothing to check (no document and no
    subfolder), each folder named like a document (``x.json/``) and each folder that cannot be listed."""
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=None if notes is None else _note_unlisted(notes)):
                dirs.sort()
                found = [name for name in sorted(files) if name.lower().endswith(DOCUMENT_SUFFIXES)]
                if notes is not None:
                    notes += [f"{Path(root) / d}: a folder named like a document" for d in dirs if _named_like(d)]
                    if not found and not dirs:
                        notes.append(f"{root}: a folder with no report documents")
                for name in found:
                    yield Path(root) / name
        else:
            yield path


def _named_like(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def _note_unlisted(notes: list[str]) -> Any:
    def note(error: OSError) -> None:
        notes.append(f"{error.filename}: a folder that cannot be listed ({error.strerror or error})")

    return note


def read_document(path: Path, *, year: int | None = None, agency: str | None = None) -> ReadResult:
    """A report from a JSON document (no warnings), or through the readers for a published one (with theirs).
    ``year`` and ``agency`` are the caller's, for a document that does not name them (see ``read``)."""
    if path.suffix.lower() == ".json" and year is None and agency is None:
        return ReadResult(load(path))
    from disclosure_report.read import read

    return read(path, year=year, agency=agency)


def load_document(path: Path) -> AnnualReport:
    """A report from a JSON document, or through the readers for a published one."""
    return read_document(path).report


def validate_file(path: str | Path, disable: tuple[str, ...] = ()) -> FileResult:
    """Load and check one document; never raises (a corpus run goes on): a bad document's error, and any failure
    of the library on it, is in the result."""
    p = Path(path)
    try:
        document = read_document(p)
        report = document.report
        result = validate(report, disable=disable)
    except (DisclosureReportError, KeyError, OSError) as e:
        return FileResult(str(p), error=str(e.args[0] if isinstance(e, KeyError) else e))
    except Exception as e:  # a fault of the library on this document must not end the run; it is reported
        return FileResult(str(p), error=f"{p}: could not be checked ({type(e).__name__}: {e})")
    return FileResult(
        str(p),
        report.meta.agency,
        report.meta.year,
        report.format,
        result.ok,
        result.counts,
        tuple(f.to_dict() for f in result.findings),
        read_warnings=tuple(map(str, document.warnings)),
    )


def _validate_chunk(paths: list[Path], disable: tuple[str, ...]) -> list[FileResult]:
    return [validate_file(path, disable) for path in paths]


def validate_paths(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    disable: tuple[str, ...] = (),
    window: int = 4,
    chunk: int = 32,
    notes: list[str] | None = None,
) -> Iterator[FileResult]:
    """Check every document under ``paths``, in order; with ``jobs > 1`` across processes, in chunks of ``chunk``
    documents with at most ``window`` chunks per job in flight, so memory stays flat however large the corpus.
    ``notes`` receives what :func:`iter_documents` notes about the folders. An interrupt (Ctrl-C) reaches this
    process only: the workers ignore it, and the chunks not yet started are cancelled."""
    documents = iter_documents(paths, notes)
    if jobs <= 1:
        for path in documents:
            yield validate_file(path, disable)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        pending: deque[Future[list[FileResult]]] = deque()
        batch: list[Path] = []
        for path in documents:
            batch.append(path)
            if len(batch) == chunk:
                pending.append(pool.submit(_validate_chunk, batch, disable))
                batch = []
                if len(pending) >= window * jobs:
                    yield from pending.popleft().result()
        if batch:
            pending.append(pool.submit(_validate_chunk, batch, disable))
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process (no traceback from each of them)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def validate_bag(paths: Iterable[str | Path], *, disable: tuple[str, ...] = (), partitions: int | None = None) -> Any:
    """The same check as a Dask bag of :class:`FileResult` (``.compute()`` it on any Dask scheduler or cluster)."""
    try:
        import dask.bag as db
    except ImportError:
        raise DisclosureReportError("the Dask path needs: pip install 'disclosure-report[dask]'") from None
    documents = [str(p) for p in iter_documents(paths)]
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
        for finding in result.findings:
            self.by_rule[f"{finding['rule']} ({finding['severity']})"] += 1
            if finding["severity"] == "error":
                self.by_agency[result.agency or "?"] += 1

    def table(self, top: int = 20, lang: Lang = "en") -> str:
        """The corpus totals as a few lines of text, in ``lang``."""
        clean = self.files - self.failed - self.unreadable
        if lang == "zh":
            lines = [
                f"共 {self.files} 份文档：无错误 {clean} 份，有错误 {self.failed} 份，无法读取 {self.unreadable} 份"
            ]
            if self.read_with_warnings:
                lines.append(f"读取时有提示的已发布文档：{self.read_with_warnings} 份（见 --jsonl 的 read_warnings）")
            rule_head, agency_head, count = "各规则的问题", "各机关的错误", "数量"
        else:
            lines = [
                f"{plural(self.files, 'document')}: {clean} without errors, {self.failed} with errors, "
                f"{self.unreadable} unreadable",
            ]
            if self.read_with_warnings:
                lines.append(
                    f"published documents read with warnings: {self.read_with_warnings} (see read_warnings in --jsonl)"
                )
            rule_head, agency_head, count = "findings by rule", "errors by agency", "count"
        if self.by_rule:
            lines += ["", f"{rule_head:<40} {count}"]
            lines += [f"{_rule_key(rule, lang):<40} {n}" for rule, n in self.by_rule.most_common(top)]
        if self.by_agency:
            lines += ["", f"{agency_head:<40} {count}"]
            lines += [f"{agency:<40} {n}" for agency, n in self.by_agency.most_common(top)]
        return "\n".join(lines)


def _rule_key(key: str, lang: Lang) -> str:
    """``T3-BALANCE (error)`` as printed: ``T3-BALANCE（错误）`` in Chinese."""
    rule, _, rest = key.partition(" (")
    return f"{rule}（{severity(rest.removesuffix(')'), lang)}）" if lang == "zh" and rest else key


class Progress:
    """A one-line counter on stderr, shown only on a terminal."""

    def __init__(self, stream: IO[str] | None = None, lang: Lang = "en") -> None:
        self.stream = stream or sys.stderr
        self.lang = lang
        self.active = self.stream.isatty()
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.active and self.count % 25 == 0:
            self.stream.write(f"\r{self._text()}")
            self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write(f"\r{self._text()}\n")

    def _text(self) -> str:
        return f"已检查 {self.count} 份文档" if self.lang == "zh" else f"checked {plural(self.count, 'document')}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    r"""A text cell of the CSV, safe to open in a spreadsheet: text beginning with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return (which Excel and LibreOffice would run as a formula: ``=HYPERLINK(…)``, ``@SUM(A:A)``) gets
    a leading ``'``, as OWASP advises. A text of dashes only (the blank mark ``-``) is left as it is: with no
    operand it is no formula. Numbers are not passed through here: they stay numbers.

    >>> csv_text("=1+1"), csv_text("@SUM(A:A)"), csv_text("-1+1"), csv_text("\tx"), csv_text("-"), csv_text("某局")
    ("'=1+1", "'@SUM(A:A)", "'-1+1", "'\tx", '-', '某局')
    """
    return "'" + text if text.startswith(_FORMULA_START) and text.strip("-") else text


CSV_COLUMNS = (
    "file",
    "agency",
    "year",
    "format",
    "cell_path",
    "row_label",
    "column_label",
    "value",
    "blank_mark",
    "state",
)
"""``state`` is ``value``, ``blank`` or ``unread`` (a cell the reader could not read: ``value`` is empty)."""


def write_cells_csv(
    paths: Iterable[str | Path], out: IO[str], skipped: list[str] | None = None, notes: list[str] | None = None
) -> int:
    """A tidy CSV of every cell of every document (one row per report × cell path), streamed; returns the rows.

    Unreadable documents are skipped (checking them is ``validate``'s job); ``skipped`` receives a line for each,
    ``notes`` what :func:`iter_documents` notes about the folders."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for path in iter_documents(paths, notes):
        try:
            report = load_document(path)
        except Exception as e:  # one bad document never ends the export
            if skipped is not None:
                first = str(e).splitlines()[0] if str(e) else type(e).__name__
                skipped.append(first if first.startswith(str(path)) else f"{path}: {first}")
            continue
        for cell, value in iter_cells(report):
            state = "blank" if type(value) is Blank else "unread" if type(value) is Unread else "value"
            writer.writerow(
                (
                    csv_text(str(path)),
                    csv_text(report.meta.agency),
                    report.meta.year,
                    report.format,
                    cell.path,
                    csv_text(" › ".join(cell.row.labels)),
                    csv_text(" › ".join(cell.column.headers)),
                    str(value) if state == "value" else "",
                    csv_text(value.printed) if isinstance(value, Blank) else "",
                    state,
                )
            )
            rows += 1
    return rows


def write_jsonl(results: Iterable[FileResult], out: IO[str]) -> Iterator[FileResult]:
    """Write each result as one JSON line while passing it on."""
    for result in results:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        yield result
