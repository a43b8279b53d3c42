"""disclosure_report — the 政府信息公开工作年度报告 as typed data.

The public surface is small: the model (:class:`AnnualReport` and its parts), JSON in and out (:func:`load`,
:func:`loads`, :func:`dump`, :func:`dumps`), authoring helpers (:func:`new_report`, :func:`with_totals`), cell
paths (:func:`get_value`, :func:`replace_value`, :func:`iter_cells`) and two years compared (:func:`compare`).
Format declarations live in :mod:`disclosure_report.formats`.
"""

from disclosure_report.authoring.skeleton import new_report
from disclosure_report.authoring.totals import blank_totals, with_totals
from disclosure_report.corpus.compare import Comparison, compare
from disclosure_report.corpus.rollup import aggregate, check_rollup
from disclosure_report.errors import AuthoringError, DisclosureReportError, DocumentError, FieldValueError, Problem
from disclosure_report.formats import FORMATS, Format, format_for_year, get_format
from disclosure_report.jsonio.convert import dump, dumps, load, loads, structure, unstructure
from disclosure_report.model import (
    BLANK,
    PROACTIVE_CLASSES,
    UNREAD,
    AnnualReport,
    ApplicantRow,
    Applications,
    Blank,
    Contact,
    Decisions,
    Denied,
    DocumentCounts,
    DocumentCounts2019,
    FeeAmount,
    FeeCollection,
    FeeItems,
    Items,
    Meta,
    NotProcessed,
    OtherMatters,
    OtherOutcomes,
    Outcome,
    Overview,
    Period,
    Proactive2019,
    Proactive2021,
    Procurement,
    Results,
    ReviewLitigation,
    TextBlock,
    Unable,
    Unread,
    is_blank,
    is_number,
    is_unread,
)
from disclosure_report.model.paths import cell_values, get_value, iter_cells, replace_value
from disclosure_report.read import ReadResult, ReadWarning, read
from disclosure_report.render import render, write
from disclosure_report.rules import Finding, ValidationResult, validate

__version__ = "0.1.0"

__all__ = [
    "BLANK",
    "FORMATS",
    "PROACTIVE_CLASSES",
    "UNREAD",
    "AnnualReport",
    "ApplicantRow",
    "Applications",
    "AuthoringError",
    "Blank",
    "Comparison",
    "Contact",
    "Decisions",
    "Denied",
    "DisclosureReportError",
    "DocumentCounts",
    "DocumentCounts2019",
    "DocumentError",
    "FeeAmount",
    "FeeCollection",
    "FeeItems",
    "FieldValueError",
    "Finding",
    "Format",
    "Items",
    "Meta",
    "NotProcessed",
    "OtherMatters",
    "OtherOutcomes",
    "Outcome",
    "Overview",
    "Period",
    "Proactive2019",
    "Proactive2021",
    "Problem",
    "Procurement",
    "ReadResult",
    "ReadWarning",
    "Results",
    "ReviewLitigation",
    "TextBlock",
    "Unable",
    "Unread",
    "ValidationResult",
    "__version__",
    "aggregate",
    "blank_totals",
    "cell_values",
    "check_rollup",
    "compare",
    "dump",
    "dumps",
    "format_for_year",
    "get_format",
    "get_value",
    "is_blank",
    "is_number",
    "is_unread",
    "iter_cells",
    "load",
    "loads",
    "new_report",
    "read",
    "render",
    "replace_value",
    "structure",
    "unstructure",
    "validate",
    "with_totals",
    "write",
]
