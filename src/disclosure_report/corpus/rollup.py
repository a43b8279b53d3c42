"""Rollups: a government's report as the sum of its units' reports (spec §5.7), and checking a published rollup.

Every additive cell the format declares is summed (counts as ints, money exactly as Decimal). Coverage is part of
the result: which expected units are missing, duplicated, of another year — a missing unit is never a zero, and a
blank cell in a unit makes the summed cell blank unless ``blank_as_zero`` is asked for (and recorded).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from disclosure_report.authoring.skeleton import new_report
from disclosure_report.errors import DisclosureReportError, Phrase, english
from disclosure_report.formats import Alternative, Row, Table, get_format
from disclosure_report.jsonio.convert import structure, unstructure
from disclosure_report.model import BLANK, UNREAD, AnnualReport, Blank, Unread
from disclosure_report.model.meta import agency_key
from disclosure_report.model.paths import alternative_in_use, use_layout


class AggregateError(DisclosureReportError):
    """Reports that cannot be summed as asked (mixed formats, duplicates, nothing to sum)."""


class DuplicateReportError(AggregateError):
    """A unit has more than one report on the year; ``on_duplicate="first"`` keeps the first."""

    def __init__(self, agency: str, year: int) -> None:
        self.agency = agency
        self.year = year
        self.key, self.fields = "aggregate.duplicate_report", {"agency": agency, "year": year}
        super().__init__(english(self.key, self.fields))

    def __reduce__(self) -> tuple[type[DuplicateReportError], tuple[str, int]]:
        return type(self), (self.agency, self.year)


@attrs.frozen
class Coverage:
    """Which units the rollup covers, and where it could not simply add."""

    expected: tuple[str, ...]
    present: tuple[str, ...]
    missing: tuple[str, ...]
    """Expected units with no report: never counted as zero."""
    unexpected: tuple[str, ...]
    duplicated: tuple[str, ...]
    other_year: tuple[tuple[str, int], ...]
    """(agency, year) of reports left out because they are on another year."""
    blanks: tuple[tuple[str, str], ...]
    """(agency, cell path) of blank unit cells that made a summed cell blank."""
    zeroed: tuple[tuple[str, str], ...]
    """(agency, cell path) of blank unit cells counted as 0 because ``blank_as_zero`` was asked for."""
    layout: str | None
    """The table-三 layout of the rollup when the units' layouts differed, with why."""
    unread: tuple[tuple[str, str], ...] = ()
    """(agency, cell path) of unread unit cells (a reader could not read them): the summed cell is unread too,
    whatever ``blank_as_zero`` says."""
    layout_table: str | None = None
    """The key of the table whose rows the units print in different layouts (the one ``layout`` is about)."""

    @property
    def complete(self) -> bool:
        return not (self.missing or self.blanks or self.unread)


@attrs.frozen
class Rollup:
    report: AnnualReport
    coverage: Coverage


@attrs.frozen
class Difference:
    """A cell where a published rollup differs from the sum of its units."""

    cell_path: str
    labels: tuple[str, ...]
    published: Any
    summed: Any

    def __str__(self) -> str:
        return f"{self.cell_path} ({' › '.join(self.labels)}): published {self.published}, units sum to {self.summed}"


def unit_name(agency: str) -> str:
    """How unit names are compared: whitespace removed (:func:`~disclosure_report.model.meta.agency_key`)."""
    return agency_key(agency)


def _row_values(report: AnnualReport, table: Table, target: Alternative | None) -> dict[str, Any]:
    """The report's cells in the rows of ``target`` layout; a finer layout is summed into a coarser one, a coarser
    one cannot be split (those cells are missing from the result)."""
    own = alternative_in_use(report, table)
    data = unstructure(report)[table.key]
    out: dict[str, Any] = {}
    for row in table.rows_with(target):
        node: Any = data
        for key in row.path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and all(c.key in node for c in row.columns.columns):
            for c in row.columns.columns:
                out[_path(table, row, c.key)] = _value(node[c.key])
            continue
        if isinstance(node, dict) and own is not target:
            subs = [v for v in node.values() if isinstance(v, dict)]
            for c in row.columns.columns:
                parts = [_value(s.get(c.key)) for s in subs]
                if any(type(p) is Unread for p in parts):
                    out[_path(table, row, c.key)] = UNREAD
                else:
                    out[_path(table, row, c.key)] = BLANK if any(type(p) is Blank for p in parts) else sum(parts)
    return out


def _value(raw: Any) -> Any:
    if isinstance(raw, dict):
        return UNREAD if raw.get("unread") is True else Blank(raw.get("blank", ""))
    return raw


def _path(table: Table, row: Row, key: str) -> str:
    return ".".join((table.key, *row.path, key))


def _coarsest(table: Table, units: Sequence[AnnualReport]) -> tuple[Alternative | None, str | None]:
    """The layout to sum into: the units' own when they agree, else the one that prints a replaced group as one row
    (finer rows add up into it; a single row cannot be split)."""
    used = {alternative_in_use(u, table) for u in units}
    if len(used) <= 1:
        return (next(iter(used)) if used else None), None
    note = f"units print {table.key} rows in different layouts; the rollup sums them as one row"
    for alt in table.alternatives:
        if len(alt.rows) == 1 and alt.rows[0].path == alt.replaces:
            return alt, note
    return None, note


def aggregate(
    reports: Iterable[AnnualReport],
    *,
    agency: str,
    year: int | None = None,
    expected_units: Iterable[str] | None = None,
    blank_as_zero: bool = False,
    on_duplicate: Literal["error", "first"] = "error",
) -> Rollup:
    """Sum the units' reports into the report of ``agency`` (scope ``region_aggregate``).

    ``year`` defaults to the most common year among the reports; reports on other years are left out and listed.
    Narrative sections are not summed (the rollup's are empty).
    """
    units = list(reports)
    if not units:
        raise AggregateError.keyed("aggregate.nothing")
    if year is None:
        years = [u.meta.year for u in units]
        year = max(set(years), key=lambda y: (years.count(y), y))
    other_year = tuple((u.meta.agency, u.meta.year) for u in units if u.meta.year != year)
    if all(u.meta.year != year for u in units):  # e.g. --year 2025 over a folder of 2024 reports
        found = tuple(f"{y} ({n})" for y, n in sorted(Counter(u.meta.year for u in units).items()))
        raise AggregateError.keyed("aggregate.no_year", year=year, years=found)
    units = [u for u in units if u.meta.year == year]
    formats = {u.format for u in units}
    if len(formats) > 1:  # name the units off the year's format, not all of a region's hundred units
        required = new_report(agency, year).format
        odd = [u for u in units if u.format != required]
        listing = tuple(Phrase("aggregate.unit_format", agency=u.meta.agency, format=u.format) for u in odd)
        raise AggregateError.keyed(
            "aggregate.formats", year=year, listing=listing, n=len(units) - len(odd), format=required
        )
    seen: dict[str, AnnualReport] = {}
    duplicated: list[str] = []
    for u in units:
        name = unit_name(u.meta.agency)
        if name in seen:
            duplicated.append(u.meta.agency)
            if on_duplicate == "error":
                raise DuplicateReportError(u.meta.agency, year)
            continue
        seen[name] = u
    units = list(seen.values())
    expected = tuple(expected_units or ())
    expected_names = {unit_name(e) for e in expected}
    present = tuple(u.meta.agency for u in units)
    missing = tuple(e for e in expected if unit_name(e) not in seen)
    unexpected = tuple(a for a in present if expected and unit_name(a) not in expected_names)

    rollup = new_report(agency, year, scope="region_aggregate")
    if rollup.format != next(iter(formats)):
        raise AggregateError.keyed("aggregate.wrong_format", format=next(iter(formats)), year=year)
    data = unstructure(rollup)
    blanks: list[tuple[str, str]] = []
    zeroed: list[tuple[str, str]] = []
    unread: list[tuple[str, str]] = []
    layout_note: str | None = None
    layout_table: str | None = None
    fmt = get_format(rollup.format)
    for table in fmt.tables:
        target, note = _coarsest(table, units)
        if note is not None and layout_note is None:
            layout_note, layout_table = note, table.key
        per_unit = [(u.meta.agency, _row_values(u, table, target)) for u in units]
        if target is not None:
            use_layout(data, table, target)
        for row in table.rows_with(target):
            for column in row.columns.columns:
                path = _path(table, row, column.key)
                total: int | Decimal = Decimal(0) if column.kind == "money" else 0
                is_blank = is_unread = False
                for name, values in per_unit:
                    value = values.get(path, BLANK)
                    if type(value) is Unread:
                        unread.append((name, path))
                        is_unread = True
                        continue
                    if type(value) is Blank:
                        if blank_as_zero:
                            zeroed.append((name, path))
                        else:
                            blanks.append((name, path))
                            is_blank = True
                        continue
                    total += value
                _put(data, path, {"unread": True} if is_unread else {"blank": ""} if is_blank else total)
    coverage = Coverage(
        expected,
        present,
        missing,
        unexpected,
        tuple(duplicated),
        other_year,
        tuple(blanks),
        tuple(zeroed),
        layout_note,
        tuple(unread),
        layout_table,
    )
    return Rollup(structure(data), coverage)


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    node = data
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


def check_rollup(
    published: AnnualReport, units: Iterable[AnnualReport], *, blank_as_zero: bool = False
) -> tuple[list[Difference], Coverage]:
    """Every cell where a published rollup differs from the sum of its units, and the units' coverage."""
    result = aggregate(
        units,
        agency=published.meta.agency,
        year=published.meta.year,
        blank_as_zero=blank_as_zero,
        on_duplicate="first",
    )
    fmt = get_format(published.format)
    differences: list[Difference] = []
    for table in fmt.tables:
        target = alternative_in_use(published, table)
        mine = _row_values(published, table, target)
        summed = _row_values(result.report, table, target)
        for row in table.rows_with(target):
            for column in row.columns.columns:
                path = _path(table, row, column.key)
                a, b = mine.get(path, BLANK), summed.get(path, BLANK)
                if a != b:
                    differences.append(Difference(path, row.labels + column.headers, a, b))
    return differences, result.coverage
