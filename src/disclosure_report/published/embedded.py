"""The metadata record a rendered document carries out of sight, so that reading it back loses nothing.

The published page prints the title, the agency, the year and the date; it does not print what the report covers
(``meta.scope``), the typed contact, or the statistics period as data. The HTML, Markdown and Word renderers
therefore embed one small JSON record — ``{"format": …, "meta": {…}}`` — where readers of the page do not see it
(a ``<script type="application/json">`` element, an HTML comment, a custom document property of the Word file),
and the readers take ``scope``, ``contact`` and ``period`` from it. What the page prints still comes from the page.

>>> from disclosure_report import new_report
>>> text = record(new_report("某局", 2023, scope="agency"))
>>> parse_record(text)["meta"]["scope"]
'agency'
>>> parse_record("not json") is None
True
"""

from __future__ import annotations

import json
import re
from typing import Any

from disclosure_report.model import AnnualReport

__all__ = ["MARK", "find_record", "parse_record", "record"]

MARK = "disclosure-report-meta"
"""The name the record goes by in every format (element id, comment prefix, property prefix)."""

_MAX = 64_000
"""A record longer than this is not ours (bounded work on hostile input)."""


def record(report: AnnualReport) -> str:
    """The JSON text of the record; ``<``, ``>`` and ``&`` are escaped, so it is safe in HTML and comments."""
    from disclosure_report.jsonio.convert import converter

    data = {"format": report.format, "meta": converter.unstructure(report.meta)}  # strings, numbers, null only
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def parse_record(text: str) -> dict[str, Any] | None:
    """The record in ``text`` as JSON data, or None when it is not a well-formed record (never raises)."""
    if len(text) > _MAX:
        return None
    from disclosure_report.errors import DocumentError
    from disclosure_report.jsonio.convert import parse_json

    try:
        data = parse_json(text)
    except DocumentError:
        return None
    if type(data) is not dict or type(data.get("meta")) is not dict or type(data.get("format")) is not str:
        return None
    return data


_COMMENT = re.compile(r"<!--\s*" + re.escape(MARK) + r"\s*(\{.*?\})\s*-->", re.S)


def find_record(text: str) -> dict[str, Any] | None:
    """The record embedded in a text as an HTML comment (Markdown), if any."""
    m = _COMMENT.search(text[: _MAX * 2])
    return parse_record(m.group(1)) if m else None
