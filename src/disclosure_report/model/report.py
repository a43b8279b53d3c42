"""The whole report."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from disclosure_report.errors import FieldValueError, Phrase
from disclosure_report.model.meta import Meta
from disclosure_report.model.narrative import OtherMatters, Overview
from disclosure_report.model.rows import ApplicantRow
from disclosure_report.model.tables import Applications, Proactive2019, Proactive2021, Results, ReviewLitigation
from disclosure_report.model.validators import of_type, one_of

FormatVersion = Literal["2021", "2019"]
"""The ``format`` values a document may carry."""

PROACTIVE_CLASSES: dict[str, type[Proactive2021] | type[Proactive2019]] = {
    "2021": Proactive2021,
    "2019": Proactive2019,
}
"""The class of table 二 in each format version (tables 三 and 四 are shared)."""


def _proactive_for(report: Any) -> Proactive2021 | Proactive2019:
    return PROACTIVE_CLASSES.get(report.format, Proactive2021)()


def _applications_for(report: Any) -> Applications:
    if report.format == "2019":
        return Applications(results=Results(other=ApplicantRow()))
    return Applications()


def _check_proactive(report: Any, _attr: attrs.Attribute[Any], value: object) -> None:
    expected = PROACTIVE_CLASSES.get(report.format)
    if expected is not None and type(value) is not expected:
        raise FieldValueError(
            "AnnualReport",
            "proactive",
            Phrase("expected.proactive", format=report.format, cls=expected.__name__),
            type(value).__name__,
        )


@attrs.frozen(kw_only=True)
class AnnualReport:
    """One 政府信息公开工作年度报告, as typed data.

    Every number of the published tables has a field whose dotted path is its cell path (see
    :mod:`disclosure_report.formats`); totals are stored as reported, never recomputed here.

    >>> from disclosure_report import new_report
    >>> report = new_report("盘州市乡村振兴局", 2023)
    >>> report.applications.results.denied.state_secret.natural_person
    0
    """

    format: FormatVersion = attrs.field(default="2021", validator=one_of(FormatVersion))
    meta: Meta
    preamble: str = attrs.field(default="", validator=of_type(str))
    """Text before 一、总体情况 (the opening paragraphs: basis, scope, contact)."""
    overview: Overview = attrs.field(factory=Overview)
    proactive: Proactive2021 | Proactive2019 = attrs.field(
        default=attrs.Factory(_proactive_for, takes_self=True), validator=_check_proactive
    )
    """Table 二, of the class the format version declares (:data:`PROACTIVE_CLASSES`)."""
    applications: Applications = attrs.field(default=attrs.Factory(_applications_for, takes_self=True))
    review_litigation: ReviewLitigation = attrs.field(factory=ReviewLitigation)
    problems: str = attrs.field(default="", validator=of_type(str))
    """五、存在的主要问题及改进情况, as printed."""
    other_matters: OtherMatters = attrs.field(factory=OtherMatters)
    closing: str = attrs.field(default="", validator=of_type(str))
    """Text after section 六 (signature, date), as printed."""
