"""A corpus in memory: every document read and checked once, with its report and its findings kept for the page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from disclosure_report.corpus.batch import FileResult, Summary, check_document, iter_documents
from disclosure_report.corpus.rollup import unit_name
from disclosure_report.messages import Lang, printable
from disclosure_report.model import AnnualReport
from disclosure_report.rules import Finding


@attrs.frozen
class Entry:
    """One document: its report and findings, or the error that made it unreadable."""

    file: str
    report: AnnualReport | None
    findings: tuple[Finding, ...]
    result: FileResult
    """The record ``validate --jsonl`` writes for the document (counted by ``Summary`` in :mod:`~.batch`)."""

    @property
    def agency(self) -> str:
        return self.report.meta.agency if self.report is not None else ""

    @property
    def year(self) -> int | None:
        return self.report.meta.year if self.report is not None else None

    @property
    def unit(self) -> str:
        """The agency as units are compared (whitespace removed)."""
        return unit_name(self.agency)


def check_entry(path: Path, disable: tuple[str, ...] = ()) -> Entry:
    """Read and check one document, as ``validate`` does; never raises for a bad document."""
    report, result, record = check_document(path, disable)
    return Entry(record.file, report, result.findings if result is not None else (), record)


@attrs.frozen
class Corpus:
    """Every document under the given paths, in the order ``validate DIR`` lists them."""

    entries: tuple[Entry, ...]
    notes: tuple[str, ...] = ()
    """What the walk noted about the folders (a folder with nothing to check, files of a kind no reader takes),
    sorted, in the language asked of :func:`read_corpus`."""

    @property
    def readable(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.report is not None)

    @property
    def summary(self) -> Summary:
        summary = Summary()
        for entry in self.entries:
            summary.add(entry.result)
        return summary

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({e.report.meta.year for e in self.readable if e.report is not None}))

    def by_unit(self) -> dict[str, dict[int, Entry]]:
        """Each agency's reports by year (the first document of an agency and year when there are several)."""
        out: dict[str, dict[int, Entry]] = {}
        for entry in self.readable:
            assert entry.report is not None
            out.setdefault(entry.unit, {}).setdefault(entry.report.meta.year, entry)
        return out


def read_corpus(paths: Iterable[str | Path], disable: tuple[str, ...] = (), *, lang: Lang = "en") -> Corpus:
    """Read and check every document under ``paths`` (files in the order given; each folder's documents sorted, so
    the page is the same however the file system lists them); the walk's notes in ``lang``."""
    notes: list[str] = []
    documents = [p for entry in paths for p in sorted(iter_documents([entry], notes, lang=lang))]
    return Corpus(tuple(check_entry(p, disable) for p in documents), tuple(sorted(printable(n) for n in notes)))
