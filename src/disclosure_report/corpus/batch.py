"""Checking a corpus: many documents, streamed, in parallel, with summaries and machine output.

:func:`validate_file` is a pure function of one document (picklable in and out), so the same work runs serially,
across local processes (:func:`validate_paths`) or on a Dask cluster (:func:`validate_bag`).
"""

from __future__ import annotations

import csv
import gc
import json
import multiprocessing
import os
import re
import signal
import stat
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache, partial
from itertools import chain
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

import attrs

from disclosure_report.errors import DisclosureReportError
from disclosure_report.jsonio.convert import load
from disclosure_report.messages import (
    Lang,
    error_text,
    padded,
    plural,
    printable,
    result_line,
    say,
    severity,
    unreadable_line,
    with_colon,
)
from disclosure_report.model import AnnualReport, Blank, Unread
from disclosure_report.model.paths import iter_cells, unread_cells
from disclosure_report.read.base import ReadResult
from disclosure_report.rules import ValidationResult, validate


@cache
def document_suffixes() -> tuple[str, ...]:
    """The file endings a folder walk picks up: those of every registered reader (the built-in ones — JSON, text,
    Markdown, HTML, Word, Excel, PDF — and plugins'). A reader whose extra is not installed is left out: its files
    are not picked up. No built-in reader is imported to learn this (:func:`~.read.registry.reader_suffixes`)."""
    from disclosure_report.read.base import ReadError
    from disclosure_report.read.registry import available_readers, reader_suffixes

    found: list[str] = []
    for name in available_readers():
        try:
            found += reader_suffixes(name)
        except ReadError:
            continue
    return tuple(dict.fromkeys(s.lower() for s in found))


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
    error_zh: str | None = attrs.field(default=None, kw_only=True)
    """``error`` in Chinese, for the line ``validate DIR --lang zh`` prints (the JSON record keeps the English)."""
    read_warnings: tuple[str, ...] = ()
    """What the reader of a published document had to interpret (none for a JSON document)."""
    rules: tuple[tuple[str, str], ...] = ()
    """The rule id and severity of each finding, in order: what the summary counts. Set even when ``findings``
    is left out (``validate_file(..., details=False)``)."""
    unread: int = 0
    """How many cells the reader left unread (:func:`~disclosure_report.model.paths.unread_cells`)."""

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
            "unread_cells": self.unread,
        }


def iter_document_paths(
    paths: Iterable[str | os.PathLike[str]], notes: list[str] | None = None, *, lang: Lang = "en"
) -> Iterator[str]:
    """Every document under ``paths``, lazily, as path strings: files as given; folders walked recursively in the
    order the file system lists them (:func:`os.scandir`), so a folder of any size is never held in memory.

    ``notes``, when given, receives a line for each folder inside that holds nothing to check (no document and no
    subfolder), each folder named like a document (``x.json/``) and each folder that cannot be listed (without
    ``notes``, such a folder is an error), and, once the walk is done, how many files it passed over because no
    reader takes their kind, by ending (``.doc``, ``.wps``, ``.ofd`` …: a report published as one is not checked,
    and says so); notes and error in ``lang``. Hidden files (``.DS_Store``) are not counted."""
    passed_over: Counter[str] | None = Counter() if notes is not None else None
    for entry in paths:
        name = os.fspath(entry)
        if os.path.isdir(name):
            yield from _walk(name, notes, lang, passed_over)
        else:
            yield name
    if notes is not None and passed_over:
        kinds = tuple(say("folder.kind_count", lang, kind=k, n=n) for k, n in sorted(passed_over.items()))
        notes.append(say("folder.passed_over", lang, n=sum(passed_over.values()), kinds=kinds))


def _walk(folder: str, notes: list[str] | None, lang: Lang, passed_over: Counter[str] | None = None) -> Iterator[str]:
    try:
        entries = os.scandir(folder)
    except OSError as e:
        if notes is None:
            raise DisclosureReportError.keyed(
                "folder.cannot_list", path=folder, strerror=str(e.strerror or e)
            ) from None
        notes.append(say("folder.unlisted", lang, path=folder, strerror=str(e.strerror or e)))
        return
    held = False
    with entries:
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                held = True
                if notes is not None and _named_like(entry.name):
                    notes.append(say("folder.named_like", lang, path=entry.path))
                if not entry.is_symlink():  # a link to a folder is not followed (no cycles), as os.walk does
                    yield from _walk(entry.path, notes, lang, passed_over)
            elif _named_like(entry.name):
                held = True
                yield entry.path
            elif passed_over is not None and not entry.name.startswith("."):
                passed_over[os.path.splitext(entry.name)[1].lower() or entry.name] += 1
    if not held and notes is not None:
        notes.append(say("folder.empty", lang, path=folder))


def _named_like(name: str) -> bool:
    return name.lower().endswith(document_suffixes())


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], notes: list[str] | None = None, *, lang: Lang = "en"
) -> Iterator[Path]:
    """Every document under ``paths`` (see :func:`iter_document_paths`) as a :class:`~pathlib.Path`, lazily."""
    return map(Path, iter_document_paths(paths, notes, lang=lang))


def missing_inputs(
    paths: Iterable[str | os.PathLike[str]], *, empty_folders: bool = True, lang: Lang = "en"
) -> list[str]:
    """What is wrong with the paths a corpus command was given, one message each naming the path: a path that does
    not exist or cannot be read, a folder that holds no report document (unless ``empty_folders`` is false: the
    caller names those itself), in ``lang``. Empty when all is well."""
    problems = []
    for entry in paths:
        name = os.fspath(entry)
        if not os.path.lexists(name):
            problems.append(say("path.missing", lang, path=name))
        elif os.path.isdir(name) and empty_folders:
            try:
                found = next(iter_document_paths([name], lang=lang), None)
            except DisclosureReportError as e:
                problems.append(str(e))
                continue
            if found is None:
                suffixes = ", ".join(document_suffixes())
                problems.append(say("path.no_documents", lang, path=name, suffixes=suffixes))
        elif not os.access(name, os.R_OK):
            problems.append(say("path.permission", lang, path=name))
    return problems


GENERATOR = "disclosure-report"
"""The ``<meta name="generator">`` of the pages the corpus verbs write (``disclosure-report report`` / ``compare``):
how :func:`read_document` knows one lying among the reports is not a report."""

_GENERATED = re.compile(rb'<meta name="generator" content="disclosure-report (report|compare)">')


def generator_meta(verb: str) -> str:
    """The ``<meta>`` element that marks a page written by ``verb`` (``report``, ``compare``)."""
    return f'<meta name="generator" content="{GENERATOR} {verb}">'


def _generated_page(name: str) -> str | None:
    """``report`` or ``compare`` when ``name`` is a web page one of those verbs wrote, else None (its head only)."""
    if not name.lower().endswith((".html", ".htm", ".xhtml", ".shtml")):
        return None
    try:
        with open(name, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None  # the reader names the problem
    found = _GENERATED.search(head)
    return found[1].decode() if found else None


def _empty_file(name: str) -> bool:
    """A regular file of 0 bytes (a named pipe or a device also has size 0: left to the readers, which name them)."""
    try:
        found = os.stat(name)
    except OSError:
        return False  # the loader names the problem
    return stat.S_ISREG(found.st_mode) and found.st_size == 0


def read_document(path: str | Path, *, year: int | None = None, agency: str | None = None) -> ReadResult:
    """A report from a JSON document (no warnings), or through the readers for a published one (with theirs).
    ``year`` and ``agency`` are the caller's, for a document that does not name them (see ``read``).

    A corpus page or comparison page this library wrote is refused, named: saved among the reports, the readers
    would otherwise take the comparison's two years of tables for one report, and the totals would count it."""
    name = os.fspath(path)
    if _empty_file(name):  # said as such, not as a JSON syntax error at line 1, column 1 or "Document is empty"
        from disclosure_report.read.base import ReadError

        raise ReadError.keyed("corpus.empty_file", path=name)
    if name.lower().endswith(".json") and year is None and agency is None:
        return ReadResult(load(path))
    from disclosure_report.read import read
    from disclosure_report.read.base import ReadError

    verb = _generated_page(name)
    if verb is not None:
        raise ReadError.keyed(f"corpus.generated_{verb}", path=name)

    return read(Path(path), year=year, agency=agency)


def load_document(path: str | Path) -> AnnualReport:
    """A report from a JSON document, or through the readers for a published one."""
    return read_document(path).report


def validate_file(path: str | Path, disable: tuple[str, ...] = (), *, details: bool = True) -> FileResult:
    """Load and check one document; never raises (a corpus run goes on): a bad document's error, and any failure
    of the library on it, is in the result.

    ``details=False`` leaves out the findings' JSON form (their messages and fingerprints are then never made),
    keeping their rules and severities: enough for the summary and the one-line report of ``validate DIR``."""
    return check_document(path, disable, details=details)[2]


def check_document(
    path: str | Path, disable: tuple[str, ...] = (), *, details: bool = True
) -> tuple[AnnualReport | None, ValidationResult | None, FileResult]:
    """:func:`validate_file` with the report and its validation kept (None for a document that cannot be read),
    for callers that go on working with them (the corpus page)."""
    name = os.fspath(path)
    try:
        document = read_document(name)
        report = document.report
        result = validate(report, disable=disable)
    except (DisclosureReportError, KeyError, OSError) as e:
        said = str(e.args[0] if isinstance(e, KeyError) else e)
        return None, None, FileResult(printable(name), error=printable(said), error_zh=printable(error_text(e, "zh")))
    except Exception as e:  # a fault of the library on this document must not end the run; it is reported
        said = f"{name}: could not be checked ({type(e).__name__}: {e})"
        return None, None, FileResult(printable(name), error=printable(said))
    record = FileResult(
        printable(name),  # a name whose bytes are not UTF-8 is shown, not a UnicodeEncodeError in --jsonl
        report.meta.agency,
        report.meta.year,
        report.format,
        result.ok,
        result.counts,
        tuple(f.to_dict() for f in result.findings) if details else (),
        read_warnings=tuple(printable(str(w)) for w in document.warnings),
        rules=tuple((f.rule, f.severity) for f in result.findings),
        unread=len(unread_cells(report)),
    )
    return report, result, record


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
    functions built, where a spawned worker would import everything again. They ignore Ctrl-C: an interrupt
    reaches the printing process only."""
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process (no traceback from each of them)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ordered_map(work: Callable[[list[str]], _T], chunks: Iterator[list[str]], jobs: int, window: int) -> Iterator[_T]:
    """``work`` of each chunk, in order; with ``jobs > 1`` across processes, with at most ``window`` chunks per
    process in flight (the walk is pulled only as far as that)."""
    if jobs <= 1:
        yield from map(work, chunks)
        return
    first = next(chunks, None)
    if first is None:
        return
    # the first (small) chunk is checked here: the loading and checking functions the library generates on first
    # use are then built once, and the workers fork with them, instead of each worker building them again
    yield work(first)
    following = next(chunks, None)
    if following is None:  # a corpus of one chunk starts no worker
        return
    pool = _pool(jobs)
    gc.freeze()  # the workers fork at the first submit: what exists now is never scanned (nor copied) by their GC
    try:
        pending: deque[Future[_T]] = deque()
        for batch in chain([following], chunks):
            pending.append(pool.submit(work, batch))
            if len(pending) >= window * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # on an interrupt: the chunks not yet started are cancelled
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _validate_chunk(paths: list[str], disable: tuple[str, ...]) -> list[FileResult]:
    return [validate_file(path, disable) for path in paths]


def validate_paths(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    disable: tuple[str, ...] = (),
    window: int = 4,
    chunk: int = 128,
    notes: list[str] | None = None,
) -> Iterator[FileResult]:
    """Check every document under ``paths``, in walk order; with ``jobs > 1`` across processes, in chunks of
    ``chunk`` documents with at most ``window`` chunks per job in flight, so memory stays flat however large the
    corpus. ``notes`` receives what the walk notes about the folders (:func:`iter_document_paths`). (The command
    line uses :func:`check_corpus`, which sends back only the text it prints.)"""
    work = partial(_validate_chunk, disable=disable)
    for results in _ordered_map(work, _chunks(iter_document_paths(paths, notes), chunk), jobs, window):
        yield from results


def validate_bag(paths: Iterable[str | Path], *, disable: tuple[str, ...] = (), partitions: int | None = None) -> Any:
    """The same check as a Dask bag of :class:`FileResult` (``.compute()`` it on any Dask scheduler or cluster)."""
    try:
        import dask.bag as db
    except ImportError:
        raise DisclosureReportError.keyed("batch.dask") from None
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
    incomplete: int = 0
    """Documents read with cells left unread (their identities over those cells not checked)."""
    unread_cells: int = 0
    by_rule: Counter[str] = attrs.Factory(Counter)
    by_agency: Counter[str] = attrs.Factory(Counter)
    unreadable_files: list[tuple[str, str, str]] = attrs.Factory(list)
    """Each unreadable document: its file and the first line of why, in English and in Chinese — so the summary
    names them (also under ``--summary``, which prints no line per document)."""

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
            zh = result.error_zh if result.error_zh is not None else result.error
            self.unreadable_files.append((result.file, _first_line(result.error), _first_line(zh)))
            return
        if result.read_warnings:
            self.read_with_warnings += 1
        if result.unread:
            self.incomplete += 1
            self.unread_cells += result.unread
        if not result.ok:
            self.failed += 1
        for rule_id, level in result.rules:
            self.by_rule[f"{rule_id} ({level})"] += 1
            if level == "error":
                self.by_agency[result.agency or "?"] += 1

    def merge(self, other: Summary) -> None:
        """Add the totals of another part of the corpus."""
        self.files += other.files
        self.failed += other.failed
        self.unreadable += other.unreadable
        self.read_with_warnings += other.read_with_warnings
        self.incomplete += other.incomplete
        self.unread_cells += other.unread_cells
        self.by_rule.update(other.by_rule)
        self.by_agency.update(other.by_agency)
        self.unreadable_files += other.unreadable_files

    def table(self, top: int = 20, lang: Lang = "en") -> str:
        """The corpus totals as a few lines of text, in ``lang``."""
        clean = self.files - self.failed - self.unreadable
        if lang == "zh":
            lines = [
                f"共 {self.files} 份文档：无错误 {clean} 份，有错误 {self.failed} 份，无法读取 {self.unreadable} 份"
            ]
            if self.read_with_warnings:
                lines.append(f"读取时有提示的已发布文档：{self.read_with_warnings} 份（见 --jsonl 的 read_warnings）")
            if self.incomplete:
                lines.append(
                    f"有未读出单元格的文档：{self.incomplete} 份，共 {self.unread_cells} 个单元格"
                    "（涉及这些单元格的勾稽关系未核对；见 --jsonl 的 unread_cells）"
                )
            rule_head, agency_head, count, unreadable_head = "各规则的问题", "各机关的错误", "数量", "无法读取的文档"
        else:
            lines = [
                f"{plural(self.files, 'document')}: {clean} without errors, {self.failed} with errors, "
                f"{self.unreadable} unreadable",
            ]
            if self.read_with_warnings:
                lines.append(
                    f"published documents read with warnings: {self.read_with_warnings} (see read_warnings in --jsonl)"
                )
            if self.incomplete:
                lines.append(
                    f"documents with cells unread: {self.incomplete}, {plural(self.unread_cells, 'cell')} in all "
                    "(the identities over them not checked; see unread_cells in --jsonl)"
                )
            rule_head, agency_head, count, unreadable_head = (
                "findings by rule",
                "errors by agency",
                "count",
                "unreadable documents",
            )
        if self.by_rule:
            lines += ["", f"{padded(rule_head, 40)} {count}"]
            lines += [f"{padded(_rule_key(rule, lang), 40)} {n}" for rule, n in self.by_rule.most_common(top)]
            lines += _more(len(self.by_rule) - top, lang)
        if self.by_agency:
            lines += ["", f"{padded(agency_head, 40)} {count}"]
            lines += [f"{padded(agency, 40)} {n}" for agency, n in self.by_agency.most_common(top)]
            lines += _more(len(self.by_agency) - top, lang)
        if self.unreadable_files:
            lines += ["", unreadable_head]
            for file, en, zh in self.unreadable_files:
                said = zh if lang == "zh" else en
                lines.append(said if said.startswith(file) else with_colon(file, said, lang))
        return "\n".join(lines)


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def _more(hidden: int, lang: Lang) -> list[str]:
    """The line under a list cut at ``top``: how many more there are, and where they all are."""
    if hidden <= 0:
        return []
    return [f"… 另有 {hidden} 项（完整列表见 --jsonl）" if lang == "zh" else f"… and {hidden} more (all in --jsonl)"]


def _rule_key(key: str, lang: Lang) -> str:
    """``T3-BALANCE (error)`` as printed: ``T3-BALANCE（错误）`` in Chinese."""
    rule, _, rest = key.partition(" (")
    return f"{rule}（{severity(rest.removesuffix(')'), lang)}）" if lang == "zh" and rest else key


def human_line(result: FileResult, lang: Lang = "en") -> str:
    """The one line ``validate DIR`` prints for a document, in ``lang``."""
    if result.error is not None:
        said = result.error_zh if lang == "zh" and result.error_zh is not None else result.error
        return unreadable_line(result.file, said.splitlines()[0], lang)
    from disclosure_report.messages import read_warnings_note

    read = read_warnings_note(len(result.read_warnings), lang) if result.read_warnings else ""
    return result_line(result.file, result.ok, result.counts, lang, result.unread) + read


def json_line(result: FileResult) -> str:
    """The JSON-lines record of a document, as one line of text."""
    return json.dumps(result.to_dict(), ensure_ascii=False)


@attrs.frozen
class CorpusOutput:
    """Which text a corpus run wants of each document: the human line or the JSON line on stdout (or neither, for
    the summary only), and the JSON line for a ``--jsonl`` file."""

    stdout: Literal["human", "json", "none"] = "human"
    jsonl: bool = False
    lang: Lang = "en"
    """The language of the human lines."""


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
            shown.append(human_line(result, output.lang))
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
    notes: list[str] | None = None,
) -> Iterator[ChunkReport]:
    """Check every document under ``paths`` and give, chunk by chunk in walk order, the text to print and the
    totals. The walk is lazy and at most ``window`` chunks of ``chunk`` documents per process are in flight, so
    memory stays flat however large the corpus; the printing process only writes what the workers rendered."""
    work = partial(check_chunk, disable=disable, output=output)
    walk = iter_document_paths(paths, notes, lang=output.lang)
    return _ordered_map(work, _chunks(walk, chunk), jobs, window)


class Progress:
    """A one-line counter on stderr, shown only on a terminal."""

    def __init__(self, stream: IO[str] | None = None, lang: Lang = "en") -> None:
        self.stream = stream or sys.stderr
        self.lang = lang
        self.active = self.stream.isatty()
        self.count = 0

    def step(self, documents: int = 1) -> None:
        before, self.count = self.count, self.count + documents
        if self.active and before // 25 != self.count // 25:
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


def skipped_line(path: str | Path, error: BaseException, lang: Lang = "en") -> str:
    """Why a document a corpus verb leaves out could not be read: the first line of its error, naming the file."""
    said = error_text(error, lang)
    first = said.splitlines()[0] if said else type(error).__name__
    return printable(first if first.startswith(str(path)) else with_colon(path, first, lang))


def write_cells_csv(
    paths: Iterable[str | Path],
    out: IO[str],
    skipped: list[str] | None = None,
    notes: list[str] | None = None,
    *,
    lang: Lang = "en",
) -> int:
    """A tidy CSV of every cell of every document (one row per report × cell path), streamed; returns the rows.

    Unreadable documents are skipped (checking them is ``validate``'s job); ``skipped`` receives a line for each,
    ``notes`` what :func:`iter_documents` notes about the folders, both in ``lang``."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for path in iter_documents(paths, notes, lang=lang):
        try:
            report = load_document(path)
        except Exception as e:  # one bad document never ends the export
            if skipped is not None:
                skipped.append(skipped_line(path, e, lang))
            continue
        for cell, value in iter_cells(report):
            state = "blank" if type(value) is Blank else "unread" if type(value) is Unread else "value"
            writer.writerow(
                (
                    csv_text(printable(str(path))),
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
        out.write(json_line(result) + "\n")
        yield result
