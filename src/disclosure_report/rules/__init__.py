"""Consistency rules (勾稽关系 and more), declared as data, and the engine that checks a report against them.

>>> from disclosure_report import load
>>> from disclosure_report.rules import validate
>>> result = validate(load("examples/shuyang-county-gov-2025.json"))
>>> result.ok, result.counts
(True, {'error': 0, 'warning': 0, 'info': 0})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from disclosure_report.errors import UnknownRuleError
from disclosure_report.jsonio.unchecked import constructor
from disclosure_report.model import AnnualReport
from disclosure_report.rules import checks
from disclosure_report.rules.catalogue import BY_ID, RULES, identities, rule
from disclosure_report.rules.declare import Finding, Identity, Rule, Severity, ValidationResult
from disclosure_report.rules.engine import evaluate_identities

__all__ = [
    "RULES",
    "Finding",
    "Identity",
    "Rule",
    "Severity",
    "ValidationResult",
    "identities",
    "rule",
    "unknown_rule_ids",
    "validate",
]

_REPORT_CHECKS: tuple[Callable[[AnnualReport], Iterator[Finding]], ...] = (
    checks.agency_named,
    checks.format_year,
    checks.unread_tables,
    checks.layout,
    checks.period,
    checks.deadline,
    checks.title_year,
    checks.prose_vs_table,
    checks.fee_statement,
)


_NONE: frozenset[str] = frozenset()


def validate(
    report: AnnualReport,
    previous: AnnualReport | None = None,
    *,
    disable: Iterable[str] = (),
    identities_only: bool = False,
) -> ValidationResult:
    """Check ``report`` against every rule of its format (and, given ``previous``, the cross-year rules).

    ``disable`` takes rule ids (``T3-ROWSUM``) or sub-ids (``T3-ROWSUM[results.granted]``) to waive.
    ``identities_only`` evaluates the identity rules alone (the fast path for bulk checks of the tables).
    """
    disabled = frozenset(disable) if disable else _NONE
    if disabled:
        unknown = unknown_rule_ids(disabled)
        if unknown:
            raise UnknownRuleError.keyed("validate.unknown_rules", ids=", ".join(unknown))
    findings = evaluate_identities(report, disabled)
    if not identities_only:
        year = report.meta.year
        more: list[Finding] = []
        for check in _REPORT_CHECKS:
            more.extend(check(report))
        if previous is not None:
            more.extend(checks.cross_year(report, previous))
        for f in more:
            if f.rule not in disabled and f.sub_id not in disabled and BY_ID[f.rule].applies_to(year):
                findings.append(f)
    return _new_result(tuple(findings))


def unknown_rule_ids(ids: Iterable[str]) -> list[str]:
    """The rule ids (``T3-ROWSUM``) or sub-ids (``T3-ROWSUM[results.granted]``) among ``ids`` that name no rule,
    sorted."""
    return sorted({i for i in ids if i.split("[", 1)[0] not in BY_ID})


_new_result = constructor(ValidationResult)
"""The result holds the findings as they are: nothing for ``ValidationResult.__init__`` to check."""
