"""An empty report to start from."""

from __future__ import annotations

from os import PathLike

from disclosure_report.errors import AuthoringTypeError
from disclosure_report.formats import format_for_year
from disclosure_report.model import AnnualReport, Meta, Period, Scope


def check_arguments(agency: object, year: object) -> None:
    """Clear errors for an agency that is not a string or a year that is not a whole number."""
    if type(agency) is not str:
        raise AuthoringTypeError.keyed("new.agency_type", agency=agency)
    if type(year) is not int:
        hint = f" (int({year!r}))" if isinstance(year, str) and year.strip().isdigit() else ""
        raise AuthoringTypeError.keyed("new.year_type", year=year, hint=hint, type=type(year).__name__)


def customary_title(agency: str, year: int) -> str:
    """The title in its customary form, ``{机关}{年}年政府信息公开工作年度报告``: new reports get it, renderers print it
    where a report gives none, readers expect it under an embedded record without a title.

    >>> customary_title("盘州市乡村振兴局", 2023)
    '盘州市乡村振兴局2023年政府信息公开工作年度报告'
    """
    return f"{agency}{year}年政府信息公开工作年度报告"


def new_report(
    agency: str, year: int, *, scope: Scope | None = None, previous: AnnualReport | None = None
) -> AnnualReport:
    """An empty, valid report for ``agency`` on ``year``: every cell 0, the statistics period the calendar year,
    the title in the customary form, in the format the year requires.

    Given last year's report as ``previous``, the new report starts from it: 二、上年结转 is last year's
    四、结转下年度继续办理, and the other carried cells, the scope, contact and preamble follow it
    (:func:`disclosure_report.authoring.carry.from_previous`; ``scope`` then overrides the carried scope).
    ``previous`` is a report: ``load("2025.json")``, or ``read("2025年报.pdf").report`` for a published document (its
    warnings are then yours to see); a file name is refused, saying so.

    >>> r = new_report("盘州市乡村振兴局", 2023)
    >>> r.format, r.meta.title, r.meta.period.end.isoformat()
    ('2021', '盘州市乡村振兴局2023年政府信息公开工作年度报告', '2023-12-31')
    """
    check_arguments(agency, year)
    if previous is not None and not isinstance(previous, AnnualReport):
        if isinstance(previous, (str, PathLike)):
            name = str(previous)
            call = f"load({name!r})" if name.lower().endswith(".json") else f"read({name!r}).report"
            raise AuthoringTypeError.keyed("new.previous_file", previous=name, call=call)
        raise AuthoringTypeError.keyed("new.previous_type", previous=previous, type=type(previous).__name__)
    if previous is not None:
        import attrs

        from disclosure_report.authoring.carry import from_previous

        report = from_previous(previous, agency, year)
        return report if scope is None else attrs.evolve(report, meta=attrs.evolve(report.meta, scope=scope))
    fmt = format_for_year(year)
    meta = Meta(
        agency=agency,
        year=year,
        title=customary_title(agency, year),
        period=Period.calendar_year(year),
        scope=scope,
    )
    return AnnualReport(format=fmt.version, meta=meta)  # type: ignore[arg-type]
