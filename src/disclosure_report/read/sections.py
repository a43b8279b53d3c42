"""Stage 2b: the body cut into the format's six sections by their numbered headings (and the aliases the
declaration lists), also when the text runs together without line breaks."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from disclosure_report.errors import Phrase
from disclosure_report.formats import Format, Section
from disclosure_report.read.labels import REMEMBERED_LENGTH
from disclosure_report.read.lines import Line
from disclosure_report.read.notes import Notes

REMEMBERED_LINES = 50_000
"""How many lines each per-line cache holds before it starts again."""


@attrs.frozen
class Sections:
    """The lines of each section found (key → lines), and the preamble before the first heading."""

    preamble: tuple[Line, ...]
    by_key: dict[str, tuple[Line, ...]]

    def lines_of(self, key: str) -> tuple[Line, ...]:
        return self.by_key.get(key, ())

    def found(self, key: str) -> bool:
        return key in self.by_key


def split_sections(body: Sequence[Line], fmt: Format, notes: Notes) -> Sections:
    """The sections of ``body`` (the document without its title block); headings missing or repeated are noted.
    Each section heading stands on a line of its own once the lines are cut: split out of run-together text,
    joined when a conversion broke it over two lines (``三、收到和处理政府信息公开`` / ``申请情况``), taken out of a
    table row that holds nothing else (``| 三、收到和处理政府信息公开申请情况 |``)."""
    by_key: dict[str, list[Line]] = {"preamble": []}
    current = "preamble"
    into = by_key[current].append
    pattern = heading_pattern(fmt)
    maybe = _number_pattern(fmt)
    skip_next = False
    for k, line in enumerate(body):
        if skip_next:
            skip_next = False
            continue
        if line.cells is not None:
            alone = _heading_alone(fmt, pattern, line)
            pieces: Sequence[tuple[Line, Section | None]] = (
                ((line, None),) if alone is None else ((Line(line.text, line.number), alone),)
            )
        elif not maybe(line.text):  # most lines: no section number in them
            into(line)
            continue
        elif (found := _heading_pieces(fmt, pattern, line.text)) is not None:
            pieces = [(Line(text, line.number), section) for text, section in found]
        else:
            broken = _heading_over_two_lines(fmt, pattern, line, body[k + 1] if k + 1 < len(body) else None)
            skip_next = broken is not None
            pieces = ((line, broken),)
        for piece, section in pieces:
            if section is None:
                into(piece)
                continue
            if section.key in by_key and section.key != current:
                notes.warn(Phrase("warn.heading_again", heading=section.heading), piece.number)
            current = section.key
            into = by_key.setdefault(current, []).append
    missing = [s.heading for s in fmt.sections if s.key not in by_key]
    if missing:
        notes.warn(Phrase("warn.headings_missing", headings="，".join(missing)))
    preamble = tuple(by_key.pop("preamble"))
    return Sections(preamble, {k: tuple(v) for k, v in by_key.items()})


_SEPARATOR = "[、.．,，]"
"""What stands between a heading's number and its title (a comma where OCR read 、)."""
_PATTERNS: dict[str, re.Pattern[str]] = {}


def heading_pattern(fmt: Format) -> re.Pattern[str]:
    """One pattern for every section heading of ``fmt`` (number, 、 or the like, title or an alias), remembered."""
    if fmt.version not in _PATTERNS:
        _PATTERNS[fmt.version] = _build_heading_pattern(fmt)
    return _PATTERNS[fmt.version]


def _build_heading_pattern(fmt: Format) -> re.Pattern[str]:
    alternatives: list[str] = []
    for section in fmt.sections:
        for title in (section.title, *section.aliases):
            spaced = r"\s*".join(re.escape(c) for c in title)
            # the number outside the group: every alternative starts with a literal character, so the regex
            # engine skips to the positions holding a section number (a paragraph without one is passed over fast)
            name = f"s_{section.key}_{len(alternatives)}"
            alternatives.append(rf"{re.escape(section.number)}\s*{_SEPARATOR}\s*(?P<{name}>{spaced})")
    return re.compile("|".join(alternatives))


_NUMBERS: dict[str, Callable[[str], re.Match[str] | None]] = {}


def _number_pattern(fmt: Format) -> Callable[[str], re.Match[str] | None]:
    """The search for a section number and its separator (``三、``), which every heading line holds, remembered."""
    if fmt.version not in _NUMBERS:
        numbers = "".join(s.number for s in fmt.sections)
        _NUMBERS[fmt.version] = re.compile(rf"[{numbers}]\s*{_SEPARATOR}").search
    return _NUMBERS[fmt.version]


def _whole_heading(fmt: Format, pattern: re.Pattern[str], text: str) -> Section | None:
    """The section whose heading ``text`` is, entirely (None: it is not one heading)."""
    pieces = _heading_pieces(fmt, pattern, text.strip())
    if pieces is None or len(pieces) != 1:
        return None
    return pieces[0][1]


def _heading_alone(fmt: Format, pattern: re.Pattern[str], line: Line) -> Section | None:
    filled = [c.strip() for c in line.cells or () if c.strip()]
    if len(filled) != 1 or len(filled[0]) > 40:
        return None
    return _whole_heading(fmt, pattern, filled[0])


def _heading_over_two_lines(fmt: Format, pattern: re.Pattern[str], line: Line, after: Line | None) -> Section | None:
    if after is None or after.cells is not None or len(line.text.strip()) > 40 or len(after.text.strip()) > 20:
        return None
    return _whole_heading(fmt, pattern, line.text.strip() + after.text.strip())


_PIECES: dict[tuple[str, str], tuple[tuple[str, Section | None], ...] | None] = {}


def _heading_pieces(fmt: Format, pattern: re.Pattern[str], text: str) -> tuple[tuple[str, Section | None], ...] | None:
    """``text`` cut at the section headings in it (None: there are none). Remembered: table label lines such as
    ``三、本年度办理结果 / …`` repeat in every report."""
    key = (fmt.version, text)
    if key in _PIECES:
        return _PIECES[key]
    if len(_PIECES) >= REMEMBERED_LINES:
        _PIECES.clear()
    remember = len(text) <= REMEMBERED_LENGTH
    pieces: list[tuple[str, Section | None]] = []
    pos = 0
    for m in pattern.finditer(text):
        before = text[pos : m.start()]
        if before.strip():
            pieces.append((before, None))
        name = next(k for k, v in m.groupdict().items() if v is not None).split("_", 1)[1].rsplit("_", 1)[0]
        pieces.append((m.group(0), fmt.section(name)))
        pos = m.end()
    rest = text[pos:]
    if rest.strip() or pos == 0:
        pieces.append((rest, None))
    found = tuple(pieces) if pos else None
    if remember:
        _PIECES[key] = found
    return found
