"""Hypothesis strategies for whole reports, built from the model's own fields (so they follow the model)."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Any, Literal, Union

import attrs
from hypothesis import strategies as st

from disclosure_report import PROACTIVE_CLASSES, UNREAD, AnnualReport, Blank, Meta, Period
from disclosure_report.model.cells import cell_kind

NOT_TEXT_CHARACTERS = "".join(chr(c) for c in [*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF])
"""Characters no document text may hold (lone surrogates are excluded as category Cs)."""
BLANK_MARKS = st.sampled_from(["", "-", "—", "－", "/", "／", "无", "×"])
blanks = BLANK_MARKS.map(Blank)
texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=NOT_TEXT_CHARACTERS),
        st.sampled_from(list("一二三四五六（）、。，：；“”《》<>&\"'\n\t 0123456789")),
    ),
    max_size=40,
) | st.sampled_from(["<script>alert(1)</script>", "一、总体情况", "（一）予以公开", "A & B < C", ""])

counts = st.one_of(st.integers(0, 9), st.integers(0, 10**9), blanks)
signed = st.one_of(st.integers(-(10**6), 10**6), blanks)
money = st.one_of(
    st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False, allow_infinity=False),
    st.integers(0, 10**6).map(Decimal),
    blanks,
)
CELLS = {"count": counts, "signed": signed, "money": money}
WITH_UNREAD = {kind: st.one_of(values, st.just(UNREAD)) for kind, values in CELLS.items()}
"""Cells as a reader may leave them: some unread (only the JSON document keeps that state)."""


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType)


def _for_type(tp: Any, cells: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    if _is_union(tp):
        return st.one_of([_for_type(a, cells) for a in typing.get_args(tp)])
    if tp is type(None):
        return st.none()
    origin = typing.get_origin(tp)
    if origin is Literal:
        return st.sampled_from(typing.get_args(tp))
    if origin is tuple:
        return st.lists(_for_type(typing.get_args(tp)[0], cells), max_size=3).map(tuple)
    if attrs.has(tp):
        return for_class(tp, cells=cells)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: texts,
        bool: st.booleans(),
        int: st.integers(0, 10**6),
        Decimal: st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
        dt.date: st.dates(dt.date(2000, 1, 1), dt.date(2999, 12, 31)),
    }
    return simple[tp]


def for_class(
    cls: type, cells: dict[str, st.SearchStrategy[Any]] = CELLS, **overrides: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Instances of an attrs model class with every field drawn from its type (cells by their kind)."""
    attrs.resolve_types(cls)
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for f in attrs.fields(cls):
        kind = cell_kind(f)
        if f.name in overrides:
            fields[f.name] = overrides[f.name]
        else:
            fields[f.name] = cells[kind] if kind else _for_type(f.type, cells)
    return st.builds(cls, **fields)


periods = st.dates(dt.date(2000, 1, 1), dt.date(2999, 12, 30)).flatmap(
    lambda start: st.dates(start, dt.date(2999, 12, 31)).map(lambda end: Period(start, end))
)
metas = for_class(Meta, year=st.integers(2000, 2999), period=st.none() | periods)


@st.composite
def reports(draw: st.DrawFn, version: str | None = None, unread: bool = False) -> AnnualReport:
    """Any valid report: either format version (or ``version``), random cells incl. blanks (and unread cells when
    ``unread``), random text."""
    fmt = version or draw(st.sampled_from(sorted(PROACTIVE_CLASSES)))
    cells = WITH_UNREAD if unread else CELLS
    return draw(
        for_class(
            AnnualReport,
            cells=cells,
            format=st.just(fmt),
            meta=metas,
            proactive=for_class(PROACTIVE_CLASSES[fmt], cells=cells),
        )
    )


DAMAGE = st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from("dmjx")), max_size=4)
"""Ways to damage a text as conversions do, for :func:`damaged`: where (any number: taken modulo the lines) and
how — a line dropped (``d``), merged with the next (``m``), its spaces lost (``j``), its figures garbled (``x``)."""


def damaged(text: str, damage: list[tuple[int, str]]) -> str:
    """``text`` with each of ``damage`` (see :data:`DAMAGE`) done to its lines in turn."""
    lines = text.splitlines()
    for at, how in damage:
        k = at % len(lines)
        if how == "d":
            del lines[k]
        elif how == "m" and k + 1 < len(lines):
            lines[k] += lines.pop(k + 1)
        elif how == "j":
            lines[k] = lines[k].replace(" ", "")
        elif how == "x":
            lines[k] = lines[k].replace("0", "o").replace("1", "l,")
    return "\n".join(lines)
