"""The metadata sheet of a filled template (``基本信息``) as the metadata record the assembler accepts.

The rows are found by the field key in column C (``period.start``), or by the printed label in column A when the
key was removed; the value is column B. A value typed in a way a spreadsheet changes — a year as ``2024.0``, a
date turned into a date cell — is taken back to the form the record expects; what cannot be is reported, with the
row, and left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from disclosure_report.errors import Phrase
from disclosure_report.render import xlsx_meta

Value = Any
"""A cell value as the spreadsheet library gives it (str, float, int, bool, date, datetime, None)."""


def is_meta_sheet(cell: Callable[[int, int], Value], n_rows: int) -> bool:
    """A sheet laid out as the template's 基本信息: at least three rows name a metadata field, by its key in column C
    or its label in column A (an agency's own sheet of that name holding something else is read as a sheet)."""
    keys = set(xlsx_meta.meta_keys())
    labels = {xlsx_meta.label(k) for k in keys}
    named = sum(1 for r in range(1, n_rows + 1) if cell(r, 3) in keys or _text(cell(r, 1)) in labels)
    return named >= 3


def _text(value: Value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _year(value: Value) -> int | str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    if text is not None and text.isascii() and text.isdigit():
        return int(text)
    return text  # not a year: the assembler says the record is not valid


def meta_record(
    cell: Callable[[int, int], Value], n_rows: int, warn: Callable[[int, str], None]
) -> dict[str, Any] | None:
    """The record ``{"format": …, "meta": {…}}`` the sheet holds, or None when it names no format."""
    keys = xlsx_meta.meta_keys()
    by_label = {xlsx_meta.label(k): k for k in keys}
    found: dict[str, Any] = {}
    for r in range(1, n_rows + 1):
        key = cell(r, 3) if cell(r, 3) in keys else by_label.get(_text(cell(r, 1)) or "")
        if not isinstance(key, str) or key in found:
            continue
        value = cell(r, 2)
        found[key] = _year(value) if key == "year" else _text(value)
        if key == "year" and isinstance(found[key], str):
            warn(r, Phrase("warn.record_year", value=found[key]))
    version = found.pop(xlsx_meta.FORMAT_KEY, None)
    if not isinstance(version, str):
        return None
    return {"format": version, "meta": xlsx_meta.unflatten(found)}
