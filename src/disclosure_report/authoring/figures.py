"""Put the figures of a filled workbook into the report they were typed for, keeping its narrative.

The spreadsheet template holds the tables (二, 三, 四) and the metadata (sheet 基本信息), not the narrative — the
preamble carried from last year, 一、总体情况, 五, 六. Reading the filled workbook back gives a report whose
narrative is empty; :func:`with_figures` takes its tables and metadata into the report the workbook was made from.
"""

from __future__ import annotations

from typing import Any

import attrs

from disclosure_report.errors import AuthoringError
from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport


def with_figures(report: AnnualReport, filled: AnnualReport) -> AnnualReport:
    """``report`` with the tables of ``filled`` (the workbook read back) and its metadata — a metadata field the
    workbook left empty keeps the report's — and the report's own preamble, narrative and closing.

    Raises :class:`~disclosure_report.errors.AuthoringError` when the workbook is another agency's, another year's
    or in another format version: its figures are not this report's."""
    if filled.format != report.format:
        raise AuthoringError.keyed("fill.format", workbook=filled.format, report=report.format)
    if (filled.meta.agency, filled.meta.year) != (report.meta.agency, report.meta.year):
        raise AuthoringError.keyed(
            "fill.other_report",
            workbook=f"{filled.meta.agency} {filled.meta.year}",
            report=f"{report.meta.agency} {report.meta.year}",
        )
    tables = {s.key: getattr(filled, s.key) for s in get_format(report.format).sections if s.table is not None}
    return attrs.evolve(report, meta=_merged(report.meta, filled.meta), **tables)


def _merged(ours: Any, theirs: Any) -> Any:
    """``theirs`` with each field it leaves empty (None) taken from ``ours``."""
    kept = {f.name: getattr(ours, f.name) for f in attrs.fields(type(theirs)) if getattr(theirs, f.name) is None}
    return attrs.evolve(theirs, **kept)
