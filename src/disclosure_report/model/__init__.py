"""The typed model of the annual report: attrs classes whose fields nest along the published cell paths."""

from disclosure_report.model.cells import BLANK, Blank, Count, Money, Signed, is_blank
from disclosure_report.model.meta import Contact, Meta, Period, Scope
from disclosure_report.model.narrative import FeeBasis, FeeCollection, OtherMatters, Overview, TextBlock
from disclosure_report.model.report import AnnualReport, FormatVersion
from disclosure_report.model.rows import ApplicantRow, Decisions, DocumentCounts, FeeAmount, Outcome
from disclosure_report.model.tables import (
    Applications,
    Denied,
    NotProcessed,
    OtherOutcomes,
    Proactive2021,
    Results,
    ReviewLitigation,
    Unable,
)

__all__ = [
    "BLANK",
    "AnnualReport",
    "ApplicantRow",
    "Applications",
    "Blank",
    "Contact",
    "Count",
    "Decisions",
    "Denied",
    "DocumentCounts",
    "FeeAmount",
    "FeeBasis",
    "FeeCollection",
    "FormatVersion",
    "Meta",
    "Money",
    "NotProcessed",
    "OtherMatters",
    "OtherOutcomes",
    "Outcome",
    "Overview",
    "Period",
    "Proactive2021",
    "Results",
    "ReviewLitigation",
    "Scope",
    "Signed",
    "TextBlock",
    "Unable",
    "is_blank",
]
