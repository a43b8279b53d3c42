"""The typed model of the annual report: attrs classes whose fields nest along the published cell paths."""

from disclosure_report.model.cells import BLANK, Blank, Count, Money, Signed, is_blank
from disclosure_report.model.meta import Contact, Meta, Period, Scope
from disclosure_report.model.narrative import FeeBasis, FeeCollection, OtherMatters, Overview, TextBlock
from disclosure_report.model.report import PROACTIVE_CLASSES, AnnualReport, FormatVersion
from disclosure_report.model.rows import (
    ApplicantRow,
    Decisions,
    DocumentCounts,
    DocumentCounts2019,
    FeeAmount,
    FeeItems,
    Items,
    Outcome,
    Procurement,
)
from disclosure_report.model.tables import (
    Applications,
    Denied,
    NotProcessed,
    OtherOutcomes,
    Proactive2019,
    Proactive2021,
    Results,
    ReviewLitigation,
    Unable,
)

__all__ = [
    "BLANK",
    "PROACTIVE_CLASSES",
    "AnnualReport",
    "ApplicantRow",
    "Applications",
    "Blank",
    "Contact",
    "Count",
    "Decisions",
    "Denied",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeBasis",
    "FeeCollection",
    "FeeItems",
    "FormatVersion",
    "Items",
    "Meta",
    "Money",
    "NotProcessed",
    "OtherMatters",
    "OtherOutcomes",
    "Outcome",
    "Overview",
    "Period",
    "Proactive2019",
    "Proactive2021",
    "Procurement",
    "Results",
    "ReviewLitigation",
    "Scope",
    "Signed",
    "TextBlock",
    "Unable",
    "is_blank",
]
