"""Chinese numerals, heading numbers, dates and amounts as the annual reports write them.

* :mod:`~disclosure_report.zh.numerals` — integers spelled out, digit by digit, in financial capitals, and back;
* :mod:`~disclosure_report.zh.numbering` — heading numbers 一、 （一） 1. （1）;
* :mod:`~disclosure_report.zh.dates` — 2023年12月31日, 二〇二三年十二月三十一日 and statistics periods;
* :mod:`~disclosure_report.zh.amounts` — 万元 kept exact, capitals, grouping and percentages (via babel);
* :mod:`~disclosure_report.zh.counts` — quantities in prose (受理申请859件).

Babel covers locale grouping and percentages; it has no Chinese spell-out and no 〇 digits, so those are here.
Everything that reads text raises :class:`ZhParseError` (a :class:`ValueError`) naming the offending position.
"""

from disclosure_report.zh.amounts import (
    format_amount_capitals,
    format_percent,
    format_percentage,
    format_wan,
    parse_amount,
    parse_amount_capitals,
    to_yuan,
    wan_to_yuan,
    yuan_to_wan,
)
from disclosure_report.zh.counts import Quantity, extract_counts
from disclosure_report.zh.dates import (
    DateRange,
    DateStyle,
    find_dates,
    find_period,
    format_date,
    parse_date,
    parse_period,
)
from disclosure_report.zh.errors import ZhParseError
from disclosure_report.zh.numbering import (
    Level,
    Numbering,
    item_number,
    parse_numbering,
    section_number,
    subitem_number,
    subsection_number,
)
from disclosure_report.zh.numerals import Style, format_int, parse_int

__all__ = [
    "DateRange",
    "DateStyle",
    "Level",
    "Numbering",
    "Quantity",
    "Style",
    "ZhParseError",
    "extract_counts",
    "find_dates",
    "find_period",
    "format_amount_capitals",
    "format_date",
    "format_int",
    "format_percent",
    "format_percentage",
    "format_wan",
    "item_number",
    "parse_amount",
    "parse_amount_capitals",
    "parse_date",
    "parse_int",
    "parse_numbering",
    "parse_period",
    "section_number",
    "subitem_number",
    "subsection_number",
    "to_yuan",
    "wan_to_yuan",
    "yuan_to_wan",
]
