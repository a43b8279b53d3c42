"""The reader protocol, what a reader returns, and the errors of reading."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import attrs

from disclosure_report.errors import DisclosureReportError
from disclosure_report.model import AnnualReport


@attrs.frozen
class ReadWarning:
    """Something the reader could not place or had to interpret, with where it stood."""

    message: str
    line: int | None = None
    """1-based line (text, Markdown) or table row/paragraph number (HTML, Word) in the source."""
    cell_path: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        cell = f" [{self.cell_path}]" if self.cell_path else ""
        return f"{where}{self.message}{cell}"


@attrs.frozen
class ReadResult:
    report: AnnualReport
    warnings: tuple[ReadWarning, ...] = ()


class ReadError(DisclosureReportError):
    """A document that cannot be read as an annual report (names the source and why)."""


class NotAnAnnualReportError(ReadError):
    """The document is readable but is not a 政府信息公开工作年度报告."""


class UnsupportedFormatError(ReadError):
    """An annual report in a format the library does not read (reports before the 2019 uniform format)."""


@runtime_checkable
class Reader(Protocol):
    """Turns one kind of document into a report. Registered under the entry-point group
    ``disclosure_report.readers`` (the target: a class taking no arguments, or an instance)."""

    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    extras: str | None

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes of a document look like this reader's kind."""
        ...

    def read(self, data: bytes, *, source: str | None = None) -> ReadResult: ...
