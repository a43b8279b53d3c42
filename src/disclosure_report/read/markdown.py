"""``markdown``: headings, paragraphs and pipe tables — including OCR conversions with split tables, renamed
columns and stray header rows — and the Markdown renderer's own output."""

from __future__ import annotations

import re

from disclosure_report.published.embedded import find_record
from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import ReadResult
from disclosure_report.read.decode import decode
from disclosure_report.read.kinds import BuiltInReader
from disclosure_report.read.lines import Line

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation may be escaped


def _unescape(text: str) -> str:
    if "\\" not in text and "&" not in text:
        return text
    return _UNESCAPE.sub(r"\1", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _cells(row: str) -> tuple[str, ...]:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return tuple(_unescape(c.strip()) for c in re.split(r"(?<!\\)\|", inner))


def markdown_lines(text: str) -> list[Line]:
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or _SEPARATOR.match(stripped) or (stripped.startswith("<!--") and stripped.endswith("-->")):
            continue  # blank lines, table rules, comments (the embedded record among them)
        if stripped.startswith("|"):
            out.append(Line(stripped, number, _cells(stripped)))
            continue
        stripped = _HEADING.sub("", stripped)
        if stripped.startswith("**") and stripped.endswith("**"):
            stripped = stripped[2:-2]
        out.append(Line(_unescape(stripped), number))
    return out


class MarkdownReader(BuiltInReader, kind="markdown"):
    def sniff(self, head: bytes) -> bool:
        text = head[:8192].decode("utf-8", errors="ignore")
        return bool(re.search(r"^\s{0,3}#{1,6}\s", text, re.M)) or bool(
            re.search(r"^\|.*\|\s*$\n^\|?\s*:?-{3,}", text, re.M)
        )

    def read(
        self, data: bytes, *, source: str | None = None, year: int | None = None, agency: str | None = None
    ) -> ReadResult:
        text = decode(data, source=source)
        return assemble(markdown_lines(text), source=source, record=find_record(text), year=year, agency=agency)
