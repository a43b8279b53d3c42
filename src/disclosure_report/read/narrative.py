"""Stage 4: the narrative sections as printed — 一 with its subsections, 五, 六 with its typed blocks, and the
signature after 六."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import attrs

from disclosure_report.formats import Section
from disclosure_report.jsonio.convert import converter
from disclosure_report.model import FeeCollection, OtherMatters
from disclosure_report.published.fee_statement import stated_fees
from disclosure_report.read.labels import normalise, strip_numbering
from disclosure_report.read.lines import Line
from disclosure_report.read.metadata import DATE_LINE
from disclosure_report.zh import ZhParseError, parse_int

_SUB_KEYWORDS = (
    ("on_request", ("依申请",)),
    ("proactive", ("主动公开",)),
    ("management", ("信息管理",)),
    ("platforms", ("平台",)),
    ("oversight", ("监督", "保障")),
)
_SUB_MARK = re.compile(r"[（(]\s*([一二三四五六七八九十]+)\s*[）)]")


def text_of(lines: Sequence[Line]) -> str:
    """The paragraphs of ``lines``, one a line, without blank lines."""
    return "\n".join([text for line in lines if (text := line.text.strip())])


def _mark_number(numeral: str) -> int | None:
    """The number a subsection mark's numeral writes (``十二`` → 12), None when it writes none."""
    return _short_mark_number(numeral) if len(numeral) <= 8 else _read_mark_number(numeral)


def _read_mark_number(numeral: str) -> int | None:
    try:
        return parse_int(numeral)
    except ZhParseError:
        return None


_short_mark_number = lru_cache(maxsize=1024)(_read_mark_number)
"""Remembered: the same few numerals (一 to 十) mark the subsections of every report."""


def _subsections(text: str) -> list[tuple[str | None, str]]:
    """Split text at （一）（二）… markers that follow each other in order.

    Returns ``[(heading, body)]``; the first heading is None (the text before the first marker)."""
    marks: list[re.Match[str]] = []
    expected = 1
    for m in _SUB_MARK.finditer(text):
        value = _mark_number(m.group(1))
        if value is None:
            continue
        before = text[m.start() - 1] if m.start() else "\n"
        # the next number after a sentence ends, or a later one (a subsection left out) at the start of a line
        if (value == expected and before in '\n。；;：:！!？?」”"）) \t') or (value > expected and before == "\n"):
            marks.append(m)
            expected = value + 1
    if not marks:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = [(None, text[: marks[0].start()].strip())]
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        chunk = text[m.start() : end].strip()
        first, _, rest = chunk.partition("\n")
        if len(first) > 40:  # heading and text on one line: the heading ends at the first full stop
            cut = min((first.find(p) for p in "。." if first.find(p) > 0), default=-1)
            if 0 < cut <= 40:
                first, rest = first[: cut + 1], (first[cut + 1 :] + ("\n" + rest if rest else "")).strip()
            else:
                first, rest = first[: m.end() - m.start()], (first[m.end() - m.start() :] + "\n" + rest).strip()
        pieces.append((first.strip(), rest.strip()))
    return pieces


def overview(lines: Sequence[Line], section: Section) -> dict[str, Any]:
    """一、总体情况: the intro, the declared subsections by their headings, the others as ``extra`` blocks."""
    data: dict[str, Any] = {"intro": "", "extra": []}
    data |= {sub.key: "" for sub in section.subsections}
    pieces = _subsections(text_of(lines))
    data["intro"] = pieces[0][1]
    for heading, body in pieces[1:]:
        assert heading is not None
        key = _subsection_key(heading, section)
        if key is not None and not data[key]:
            data[key] = body
        else:
            data["extra"].append({"heading": heading, "text": body})
    return data


_TITLES: dict[int, dict[str, str]] = {}


def _subsection_titles(section: Section) -> dict[str, str]:
    """Each normalised title and alias of the subsections of ``section`` → the first subsection it names."""
    found = _TITLES.get(id(section))
    if found is None:
        found = _TITLES[id(section)] = {}
        for sub in section.subsections:
            for title in (sub.title, *sub.aliases):
                found.setdefault(normalise(title), sub.key)
    return found


def _subsection_key(heading: str, section: Section) -> str | None:
    bare = strip_numbering(heading).rstrip("。.:：")
    key = _subsection_titles(section).get(bare)
    if key is not None:
        return key
    for key, words in _SUB_KEYWORDS:
        if any(w in bare for w in words):
            return key
    return None


_NO_STATEMENTS = {f.name: None for f in attrs.fields(OtherMatters) if f.default is None}
"""The typed statements of 六 (``fees``, ``annual_key_tasks``…) as the model has them when the text makes none."""


def other_matters(lines: Sequence[Line], section: Section) -> dict[str, Any]:
    """六、其他需要报告的事项: the text, the typed subsections, and a ``fees`` statement when the text states one.
    Every key of the model is given (a typed statement the text does not make: None, the model's default), so the
    data is a whole :class:`~disclosure_report.model.OtherMatters` as JSON writes it."""
    pieces = _subsections(text_of(lines))
    data: dict[str, Any] = dict(_NO_STATEMENTS)
    data["text"] = pieces[0][1]
    typed = {sub.key: sub for sub in section.subsections}
    extra_text: list[str] = []
    for heading, body in pieces[1:]:
        assert heading is not None
        bare = strip_numbering(heading)
        key = next((k for k, sub in typed.items() if normalise(sub.title) == bare), None)
        if key is None:
            extra_text.append(f"{heading}\n{body}".strip())
        elif key == "fees":  # a fee subsection that states no amount still says fees were collected
            data["fees"] = converter.unstructure(stated_fees(body) or FeeCollection(collected=True))
        else:
            data[key] = body
    if extra_text:
        data["text"] = "\n".join(t for t in [data["text"], *extra_text] if t)
    if data["fees"] is None:
        stated = stated_fees(data["text"])
        if stated is not None:
            data["fees"] = converter.unstructure(stated)
    return data


def split_closing(lines: Sequence[Line], agency: str) -> tuple[list[Line], list[Line]]:
    """Section 六 and the signature after it (the agency's name and a date, at the very end)."""
    if len(lines) >= 2:
        last, before = lines[-1].text.strip(), lines[-2].text.strip()
        if DATE_LINE.match(last) and (before == agency or (len(before) <= 30 and not before.endswith("。"))):
            return list(lines[:-2]), list(lines[-2:])
    return list(lines), []
