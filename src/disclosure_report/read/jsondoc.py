"""``json``: the canonical document (errors are the converter's located errors)."""

from __future__ import annotations

import attrs

from disclosure_report.errors import Phrase
from disclosure_report.jsonio.convert import loads
from disclosure_report.read.base import ReadResult, ReadWarning
from disclosure_report.read.kinds import BuiltInReader


class JsonReader(BuiltInReader, kind="json"):
    def sniff(self, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"format"' in head[:4096]

    def read(
        self, data: bytes, *, source: str | None = None, year: int | None = None, agency: str | None = None
    ) -> ReadResult:
        """The document; a ``year`` or ``agency`` given that differs from the document's is used, with a warning."""
        report = loads(data, source=source)
        meta, warnings = report.meta, []
        if year is not None and year != meta.year:
            given_year = Phrase("warn.given_year", place="document", printed=meta.year, given=year)
            warnings.append(ReadWarning(given_year))
            meta = attrs.evolve(meta, year=year)
        if agency is not None and agency != meta.agency:
            given_agency = Phrase("warn.given_agency", place="document", printed=meta.agency, given=agency)
            warnings.append(ReadWarning(given_agency))
            meta = attrs.evolve(meta, agency=agency)
        return ReadResult(attrs.evolve(report, meta=meta) if warnings else report, tuple(warnings))
