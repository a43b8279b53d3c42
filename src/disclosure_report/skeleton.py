"""An empty report to start from."""

from __future__ import annotations

from disclosure_report.formats import format_for_year
from disclosure_report.model import AnnualReport, Meta, Period, Scope


def customary_title(agency: str, year: int) -> str:
    """The title in its customary form, ``{机关}{年}年政府信息公开工作年度报告``: new reports get it, renderers print it
    where a report gives none, readers expect it under an embedded record without a title.

    >>> customary_title("盘州市乡村振兴局", 2023)
    '盘州市乡村振兴局2023年政府信息公开工作年度报告'
    """
    return f"{agency}{year}年政府信息公开工作年度报告"


def new_report(agency: str, year: int, *, scope: Scope | None = None) -> AnnualReport:
    """An empty, valid report for ``agency`` on ``year``: every cell 0, the statistics period the calendar year,
    the title in the customary form, in the format the year requires.

    >>> r = new_report("盘州市乡村振兴局", 2023)
    >>> r.format, r.meta.title, r.meta.period.end.isoformat()
    ('2021', '盘州市乡村振兴局2023年政府信息公开工作年度报告', '2023-12-31')
    """
    fmt = format_for_year(year)
    meta = Meta(
        agency=agency,
        year=year,
        title=customary_title(agency, year),
        period=Period.calendar_year(year),
        scope=scope,
    )
    return AnnualReport(format=fmt.version, meta=meta)  # type: ignore[arg-type]
