"""``json``: the canonical document (errors are the converter's located errors)."""

from __future__ import annotations

from disclosure_report.jsonio.convert import loads
from disclosure_report.read.base import ReadResult


class JsonReader:
    name = "json"
    suffixes = (".json",)
    media_types = ("application/json",)
    extras = None

    def sniff(self, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"format"' in head[:4096]

    def read(self, data: bytes, *, source: str | None = None) -> ReadResult:
        return ReadResult(loads(data, source=source))
