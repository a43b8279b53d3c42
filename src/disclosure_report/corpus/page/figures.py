"""The figures of a corpus page: the region's totals per year, the outcomes of applications, trends, the agencies
that changed most and those with the most findings. Sums are :func:`disclosure_report.aggregate`'s, changes are
:func:`disclosure_report.corpus.compare`'s; nothing is summed or compared a second way here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from disclosure_report.corpus.compare import CellChange, Comparison, compare, rank_key
from disclosure_report.corpus.page.corpus import Corpus, Entry
from disclosure_report.corpus.rollup import Coverage, aggregate
from disclosure_report.corpus.summary import KEY_CELLS
from disclosure_report.errors import DisclosureReportError
from disclosure_report.formats import get_format
from disclosure_report.messages import error_text
from disclosure_report.model import AnnualReport, is_number
from disclosure_report.model.paths import get_value, table_cells

TREND_CELL = "applications.new.total"
"""The figure followed across years, per agency and for the region."""


@attrs.frozen
class YearTotals:
    """The region's rollup of one year (the sum of every report on that year), or why there is none."""

    year: int
    report: AnnualReport | None
    coverage: Coverage | None
    error: str | None = None
    error_zh: str | None = attrs.field(default=None, kw_only=True)
    """``error`` in Chinese, for the page in Chinese."""

    def value(self, path: str) -> Any:
        """The summed value at ``path``; None without a rollup or when the year's format has no such cell."""
        if self.report is None:
            return None
        try:
            return get_value(self.report, path)
        except KeyError:
            return None


def region_totals(corpus: Corpus, region: str) -> tuple[YearTotals, ...]:
    """One rollup per year present (``aggregate``, the first of an agency's duplicate reports kept)."""
    out = []
    for year in corpus.years:
        reports = [e.report for e in corpus.readable if e.report is not None and e.report.meta.year == year]
        try:
            rollup = aggregate(reports, agency=region, year=year, on_duplicate="first")
        except DisclosureReportError as e:
            out.append(YearTotals(year, None, None, str(e), error_zh=error_text(e, "zh")))
            continue
        out.append(YearTotals(year, rollup.report, rollup.coverage))
    return tuple(out)


@attrs.frozen
class Outcome:
    """One group of table 三's 本年度办理结果 (e.g. （三）不予公开): its printed label and its 总计 summed."""

    key: str
    label: str
    value: Any


def outcomes(report: AnnualReport) -> tuple[Outcome, ...]:
    """The outcome groups of a report, read from the declaration: the rows under 三、本年度办理结果 but （七）总计,
    grouped by their second label; each group's value is the sum of its rows' 总计 column, or the first
    non-number among them."""
    table = get_format(report.format).table("applications")
    groups: dict[str, Outcome] = {}
    for cell, value in table_cells(report, table):
        row = cell.row
        if row.path[0] != "results" or cell.column.key != row.columns.total or row.path == ("results", "total"):
            continue
        key = row.path[1]
        before = groups.get(key)
        if before is None:
            groups[key] = Outcome(key, row.labels[1], value)
        elif is_number(before.value) and is_number(value):
            groups[key] = attrs.evolve(before, value=before.value + value)
        elif is_number(before.value):
            groups[key] = attrs.evolve(before, value=value)
    return tuple(groups.values())


def key_cells(versions: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The key figures shown for the region: (cell path, printed labels) of each key cell that one of the format
    ``versions`` declares (labels from the newest that has it)."""
    out = []
    formats = [get_format(v) for v in sorted(set(versions), reverse=True)]
    for path in KEY_CELLS:
        for fmt in formats:
            try:
                out.append((path, fmt.cell(path).labels))
                break
            except KeyError:
                continue
    return tuple(out)


def trends(corpus: Corpus, path: str = TREND_CELL) -> dict[str, dict[int, Any]]:
    """``{agency: {year: value of path}}`` for every agency (as first printed) and year present."""
    out: dict[str, dict[int, Any]] = {}
    for years in corpus.by_unit().values():
        first = next(iter(years.values()))
        out[first.agency] = {
            year: get_value(e.report, path) for year, e in sorted(years.items()) if e.report is not None
        }
    return out


@attrs.frozen
class AgencyChange:
    """An agency's two latest consecutive reports compared; ``headline`` is the change of :data:`TREND_CELL`."""

    agency: str
    old: Entry
    new: Entry
    comparison: Comparison
    headline: CellChange | None


def largest_changes(corpus: Corpus) -> tuple[AgencyChange, ...]:
    """For every agency with reports on two consecutive years, its latest pair compared; ranked by the change of
    :data:`TREND_CELL` (:func:`disclosure_report.corpus.compare.rank_key`), agencies where it did not change last."""
    found = []
    for years in corpus.by_unit().values():
        pairs = [y for y in sorted(years) if y - 1 in years]
        if not pairs:
            continue
        old, new = years[pairs[-1] - 1], years[pairs[-1]]
        assert old.report is not None and new.report is not None
        comparison = compare(old.report, new.report)
        found.append(AgencyChange(new.agency, old, new, comparison, comparison.change(TREND_CELL)))

    def order(change: AgencyChange) -> tuple[int, tuple[int, float, float, str], str]:
        if change.headline is None or change.headline.difference is None:
            return (1, (0, 0.0, 0.0, ""), change.agency)
        return (0, rank_key(change.headline), change.agency)

    return tuple(sorted(found, key=order))


@attrs.frozen
class AgencyFindings:
    agency: str
    reports: int
    counts: dict[str, int]


def most_findings(corpus: Corpus) -> tuple[AgencyFindings, ...]:
    """Agencies by their findings over all their reports: most errors first, then most warnings."""
    by_agency: dict[str, AgencyFindings] = {}
    for entry in corpus.readable:
        before = by_agency.get(entry.unit) or AgencyFindings(entry.agency, 0, {"error": 0, "warning": 0, "info": 0})
        counts = {k: before.counts[k] + entry.result.counts.get(k, 0) for k in before.counts}
        by_agency[entry.unit] = AgencyFindings(before.agency, before.reports + 1, counts)
    return tuple(
        sorted(
            by_agency.values(), key=lambda a: (-a.counts["error"], -a.counts["warning"], -a.counts["info"], a.agency)
        )
    )
