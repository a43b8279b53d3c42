"""A short human summary of a report: who, which year, the key totals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from disclosure_report.formats import get_format
from disclosure_report.messages import Lang
from disclosure_report.model import AnnualReport, Blank, Unread
from disclosure_report.model.paths import get_value

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


def _shown(value: object, lang: Lang = "en") -> str:
    if isinstance(value, Blank):
        if lang == "zh":
            return f"（留空{'：' + value.printed if value.printed else ''}）"
        return f"(blank{': ' + value.printed if value.printed else ''})"
    if isinstance(value, Unread):
        return "(unread)"
    return str(value)


def _value(value: object) -> Any:
    """A cell's value as JSON-shaped data: a number (int, or an exact ``Decimal``), or ``{"blank": printed}``."""
    if isinstance(value, (int, Decimal)):
        return value
    if isinstance(value, Blank):
        return {"blank": value.printed}
    return str(value)  # a cell state the summary does not know: shown as text, never as a number


def summary_data(report: AnnualReport) -> dict[str, Any]:
    """The summary as JSON-shaped data; each key cell's ``value`` is a number, or ``{"blank": …}`` as in a document."""
    fmt = get_format(report.format)
    cells = {}
    for path in KEY_CELLS:
        cell = fmt.cell(path)
        cells[path] = {"labels": list(cell.labels), "value": _value(get_value(report, path))}
    return {
        "agency": report.meta.agency,
        "year": report.meta.year,
        "format": report.format,
        "title": report.meta.title,
        "cells": cells,
    }


def summary(report: AnnualReport, lang: Lang = "en") -> str:
    """A few lines naming the agency, the year, the format and the key totals with their printed labels."""
    fmt = get_format(report.format)
    if lang == "zh":
        lines = [f"{report.meta.agency} — {report.meta.year}年（格式 {fmt.version}，{fmt.document}）"]
        if report.meta.title:
            lines.append(f"标题：{report.meta.title}")
    else:
        lines = [f"{report.meta.agency} — {report.meta.year}年 (format {fmt.version}, {fmt.document})"]
        if report.meta.title:
            lines.append(f"title: {report.meta.title}")
    colon = "：" if lang == "zh" else ": "
    for path in KEY_CELLS:
        cell = fmt.cell(path)
        lines.append(f"  {' › '.join(cell.labels)}{colon}{_shown(get_value(report, path), lang)}")
    return "\n".join(lines)
