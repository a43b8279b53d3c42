"""Whose report, on which year: from the document (its title, its preamble's wording, its statistics period, its
signature) or from the caller — never assumed. When neither gives them the read fails saying what to pass."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs

from disclosure_report.errors import Phrase
from disclosure_report.read.base import ReadError
from disclosure_report.read.labels import ascii_digits
from disclosure_report.read.notes import Notes
from disclosure_report.zh import find_period

_NAMED = re.compile(
    r"(?:现将|现予|现向社会公布|现公布|现发布|特?发布|公布)?([^\s，,。；;：:“”\"《》()（）]{2,40}?)\s*"
    r"([0-9]{4})\s*年度?\s*(?:的)?\s*政府信息公开(?:工作)?(?:年度)?报告"
)
_NAMED_TAIL = re.compile(r"[0-9]{4}\s*年度?\s*(?:的)?\s*政府信息公开(?:工作)?(?:年度)?报告")
"""What :data:`_NAMED` ends with: a year and the report's name."""
_NAMED_REACH = 6 + 40
"""How far before the spaces ahead of its year a match of :data:`_NAMED` can start (its longest lead word, then
the agency)."""
_NOT_IN_NAMED = re.compile(r"[\s，,。；;：:“”\"《》()（）]")
"""What neither the agency of :data:`_NAMED` nor its lead words hold."""
_NOT_AN_AGENCY = re.compile(r"^(?:本|我|现|特|公布|发布|向社会|编制|根据|依据)")


_GIVEN: ContextVar[tuple[int | None, str | None]] = ContextVar("given_identity", default=(None, None))


@contextmanager
def given_identity(year: int | None, agency: str | None) -> Iterator[None]:
    """The caller's year and agency for every read inside the block, also through a reader whose ``read`` does not
    take them as keywords (a plugin written before them): the assembler uses them as if they had been passed."""
    token = _GIVEN.set((year, agency))
    try:
        yield
    finally:
        _GIVEN.reset(token)


def caller_given() -> tuple[int | None, str | None]:
    """The year and agency :func:`given_identity` set for the read under way, if any."""
    return _GIVEN.get()


@attrs.frozen
class Identity:
    """The agency and year of a report, each with where it came from (``"title"``, ``"preamble"``, ``"period"``,
    ``"signature"``, ``"record"``, ``"caller"``)."""

    agency: str
    year: int
    agency_from: str
    year_from: str


_AGENCY_ENDINGS = "府局委办厅院室会部署心处所站队司馆区县市镇乡道"
"""The last character of the name of an agency (人民政府, 局, 委员会, 办公室, 中心, 街道…) or of a region."""


def looks_like_an_agency(text: str) -> bool:
    """Whether a short line can be an agency's name, as a signature prints it (``沭阳县人民政府``; not ``特此报告``).

    >>> looks_like_an_agency("沭阳县人民政府"), looks_like_an_agency("特此报告")
    (True, False)
    """
    name = text.strip()
    return 2 <= len(name) <= 40 and name[-1] in _AGENCY_ENDINGS and not _NOT_AN_AGENCY.match(name)


def preamble_names(preamble: str) -> tuple[str | None, int | None]:
    """The agency and year the preamble names its report by (``现将盘州市乡村振兴局2023年政府信息公开工作年度报告
    向社会公布``), else the year its statistics period covers.

    >>> preamble_names("现公布盘州市乡村振兴局2023年政府信息公开工作年度报告。")
    ('盘州市乡村振兴局', 2023)
    >>> preamble_names("本报告所列数据统计期限从2025年1月1日至2025年12月31日止。")
    (None, 2025)
    """
    preamble = ascii_digits(preamble)
    m = _named(preamble)
    if m:
        agency = m.group(1)
        return (None if _NOT_AN_AGENCY.match(agency) else agency), int(m.group(2))
    period = find_period(preamble)
    if period is not None and period.start.year == period.end.year:
        return None, period.start.year
    return None, None


def _named(preamble: str) -> re.Match[str] | None:
    """``_NAMED.search(preamble)``, searched from just before the first year that the report's name follows (a
    pattern that starts with a lazy run is otherwise tried at every position: ~50 µs on a preamble). No match can
    start earlier: the agency runs up to the spaces before a year, no such year comes before the first, and
    neither the agency nor its lead word holds a space or a stop."""
    tail = _NAMED_TAIL.search(preamble)
    if tail is None:
        return None
    start = tail.start()
    while start > 0 and preamble[start - 1].isspace():
        start -= 1
    lowest = max(0, start - _NAMED_REACH)
    for stop in _NOT_IN_NAMED.finditer(preamble, lowest, start):
        lowest = stop.end()  # the agency and its lead word come after the last space or stop before the year
    return _NAMED.search(preamble, lowest)


def resolve(
    name: str,
    notes: Notes,
    *,
    document: tuple[tuple[str | None, str], ...],
    years: tuple[tuple[int | None, str], ...],
    agency: str | None,
    year: int | None,
) -> Identity:
    """The first agency and year the document gives (``document``, ``years``: candidates in order of trust, each
    with where it came from), or the caller's ``agency``/``year``. A caller's value that differs from the
    document's is used, with a warning naming what was printed. :class:`ReadError` when neither gives one."""
    printed_agency = next(((a, src) for a, src in document if a), None)
    printed_year = next(((y, src) for y, src in years if y is not None), None)
    if agency is not None:
        if printed_agency is not None and printed_agency[0] != agency:
            notes.warn(Phrase("warn.given_agency", place=printed_agency[1], printed=printed_agency[0], given=agency))
        agency_found: tuple[str, str] | None = (agency, "caller")
    else:
        agency_found = printed_agency
    if year is not None:
        if printed_year is not None and printed_year[0] != year:
            notes.warn(Phrase("warn.given_year", place=printed_year[1], printed=printed_year[0], given=year))
        year_found: tuple[int, str] | None = (year, "caller")
    else:
        year_found = printed_year
    if year_found is None or agency_found is None:
        missing = (
            "year_agency" if year_found is None and agency_found is None else "year" if year_found is None else "agency"
        )
        raise ReadError.keyed(f"read.no_{missing}", source=name)
    assert year_found is not None and agency_found is not None
    return Identity(agency_found[0], year_found[0], agency_found[1], year_found[1])
