"""The metadata sheet of the spreadsheet template: one label/value row per field of the report's metadata.

The renderer writes these rows and the ``xlsx`` reader reads them back, so both take them from here. Each row has
its printed label (column A), the value (column B, the cell the author fills) and the field's key (column C), by
which the reader finds the row even when a label was edited. The keys are the fields of
:class:`~disclosure_report.model.Meta` as its JSON document names them (``period.start``), plus ``format``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from disclosure_report.model import Meta
from disclosure_report.model.meta import Contact, Period

SHEET = "基本信息"
"""The name of the metadata sheet."""

FORMAT_KEY = "format"

_LABELS = {
    FORMAT_KEY: "格式版本",
    "agency": "机关名称",
    "year": "报告年度",
    "title": "标题",
    "published_on": "发布日期",
    "period.start": "统计期间起",
    "period.end": "统计期间止",
    "scope": "报告范围",
    "contact.address": "联系地址",
    "contact.phone": "联系电话",
    "contact.postcode": "邮政编码",
    "contact.email": "电子邮箱",
    "contact.website": "网站",
}

_NESTED = {"period": Period, "contact": Contact}


def meta_keys() -> tuple[str, ...]:
    """Every key of the metadata sheet, in the order of its rows: ``format``, then the fields of ``Meta``."""
    keys = [FORMAT_KEY]
    for field in attrs.fields(Meta):
        nested = _NESTED.get(field.name)
        if nested is None:
            keys.append(field.name)
        else:
            keys += [f"{field.name}.{sub.name}" for sub in attrs.fields(nested)]
    return tuple(keys)


def label(key: str) -> str:
    """The printed label of a metadata row (the key itself for a field this module has no label for)."""
    return _LABELS.get(key, key)


def flatten(format_version: str, meta: dict[str, Any]) -> dict[str, Any]:
    """``{key: value}`` for the rows of the sheet, from the unstructured metadata (None for an empty field)."""
    out: dict[str, Any] = {}
    for key in meta_keys():
        if key == FORMAT_KEY:
            out[key] = format_version
            continue
        head, _, sub = key.partition(".")
        value = meta.get(head)
        if sub:
            value = value.get(sub) if isinstance(value, dict) else None
        out[key] = value
    return out


def unflatten(values: dict[str, Any]) -> dict[str, Any]:
    """The unstructured metadata from ``{key: value}`` read off the sheet (the inverse of :func:`flatten`): a
    nested field (``period``, ``contact``) is None when none of its rows has a value."""
    meta: dict[str, Any] = {}
    for key in meta_keys():
        if key == FORMAT_KEY:
            continue
        head, _, sub = key.partition(".")
        value = values.get(key)
        if sub:
            meta.setdefault(head, {})[sub] = value
        else:
            meta[head] = value
    for head in _NESTED:
        if head in meta and all(v is None for v in meta[head].values()):
            meta[head] = None
    return meta


def cell_value(value: Any) -> str | int | None:
    """A metadata value as the sheet keeps it: text, a year as a number; dates as ``YYYY-MM-DD`` text."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
