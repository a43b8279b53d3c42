"""Bytes to text: BOM, a declared charset, UTF-8, then GB18030 (most Chinese government pages)."""

from __future__ import annotations

import codecs
import re

from disclosure_report.read.base import UNNAMED, ReadError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode(data: bytes, *, source: str | None = None, html: bool = False) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            declared = "gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared
            try:
                return data.decode(declared)
            except (LookupError, UnicodeError, ValueError):  # unknown, not a text encoding, or refusing the bytes
                pass  # (punycode and idna raise a bare UnicodeError) — fall back to UTF-8, then GB18030
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError.keyed("read.not_text", source=source or UNNAMED) from None
