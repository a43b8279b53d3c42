"""The whole report."""

from __future__ import annotations

from typing import Literal

import attrs

from disclosure_report.model.meta import Meta
from disclosure_report.model.narrative import OtherMatters, Overview
from disclosure_report.model.tables import Applications, Proactive2021, ReviewLitigation
from disclosure_report.model.validators import of_type, one_of

FormatVersion = Literal["2021"]
"""The ``format`` values a document may carry."""


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
    proactive: Proactive2021 = attrs.field(factory=Proactive2021)
    applications: Applications = attrs.field(factory=Applications)
    review_litigation: ReviewLitigation = attrs.field(factory=ReviewLitigation)
    problems: str = attrs.field(default="", validator=of_type(str))
    """五、存在的主要问题及改进情况, as printed."""
    other_matters: OtherMatters = attrs.field(factory=OtherMatters)
    closing: str = attrs.field(default="", validator=of_type(str))
    """Text after section 六 (signature, date), as printed."""
