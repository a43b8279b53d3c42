"""The reading pipeline's driver: lines → an :class:`AnnualReport`, by the declaration, in stages.

1. **Lines** — each reader (text, Markdown, HTML, Word, …) turns its document into :class:`~.lines.Line` s: a
   paragraph or heading, or a table row of cells. A new kind of document plugs in here and only here.
2. **Title and sections** — :mod:`.title` finds the title block (title, year, agency); :mod:`.format_version`
   the format; :mod:`.sections` cuts the body at the section headings; :mod:`.identity` settles the agency and
   year (from the document or the caller).
3. **Metadata and tables** — :mod:`.metadata` reads the publication date, period, contact and the embedded
   record; :mod:`.tables` places table rows by their labels into :class:`~.table_cells.TableCells`, and
   :mod:`.pending_splits` decides digit runs that split several ways.
4. **Narrative** — :mod:`.narrative` keeps the text sections as printed.
5. **Report** — :mod:`.place` writes everything into the JSON data of a report, which is structured (strictly) into
   the model.

Every stage notes what it had to interpret or could not place in one :class:`~.notes.Notes`; they become the
result's warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from disclosure_report.errors import DocumentError, Phrase
from disclosure_report.jsonio.convert import structure
from disclosure_report.jsonio.fast import try_structure
from disclosure_report.model.cells import NOT_TEXT
from disclosure_report.read.base import UNNAMED, NotAnAnnualReportError, ReadResult, UnsupportedFormatError
from disclosure_report.read.format_version import Haystack, detect_format, looks_like_a_report
from disclosure_report.read.identity import Identity, caller_given, looks_like_an_agency, preamble_names, resolve
from disclosure_report.read.lines import Line
from disclosure_report.read.metadata import contact_data, find_published, period_data, usable_record
from disclosure_report.read.narrative import other_matters, overview, split_closing, text_of
from disclosure_report.read.notes import Notes
from disclosure_report.read.pending_splits import resolve_pending
from disclosure_report.read.place import place_cells, skeleton
from disclosure_report.read.sections import split_sections
from disclosure_report.read.table_cells import TableCells
from disclosure_report.read.tables import read_table
from disclosure_report.read.title import TitleBlock, find_title

__all__ = ["Haystack", "assemble", "detect_format"]


def assemble(
    lines: Sequence[Line],
    *,
    source: str | None = None,
    record: dict[str, Any] | None = None,
    year: int | None = None,
    agency: str | None = None,
) -> ReadResult:
    """The report in ``lines``; :class:`NotAnAnnualReportError` or :class:`UnsupportedFormatError` when it is not
    one this library reads. ``record`` is the metadata record the document carries out of sight, if any (see
    :mod:`disclosure_report.published.embedded`). ``year`` and ``agency``, when given, are the caller's: used when the
    document names none (and, with a warning, when it names others); a :class:`ReadError` says to pass them when
    neither the document nor the caller gives them."""
    given_year, given_agency = caller_given()
    year = year if year is not None else given_year
    agency = agency if agency is not None else given_agency
    lines = [line for line in lines if line.cells is not None or (line.text and not line.text.isspace())]
    flat = Haystack([line.text if line.cells is None else " ".join(line.cells) for line in lines])
    name = source or UNNAMED
    if not looks_like_a_report(flat):
        raise NotAnAnnualReportError.keyed("read.not_a_report", source=name)

    # 2. title block, format, sections
    block = find_title(lines, record)
    try:
        fmt = detect_format(flat, year if year is not None else block.year)
    except UnsupportedFormatError as e:
        raise UnsupportedFormatError.keyed("read.in_source", source=name, error=e) from None
    notes = Notes()
    meta = usable_record(fmt, notes, record, block.title)
    published, date_lines = find_published(lines, fmt)
    skip = {*block.at, *date_lines}
    body = [line for i, line in enumerate(lines) if i not in skip]
    sections = split_sections(body, fmt, notes)
    if not any(s.table is not None and sections.found(s.key) for s in fmt.sections):
        raise NotAnAnnualReportError.keyed("read.no_tables", source=name)

    # 3. metadata
    preamble = text_of(sections.preamble)
    data = skeleton(fmt, "", fmt.first_year)  # agency and year: below, from the document or the caller
    data["meta"] |= {
        "title": block.title,
        "published_on": published.isoformat() if published else None,
        "period": period_data(preamble),
        "contact": contact_data(preamble),
        "scope": None,
    }
    if meta is not None:
        shown = data["meta"]["published_on"]
        if shown is not None and shown != meta.get("published_on"):
            notes.warn(Phrase("warn.record_date", recorded=meta.get("published_on"), printed=shown))
            meta = meta | {"published_on": shown}
        data["meta"] = meta
    data["preamble"] = preamble

    # 3. tables, 4. narrative
    found = TableCells()
    closing: list[Line] = []
    for section in fmt.sections:
        lines_of = sections.lines_of(section.key)
        if section.table is not None:
            read_table(section.table, lines_of, found, notes)
        elif section.key == "overview":
            data["overview"] = overview(lines_of, section)
        elif section.key == "problems":
            data["problems"] = text_of(lines_of)
        elif section.key == "other_matters":
            matters, closing = split_closing(lines_of, _printed_agency(meta, block, agency))
            data["other_matters"] = other_matters(matters, section)
    data["closing"] = text_of(closing)
    if data["meta"]["period"] is None and meta is None:
        data["meta"]["period"] = period_data(text_of(sections.lines_of("other_matters")))
    resolve_pending(found, notes)
    who = _identity(name, notes, meta, block, preamble, closing, agency, year)
    data["meta"] |= {"agency": who.agency, "year": who.year}

    # 5. the report
    place_cells(fmt, found, notes, data)
    # every string of the data comes from the lines, the caller's agency or the library: checked whole here
    text_checked = meta is None and NOT_TEXT.search(flat.text) is None and NOT_TEXT.search(who.agency) is None
    try:
        report = try_structure(data, text_checked=text_checked) or structure(data, source=source)
    except DocumentError as e:  # a value the model refuses (never expected from parse_value)
        raise NotAnAnnualReportError.keyed("read.cells_invalid", source=name, error=e) from None
    return ReadResult(report, tuple(notes.warnings))


def _printed_agency(meta: dict[str, Any] | None, block: TitleBlock, given: str | None) -> str:
    """The agency as far as known before the signature is looked for (the signature line may print it)."""
    return str(meta["agency"]) if meta is not None else (block.agency or given or "")


def _identity(
    name: str,
    notes: Notes,
    meta: dict[str, Any] | None,
    block: TitleBlock,
    preamble: str,
    closing: Sequence[Line],
    agency: str | None,
    year: int | None,
) -> Identity:
    """Agency and year from the document (record, title, preamble, period, signature) or the caller."""
    named_agency, named_year = preamble_names(preamble)
    signed = closing[0].text.strip() if closing else None
    if signed is not None and not looks_like_an_agency(signed):
        signed = None  # a closing line that is no agency's name (特此报告)
    record_agency, record_year = (meta["agency"], meta["year"]) if meta is not None else (None, None)
    return resolve(
        name,
        notes,
        document=(
            (record_agency, "embedded record"),
            (block.agency, "title"),
            (named_agency, "preamble"),
            (signed, "signature"),
        ),
        years=((record_year, "embedded record"), (block.year, "title"), (named_year, "preamble")),
        agency=agency,
        year=year,
    )
