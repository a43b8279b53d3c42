"""The metadata sheet of a filled template (``基本信息``) as the metadata record the assembler accepts.

The rows are found by the field key in column C (``period.start``), or by the printed label in column A when the
key was removed; the value is column B. A value typed in a way a spreadsheet changes — a year as ``2024.0``, a
date turned into a date cell or typed as ``2026/1/20`` or ``2026年1月20日``, a year as ``二〇二六`` — is taken back
to the form the record expects; what cannot be is reported, with the row, and left out (so one mistyped date does not
cost the sheet's other fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, get_args

from disclosure_report.errors import Phrase
from disclosure_report.model import Scope
from disclosure_report.render import xlsx_meta
from disclosure_report.zh.dates import parse_date
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numerals import parse_int

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
    if text is None:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    try:
        year = parse_int(text.removesuffix("年"))  # 二〇二六, 2026年, full-width digits
    except (ZhParseError, ValueError):
        return text  # not a year: the assembler says the record is not valid
    return year if 1000 <= year <= 9999 else text


DATE_KEYS = ("published_on", "period.start", "period.end")
CHOICES: dict[str, tuple[str, ...]] = {"scope": get_args(Scope)}


def _checked(key: str, text: str | None) -> tuple[str | None, Phrase | None]:
    """A date as ``YYYY-MM-DD`` and a choice as one of its values, or None and why not."""
    if text is None:
        return None, None
    if key in DATE_KEYS:
        try:
            return parse_date(text).isoformat(), None
        except (ZhParseError, ValueError):
            return None, Phrase("warn.record_field_date", label=xlsx_meta.label(key), value=text)
    if key in CHOICES and text not in CHOICES[key]:
        choices = ", ".join(CHOICES[key])
        return None, Phrase("warn.record_field_choice", label=xlsx_meta.label(key), value=text, choices=choices)
    return text, None


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
        if key == "year":
            found[key] = _year(value)
            if isinstance(found[key], str):
                warn(r, Phrase("warn.record_year", value=found[key]))
            continue
        found[key], problem = _checked(key, _text(value))
        if problem is not None:
            warn(r, problem)
    version = found.pop(xlsx_meta.FORMAT_KEY, None)
    if not isinstance(version, str):
        return None
    return {"format": version, "meta": xlsx_meta.unflatten(found)}
