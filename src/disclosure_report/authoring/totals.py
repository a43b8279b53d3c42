"""Fill the totals of a report for its author — the validator never does this silently."""

from __future__ import annotations

from typing import Any

from disclosure_report.formats import Row, Table, get_format
from disclosure_report.model import AnnualReport, Blank
from disclosure_report.model.paths import alternative_in_use


def _node(data: dict[str, Any], table: Table, row: Row) -> dict[str, Any]:
    node: dict[str, Any] = data[table.key]
    for key in row.path:
        node = node[key]
    return node


_UNREAD = {"unread": True}


def _sum(values: list[Any]) -> Any:
    """Blank parts count as 0; a total of parts one of which is unread is unread too."""
    if _UNREAD in values:
        return dict(_UNREAD)
    return sum((0 if isinstance(v, dict) else v for v in values), start=0)


def with_totals(report: AnnualReport) -> AnnualReport:
    """A copy of ``report`` whose totals equal the sums of their parts, as the format declares them.

    Every row's total column becomes the sum of its other columns, then every total row (（七）总计) the
    column-wise sum of the rows it totals. Blank parts count as 0; a total with an unread part is unread. Use it
    when *authoring* a report; to check a published report, validate it instead.

    >>> from disclosure_report import new_report, replace_value
    >>> r = replace_value(new_report("某局", 2023), "applications.results.granted.natural_person", 3)
    >>> with_totals(r).applications.results.total.total
    3
    """
    from disclosure_report.jsonio.convert import structure, unstructure

    data = unstructure(report)
    for table in get_format(report.format).tables:
        rows = table.rows_with(alternative_in_use(report, table))
        for row in rows:
            total = row.columns.total
            if total is not None:
                node = _node(data, table, row)
                node[total] = _sum([node[k] for k in row.columns.parts])
        for row_sum in table.row_sums:
            total_row = next(r for r in rows if r.path == row_sum.total)
            target = _node(data, table, total_row)
            parts = [_node(data, table, r) for r in row_sum.parts(rows)]
            for key in total_row.columns.keys:
                target[key] = _sum([p[key] for p in parts])
    return structure(data)


def blank_totals(report: AnnualReport) -> list[str]:
    """Cell paths of totals that are blank in ``report`` (a published report may leave them empty)."""
    out: list[str] = []
    for table in get_format(report.format).tables:
        for row in table.rows_with(alternative_in_use(report, table)):
            if row.columns.total is not None:
                node: Any = getattr(report, table.key)
                for key in row.path:
                    node = getattr(node, key)
                if isinstance(getattr(node, row.columns.total), Blank):
                    out.append(".".join((table.key, *row.path, row.columns.total)))
    return out
