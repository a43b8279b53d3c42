"""A short human summary of a report: who, which year, the key totals."""

from __future__ import annotations

from typing import Any

from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport, Blank, Unread
from disclosure_report.paths import get_value

KEY_CELLS = (
    "applications.new.total",
    "applications.carried_over.total",
    "applications.results.total.total",
    "applications.carried_forward.total",
    "review_litigation.review.total",
    "review_litigation.litigation_direct.total",
    "review_litigation.litigation_after_review.total",
    "proactive.fees.amount",
)


def _shown(value: object) -> str:
    if isinstance(value, Blank):
        return f"(blank{': ' + value.printed if value.printed else ''})"
    if isinstance(value, Unread):
        return "(unread)"
    return str(value)


def summary_data(report: AnnualReport) -> dict[str, Any]:
    fmt = get_format(report.format)
    cells = {}
    for path in KEY_CELLS:
        cell = fmt.cell(path)
        cells[path] = {"labels": list(cell.labels), "value": _shown(get_value(report, path))}
    return {
        "agency": report.meta.agency,
        "year": report.meta.year,
        "format": report.format,
        "title": report.meta.title,
        "cells": cells,
    }


def summary(report: AnnualReport) -> str:
    """A few lines naming the agency, the year, the format and the key totals with their printed labels."""
    fmt = get_format(report.format)
    lines = [
        f"{report.meta.agency} — {report.meta.year}年 (format {fmt.version}, {fmt.document})",
    ]
    if report.meta.title:
        lines.append(f"title: {report.meta.title}")
    for path in KEY_CELLS:
        cell = fmt.cell(path)
        lines.append(f"  {' › '.join(cell.labels)}: {_shown(get_value(report, path))}")
    return "\n".join(lines)
