"""The reader protocol, what a reader returns, and the errors of reading."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

import attrs

from disclosure_report.errors import DisclosureReportError
from disclosure_report.model import AnnualReport

WarningKind = Literal["interpreted", "unplaced"]
UNPLACED: WarningKind = "unplaced"
"""The kind of a warning about table cells the reader could not place (they are unread, never 0): a row not found,
a row of the wrong width, digits no identity splits, a cell that is no number. A report read with such a warning
is incomplete, and validation must not call it ok."""


@attrs.frozen
class ReadWarning:
    """Something the reader could not place or had to interpret, with where it stood."""

    message: str
    """In English; an :class:`~disclosure_report.errors.Phrase` (with its message key) when the stage that warns
    words it by key (the reader's own stages), a plain ``str`` otherwise (the assembler's)."""
    line: int | None = None
    """1-based line (text, Markdown) or table row/paragraph number (HTML, Word) in the source."""
    cell_path: str | None = None
    kind: WarningKind = "interpreted"
    """``"unplaced"``: cells were left unread (see :data:`UNPLACED`); ``"interpreted"``: everything else the reader
    had to interpret (a mark kept as printed, digits split under an identity, a title over two lines)."""

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        cell = f" [{self.cell_path}]" if self.cell_path else ""
        return f"{where}{self.message}{cell}"


@attrs.frozen
class ReadResult:
    report: AnnualReport
    warnings: tuple[ReadWarning, ...] = ()


UNNAMED = "the document"
"""What the readers call a document given as bytes, without a file name."""


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

    def read(self, data: bytes, *, source: str | None = None) -> ReadResult:
        """The report in ``data``. A reader may also take the keywords ``year`` and ``agency`` (the caller's, for a
        document that does not name them) and pass them on to the assembler; :func:`~.registry.read` passes them
        only when they are given."""
        ...
