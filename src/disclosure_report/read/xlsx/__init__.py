"""``xlsx`` (extra ``[xlsx]``): Excel workbooks — the template ``render --to xlsx`` writes, filled in, and the
tables agencies publish as their own spreadsheets (one sheet or several, merged cells, title rows).

Values are read with python-calamine (saved results of formulas included); the parts are checked first
(:mod:`~disclosure_report.read.xlsx.parts`); a formula without a saved result is evaluated when it is a plain sum
(:mod:`~disclosure_report.read.xlsx.formulas`) and otherwise left unread with a warning naming the sheet and cell. The
metadata sheet (基本信息) becomes the metadata record, the other sheets the lines every reader hands to
:func:`~disclosure_report.read.assemble.assemble`. Warnings name the sheet and row they come from.
"""

from __future__ import annotations

import io
import re
from typing import Any

import attrs
from python_calamine import CalamineWorkbook

from disclosure_report.authoring.skeleton import customary_title
from disclosure_report.errors import Phrase
from disclosure_report.formats import get_format
from disclosure_report.model import UNREAD, AnnualReport
from disclosure_report.model.paths import replace_value
from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import ReadError, ReadResult, ReadWarning
from disclosure_report.read.kinds import BuiltInReader
from disclosure_report.read.lines import Line
from disclosure_report.read.xlsx.parts import Parts
from disclosure_report.read.xlsx.record import is_meta_sheet, meta_record
from disclosure_report.read.xlsx.sheets import Sheet, UnreadFormula, expand, mentions_heading, rows, sheet_of, table_of
from disclosure_report.read.zipnames import has_member_under
from disclosure_report.render.grid import table_grid
from disclosure_report.render.xlsx_sums import coordinate

TEMPLATE_TOP = 2
"""The sheet row a template table's grid starts on (the renderer's ``GRID_TOP``)."""


@attrs.define
class _Workbook:
    lines: list[Line] = attrs.Factory(list)
    places: dict[int, tuple[str, int]] = attrs.Factory(dict)
    """line number → (sheet, sheet row)"""
    record: dict[str, Any] | None = None
    sheets: dict[str, Sheet] = attrs.Factory(dict)
    unread: list[UnreadFormula] = attrs.Factory(list)
    warnings: list[ReadWarning] = attrs.Factory(list)

    def add(self, sheet: str, row: int, text: str, cells: tuple[str, ...] | None) -> None:
        number = len(self.lines) + 1
        self.lines.append(Line(text, number, cells))
        self.places[number] = (sheet, row)


def _load(data: bytes, name: str) -> tuple[Parts, CalamineWorkbook]:
    parts = Parts(data, name)
    try:
        return parts, CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as e:  # calamine's errors (CalamineError, XmlError, ZipError…) and the I/O under them
        raise ReadError.keyed("read.xlsx.damaged", source=name, detail=str(e)) from None


def _sheet(book: CalamineWorkbook, part: Any, name: str) -> tuple[Sheet, list[Any]]:
    try:
        found = book.get_sheet_by_name(part.name)
        values = found.to_python()
        merges = list(found.merged_cell_ranges or [])
        start = found.start
    except Exception as e:  # as in _load: whatever calamine raises about the sheet's content
        raise ReadError.keyed("read.xlsx.sheet", source=name, sheet=part.name, detail=str(e)) from None
    return sheet_of(part.name, values, start, part), merges


def workbook_lines(data: bytes, source: str | None = None) -> _Workbook:
    """The lines of every sheet but the metadata sheet, in workbook order, and the metadata record if any."""
    name = source or "the workbook"
    parts, book = _load(data, name)
    out = _Workbook()
    meta_lines: list[str] = []
    for part in parts.sheets():
        sheet, merges = _sheet(book, part, name)
        out.sheets[sheet.name] = sheet
        out.unread += sheet.unread
        if out.record is None and is_meta_sheet(sheet.value, sheet.n_rows):

            def warn(row: int, message: str, where: str = sheet.name) -> None:
                out.warnings.append(ReadWarning(Phrase("warn.xlsx_row", sheet=where, row=row, warning=message)))

            out.record = meta_record(sheet.value, sheet.n_rows, warn)
            meta_lines = _title_of(out.record)
            continue
        expand(sheet, merges)
        found = list(rows(sheet))
        heading = any(text is not None and mentions_heading(text) for _, text, _ in found)
        section = None if heading else table_of(sheet.texts.values())
        for row, text, cells in found:
            if section is not None and text is None:
                out.add(sheet.name, row, section.heading, None)
                section = None
            if text is not None:
                out.add(sheet.name, row, text, None)
            else:
                out.add(sheet.name, row, " ".join(cells), cells)
    if meta_lines:
        out.lines = [Line(t, 0) for t in meta_lines] + out.lines
    return out


def _title_of(record: dict[str, Any] | None) -> list[str]:
    """The title line the metadata record gives (its title, or the customary one)."""
    if record is None:
        return []
    meta = record["meta"]
    if isinstance(meta.get("title"), str):
        return [meta["title"]]
    if isinstance(meta.get("agency"), str) and isinstance(meta.get("year"), int):
        return [customary_title(meta["agency"], meta["year"])]
    return []


def _expected_in_template(warning: ReadWarning, report: AnnualReport) -> bool:
    """Whether ``warning`` says only that the narrative sections (一, 五, 六: no table) were not found — which the
    template never holds, so its reader does not warn about them."""
    message = warning.message
    if not isinstance(message, Phrase) or message.key != "warn.headings_missing":
        return False
    narrative = {s.heading for s in get_format(report.format).sections if s.table is None}
    return set(str(message.fields["headings"]).split("，")) <= narrative


def _located(
    warning: ReadWarning, places: dict[int, tuple[str, int]], cells: dict[str, dict[str, tuple[int, int]]]
) -> ReadWarning:
    """``warning`` naming the sheet and row of its line — and the cell, when it is about a cell of the template
    (``cells``: sheet → cell path → its (row, column))."""
    if warning.line is None or warning.line not in places:
        return warning
    sheet, row = places[warning.line]
    at = cells.get(sheet, {}).get(warning.cell_path or "")
    if at is not None and at[0] == row:
        phrase = Phrase("warn.xlsx_cell", sheet=sheet, cell=coordinate(at), warning=warning.message)
    else:
        phrase = Phrase("warn.xlsx_row", sheet=sheet, row=row, warning=warning.message)
    return ReadWarning(phrase, None, warning.cell_path, warning.kind)


def template_paths(report: AnnualReport, sheet: Sheet) -> dict[tuple[int, int], str]:
    """(row, column) → cell path when ``sheet`` is a table sheet of the template, its labels where the renderer
    puts them; empty for any other sheet."""
    fmt = get_format(report.format)
    number = re.sub(r"^表", "", sheet.name)
    section = next((s for s in fmt.sections if s.table is not None and s.number == number), None)
    if section is None or section.table is None:
        return {}
    grid = table_grid(report, section.table.key)
    paths: dict[tuple[int, int], str] = {}
    for c in grid.cells:
        at = (c.row + TEMPLATE_TOP, c.col + 1)
        if c.path is not None:
            paths[at] = c.path
        elif c.text and sheet.texts.get(at, "").strip() != c.text.strip():
            return {}
    return paths


class XlsxReader(BuiltInReader, kind="xlsx"):
    def sniff(self, head: bytes) -> bool:
        return has_member_under(head, "xl/")

    def read(self, data: bytes, *, source: str | None = None) -> ReadResult:
        book = workbook_lines(data, source)
        result = assemble(book.lines, source=source, record=book.record)
        warnings = list(book.warnings)
        report = result.report
        template = book.record is not None or any(template_paths(report, sheet) for sheet in book.sheets.values())
        cells = (
            {
                name: {path: at for at, path in template_paths(report, sheet).items()}
                for name, sheet in book.sheets.items()
            }
            if template and any(w.cell_path is not None and w.line is not None for w in result.warnings)
            else {}
        )
        warnings += [
            _located(w, book.places, cells)
            for w in result.warnings
            if not (template and _expected_in_template(w, report))
        ]
        for unread in book.unread:
            path = template_paths(report, book.sheets[unread.sheet]).get((unread.row, unread.column))
            warnings.append(ReadWarning(unread.phrase(), None, path, "unplaced"))  # a cell left unread
            if path is not None:
                report = replace_value(report, path, UNREAD)  # never the blank an empty cell would give
        return ReadResult(report, tuple(warnings))
