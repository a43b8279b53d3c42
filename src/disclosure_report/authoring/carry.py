"""Start this year's report from last year's: what carries over, and nothing else.

An agency's year begins with last year's report. What the format ties across years is filled in from it:

* 二、上年结转政府信息公开申请数量 (``applications.carried_over``) = last year's 四、结转下年度继续办理
  (``applications.carried_forward``), column by column — across the 2019 → 2021 boundary too, since table 三's
  columns are the same in both formats;
* 2021 format, table 二: 现行有效件数 starts from last year's (this year's 制发/废止 are 0 until filled in, so the
  roll-forward the cross-year rule X-IN-FORCE checks holds from the start);
* 2019 format, table 二: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (the roll-forward X-ITEMS checks);
* the agency, the scope, the contact, and the customary preamble with last year's dates moved on one year — and,
  when the report is started for another agency name (a renamed agency, or a sister agency's report as a model),
  last year's agency name in it replaced by the new one, never left naming the other agency.

Every other cell is 0 and every other text empty: this year's figures are new. A cell last year left blank or that
a reader could not read is carried as it was (blank or unread), so the gap stays visible.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from disclosure_report.authoring.skeleton import check_arguments, new_report
from disclosure_report.errors import AuthoringError
from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport, Proactive2019, Proactive2021
from disclosure_report.model.cells import is_number
from disclosure_report.model.paths import get_value, replace_value

__all__ = ["carried_cells", "from_previous"]


def from_previous(previous: AnnualReport, agency: str | None = None, year: int | None = None) -> AnnualReport:
    """A new report for the year after ``previous`` (or ``year``), started from it as described above.

    >>> from disclosure_report import load
    >>> last = load("examples/shuyang-county-gov-2025.json")
    >>> r = from_previous(last)
    >>> r.meta.agency, r.meta.year, r.applications.carried_over.total, r.applications.new.total
    ('沭阳县人民政府', 2026, 31, 0)
    """
    agency = previous.meta.agency if agency is None else agency
    year = previous.meta.year + 1 if year is None else year
    check_arguments(agency, year)
    if year <= previous.meta.year:
        raise AuthoringError.keyed("new.later_year", previous=previous.meta.year, year=year)
    report = new_report(agency, year, scope=previous.meta.scope)
    report = attrs.evolve(
        report,
        meta=attrs.evolve(report.meta, contact=previous.meta.contact),
        preamble=_renamed(_moved_on(previous.preamble, previous.meta.year, year), previous.meta.agency, agency),
    )
    for path, value in carried_cells(previous, report).items():
        report = replace_value(report, path, value)
    return report


def carried_cells(previous: AnnualReport, report: AnnualReport) -> dict[str, Any]:
    """``{cell path in report: value}`` of every cell that carries over from ``previous`` into ``report``."""
    cells: dict[str, Any] = {}
    columns = get_format(report.format).table("applications").rows[0].columns.keys
    for key in columns:
        cells[f"applications.carried_over.{key}"] = get_value(previous, f"applications.carried_forward.{key}")
    if isinstance(report.proactive, Proactive2021) and isinstance(previous.proactive, Proactive2021):
        for row in get_format("2021").table("proactive").rows:
            if "in_force" in row.columns.keys:
                path = ".".join(("proactive", *row.path, "in_force"))
                cells[path] = get_value(previous, path)
    if isinstance(report.proactive, Proactive2019) and isinstance(previous.proactive, Proactive2019):
        for row in get_format("2019").table("proactive").rows:
            if "prev_count" in row.columns.keys:
                base = ".".join(("proactive", *row.path))
                count, delta = get_value(previous, f"{base}.prev_count"), get_value(previous, f"{base}.delta")
                cells[f"{base}.prev_count"] = count + delta if is_number(count) and is_number(delta) else count
    return cells


def _moved_on(text: str, old_year: int, year: int) -> str:
    """``text`` with the previous year's dates and year moved to ``year`` (``2024年`` → ``2025年``; the year before
    it, as in 统计期限 spanning two years, moves too)."""
    if not text:
        return text
    shift = year - old_year
    pattern = re.compile(rf"(?<![0-9])({old_year - 1}|{old_year})(?=\s*年)")
    return pattern.sub(lambda m: str(int(m.group(1)) + shift), text)


def _renamed(text: str, old_agency: str, agency: str) -> str:
    """``text`` with ``old_agency`` replaced by ``agency`` wherever it is named."""
    return text if not old_agency or old_agency == agency else text.replace(old_agency, agency)
