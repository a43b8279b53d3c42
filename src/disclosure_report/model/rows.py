"""Row types: the attrs classes whose fields are the columns of a declared :class:`~..formats.ColumnSet`.

Field names and order equal the column keys of the format declaration (a test proves it); labels live only in
the declaration.
"""

from __future__ import annotations

import attrs

from disclosure_report.model.cells import Count, Money, cell


@attrs.frozen
class ApplicantRow:
    """A row of table 三: one count per applicant column, and their 总计."""

    natural_person: Count = cell()
    commercial: Count = cell()
    research: Count = cell()
    public_interest: Count = cell()
    legal_services: Count = cell()
    other_org: Count = cell()
    total: Count = cell()


@attrs.frozen
class Outcome:
    """A band of table 四: results of 行政复议 or of one kind of 行政诉讼."""

    upheld: Count = cell()
    corrected: Count = cell()
    other: Count = cell()
    pending: Count = cell()
    total: Count = cell()


@attrs.frozen
class DocumentCounts:
    """规章 / 行政规范性文件 in table 二 (2021): issued, repealed, in force."""

    issued: Count = cell()
    repealed: Count = cell()
    in_force: Count = cell()


@attrs.frozen
class Decisions:
    """行政许可 / 行政处罚 / 行政强制 in table 二 (2021): decisions this year."""

    decisions: Count = cell()


@attrs.frozen
class FeeAmount:
    """行政事业性收费 in table 二 (2021): the amount collected this year, in 万元."""

    amount: Money = cell("money")
