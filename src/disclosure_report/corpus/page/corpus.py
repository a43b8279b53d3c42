"""A corpus in memory: every document read and checked once, with its report and its findings kept for the page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from disclosure_report.corpus.batch import FileResult, Summary, iter_documents, read_document
from disclosure_report.corpus.rollup import unit_name
from disclosure_report.errors import DisclosureReportError
from disclosure_report.model import AnnualReport
from disclosure_report.rules import Finding, validate


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


def check_document(path: Path, disable: tuple[str, ...] = ()) -> Entry:
    """Read and check one document, as ``validate`` does; never raises for a bad document."""
    try:
        document = read_document(path)
        report = document.report
        result = validate(report, disable=disable)
    except (DisclosureReportError, KeyError, OSError) as e:
        error = str(e.args[0] if isinstance(e, KeyError) else e)
        return Entry(str(path), None, (), FileResult(str(path), error=error))
    record = FileResult(
        str(path),
        report.meta.agency,
        report.meta.year,
        report.format,
        result.ok,
        result.counts,
        tuple(f.to_dict() for f in result.findings),
        read_warnings=tuple(map(str, document.warnings)),
    )
    return Entry(str(path), report, result.findings, record)


@attrs.frozen
class Corpus:
    """Every document under the given paths, in the order ``validate DIR`` lists them."""

    entries: tuple[Entry, ...]

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


def read_corpus(paths: Iterable[str | Path], disable: tuple[str, ...] = ()) -> Corpus:
    """Read and check every document under ``paths`` (files, or folders walked recursively, sorted)."""
    return Corpus(tuple(check_document(p, disable) for p in iter_documents(paths)))
