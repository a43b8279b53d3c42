"""Is this an annual report, and of which format? Decided by the words it contains (spec §3.5)."""

from __future__ import annotations

from collections.abc import Sequence

from disclosure_report.formats import FORMATS, Format, format_for_year, get_format
from disclosure_report.read.base import UnsupportedFormatError
from disclosure_report.read.labels import REMEMBERED_LENGTH, normalise

_MARKERS_2021 = ("本年制发件数", "本年收费金额")
_MARKERS_2019 = ("本年新制作数量", "上一年项目数量", "本年增/减", "第二十条第(九)项")


class Haystack:
    """The text of a document, searched for labels the way :func:`normalise` compares them. Labels stand on short
    lines (headings, table labels), and those lines repeat across reports, so they are searched first, each
    normalised once and remembered; the whole text is normalised only when a label is not found there. A label
    printed exactly as it is asked for is found in the text as it stands, before anything is normalised."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._raw = "\n".join(lines)
        self._short: str | None = None
        self._full: str | None = None

    @property
    def text(self) -> str:
        """The lines as they stand, one after the other."""
        return self._raw

    def __contains__(self, label: str) -> bool:
        if label in self._raw:  # printed as declared: normalising both sides keeps it (the labels end in ideographs)
            return True
        wanted = normalise(label)
        if self._short is None:
            self._short = "\n".join(normalise(t) for t in self._lines if len(t) <= REMEMBERED_LENGTH)
        if wanted in self._short:
            return True
        if self._full is None:
            self._full = normalise("\n".join(self._lines))
        return wanted in self._full


def looks_like_a_report(flat: Haystack) -> bool:
    """Whether the text names itself a 政府信息公开 annual report, or has its section headings."""
    return "政府信息公开" in flat and any(
        w in flat for w in ("年度报告", "收到和处理政府信息公开申请情况", "主动公开政府信息情况")
    )


def detect_format(text: str | Haystack, year: int | None) -> Format:
    """The format a document follows, by its table labels (spec §3.5), else by its year."""
    flat = text if isinstance(text, Haystack) else Haystack(text.splitlines())
    if any(m in flat for m in _MARKERS_2021):
        return get_format("2021")
    if any(m in flat for m in _MARKERS_2019):
        return get_format("2019")
    if year is not None and year <= 2018:
        raise UnsupportedFormatError.keyed("read.before_2019", year=year)
    if "收到和处理政府信息公开申请情况" in flat or "本年新收政府信息公开申请数量" in flat:
        return format_for_year(year) if year is not None else get_format(max(FORMATS))
    raise UnsupportedFormatError.keyed("read.older_format")
