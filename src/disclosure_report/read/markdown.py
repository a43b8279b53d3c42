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


_WRAPPED_ROW_LINES = 8
"""The most lines a pipe-table row wrapped by an e-mail client or an editor is joined from."""


def _wrapped_row(raws: list[str], at: int, columns: int) -> int:
    """How many lines after ``raws[at]`` continue that pipe-table row, wrapped at a fixed width with its breaks
    at spaces (``| 本年新收… | 705 | 3 | 0 | 0 | 5 |`` / `` 0 | 713 |``; ``| … | 99 | 0`` /
    ``| 0 | 0 | 2 | 0 | 101 |``): lines that are not blank, the last ending with a pipe, none starting with one
    after a line that ends with one — taken only when the row then has exactly the ``columns`` of its table's rule
    line (``|---|---|…``) and had fewer. 0 otherwise: the lines stay as they are."""
    if not columns or len(_cells(raws[at])) >= columns:
        return 0
    for k in range(at + 1, min(at + 1 + _WRAPPED_ROW_LINES, len(raws))):
        stripped = raws[k].strip()
        if not stripped or stripped.startswith(("#", "<!--")):
            return 0
        if stripped.startswith("|") and raws[k - 1].rstrip().endswith("|"):
            return 0  # a row of its own (or a break just before a pipe after one: not told apart)
        if stripped.endswith("|") and not stripped.endswith("\\|"):
            return k - at if len(_cells("".join(raws[at : k + 1]))) == columns else 0
    return 0


def markdown_lines(text: str) -> list[Line]:
    out = []
    raws = text.splitlines()
    skip = columns = 0
    for number, raw in enumerate(raws, start=1):
        if skip:
            skip -= 1
            continue
        stripped = raw.strip()
        if _SEPARATOR.match(stripped):
            columns = len(_cells(stripped))  # a table's rule line: its columns
            continue
        if not stripped or (stripped.startswith("<!--") and stripped.endswith("-->")):
            columns = 0 if not stripped else columns  # a blank line ends a table
            continue  # blank lines, comments (the embedded record among them)
        if stripped.startswith("|"):
            if skip := _wrapped_row(raws, number - 1, columns):
                stripped = "".join(raws[number - 1 : number + skip]).strip()
            out.append(Line(stripped, number, _cells(stripped)))
            continue
        columns = 0  # a paragraph or heading ends a table
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
