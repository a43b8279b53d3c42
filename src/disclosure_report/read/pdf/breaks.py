"""A row of a table without ruling lines cut by a page break, made whole again: a word processor prints the rest
of a row's wrapped label at the top of the next page, under the header repeated there (LibreOffice's PDF of a web
page: ``（二）部分公开（区分处理的，只计这一情形，不计其他情`` / ``形）``, ``2.没有现成信`` / ``息需要另行制作``)."""

from __future__ import annotations

import attrs

from disclosure_report.read.pdf.columns import UnruledTable
from disclosure_report.read.pdf.ruled import NUMBERED
from disclosure_report.read.pdf.text import join

_SAME_LEFT = 2.0
"""Label columns of two pages starting this close (in points) are one column."""


def _carried(before: UnruledTable, after: UnruledTable) -> dict[int, str] | None:
    """The text of ``after``'s first row going on the labels of ``before``'s last row, by the label column of
    ``before`` it goes on; None unless every label of that row does (see :func:`runs_on`)."""
    first = after.rows[0]
    out: dict[int, str] = {}
    for c, left in enumerate(after.lefts):
        text = first[c]
        if not text or (c > 0 and first[c - 1] == text):
            continue  # empty, or a label spanning label columns (repeated as an expanded colspan)
        above = [j for j, x in enumerate(before.lefts) if abs(x - left) <= _SAME_LEFT]
        if NUMBERED.match(text) or len(above) != 1 or above[0] not in before.open:
            return None
        out[above[0]] = text
    return out or None


def runs_on(before: UnruledTable, after: UnruledTable) -> bool:
    """Whether the first row of ``after`` (at the top of a page) is the rest of the last row of ``before`` (at the
    foot of the page before): ``after`` goes on ``before`` in its columns, each label of its first row starts no
    numbered item (every row of table 三 does) and stands where a label of the last row starts whose last line
    ends at its cell's right edge, and one of the two rows at most has figures."""
    if after.page != before.page + 1 or not after.goes_on or not after.rows or not before.rows:
        return False
    if _carried(before, after) is None:
        return False
    width = len(before.columns)
    return not (any(before.rows[-1][-width:]) and any(after.rows[0][-width:]))


def ran_on(before: UnruledTable, after: UnruledTable) -> tuple[UnruledTable, UnruledTable]:
    """``before`` with its last row completed by the first row of ``after`` (:func:`runs_on`), and ``after``
    without it. A label spanning label columns is completed in each."""
    carried = _carried(before, after) or {}
    last = list(before.rows[-1])
    labels = len(before.lefts)
    for column, text in carried.items():
        was = last[column]
        last[column] = join(was, text)
        for c in range(column + 1, labels):
            if last[c] != was:
                break
            last[c] = last[column]
    width = len(before.columns)
    if not any(last[-width:]):
        last[-width:] = after.rows[0][-width:]
    before = attrs.evolve(before, rows=(*before.rows[:-1], tuple(last)))
    return before, attrs.evolve(after, rows=after.rows[1:])


def numbers_ran_on(before: UnruledTable, after: UnruledTable) -> UnruledTable:
    """``before`` with the numbers of its last row completed by the figures opening ``after`` (its ``carried``:
    taken only when each is the rest of a number filling its column at the foot of the page)."""
    width = len(before.columns)
    last = list(before.rows[-1])
    for c, text in enumerate(after.carried):
        last[len(last) - width + c] += text
    return attrs.evolve(before, rows=(*before.rows[:-1], tuple(last)))
