"""Readers: published reports (text, Markdown, HTML, Word, JSON) back into the typed model, faithfully."""

from disclosure_report.read.base import (
    NotAnAnnualReportError,
    Reader,
    ReadError,
    ReadResult,
    ReadWarning,
    UnsupportedFormatError,
)
from disclosure_report.read.registry import available_readers, detect, get_reader, read

__all__ = [
    "NotAnAnnualReportError",
    "ReadError",
    "ReadResult",
    "ReadWarning",
    "Reader",
    "UnsupportedFormatError",
    "available_readers",
    "detect",
    "get_reader",
    "read",
]
