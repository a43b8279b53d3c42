"""Chinese numerals, heading numbers, dates and amounts as the annual reports write them.

Babel covers locale grouping and percentages; it has no Chinese spell-out and no 〇 digits, so those are here.
"""

from disclosure_report.zh.amounts import (
    format_amount_capitals,
    format_percentage,
    format_wan,
    parse_amount,
    to_yuan,
    wan_to_yuan,
    yuan_to_wan,
)
from disclosure_report.zh.counts import Quantity, extract_counts
from disclosure_report.zh.dates import DateStyle, find_dates, find_period, format_date, parse_date, parse_period
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numbering import Numbering, item_number, parse_numbering, section_number, subsection_number
from disclosure_report.zh.numerals import format_int, parse_int

__all__ = [
    "DateStyle",
    "Numbering",
    "Quantity",
    "ZhParseError",
    "extract_counts",
    "find_dates",
    "find_period",
    "format_amount_capitals",
    "format_date",
    "format_int",
    "format_percentage",
    "format_wan",
    "item_number",
    "parse_amount",
    "parse_date",
    "parse_int",
    "parse_numbering",
    "parse_period",
    "section_number",
    "subsection_number",
    "to_yuan",
    "wan_to_yuan",
    "yuan_to_wan",
]
