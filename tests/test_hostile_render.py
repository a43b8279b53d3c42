"""Whatever ``loads`` accepts, every renderer renders: extreme strings (long, formula-like, link-like, astral,
bidi controls) and numbers at their bounds, through html, markdown, text, json, docx and xlsx.

The property test renders each example six times, a Word file and a workbook among them: 8 examples take 10-25 s
on a shared machine, which is what it costs to cover every renderer."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import attrs
import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, dumps, loads, new_report, render
from disclosure_report.model.cells import MAX_COUNT
from disclosure_report.model.paths import iter_cells, replace_value
from disclosure_report.render.docx import CORE_PROPERTY_LIMIT
from strategies import NOT_TEXT_CHARACTERS, blanks, reports

RENDERERS = ("html", "markdown", "text", "json", "docx", "xlsx")
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=NOT_TEXT_CHARACTERS)
EXTREME_TEXTS = st.one_of(
    st.text(_CHARS, min_size=256, max_size=600),
    st.sampled_from(
        [
            "=cmd|'/C calc'!A",
            "@SUM(A:A)",
            "+A-A",
            "-1+1",
            "[x](javascript:alert(1))",
            "<script>alert(1)</script>",
            "\u202e\u2028\u2029\x85\u00a0\u3000",
            "😀" * 300,
            "a\u0301" * 200,
            "\t\n\r",
            " ",
            "]]>&lt;",
        ]
    ),
)
EXTREME_COUNTS = st.sampled_from([0, 1, MAX_COUNT]) | blanks
EXTREME_MONEY = (
    st.sampled_from(
        [Decimal("999999999999999999.999999"), Decimal("0.000001"), Decimal("1E+17"), Decimal("0E-6"), Decimal(0)]
    )
    | blanks
)


def _extreme(report: AnnualReport, texts: list[str], count: Any, money: Any) -> AnnualReport:
    meta = attrs.evolve(report.meta, agency=texts[0] or "某局", title=texts[1])
    overview = attrs.evolve(report.overview, intro=texts[2])
    other = attrs.evolve(report.other_matters, text=texts[3])
    out = attrs.evolve(report, meta=meta, overview=overview, other_matters=other)
    for cell, _ in list(iter_cells(out)):
        if cell.kind == "money":
            out = replace_value(out, cell.path, money)
        elif cell.kind == "count" and cell.path.endswith("natural_person"):
            out = replace_value(out, cell.path, count)
    return out


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    report=reports(),
    texts=st.lists(EXTREME_TEXTS, min_size=4, max_size=4),
    count=EXTREME_COUNTS,
    money=EXTREME_MONEY,
)
def test_every_renderer_renders_whatever_loads_accepts(
    report: AnnualReport, texts: list[str], count: Any, money: Any
) -> None:
    loaded = loads(dumps(_extreme(report, texts, count, money)))
    for name in RENDERERS:
        assert render(loaded, name)


def test_a_long_agency_fits_the_word_core_properties_and_stays_whole_in_the_body() -> None:
    agency = "某" * 300
    report = new_report(agency, 2023)
    document = Document(io.BytesIO(render(report, "docx")))  # type: ignore[arg-type]
    author = document.core_properties.author
    assert len(author) == CORE_PROPERTY_LIMIT and author.endswith("…")
    assert len(document.core_properties.title) <= CORE_PROPERTY_LIMIT
    assert any(agency in p.text for p in document.paragraphs)


@pytest.mark.parametrize("name", RENDERERS)
def test_numbers_at_their_bounds_render(name: str) -> None:
    largest = Decimal("999999999999999999.999999")
    report = _extreme(new_report("某局", 2023), ["某局", "标题", "", ""], MAX_COUNT, largest)
    assert render(loads(dumps(report)), name)
