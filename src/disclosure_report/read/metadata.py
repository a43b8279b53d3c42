"""Stage 3: the report's metadata — publication date, statistics period and contact from the printed text, and the
metadata record the document carries out of sight when it belongs to this document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from disclosure_report.errors import Phrase
from disclosure_report.formats import Format
from disclosure_report.jsonio.fast import try_structure_as
from disclosure_report.model import Meta
from disclosure_report.read.labels import ascii_digits
from disclosure_report.read.lines import Line
from disclosure_report.read.notes import Notes
from disclosure_report.read.sections import heading_pattern
from disclosure_report.read.title import record_title
from disclosure_report.zh import ZhParseError, find_period, parse_date

_PUBLISHED = re.compile(r"(?:发布(?:时间|日期)|成文日期)\s*[:：]\s*([0-9]{4}[-./年][0-9]{1,2}[-./月][0-9]{1,2}日?)")
DATE_LINE = re.compile(
    r"^[（(]?\s*([0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日)\s*[）)]?$"
)
"""A line that is only a date (a signature's date, a publication date under the title)."""
_SPACES = re.compile(r"\s+")
_CONTACT = {
    "address": (re.compile(r"(?:联系)?地址\s*[:：]\s*([^；;，,。）)\n]+)"), "地址"),
    "phone": (re.compile(r"(?:联系)?电话(?:/传真)?\s*[:：]\s*([0-9０-９\-－—（）() ]{6,})"), "电话"),
    "postcode": (re.compile(r"(?:邮政编码|邮编)\s*[:：]\s*([0-9]{6})"), "邮"),
}
"""Each item's pattern, with a word every match of it holds (a text without the word is not searched)."""


def find_published(lines: Sequence[Line], fmt: Format) -> tuple[dt.date | None, set[int]]:
    """The publication date printed near the top — before the first section heading — and the indexes of lines
    that are only that date. (A date after the body began, such as the signature's, is the closing's.)"""
    used: set[int] = set()
    heading = heading_pattern(fmt).search
    for i, line in enumerate(lines[:60]):
        if line.cells is not None:
            continue
        text = ascii_digits(line.text.strip())
        if heading(text):
            break
        m = (_PUBLISHED.search(text) if "发布" in text or "成文日期" in text else None) or (
            DATE_LINE.match(text) if "日" in text else None  # (every date line ends with 日)
        )
        if m:
            try:
                value = parse_date(_SPACES.sub("", m.group(1)))
            except ZhParseError:
                continue
            if DATE_LINE.match(text):
                used.add(i)
            return value, used
    return None, used


def period_data(text: str) -> dict[str, str] | None:
    """The statistics period a text states, as JSON data (None: it states none) — also when a line break cuts it
    (text extracted from a PDF keeps the breaks at line ends: ``统计期限自 2024 年 1 月 1 日`` / ``起至 2024 年 12 月
    31 日止``)."""
    period = find_period(text) or ("\n" in text and find_period(text.replace("\n", ""))) or None
    return {"start": period[0].isoformat(), "end": period[1].isoformat()} if period else None


def contact_data(preamble: str) -> dict[str, str | None] | None:
    """The address, phone and postcode a preamble states, as JSON data (None: it states none)."""
    contact = {
        k: (m.group(1).strip() if word in preamble and (m := p.search(preamble)) else None)
        for k, (p, word) in _CONTACT.items()
    }
    return (contact | {"email": None, "website": None}) if any(contact.values()) else None


def usable_record(fmt: Format, notes: Notes, record: dict[str, Any] | None, title: str | None) -> dict[str, Any] | None:
    """The record's metadata when it belongs to this document: same format, and the title it gives (or the
    customary one it implies) is the title printed. Otherwise None, with a warning when there was a record."""
    if record is None:
        return None
    meta = record["meta"]
    if record["format"] != fmt.version:
        notes.warn(Phrase("warn.record_other_format", format=record["format"]))
        return None
    expected = record_title(record)
    if expected is None or try_structure_as(Meta, meta) is None:
        notes.warn(Phrase("warn.record_invalid"))
        return None
    if title != expected:
        notes.warn(Phrase("warn.record_other_title", expected=expected))
        return None
    return dict(meta)
