"""The report as an ordered outline — title, headings, paragraphs, tables — that every renderer draws.

Headings come from the declaration (``Section.heading``, ``Subsection.heading``); a subsection heading is printed
only over text (an empty （三）政府信息管理 is left out); paragraphs are the stored text split on line breaks;
tables are :mod:`.grid` grids. Sentences the library writes itself (the 信息处理费 statement from the typed block)
are built here, once.
"""

from __future__ import annotations

from typing import Literal

import attrs

from disclosure_report.authoring.skeleton import customary_title
from disclosure_report.formats import Section, get_format
from disclosure_report.model import AnnualReport, FeeCollection
from disclosure_report.published.fee_statement import stated_fees
from disclosure_report.render.grid import Grid, table_grid
from disclosure_report.zh import DateStyle, format_date
from disclosure_report.zh.numbering import parse_numbering


@attrs.frozen
class Heading:
    level: Literal[1, 2]
    text: str
    key: str


@attrs.frozen
class Paragraph:
    text: str
    role: Literal["body", "note", "date", "closing"] = "body"


HEADING_LINE_CHARS = 30
"""The longest text after its number that a heading line written into a text (（一）主要问题) may have."""


def is_heading_line(text: str) -> bool:
    """Whether a paragraph of stored text is a heading written into the text — ``（一）主要问题``, ``1.加强培训`` —
    rather than a sentence: it starts with a heading number, is short, and does not end a sentence. A renderer
    keeps it with the paragraph that follows, as it keeps a heading."""
    numbering = parse_numbering(text)
    rest = text.strip()
    return (
        numbering is not None
        and 0 < len(numbering.rest.strip()) <= HEADING_LINE_CHARS
        and rest[-1] not in "。；;！!？?，,：:"
    )


@attrs.frozen
class TableBlock:
    grid: Grid
    note: str | None = None


Block = Heading | Paragraph | TableBlock


@attrs.frozen
class Outline:
    title: str
    blocks: tuple[Block, ...]


def title_of(report: AnnualReport) -> str:
    """The title as given, or the customary form ``{机关}{年}年政府信息公开工作年度报告``."""
    return report.meta.title or customary_title(report.meta.agency, report.meta.year)


def paragraphs(text: str, role: Literal["body", "note", "date", "closing"] = "body") -> list[Paragraph]:
    return [Paragraph(line, role) for line in text.split("\n") if line.strip()]


def fee_sentence(fees: FeeCollection) -> str:
    """A sentence stating the typed 信息处理费 block."""
    if not fees.collected:
        return "本年度未收取信息处理费。"
    parts = ["本年度收取信息处理费"]
    if fees.amount_yuan is not None:
        parts.append(f"{format(fees.amount_yuan, 'f')}元")
    if fees.cases is not None:
        parts.append(f"，涉及{fees.cases}件申请")
    if fees.basis is not None:
        parts.append(f"（{fees.basis}计收）")
    return "".join(parts) + "。"


def _section_blocks(report: AnnualReport, section: Section) -> list[Block]:
    blocks: list[Block] = [Heading(1, section.heading, section.key)]
    if section.table is not None:
        grid = table_grid(report, section.table.key)
        blocks.append(TableBlock(grid, grid.note))
        return blocks
    if section.key == "overview":
        o = report.overview
        blocks += paragraphs(o.intro)
        for sub in section.subsections:
            text = getattr(o, sub.key)
            if not text.strip():
                continue  # a heading with nothing under it is left out
            blocks.append(Heading(2, sub.heading, sub.key))
            blocks += paragraphs(text)
        for extra in o.extra:
            blocks.append(Heading(2, extra.heading, "extra"))
            blocks += paragraphs(extra.text)
    elif section.key == "problems":
        blocks += paragraphs(report.problems)
    elif section.key == "other_matters":
        m = report.other_matters
        blocks += paragraphs(m.text)
        for sub in section.subsections:
            value = getattr(m, sub.key)
            if value is None or (isinstance(value, FeeCollection) and stated_fees(m.text) == value):
                continue  # nothing typed, or the text already states these fees
            blocks.append(Heading(2, sub.heading, sub.key))
            blocks += [Paragraph(fee_sentence(value))] if isinstance(value, FeeCollection) else paragraphs(value)
    return blocks


def outline(report: AnnualReport, *, date_style: DateStyle = "arabic") -> Outline:
    """The whole report as an outline, in the order of the declaration's sections."""
    blocks: list[Block] = []
    if report.meta.published_on is not None:
        blocks.append(Paragraph(f"（{format_date(report.meta.published_on, date_style)}）", "date"))
    blocks += paragraphs(report.preamble)
    for section in get_format(report.format).sections:
        blocks += _section_blocks(report, section)
    blocks += paragraphs(report.closing, "closing")
    return Outline(title_of(report), tuple(blocks))
