"""The tables of the 2021 format: 二 (proactive), 三 (applications) and 四 (review and litigation)."""

from __future__ import annotations

import attrs

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


def _row() -> ApplicantRow:
    return ApplicantRow()


@attrs.frozen
class Proactive2021:
    """二、主动公开政府信息情况 (2021 format)."""

    regulations: DocumentCounts = attrs.field(factory=DocumentCounts)
    normative_documents: DocumentCounts = attrs.field(factory=DocumentCounts)
    licensing: Decisions = attrs.field(factory=Decisions)
    penalty: Decisions = attrs.field(factory=Decisions)
    coercion: Decisions = attrs.field(factory=Decisions)
    fees: FeeAmount = attrs.field(factory=FeeAmount)


@attrs.frozen
class Proactive2019:
    """二、主动公开政府信息情况 (2019 format)."""

    regulations: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    licensing: Items = attrs.field(factory=Items)
    other_services: Items = attrs.field(factory=Items)
    penalty: Items = attrs.field(factory=Items)
    coercion: Items = attrs.field(factory=Items)
    fees: FeeItems = attrs.field(factory=FeeItems)
    procurement: Procurement = attrs.field(factory=Procurement)


@attrs.frozen
class Denied:
    """（三）不予公开, rows 1–8."""

    state_secret: ApplicantRow = attrs.field(factory=_row)
    prohibited_by_law: ApplicantRow = attrs.field(factory=_row)
    security_stability: ApplicantRow = attrs.field(factory=_row)
    third_party_rights: ApplicantRow = attrs.field(factory=_row)
    internal_affairs: ApplicantRow = attrs.field(factory=_row)
    process_information: ApplicantRow = attrs.field(factory=_row)
    law_enforcement_files: ApplicantRow = attrs.field(factory=_row)
    administrative_query: ApplicantRow = attrs.field(factory=_row)


@attrs.frozen
class Unable:
    """（四）无法提供, rows 1–3."""

    not_held: ApplicantRow = attrs.field(factory=_row)
    needs_creation: ApplicantRow = attrs.field(factory=_row)
    unclear: ApplicantRow = attrs.field(factory=_row)


@attrs.frozen
class NotProcessed:
    """（五）不予处理, rows 1–5."""

    petition: ApplicantRow = attrs.field(factory=_row)
    duplicate: ApplicantRow = attrs.field(factory=_row)
    publication: ApplicantRow = attrs.field(factory=_row)
    excessive: ApplicantRow = attrs.field(factory=_row)
    confirmation: ApplicantRow = attrs.field(factory=_row)


@attrs.frozen
class OtherOutcomes:
    """（六）其他处理 of the 2021 format, rows 1–3."""

    overdue_correction: ApplicantRow = attrs.field(factory=_row)
    unpaid_fee: ApplicantRow = attrs.field(factory=_row)
    other: ApplicantRow = attrs.field(factory=_row)


@attrs.frozen
class Results:
    """三、本年度办理结果.

    ``other`` is :class:`OtherOutcomes` in the 2021 layout and one :class:`ApplicantRow` in the 2019 layout. A
    report that prints the other format's layout keeps it as printed (and the validator flags it).
    """

    granted: ApplicantRow = attrs.field(factory=_row)
    partially_granted: ApplicantRow = attrs.field(factory=_row)
    denied: Denied = attrs.field(factory=Denied)
    unable: Unable = attrs.field(factory=Unable)
    not_processed: NotProcessed = attrs.field(factory=NotProcessed)
    other: OtherOutcomes | ApplicantRow = attrs.field(factory=OtherOutcomes)
    total: ApplicantRow = attrs.field(factory=_row)


@attrs.frozen
class Applications:
    """三、收到和处理政府信息公开申请情况."""

    new: ApplicantRow = attrs.field(factory=_row)
    carried_over: ApplicantRow = attrs.field(factory=_row)
    results: Results = attrs.field(factory=Results)
    carried_forward: ApplicantRow = attrs.field(factory=_row)


@attrs.frozen
class ReviewLitigation:
    """四、政府信息公开行政复议、行政诉讼情况."""

    review: Outcome = attrs.field(factory=Outcome)
    litigation_direct: Outcome = attrs.field(factory=Outcome)
    litigation_after_review: Outcome = attrs.field(factory=Outcome)
