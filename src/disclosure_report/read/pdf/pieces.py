"""The words of a PDF page's lines as a table without ruling lines sees them: each line cut into pieces at the
gaps between cells — wider than between the characters of one cell's text, narrower between two figures (the
digits of one number are set edge to edge) and between Chinese characters (set edge to edge), wider where a space
is printed (words of a text, not cells) — and which pieces are figures or blank marks."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import attrs
from pdfplumber.utils.text import extract_text

from disclosure_report.read.pdf.text import CJK_START, clean
from disclosure_report.read.values import BLANK_MARKS, is_number_text

_GAP = 0.6
"""A gap wider than this share of the characters' size parts two cells of a line (words of one cell stand closer)."""


_FIGURE_GAP = 0.2
"""Two figures (or blank marks) stand apart at a narrower gap: the digits and signs of one number are set without
any (tabular figures)."""


_FIGURE_MARKS = "0123456789.,+-－—–/"


_FIGURES = frozenset(a + b for a in _FIGURE_MARKS for b in _FIGURE_MARKS)


_IDEOGRAPH_GAP = 0.4
"""Chinese characters (and full-width punctuation) are set edge to edge, a tenth of their size apart when a line is
justified: two of them further apart than this stand in two cells (a narrow header's cells are close)."""


_DIGITS = frozenset("0123456789")


_DASHES = frozenset("-—－–/／")
"""The characters blank marks printed in a cell start with (``—``, ``/``)."""


_SPACED_GAP = 2.0
"""Words with a space printed between them (text, not cells) stand apart only at a gap this much wider."""


@attrs.frozen
class Piece:
    """A run of characters of one line standing apart from the others (a cell's text on that line)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def value(self) -> bool:
        """Whether the piece is a figure or a blank mark (what a value cell prints)."""
        return self.text in BLANK_MARKS or is_number_text(self.text)


@attrs.frozen
class PrintedLine:
    """A line of text as pdfplumber groups it (``index``: its place among them), in pieces."""

    index: int
    pieces: tuple[Piece, ...]
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(p.size for p in self.pieces)

    @property
    def values(self) -> tuple[Piece, ...]:
        """The figures ending the line, when the line is labels then figures (else none)."""
        first = next((k for k, p in enumerate(self.pieces) if p.value), None)
        if first is None or not all(p.value for p in self.pieces[first:]):
            return ()
        return self.pieces[first:]

    @property
    def labels(self) -> tuple[Piece, ...]:
        return self.pieces[: len(self.pieces) - len(self.values)]


def printed_lines(lines: Sequence[dict[str, Any]], chars: Sequence[dict[str, Any]]) -> list[PrintedLine]:
    """pdfplumber's text lines (with their characters) cut into pieces at the gaps between cells; ``chars``: the
    page's characters in the order printed, spaces included (a space printed after a word marks text)."""
    spaced = spaced_words(chars)
    out = []
    for index, line in enumerate(lines):
        shown = [c for c in line["chars"] if c["text"].strip()]
        if not shown:
            continue
        runs: list[list[dict[str, Any]]] = [[shown[0]]]
        for a, b in itertools.pairwise(shown):
            if b["x0"] - a["x1"] > _gap(a, b, spaced) * min(a["size"], b["size"]):
                runs.append([b])
            else:
                runs[-1].append(b)
        pieces = tuple(_piece(run) for run in runs)
        out.append(
            PrintedLine(
                index,
                tuple(p for p in pieces if p.text),
                float(line["top"]),
                float(line["bottom"]),
            )
        )
    return [line for line in out if line.pieces]


def _gap(a: dict[str, Any], b: dict[str, Any], spaced: set[int]) -> float:
    """The share of their size two characters of a line stand apart at when they are in two cells."""
    if id(a) in spaced:
        return _SPACED_GAP
    if a["text"] + b["text"] in _FIGURES:
        return _FIGURE_GAP
    if a["text"] >= CJK_START and (b["text"] >= CJK_START or b["text"] in _DIGITS or b["text"] in _DASHES):
        return _IDEOGRAPH_GAP  # (a label's last character and a figure or blank mark after it: a label overflowing)
    return _GAP


def spaced_words(chars: Sequence[dict[str, Any]]) -> set[int]:
    """``id`` s of the characters followed by a printed space (words of a text: cells are set apart, not spaced)."""
    return {id(a) for a, b in itertools.pairwise(chars) if a["text"].strip() and not b["text"].strip()}


def _piece(chars: list[dict[str, Any]]) -> Piece:
    return Piece(
        clean(extract_text(chars)),
        float(min(c["x0"] for c in chars)),
        float(max(c["x1"] for c in chars)),
        float(min(c["top"] for c in chars)),
        float(max(c["bottom"] for c in chars)),
        float(max(c["size"] for c in chars)),
    )


def middle(line: PrintedLine) -> float:
    """The height the figures of a line stand at (their middle)."""
    values = line.values
    return sum(p.top + p.bottom for p in values) / (2 * len(values))


def column_of(spans: Sequence[tuple[float, float]], piece: Piece) -> int:
    """The column whose span holds the piece's centre, or the nearest."""
    return min(
        range(len(spans)),
        key=lambda j: (
            0.0
            if spans[j][0] <= piece.centre <= spans[j][1]
            else min(abs(spans[j][0] - piece.centre), abs(spans[j][1] - piece.centre))
        ),
    )
