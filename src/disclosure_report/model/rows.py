"""Row types: the attrs classes whose fields are the columns of a declared :class:`~..formats.ColumnSet`.

Field names and order equal the column keys of the format declaration (a test proves it); labels live only in
the declaration.
"""

from __future__ import annotations

import attrs

from disclosure_report.model.cells import Count, Money, Signed, cell
from disclosure_report.model.validators import of_type


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


@attrs.frozen
class DocumentCounts2019:
    """规章 / 规范性文件 in table 二 (2019): newly made, newly published, published in total."""

    new_made: Count = cell()
    new_published: Count = cell()
    total_published: Count = cell()


@attrs.frozen
class Items:
    """An item row of table 二 (2019): items last year, this year's change (signed), decisions this year."""

    prev_count: Count = cell()
    delta: Signed = cell("signed")
    decisions: Count = cell()


@attrs.frozen
class FeeItems:
    """行政事业性收费 in table 二 (2019): fee items last year and this year's change (signed)."""

    prev_count: Count = cell()
    delta: Signed = cell("signed")


@attrs.frozen
class Procurement:
    """政府集中采购 in table 二 (2019): projects and their total amount.

    The header of 采购总金额 names no unit; reports write one in the cell (上海 2019: ``251000元``), so the unit as
    printed is kept beside the amount (``"元"``, ``"万元"``…, or None when none was printed).
    """

    projects: Count = cell()
    amount: Money = cell("money")
    amount_unit: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
