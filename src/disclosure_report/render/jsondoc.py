"""``json``: the canonical JSON document."""

from __future__ import annotations

from typing import Any

from disclosure_report.jsonio.convert import dumps
from disclosure_report.model import AnnualReport
from disclosure_report.render.base import check_options


class JsonRenderer:
    name = "json"
    media_type = "application/json"
    suffix = ".json"
    extras = None

    def render(self, report: AnnualReport, **options: Any) -> str:
        check_options(self.name, options, set())
        return dumps(report)
