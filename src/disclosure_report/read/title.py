"""Stage 2a: the title block — the printed title (also over two or three lines), the lines it occupies, and the
report year and agency it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from disclosure_report.authoring.skeleton import customary_title
from disclosure_report.read.labels import ascii_digits
from disclosure_report.read.lines import Line
from disclosure_report.zh import ZhParseError, parse_int

_SPACES = re.compile(r"\s+")
_TITLE_YEAR = re.compile(r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年度?")


@attrs.frozen
class TitleBlock:
    """The title as printed (spaces removed; None when there is none), the indexes of the lines it stands on
    (with any repeat of it just after), and the year and agency it names (None when it names none)."""

    title: str | None
    at: tuple[int, ...] = ()
    year: int | None = None
    agency: str | None = None


def find_title(lines: Sequence[Line], record: dict[str, Any] | None = None) -> TitleBlock:
    """The title block of ``lines``: the title the embedded ``record`` gives when it is printed first, else the
    first short line that says 年度报告 — joined with the one or two short lines before it when the title is
    printed over several lines (``洪泽区人民政府`` / ``2024 年政府信息公开工作年度报告``;
    ``2025 年上海市人民政府办公厅政府信息公开`` / ``工作年度报告``), and with a line before those that names
    only a region (``新疆维吾尔自治区伊犁哈萨克自治州`` / ``奎屯市人民政府办公室`` / ``2025年…``)."""
    title, at = _title(lines, record)
    if title is None:
        return TitleBlock(None)
    year, agency = year_and_agency(title)
    first = at
    if record_title(record) != title:
        for before in (at - 1, at - 2):
            if (year is not None and agency) or before < 0 or not _continues_a_title(lines[before]):
                break
            joined = _SPACES.sub("", lines[before].text) + title
            joined_year, joined_agency = year_and_agency(joined)
            if joined_year is None and year is not None:
                break
            title, year, agency, first = joined, joined_year, joined_agency, before
        if agency and title.startswith(agency) and first > 0 and _names_a_region_only(lines[first - 1]):
            title, first = _SPACES.sub("", lines[first - 1].text) + title, first - 1
            year, agency = year_and_agency(title)
    if year is None:
        agency = ""  # a title without a year names no agency either: its words are not an agency's name
    used = tuple(range(first, at + 1))
    return TitleBlock(title, (*used, *_repeated_title(lines, at, title)), year, agency or None)


_REGION_ONLY = re.compile(r"[\u4e00-\u9fff]{2,}(?:省|自治区|特别行政区|市|自治州|地区|盟|县|自治县|区|旗|自治旗)")
_ORGAN = re.compile(r"政府|委员会|办公|局|厅|部|院|署|司|处|所|中心|报告")


def _names_a_region_only(line: Line) -> bool:
    """A line that names only a region (``新疆维吾尔自治区伊犁哈萨克自治州``): no agency's name by itself, so
    before a title it is the first line of an agency's name too long for one line (a title over three lines)."""
    text = _SPACES.sub("", line.text)
    return line.cells is None and _REGION_ONLY.fullmatch(text) is not None and _ORGAN.search(text) is None


def _continues_a_title(line: Line) -> bool:
    """A short line that can be the first part of a title printed over several lines: not a table row, not a
    sentence, not a date."""
    text = line.text.strip()
    return line.cells is None and 0 < len(text) <= 40 and not re.search(r"[。；;：:，,]|[0-9]{1,2}\s*月", text)


def _title(lines: Sequence[Line], record: dict[str, Any] | None) -> tuple[str | None, int]:
    expected = record_title(record)
    if expected is not None:  # the title the embedded record gives, printed first: whatever its wording
        for i, line in enumerate(lines[:3]):
            if line.cells is None and _SPACES.sub("", line.text) == expected:
                return expected, i
    for i, line in enumerate(lines[:40]):
        text = line.text.strip() if line.cells is None else _title_in_cells(line.cells)
        if "年度报告" in text and len(text) < 120 and not _SENTENCE.search(text):
            text = re.sub(r"^(?:标题|题名)\s*[:：]\s*", "", text)
            return _SPACES.sub("", text), i
    return None, -1


_SENTENCE = re.compile(r"[。，；]")
"""What a title never holds and a sentence does (a preamble naming the 年度报告格式 is no title)."""


def _title_in_cells(cells: Sequence[str]) -> str:
    """The title a row of cells holds — a title whose agency and year a tab sets apart (``盘州市乡村振兴局⇥2023年
    政府信息公开工作年度报告``): text cells, no figure, ending with 年度报告; else ``""``."""
    texts = [c.strip() for c in cells if c.strip()]
    joined = "".join(texts)
    if len(texts) < 2 or not joined.endswith("年度报告") or any(_FIGURE.fullmatch(t) for t in texts):
        return ""
    return joined


_FIGURE = re.compile(r"[-+]?[0-9０-９][0-9０-９,.]*")


def year_and_agency(title: str) -> tuple[int | None, str]:
    """The year a title names and the agency before it (or after it, when the year comes first).

    >>> year_and_agency("2025年上海市人民政府办公厅政府信息公开工作年度报告")
    (2025, '上海市人民政府办公厅')
    >>> year_and_agency("洪泽区人民政府2024年政府信息公开工作年度报告")
    (2024, '洪泽区人民政府')
    """
    m = _TITLE_YEAR.search(ascii_digits(title))
    if not m:
        return None, title
    try:
        year = parse_int(m.group(1))
    except ZhParseError:
        return None, title
    agency = title[: m.start()] or re.split(r"政府信息公开", title[m.end() :])[0]
    return year, agency.strip()


def record_title(record: dict[str, Any] | None) -> str | None:
    """The title a record gives (or the customary one it implies), without spaces; None for no usable record."""
    if record is None:
        return None
    meta = record["meta"]
    agency, year, given = meta.get("agency"), meta.get("year"), meta.get("title")
    if type(agency) is not str or type(year) is not int or not (given is None or type(given) is str):
        return None
    return _SPACES.sub("", given if given is not None else customary_title(agency, year))


def _repeated_title(lines: Sequence[Line], title_at: int, title: str) -> list[int]:
    """The lines just after the title that repeat it (a page's <title> and its <h1>, a Word title and heading)."""
    last = _SPACES.sub("", lines[title_at].text)
    return [
        i
        for i in range(title_at + 1, min(title_at + 3, len(lines)))
        if lines[i].cells is None and _SPACES.sub("", lines[i].text) in (last, title)
    ]
